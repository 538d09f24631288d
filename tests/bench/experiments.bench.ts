// A page with a running 3-variant experiment against its twin without one (same template, same form, same
// workspace), side by side in one run on real PostgreSQL, 64 connections, every request a new visitor (its own
// sf_vid cookie, as a browser on a first visit after a prefetch would send). The two are measured in short
// alternating rounds (ABBA), so the database growing and its background work (autovacuum, checkpoints) fall on
// both alike; medians are compared. Afterwards the exposures in PostgreSQL are compared with the visitors wrk
// completed (the bench's own experiment: the demo seed runs another one with a history). Needs a build (npm run build), PostgreSQL (DATABASE_URL or the local one) and wrk.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { startServer } from '#tests/server-process'
import { createBenchDatabase } from './bench-db'
import { cpuLine, measuredRound, median, medianOf, type Round } from './rounds'
import { printTable, requireWrk, runWrk } from './wrk'

requireWrk()
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const WEBINAR_FORM_ID = '00000000-0000-4000-8000-0000000f0001' // app/demo/seed.server.ts
const apiKey = `sf_bench_${process.pid}_0123456789abcdef`
const benchDb = await createBenchDatabase('experiments')
const server = await startServer({ DATABASE_URL: benchDb.url, SESSION_SECRET: 'b'.repeat(40), SEED_DEMO: '1', DEMO_API_KEY: apiKey, RATE_LIMITS: 'off' })
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })
try {
  execFileSync('taskset', ['-p', '-c', '0', String(server.proc.pid)], { stdio: 'ignore' })
  const call = (p: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${p}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then((r) => r.json())
  // Once more when a kept-alive socket was closed under the previous call (after a load run).
  const api = (p: string, body?: unknown) => call(p, body).catch(() => call(p, body))

  // Two twins from the webinar template with the webinar form; one gets the experiment.
  const twin = async (slug: string) => {
    const created = await api('/pages', { name: `Bench ${slug}`, slug, template: 'webinar', formId: WEBINAR_FORM_ID })
    if (!created.id) throw new Error(`could not create /p/${slug}: ${JSON.stringify(created)}`)
    await api(`/pages/${created.id}/publish`, {})
    return created.id as string
  }
  const withId = await twin('bench-with-experiment')
  await twin('bench-without-experiment')
  for (const key of ['B', 'C']) await api(`/pages/${withId}/variants`, { copyFrom: 'A', name: `Variant ${key}` })
  await api(`/pages/${withId}/publish`, {})
  const created = await api('/experiments', {
    pageId: withId,
    name: 'Bench',
    variants: [
      { key: 'A', weight: 0.34 },
      { key: 'B', weight: 0.33 },
      { key: 'C', weight: 0.33 },
    ],
  })
  await api(`/experiments/${created.id}/start`, {})
  await new Promise((r) => setTimeout(r, 1500)) // the published-page cache refreshes within a second

  // A new visitor per request. The ids only need to be distinct and well-formed (the bucketing hash mixes
  // them): a random prefix and a counter cost the load generator far less than 32 random digits a request,
  // leaving more of its shared core to PostgreSQL.
  const script = path.join(tmpdir(), `splitform-visitors-${process.pid}.lua`)
  writeFileSync(
    script,
    `
math.randomseed(os.time() * 1000 + ${process.pid})
local prefix = string.format("%04x%04x-%04x-4%03x-8%03x-", math.random(0, 65535), math.random(0, 65535), math.random(0, 65535), math.random(0, 4095), math.random(0, 4095))
local n = 0
local headers = { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"${process.env.BENCH_ACCEPT_ENCODING ? `, ["Accept-Encoding"] = "${process.env.BENCH_ACCEPT_ENCODING}"` : ''} }
request = function()
  n = n + 1
  -- Consented (the demo workspace may ask for consent, issue 19): the identified path this bench measures.
  headers["Cookie"] = "sf_consent=granted; sf_vid=" .. prefix .. string.format("%012x", n)
  return wrk.format("GET", nil, headers)
end
`,
  )
  const urlOf = (slug: string) => `${server.url}/p/${slug}`
  // Where the CPU goes, per request: the server process and every PostgreSQL process, around each round.
  const load = (slug: string, seconds = SECONDS): Round => measuredRound(server.proc.pid!, () => runWrk(urlOf(slug), { connections: 64, seconds, script }))

  load('bench-without-experiment', 2)
  const warmUp = load('bench-with-experiment', 2)
  const without: Round[] = []
  const withExperiment: Round[] = []
  for (let round = 0; round < ROUNDS; round++) {
    // ABBA: neither side always goes first.
    if (round % 2 === 0) {
      without.push(load('bench-without-experiment'))
      withExperiment.push(load('bench-with-experiment'))
    } else {
      withExperiment.push(load('bench-with-experiment'))
      without.push(load('bench-without-experiment'))
    }
  }
  await new Promise((r) => setTimeout(r, 2500)) // the exposure buffer flushes within a second
  const exposed = (await sql`select count(*)::int as n from exposures where experiment_id = ${created.id}`)[0]!.n as number
  const rollup = (await sql`select coalesce(sum(count), 0)::int as n from experiment_daily where experiment_id = ${created.id} and metric = ''`)[0]!.n as number
  const split = await sql`select variant_key, count(*)::int as n from exposures where experiment_id = ${created.id} group by 1 order by 1`

  const baseline = medianOf(without)
  printTable(
    [
      ...without.map((result, i) => ({ name: `(1) round ${i + 1}: /p/bench-without-experiment`, result })),
      ...withExperiment.map((result, i) => ({ name: `(2) round ${i + 1}: /p/bench-with-experiment (A/B/C)`, result })),
      { name: `(1) median of ${ROUNDS} rounds, no experiment`, result: baseline },
      { name: `(2) median of ${ROUNDS} rounds, running 3-variant experiment`, result: medianOf(withExperiment) },
    ],
    baseline,
  )
  const pairRatios = withExperiment.map((r, i) => r.requestsPerSecond / without[i]!.requestsPerSecond)
  console.log(`(2)/(1) per round: ${pairRatios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}; median ${(median(pairRatios) * 100).toFixed(0)}%`)
  console.log(`CPU per request (medians of the rounds; PostgreSQL includes the rollup follower): (1) ${cpuLine(without)}; (2) ${cpuLine(withExperiment)}`)
  const sent = [warmUp, ...withExperiment].reduce((n, r) => n + r.requests, 0)
  console.log(
    `(2) wrk completed ${sent} requests (${withExperiment.reduce((n, r) => n + r.errors, 0)} errors) in ${ROUNDS} rounds and the warm-up, each a new visitor; PostgreSQL counted ${exposed} exposures (rollup ${rollup}); split ${split.map((r) => `${r.variant_key} ${r.n}`).join(', ')}`,
  )
  console.log(`    (requests in flight when wrk stops a round are served and counted but not in its total: at most 64 more a round, ${64 * (ROUNDS + 1)} in all with the warm-up)`)
  console.log(`target: (2) ≥ 90% of (1), p99 < 10 ms at 64 connections, exposures = visitors sent`)
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  await sql.end()
  await benchDb.drop()
}
