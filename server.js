// The process: serves the Remix build (or Vite in dev), owns startup and shutdown.
// Plain JavaScript so that it runs before anything is built; the app's logic lives in app/ and is
// reached through the build's entry module (app/entry.server.tsx re-exports what this file calls).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'

const isDev = process.argv.includes('--dev')
process.env.NODE_ENV ??= isDev ? 'development' : 'production'
const BUILD_ENTRY = path.resolve('build/server/index.js')
const SHUTDOWN_GRACE_MS = 10_000

async function loadProductionBuild() {
  if (!existsSync(BUILD_ENTRY)) {
    console.log('No build yet: building once (npm run build)…')
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
    if (result.status !== 0) process.exit(result.status ?? 1)
  }
  return import(BUILD_ENTRY)
}

async function main() {
  const vite = isDev
    ? await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    : undefined
  const loadBuild = vite ? () => vite.ssrLoadModule('virtual:remix/server-build') : undefined
  const build = vite ? await loadBuild() : await loadProductionBuild()
  const entry = build.entry.module

  const started = await entry.startServices()

  const app = express()
  app.disable('x-powered-by')
  app.use((req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    next()
  })
  // CSRF: refuse cross-site form posts with a clear 403 here, before Remix (whose own origin check answers
  // a bare 500). The API is exempt: it authenticates with bearer keys, never with ambient cookies.
  app.use((req, res, next) => {
    const host = req.get('x-forwarded-host')?.split(',')[0]?.trim() || req.get('host')
    const origin = req.get('origin')
    const fetchSite = req.get('sec-fetch-site')
    if (!req.path.startsWith('/api/') && entry.isCrossSiteRequest({ method: req.method, origin, fetchSite, host })) {
      res.status(403).type('text/plain').send(entry.CROSS_SITE_MESSAGE)
      return
    }
    next()
  })
  app.use(entry.guardRequest) // body limits (413 before reading) and NUL in URLs (400): app/http/request-guard.server.ts
  // Remix dispatches GET, HEAD, OPTIONS, POST, PUT, PATCH and DELETE only, and answers any other method with its
  // own `405 {"message":"Unexpected Server Error"}`. API routes answer those themselves (405 with Allow): they
  // get them as OPTIONS, with the real method in this header, which only this code may set
  // (app/http/methods.server.ts ORIGINAL_METHOD_HEADER).
  const remixMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'])
  app.use('/api/', (req, res, next) => {
    delete req.headers['x-splitform-original-method']
    if (!remixMethods.has(req.method)) {
      req.headers['x-splitform-original-method'] = req.method
      req.method = 'OPTIONS'
    }
    next()
  })
  if (vite) app.use(vite.middlewares)
  else {
    // Fingerprinted by Vite, so they can be cached forever.
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
    app.use(express.static('build/client', { maxAge: '1h' }))
  }
  app.all(
    '*',
    createRequestHandler({
      build: loadBuild ?? build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req) => ({
        clientIp: entry.resolveClientIp({
          socketAddress: req.socket.remoteAddress,
          forwardedFor: req.headers['x-forwarded-for'],
          hops: started.trustProxyHops,
        }),
      }),
    }),
  )

  const port = started.port
  // The visitor path: published pages are answered from memory by plain Node, before express and Remix
  // (whose per-request cost would cap a core at about a thousand pages a second).
  const server = http.createServer((req, res) => {
    if (!entry.isPublishedPageRequest(req.method, req.url)) return app(req, res)
    const fail = (error) => {
      console.error('Published page failed:', error)
      if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Temporarily unavailable')
    }
    if (vite) return void loadBuild().then((b) => b.entry.module.servePublishedPage(req, res)).catch(fail)
    try {
      // Synchronous for known pages: no promise on the hot path.
      entry.servePublishedPage(req, res)?.catch(fail)
    } catch (error) {
      fail(error)
    }
  })
  server.listen(port, () => {
    console.log(`Splitform is running at http://localhost:${port} (${started.database})`)
    if (started.demoLogin) console.log(`Demo login: ${started.demoLogin.email} / ${started.demoLogin.password}`)
  })

  let stopping = false
  const shutdown = (signal) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: finishing in-flight requests, then closing the database…`)
    setTimeout(() => {
      console.error('Shutdown took too long; exiting.')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS).unref()
    // Stop accepting; close() calls back once in-flight requests have been answered.
    server.close(async () => {
      await vite?.close()
      await entry.stopServices()
      process.exit(0)
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

// A lost database connection must not take the process down: log it, the next request reconnects.
process.on('unhandledRejection', (reason) => console.error('Unhandled rejection:', reason))

main().catch((error) => {
  // Configuration errors (app/env.server.ts) carry a message meant for people; anything else needs its stack.
  console.error(error instanceof Error && error.message.startsWith('Invalid configuration') ? error.message : error)
  process.exit(1)
})
