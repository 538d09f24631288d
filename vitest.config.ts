import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // Unit and route tests beside their code; tests/ holds integration tests (and e2e, Playwright's). docs/testing.md
    include: ['app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    setupFiles: ['./tests/setup.ts'],
    globalSetup: ['./tests/global-setup.ts'],
    // One migrated database per worker, shared by the files that worker runs (see tests/setup.ts).
    isolate: false,
    pool: 'forks',
    // Block CSS is imported with ?raw; without this vitest would load it as an empty string.
    css: { include: [/app\/pages\/blocks\/.*\.css/] },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: './test-results/vitest.json' },
  },
})
