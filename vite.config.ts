import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    tailwindcss(),
    remix({
      ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/.*'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
  // Pre-bundle client deps up front; keep server-only ones out (docs/stack.md pitfall 7).
  optimizeDeps: {
    include: ['react-hook-form', '@hookform/resolvers/zod', 'zod', 'recharts'],
    exclude: ['@electric-sql/pglite', 'postgres', 'drizzle-orm'],
  },
  ssr: { external: ['@electric-sql/pglite', 'postgres'] },
})
