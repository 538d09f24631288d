import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

/** The largest client chunk (the page editor, 876 kB minified) with room to grow; see build.chunkSizeWarningLimit. */
const CHUNK_SIZE_WARNING_KB = 1200

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
  build: {
    // The page editor (Puck) is one large chunk loaded only on the editor's route, and is known: the default
    // 500 kB warning named it on every build. A chunk past this limit is new and still gets the warning.
    chunkSizeWarningLimit: CHUNK_SIZE_WARNING_KB,
    rollupOptions: {
      // Server-only route modules (the API, resource routes) leave an empty client chunk each: two dozen
      // "Generated an empty chunk" lines per build that said nothing (issue 17). Every other warning stays.
      onwarn(warning, warn) {
        if (warning.code === 'EMPTY_BUNDLE') return
        warn(warning)
      },
    },
  },
  // Pre-bundle client deps up front; keep server-only ones out (docs/stack.md pitfall 7).
  optimizeDeps: {
    include: ['react-hook-form', '@hookform/resolvers/zod', 'zod', 'recharts'],
    exclude: ['@electric-sql/pglite', 'postgres', 'drizzle-orm'],
  },
  ssr: { external: ['@electric-sql/pglite', 'postgres'] },
})
