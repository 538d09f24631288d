// The process: serves the Remix build (or Vite in dev), owns startup and shutdown.
// Plain JavaScript so that it runs before anything is built; the app's logic lives in app/ and is
// reached through the build's entry module (app/entry.server.tsx re-exports what this file calls).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import readline from 'node:readline'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'
import { createBuildProgress } from './scripts/build-progress.js'

const isDev = process.argv.includes('--dev')
process.env.NODE_ENV ??= isDev ? 'development' : 'production'
const BUILD_ENTRY = path.resolve('build/server/index.js')
const SHUTDOWN_GRACE_MS = 10_000

/** `npm run build`, saying which step it is on rather than repeating its output; all of it if it fails. */
async function build() {
  const startedAt = Date.now()
  console.log('No build yet: building once (npm run build)…')
  const progress = createBuildProgress((line) => console.log(line))
  const child = spawn('npm', ['run', 'build'], { stdio: ['ignore', 'pipe', 'pipe'] })
  for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', (line) => progress.line(line))
  const [code] = await once(child, 'close')
  if (code !== 0) {
    console.error(`The build failed (exit code ${code}). Its output:\n${progress.output()}`)
    process.exit(code ?? 1)
  }
  console.log(`Built in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`)
}

async function loadProductionBuild() {
  if (!existsSync(BUILD_ENTRY)) await build()
  return import(BUILD_ENTRY)
}

async function main() {
  const vite = isDev ? await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } })) : undefined
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
  // Requests being answered, so that shutdown can tell each to close its connection when done.
  const responses = new Set()
  function forgetResponse() {
    responses.delete(this)
  }
  let stopping = false
  // The visitor path: published pages are answered from memory by plain Node, before express and Remix
  // (whose per-request cost would cap a core at about a thousand pages a second).
  const server = http.createServer((req, res) => {
    // After an uncaught exception nothing more is served (see below): a page served now could not be counted.
    if (crashing) return void res.writeHead(503, { Connection: 'close', 'Retry-After': '1' }).end()
    // During shutdown every answer ends its connection, so that keep-alive clients move on to another process.
    if (stopping) res.setHeader('Connection', 'close')
    responses.add(res)
    res.on('close', forgetResponse)
    if (!entry.isPublishedPageRequest(req.method, req.url)) return app(req, res)
    const fail = (error) => {
      console.error('Published page failed:', error)
      if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Temporarily unavailable')
    }
    if (vite)
      return void loadBuild()
        .then((b) => b.entry.module.servePublishedPage(req, res))
        .catch(fail)
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
  serverForCrash = { server, flushEvents: started.flushEvents }

  // Graceful shutdown (SIGTERM from a supervisor, Ctrl-C): stop accepting, answer what is in flight with
  // `Connection: close` and close idle keep-alive connections, then write the batches held in memory, stop the
  // workers and close the database, all within SHUTDOWN_GRACE_MS; exit 0 when nothing was lost.
  const shutdown = async (signal) => {
    if (stopping) return
    stopping = true
    const startedAt = Date.now()
    const deadline = startedAt + SHUTDOWN_GRACE_MS - 500
    console.log(`${signal}: finishing in-flight requests, then closing the database…`)
    // Not unref'd: the process must not slip out with exit code 0 while something it waits on hangs.
    setTimeout(() => {
      console.error('Shutdown took too long; exiting.')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    for (const res of responses) if (!res.headersSent) res.setHeader('Connection', 'close')
    // A response already under way when the signal came keeps its connection open: close it once it is answered.
    for (const res of responses) res.once('finish', () => setImmediate(() => server.closeIdleConnections()))
    const drained = new Promise((resolve) => server.close(resolve))
    server.closeIdleConnections()
    // Requests get at most half the grace; the rest is for writing what is in memory.
    const drainTimeout = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS / 2, 'timeout').unref())
    if ((await Promise.race([drained, drainTimeout])) === 'timeout') {
      console.error(`${responses.size} requests still running after ${SHUTDOWN_GRACE_MS / 2} ms; closing their connections.`)
      server.closeAllConnections()
    }
    await vite?.close()
    const { unwritten } = await entry.stopServices({ deadline })
    console.log(`Stopped in ${Date.now() - startedAt} ms${unwritten ? `; ${unwritten} events could not be written` : ''}.`)
    process.exit(unwritten ? 1 : 0)
  }
  const stop = (signal) =>
    shutdown(signal).catch((error) => {
      console.error('Shutdown failed:', error)
      process.exit(1)
    })
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

// Set once the server listens: what the last resort below needs.
let serverForCrash
const CRASH_FLUSH_MS = 2000

// A lost database connection must not take the process down: log it, the next request reconnects.
process.on('unhandledRejection', (reason) => console.error('Unhandled rejection:', reason))

// The last resort. An exception nothing caught means some operation stopped halfway, leaving state (a pool, a
// queue, a half-written response) that nothing can vouch for; Node's documentation says it is not safe to resume.
// So: log it with its stack, stop accepting and answer 503 to requests still arriving on open connections, give the
// page views and conversions held in memory a short, bounded chance to reach the database, then exit(1) for the
// supervisor to start a clean process (docs/operations.md).
// Every acknowledged submission is already committed; at most the in-memory batches' last second is at stake.
let crashing = false
process.on('uncaughtException', (error, origin) => {
  console.error(`Uncaught exception (${origin}); exiting for the supervisor to restart the process:`, error)
  if (crashing) return
  crashing = true
  setTimeout(() => process.exit(1), CRASH_FLUSH_MS + 500)
  serverForCrash?.server.close()
  serverForCrash?.server.closeIdleConnections()
  Promise.resolve(serverForCrash?.flushEvents({ deadline: Date.now() + CRASH_FLUSH_MS }))
    .catch((flushError) => console.error('Writing the in-memory events failed:', flushError))
    .finally(() => process.exit(1))
})

main().catch((error) => {
  // Configuration errors (app/env.server.ts) carry a message meant for people; anything else needs its stack.
  console.error(error instanceof Error && error.message.startsWith('Invalid configuration') ? error.message : error)
  process.exit(1)
})
