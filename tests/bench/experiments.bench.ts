// A page with a running 3-variant experiment against the same page without one, one after the other in one
// run on real PostgreSQL, 64 connections; every request a new visitor (its own sf_vid cookie, as a browser on a
// first visit after a prefetch would send). Afterwards the exposures in PostgreSQL are compared with the
// visitors wrk completed. Needs a build (npm run build), PostgreSQL (DATABASE_URL or the local one) and wrk.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { startServer } from '#tests/server-process'
import { createBenchDatabase } from './bench-db'
import { printTable, requireWrk, runWrk } from './wrk'

requireWrk()
const SLUG = 'demo-webinar'
const apiKey = `sf_bench_${process.pid}_0123456789abcdef`
const benchDb = await createBenchDatabase('experiments')
const server = await startServer({ DATABASE_URL: benchDb.url, SESSION_SECRET: 'b'.repeat(40), SEED_DEMO: '1', DEMO_API_KEY: apiKey, RATE_LIMITS: 'off' })
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })
try {
  execFileSync('taskset', ['-p', '-c', '0', String(server.proc.pid)], { stdio: 'ignore' })
  const call = (p: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${p}`, { method: body ? 'POST' : 'GET', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }).then((r) => r.json())
  // Once more when a kept-alive socket was closed under the previous call (after a load run).
  const api = (p: string, body?: unknown) => call(p, body).catch(() => call(p, body))
  const page = (await api('/pages')).pages.find((p: { slug: string }) => p.slug === SLUG)

  const script = path.join(tmpdir(), `splitform-visitors-${process.pid}.lua`)
  writeFileSync(
    script,
    `
math.randomseed(os.time() * 1000 + ${process.pid})
local hex = "0123456789abcdef"
local function uuid()
  local s = string.gsub("xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx", "x", function() local i = math.random(1, 16) return hex:sub(i, i) end)
  return s
end
request = function()
  return wrk.format("GET", nil, { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", ["Cookie"] = "sf_vid=" .. uuid() })
end
`,
  )
  const url = `${server.url}/p/${SLUG}`
  const load = (seconds = 10) => runWrk(url, { connections: 64, seconds, script })

  load(2)
  // Without, with, without again (after stopping it): the database grows and gets busier during the run, so (2)
  // is compared with the mean of the runs before and after it.
  const before = load()

  for (const key of ['B', 'C']) await api(`/pages/${page.id}/variants`, { copyFrom: 'A', name: `Variant ${key}` })
  await api(`/pages/${page.id}/publish`, {})
  const created = await api('/experiments', { pageId: page.id, name: 'Bench', variants: [{ key: 'A', weight: 0.34 }, { key: 'B', weight: 0.33 }, { key: 'C', weight: 0.33 }] })
  await api(`/experiments/${created.id}/start`, {})
  await new Promise((r) => setTimeout(r, 1500))
  const withExperiment = load()
  await new Promise((r) => setTimeout(r, 2500)) // the exposure buffer flushes within a second
  const exposed = (await sql`select count(*)::int as n from exposures`)[0]!.n as number
  const rollup = (await sql`select coalesce(sum(count), 0)::int as n from experiment_daily where metric = ''`)[0]!.n as number
  const split = await sql`select variant_key, count(*)::int as n from exposures group by 1 order by 1`
  await api(`/experiments/${created.id}/stop`, {})
  await new Promise((r) => setTimeout(r, 1500))
  const after = load()
  const mean = (a: number, b: number) => (a + b) / 2
  const without = { ...before, requestsPerSecond: mean(before.requestsPerSecond, after.requestsPerSecond), p50Ms: mean(before.p50Ms, after.p50Ms), p99Ms: mean(before.p99Ms, after.p99Ms) }

  printTable(
    [
      { name: `(1) no experiment, before`, result: before },
      { name: `(1') no experiment, after (stopped)`, result: after },
      { name: `(1+1')/2 GET /p/${SLUG}, no experiment`, result: without },
      { name: `(2) GET /p/${SLUG}, running 3-variant experiment`, result: withExperiment },
    ],
    without,
  )
  console.log(`(2) wrk completed ${withExperiment.requests} requests (${withExperiment.errors} errors), each a new visitor; PostgreSQL counted ${exposed} exposures (rollup ${rollup}); split ${split.map((r) => `${r.variant_key} ${r.n}`).join(', ')}`)
  console.log(`    (requests in flight when wrk stops are served and counted but not in wrk's total: at most 64 more)`)
  console.log(`target: (2) ≥ 90% of (1+1')/2, p99 < 10 ms at 64 connections, exposures = visitors sent`)
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  await sql.end()
  await benchDb.drop()
}
