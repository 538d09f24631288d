// Form submissions: (1) a minimal Node http server doing one durable postgres.js INSERT per request, and (2)
// POST /p/:slug on the production server (rate limit, validation, spam checks, conversion + lead upsert +
// outbox in one transaction), one after the other in one run on real PostgreSQL, 32 connections. Every
// request is a new visitor (own email, idempotency key and X-Forwarded-For address) so no row is contended.
// Afterwards the rows in PostgreSQL are counted against the 201s wrk saw. Needs a build, PostgreSQL and wrk.
import { execFileSync, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { startServer } from '#tests/server-process'
import { createBenchDatabase } from './bench-db'
import { printTable, requireWrk, runWrk } from './wrk'

requireWrk()
const CONNECTIONS = 32
const SECONDS = 10
const benchDb = await createBenchDatabase('submit')

const SLUG = 'demo-webinar'
const server = await startServer({ DATABASE_URL: benchDb.url, SESSION_SECRET: 'b'.repeat(40), SEED_DEMO: '1', TRUST_PROXY: '1', RATE_LIMITS: process.env.BENCH_RATE_LIMITS ?? 'on' })
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })
try {
  execFileSync('taskset', ['-p', '-c', '0', String(server.proc.pid)], { stdio: 'ignore' })
  const html = await (await fetch(`${server.url}/p/${SLUG}`, { headers: { 'User-Agent': 'Mozilla/5.0 bench' } })).text()
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
  const form = { _form: hidden('_form'), _t: hidden('_t') }
  if (!form._form) throw new Error(`/p/${SLUG} has no form: is the demo seeded?`)
  await new Promise((r) => setTimeout(r, 1200)) // the demo form's minimum fill time is 1 s

  // One unique submission per request, as a browser with JS posts it (JSON, Accept: application/json).
  const script = path.join(tmpdir(), `splitform-submit-${process.pid}.lua`)
  writeFileSync(
    script,
    `
math.randomseed(os.time() * 1000 + ${process.pid})
local run = math.random(1, 999999999)
local n = 0
request = function()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local body = string.format('{"_form":"${form._form}","_t":"${form._t}","_idem":"bench-%d-%012d","_variant":"A","_hp":"","email":"visitor-%d-%d@example.com","name":"Bench Visitor","company":"Load Co","consent":true}', run, n, run, n)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", ["X-Forwarded-For"] = ip }, body)
end
`,
  )

  // (1) The floor of a durable write: parse the body, one INSERT (its own transaction), answer 201.
  await sql`create table bench_submissions (id uuid primary key default gen_random_uuid(), payload jsonb not null, created_at timestamptz not null default now())`
  const minimal = spawn('taskset', ['-c', '0', process.execPath, '--input-type=module', '-e', `
    import http from 'node:http'
    import postgres from 'postgres'
    const sql = postgres(process.env.BENCH_DB, { max: 10 })
    http.createServer((req, res) => {
      let body = ''
      req.on('data', (d) => (body += d))
      req.on('end', async () => {
        const [row] = await sql\`insert into bench_submissions (payload) values (\${sql.json(JSON.parse(body))}) returning id\`
        const out = JSON.stringify({ id: row.id })
        res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(out) })
        res.end(out)
      })
    }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })
  `], { env: { ...process.env, BENCH_DB: benchDb.url }, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
  const minimalPort = await new Promise<number>((resolve) => minimal.stdout!.once('data', (d) => resolve(Number(String(d).trim()))))

  const load = (url: string, seconds = SECONDS) => runWrk(url, { connections: CONNECTIONS, seconds, script })
  load(`http://127.0.0.1:${minimalPort}/`, 2)
  const minimalResult = load(`http://127.0.0.1:${minimalPort}/`)
  minimal.kill()
  load(`${server.url}/p/${SLUG}`, 2)
  const before = (await sql`select count(*)::int as n from conversions`)[0]!.n as number
  const appResult = load(`${server.url}/p/${SLUG}`)
  const stored = (await sql`select count(*)::int as n from conversions`)[0]!.n as number
  const held = (await sql`select count(*)::int as n from spam_submissions`)[0]!.n as number

  printTable(
    [
      { name: `(1) minimal Node http + postgres.js, one INSERT`, result: minimalResult },
      { name: `(2) POST /p/${SLUG} (production server, PostgreSQL)`, result: appResult },
    ],
    minimalResult,
  )
  console.log(`(2) answered ${appResult.requests} requests (${appResult.errors} not 2xx); ${stored - before} conversions stored, ${held} held as spam`)
  console.log(`target: (2) ≥ 1,000 durable submissions/s with p99 < 50 ms at ${CONNECTIONS} connections`)
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  await sql.end()
  await benchDb.drop()
}
