// Form submissions: (1) a minimal Node http server doing one durable postgres.js INSERT per request, (2)
// POST /p/:slug on the production server (rate limit, validation, spam checks, conversion + lead upsert +
// outbox in one transaction), and (3) the same on the page of the demo's running experiment, each post from a
// visitor assigned to it (exposed earlier, so the conversion is also counted in the experiment), one after the
// other in one run on real PostgreSQL, 32 connections. Every request is a new visitor (own email, idempotency key
// and X-Forwarded-For address) so no row is contended. Afterwards the rows in PostgreSQL are counted against the
// 201s wrk saw. (4) times the function the route calls, in process, in and out of the experiment. Needs a build,
// PostgreSQL and wrk.
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
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
const EXPERIMENT_SLUG = 'demo-whitepaper'
// Visitors of the experiment, exposed before the run: (3) posts as visitor number `offset + n`.
const EXPOSED_VISITORS = 200_000
const visitorUuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const server = await startServer({ DATABASE_URL: benchDb.url, SESSION_SECRET: 'b'.repeat(40), SEED_DEMO: '1', TRUST_PROXY: '1', RATE_LIMITS: process.env.BENCH_RATE_LIMITS ?? 'on' })
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })
try {
  execFileSync('taskset', ['-p', '-c', '0', String(server.proc.pid)], { stdio: 'ignore' })
  const formOf = async (slug: string) => {
    const html = await (await fetch(`${server.url}/p/${slug}`, { headers: { 'User-Agent': 'Mozilla/5.0 bench' } })).text()
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
    const form = { _form: hidden('_form'), _t: hidden('_t') }
    if (!form._form) throw new Error(`/p/${slug} has no form: is the demo seeded?`)
    return form
  }
  const form = await formOf(SLUG)
  const experimentForm = await formOf(EXPERIMENT_SLUG)
  const [experiment] = await sql<
    { id: string; variants: { key: string }[] }[]
  >`select e.id, e.variants from experiments e join pages p on p.id = e.page_id where p.slug = ${EXPERIMENT_SLUG} and e.status = 'running'`
  if (!experiment) throw new Error(`/p/${EXPERIMENT_SLUG} has no running experiment: is the demo seeded?`)
  const keys = experiment.variants.map((v) => v.key)
  // The visitors (3) posts as, exposed (as their first page view would have done) to variant n mod the variant count.
  await sql`insert into exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at)
    select ${experiment.id}, ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, (${keys}::text[])[1 + n % ${keys.length}], 'desktop', 'direct', now()
    from generate_series(0, ${EXPOSED_VISITORS - 1}) n`
  await new Promise((r) => setTimeout(r, 1200)) // the demo form's minimum fill time is 1 s

  // One unique submission per request, as a browser with JS posts it (JSON, Accept: application/json); with
  // `experiment`, from the visitor BENCH_VISITOR_OFFSET + n, carrying the assignment cookie of the running experiment.
  const writeScript = (name: string, f: { _form: string; _t: string }, withExperiment: boolean) => {
    const file = path.join(tmpdir(), `splitform-${name}-${process.pid}.lua`)
    const cookie = withExperiment
      ? `local offset = tonumber(os.getenv("BENCH_VISITOR_OFFSET"))
local keys = { ${keys.map((k) => `"${k}"`).join(', ')} }
local function visitor(i) return string.format("00000000-0000-4000-8000-%012d", i), keys[1 + i % #keys] end`
      : ''
    writeFileSync(
      file,
      `
math.randomseed(os.time() * 1000 + ${process.pid})
local run = math.random(1, 999999999)
local n = 0
${cookie}
request = function()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local variant = "A"
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", ["X-Forwarded-For"] = ip }
  ${
    withExperiment
      ? `local id, key = visitor(offset + n)
  variant = key
  headers["Cookie"] = "sf_consent=granted; sf_vid=" .. id .. "; ${'sf_x_' + experiment.id.replace(/-/g, '').slice(0, 12)}=" .. key`
      : ''
  }
  local body = string.format('{"_form":"${f._form}","_t":"${f._t}","_idem":"bench-%d-%012d","_variant":"%s","_hp":"","email":"visitor-%d-%d@example.com","name":"Bench Visitor","company":"Load Co","consent":true}', run, n, variant, run, n)
  return wrk.format("POST", nil, headers, body)
end
-- What went wrong, once: an error count alone does not say.
local reported = false
response = function(status, headers, body)
  if status >= 300 and not reported then
    reported = true
    io.stderr:write("${name}: first answer not 2xx: " .. status .. " " .. body:sub(1, 300) .. "\\n")
  end
end
`,
    )
    return file
  }
  const script = writeScript('submit', form, false)
  const experimentScript = writeScript('submit-experiment', experimentForm, true)

  // (1) The floor of a durable write: parse the body, one INSERT (its own transaction), answer 201.
  await sql`create table bench_submissions (id uuid primary key default gen_random_uuid(), payload jsonb not null, created_at timestamptz not null default now())`
  const minimal = spawn(
    'taskset',
    [
      '-c',
      '0',
      process.execPath,
      '--input-type=module',
      '-e',
      `
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
  `,
    ],
    { env: { ...process.env, BENCH_DB: benchDb.url }, cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const minimalPort = await new Promise<number>((resolve) => minimal.stdout!.once('data', (d) => resolve(Number(String(d).trim()))))

  const load = (url: string, seconds = SECONDS, lua = script) => runWrk(url, { connections: CONNECTIONS, seconds, script: lua })
  load(`http://127.0.0.1:${minimalPort}/`, 2)
  const minimalResult = load(`http://127.0.0.1:${minimalPort}/`)
  minimal.kill()
  load(`${server.url}/p/${SLUG}`, 2)
  const before = (await sql`select count(*)::int as n from conversions`)[0]!.n as number
  const appResult = load(`${server.url}/p/${SLUG}`)
  const stored = (await sql`select count(*)::int as n from conversions`)[0]!.n as number
  const held = (await sql`select count(*)::int as n from spam_submissions`)[0]!.n as number

  // (3): the warm-up's visitors come first, the measured run's after them; none converts twice.
  // The bench's visitors (warm-up and run) converted in PostgreSQL, and counted in the experiment.
  const converted = async () =>
    (
      await sql`select (select count(distinct visitor_id)::int from conversions where experiment_id = ${experiment.id} and visitor_id::text like '00000000-%') as stored,
      (select count(*)::int from experiment_conversions where experiment_id = ${experiment.id} and metric = 'any' and visitor_id::text like '00000000-%') as counted`
    )[0] as { stored: number; counted: number }
  process.env.BENCH_VISITOR_OFFSET = '0'
  const warmUp = load(`${server.url}/p/${EXPERIMENT_SLUG}`, 2, experimentScript)
  // wrk may have made a few requests it did not count as done when it stopped: a margin.
  process.env.BENCH_VISITOR_OFFSET = String(warmUp.requests + 1000)
  const experimentResult = load(`${server.url}/p/${EXPERIMENT_SLUG}`, SECONDS, experimentScript)
  // Read the moment wrk is done: what a crash at that moment would leave counted.
  const experimentAfter = await converted()
  if (warmUp.requests + 1000 + experimentResult.requests >= EXPOSED_VISITORS) console.warn(`(3) ran past the ${EXPOSED_VISITORS} exposed visitors: raise EXPOSED_VISITORS`)

  printTable(
    [
      { name: `(1) minimal Node http + postgres.js, one INSERT`, result: minimalResult },
      { name: `(2) POST /p/${SLUG} (production server, PostgreSQL)`, result: appResult },
      { name: `(3) POST /p/${EXPERIMENT_SLUG}, visitors of its running experiment`, result: experimentResult },
    ],
    minimalResult,
  )
  console.log(`(2) answered ${appResult.requests} requests (${appResult.errors} not 2xx); ${stored - before} conversions stored, ${held} held as spam`)
  console.log(
    `(3) answered ${experimentResult.requests} requests (${experimentResult.errors} not 2xx); when the load stopped, of the ${experimentAfter.stored} visitors converted (warm-up included) ${experimentAfter.counted} were counted in the experiment`,
  )
  console.log(`target: (2) ≥ 1,000 durable submissions/s with p99 < 50 ms at ${CONNECTIONS} connections`)

  // (4) What counting costs the request itself, without HTTP in the way: recordConversion (what POST /p/:slug calls)
  // in this process, one at a time, for a visitor of the running experiment and for a visitor outside any, in
  // alternating order, so both meet the same machine.
  server.proc.kill('SIGTERM')
  await server.exited
  process.env.DATABASE_URL = benchDb.url
  process.env.SESSION_SECRET ??= 'b'.repeat(40)
  const { recordConversion } = await import('#app/conversions/record.server')
  const { closeDatabase } = await import('#app/db.server')
  const [target] = await sql<{ workspace_id: string; page_id: string }[]>`select workspace_id, page_id from experiments where id = ${experiment.id}`
  const touch = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: `/p/${EXPERIMENT_SLUG}`, channel: 'direct', hasClickId: false }
  const convert = async (i: number, inExperiment: boolean) => {
    const n = EXPOSED_VISITORS - 1 - i // from the top of the exposed visitors, far from those wrk posted as
    const email = `pair-${inExperiment ? 'x' : 'o'}-${i}@example.com`
    const started = performance.now()
    await recordConversion({
      workspaceId: target!.workspace_id,
      formId: experimentForm._form,
      formName: 'Report download',
      pageId: target!.page_id,
      variantKey: inExperiment ? keys[n % keys.length]! : keys[0]!,
      experimentId: inExperiment ? experiment.id : null,
      conversionType: 'soft',
      visitorId: inExperiment ? visitorUuid(n) : randomUUID(),
      idempotencyKey: `bench-pair-${inExperiment ? 'x' : 'o'}-${String(i).padStart(8, '0')}`,
      answers: { email, name: 'Bench Visitor', company: 'Load Co', consent: true },
      identity: { email, name: 'Bench Visitor', company: 'Load Co', phone: null, heardAbout: null, heardAboutOther: null },
      touch,
      firstTouch: touch,
      device: 'desktop',
      startedAt: null,
    })
    return performance.now() - started
  }
  const PAIRS = 1000
  const WARM_UP_PAIRS = 50
  const withCounting: number[] = []
  const without: number[] = []
  const differences: number[] = []
  for (let i = 0; i < WARM_UP_PAIRS + PAIRS; i++) {
    const inFirst = i % 2 === 0
    const a = await convert(i, inFirst)
    const b = await convert(i, !inFirst)
    if (i < WARM_UP_PAIRS) continue
    const [inMs, outMs] = inFirst ? [a, b] : [b, a]
    withCounting.push(inMs)
    without.push(outMs)
    differences.push(inMs - outMs)
  }
  await closeDatabase()
  const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)]!
  const p99 = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length * 0.99)]!
  console.log(`(4) recordConversion in process, one at a time, ${PAIRS} alternating pairs after ${WARM_UP_PAIRS}:`)
  console.log(`    visitor of the running experiment  median ${median(withCounting).toFixed(2)} ms  p99 ${p99(withCounting).toFixed(2)} ms`)
  console.log(`    visitor outside any experiment     median ${median(without).toFixed(2)} ms  p99 ${p99(without).toFixed(2)} ms`)
  console.log(`    ratio of medians ${(median(withCounting) / median(without)).toFixed(2)}; median of the paired differences ${median(differences).toFixed(2)} ms`)
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  await sql.end()
  await benchDb.drop()
}
