// Published pages: the same bytes served (1) by a bare Node http server from memory and (2) as /p/:slug by
// the production server on real PostgreSQL, one after the other in one run. The server and wrk are pinned
// to separate cores. Needs a build (npm run build), PostgreSQL (DATABASE_URL or the local server) and wrk.
import { execFileSync, spawn } from 'node:child_process'
import { startServer } from '#tests/server-process'
import { createBenchDatabase } from './bench-db'
import { printTable, requireWrk, runWrk, type LoadResult } from './wrk'

requireWrk()
const benchDb = await createBenchDatabase('pages')

const SLUG = 'demo-webinar'
const server = await startServer({ DATABASE_URL: benchDb.url, SESSION_SECRET: 'b'.repeat(40), SEED_DEMO: '1', RATE_LIMITS: 'off' })
try {
  execFileSync('taskset', ['-p', '-c', '0', String(server.proc.pid)], { stdio: 'ignore' })
  const pageUrl = `${server.url}/p/${SLUG}`
  const page = await fetch(pageUrl)
  if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}: is the demo page seeded?`)
  const bytes = Buffer.from(await page.arrayBuffer())
  console.log(`page: /p/${SLUG}, ${bytes.length} bytes uncompressed`)

  // (1) The ceiling: the same bytes from a bare Node server in a child process pinned to the same core.
  const bare = spawn(
    'taskset',
    [
      '-c',
      '0',
      process.execPath,
      '--input-type=module',
      '-e',
      `
    import http from 'node:http'
    const body = Buffer.from(process.env.BODY, 'base64')
    http.createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }); res.end(body) })
      .listen(0, '127.0.0.1', function () { console.log(this.address().port) })
  `,
    ],
    { env: { ...process.env, BODY: bytes.toString('base64') }, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const barePort = await new Promise<number>((resolve) => bare.stdout!.once('data', (d) => resolve(Number(String(d).trim()))))

  const warm = (url: string) => runWrk(url, { seconds: 2 })
  warm(`http://127.0.0.1:${barePort}/`)
  const bareResult = runWrk(`http://127.0.0.1:${barePort}/`)
  warm(pageUrl)
  const pageResult = runWrk(pageUrl)
  bare.kill()

  const rows: { name: string; result: LoadResult }[] = [
    { name: '(1) bare Node http server, bytes in memory', result: bareResult },
    { name: `(2) GET /p/${SLUG} (production server, PostgreSQL)`, result: pageResult },
  ]
  printTable(rows, bareResult)
  console.log(`target: (2) ≥ 40% of (1) and p99 < 10 ms at 64 connections`)
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  await benchDb.drop()
}
