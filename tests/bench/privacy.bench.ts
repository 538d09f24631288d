// The same page served in each privacy mode (issue 19, decision 083), side by side in one run on real PostgreSQL:
// a page with the webinar form and a running 2-variant experiment, 64 connections, every request a first visit
// (no cookie sent), so only the workspace's mode differs between cases:
//   cookies               today's path: a new visitor, four cookies set (sf_vid, sf_ft, sf_x_*; sf_lt on utm visits)
//   consent, no choice    counted cookieless: a fresh view id, the variant drawn for the view, the signed exposure in the form
//   consent, granted      `sf_consent=granted` sent: the cookies path, lifetimes capped at cookieDays
//   cookieless            as consent without a choice, in a workspace that never identifies
// The cases are measured in short rotating rounds, so the database growing and its background work fall on all
// alike; medians are compared. Needs a build (npm run build), PostgreSQL (DATABASE_URL or the local one) and wrk.
import { execFileSync } from 'node:child_process'
import postgres from 'postgres'
import { startServer } from '#tests/server-process'
import { waitFor } from '#tests/wait-for'
import { createBenchDatabase } from './bench-db'
import { cpuLine, measuredRound, medianOf, type Round } from './rounds'
import { printTable, requireWrk, runWrk } from './wrk'

requireWrk()
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const WEBINAR_FORM_ID = '00000000-0000-4000-8000-0000000f0001' // app/demo/seed.server.ts
const DEMO_WORKSPACE_ID = '00000000-0000-4000-8000-00000000d3e0'
const SLUG = 'bench-privacy'
const apiKey = `sf_bench_${process.pid}_0123456789abcdef`
const benchDb = await createBenchDatabase('privacy')
const server = await startServer({ DATABASE_URL: benchDb.url, SESSION_SECRET: 'b'.repeat(40), SEED_DEMO: '1', DEMO_API_KEY: apiKey, RATE_LIMITS: 'off' })
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })

// A browser's: wrk sends no User-Agent, and a view without one is not counted (app/visitors/countable.ts).
const BROWSER = 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
type Case = { name: string; mode: 'cookies' | 'consent' | 'cookieless'; headers: string[]; consent: string }
const CASES: Case[] = [
  { name: 'cookies', mode: 'cookies', headers: [BROWSER], consent: 'cookies' },
  { name: 'consent, no choice', mode: 'consent', headers: [BROWSER], consent: 'pending' },
  { name: 'consent, granted', mode: 'consent', headers: [BROWSER, 'Cookie: sf_consent=granted'], consent: 'granted' },
  { name: 'cookieless', mode: 'cookieless', headers: [BROWSER], consent: 'cookieless' },
]

try {
  execFileSync('taskset', ['-p', '-c', '0', String(server.proc.pid)], { stdio: 'ignore' })
  const call = (p: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${p}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then((r) => r.json())
  const api = (p: string, body?: unknown) => call(p, body).catch(() => call(p, body))
  const created = await api('/pages', { name: 'Bench privacy', slug: SLUG, template: 'webinar', formId: WEBINAR_FORM_ID })
  if (!created.id) throw new Error(`could not create /p/${SLUG}: ${JSON.stringify(created)}`)
  await api(`/pages/${created.id}/variants`, { copyFrom: 'A', name: 'Variant B' })
  await api(`/pages/${created.id}/publish`, {})
  const experiment = await api('/experiments', {
    pageId: created.id,
    name: 'Bench privacy',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  })
  await api(`/experiments/${experiment.id}/start`, {})
  const url = `${server.url}/p/${SLUG}`

  // The server re-reads the workspace's settings within a second (app/published/cache.server.ts): after each switch,
  // probe views until one is stored with the consent the new mode records.
  let probe = 0
  const setMode = async (c: Case) => {
    await sql`update workspaces set privacy = jsonb_set(privacy, '{mode}', to_jsonb(${c.mode}::text)) where id = ${DEMO_WORKSPACE_ID}`
    await waitFor(async () => {
      probe += 1
      const headers = Object.fromEntries(c.headers.map((h) => h.split(': ') as [string, string]))
      await (await fetch(`${url}?probe=${probe}`, { headers })).arrayBuffer()
      // Written by the batch writer within a second.
      const [row] = await sql`select consent from page_views where path = ${`/p/${SLUG}`} order by viewed_at desc, id desc limit 1`
      return row?.consent === c.consent ? true : undefined
    }, 15_000)
  }

  const rounds = new Map<string, Round[]>(CASES.map((c) => [c.name, []]))
  const load = (c: Case, seconds = SECONDS) => measuredRound(server.proc.pid!, () => runWrk(url, { connections: 64, seconds, headers: c.headers }))
  for (let round = -1; round < ROUNDS; round++) {
    // Rotating: no case always goes first. Round -1 warms every path up and is not counted.
    const order = CASES.map((_, i) => CASES[(i + Math.max(0, round)) % CASES.length]!)
    for (const c of order) {
      await setMode(c)
      const result = load(c, round < 0 ? 2 : SECONDS)
      if (round >= 0) rounds.get(c.name)!.push(result)
    }
  }
  await new Promise((r) => setTimeout(r, 2500)) // the page-view buffer flushes within a second
  const stored = await sql`select consent, count(*)::int as n from page_views where path = ${`/p/${SLUG}`} group by 1 order by 1`
  const exposed = await sql`select cookieless, count(*)::int as n from exposures where experiment_id = ${experiment.id} group by 1 order by 1`

  const baseline = medianOf(rounds.get('cookies')!)
  printTable(
    CASES.map((c) => ({ name: `median of ${ROUNDS}: GET /p/${SLUG}, ${c.name}`, result: medianOf(rounds.get(c.name)!) })),
    baseline,
  )
  console.log('(the "vs bare" column is against the cookies case here)')
  for (const c of CASES) console.log(`CPU per request, ${c.name}: ${cpuLine(rounds.get(c.name)!)}`)
  console.log(`stored views by consent: ${stored.map((r) => `${r.consent} ${r.n}`).join(', ')}; exposures: ${exposed.map((r) => `${r.cookieless ? 'cookieless' : 'identified'} ${r.n}`).join(', ')}`)
  console.log('target: consent and cookieless within 10% of cookies, p99 < 10 ms at 64 connections')
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  await sql.end()
  await benchDb.drop()
}
