// The marketing dashboard's data at volume, on real PostgreSQL: a fresh database with 1,000,000 page views and
// 50,000 new leads (with their conversions and stage changes) in the last 30 days, and as many again in the 30 days
// before (the comparison period the dashboard shows by default). Page views go through writePageViews itself, in
// batches of 1,000 as the live path writes them, so sessions and rollups are the real ones. Then getKpiReport (what
// the dashboard's loader and GET /api/v1/kpis call) runs 30 times: median and p95 against the < 300 ms target.
// Needs PostgreSQL (DATABASE_URL, else the local one).
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import postgres from 'postgres'
import { createBenchDatabase } from './bench-db'
import { DAY_MS as DAY } from '#app/time/days'

const VIEWS_PER_PERIOD = Number(process.env.KPI_BENCH_VIEWS ?? 1_000_000) // smaller for a quick try
const LEADS_PER_PERIOD = Number(process.env.KPI_BENCH_LEADS ?? 50_000)
const RUNS = 30
const MINUTE = 60_000

// KPI_BENCH_KEEP=1 keeps the loaded database (its URL is printed); KPI_BENCH_DB=<url> times a kept one again.
const reuse = process.env.KPI_BENCH_DB
const benchDb = reuse ? { url: reuse, drop: async () => {} } : await createBenchDatabase('kpis')
process.env.DATABASE_URL = benchDb.url
process.env.RATE_LIMITS = 'off'
// The app reads DATABASE_URL when the database module loads, so it is imported only now.
const { migrateDatabase } = await import('#app/db.server')
const { writePageViews } = await import('#app/visitors/page-views.server')
const { getKpiReport } = await import('#app/kpis/queries.server')
const { DEFAULT_CALENDAR } = await import('#app/workspaces/locale')
const { lastDays } = await import('#app/kpis/period')
const { today: todayUtc } = await import('#app/time/days')
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })

// A seeded generator: every run loads traffic of the same shape (the ids are random).
let seed = 20_260_301
const random = () => {
  seed = (seed * 1_664_525 + 1_013_904_223) >>> 0
  return seed / 2 ** 32
}
const pick = <T>(weighted: [T, number][]) => {
  let r = random()
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value
  return weighted.at(-1)![0]
}
const CHANNEL_WEIGHTS: [string, number][] = [
  ['organic_search', 0.35],
  ['paid_search', 0.2],
  ['direct', 0.2],
  ['social', 0.12],
  ['email', 0.08],
  ['referral', 0.05],
]
const DEVICE_WEIGHTS: [string, number][] = [
  ['desktop', 0.55],
  ['mobile', 0.4],
  ['tablet', 0.05],
]

let workspaceId: string
const today = todayUtc()
const current = lastDays(30, today)
try {
  await migrateDatabase()
  if (reuse) workspaceId = (await sql`select id from workspaces where name = 'Bench'`)[0]!.id
  else workspaceId = await load()
  await timeReport()
} finally {
  await sql.end()
  const { closeDatabase } = await import('#app/db.server')
  await closeDatabase()
  if (process.env.KPI_BENCH_KEEP) console.log(`kept ${benchDb.url}`)
  else await benchDb.drop()
}
// A kept database leaves its admin connection open.
process.exit(process.exitCode ?? 0)

async function load() {
  const [workspace] = await sql`insert into workspaces (name) values ('Bench') returning id`
  const workspaceId = workspace!.id as string
  const settings = { title: 'Bench', description: '', socialImage: '', noindex: false, favicon: '', theme: { brandColor: '#4f46e5', font: 'system', logo: '' } }
  const pages: { id: string; variants: string[]; formId: string; type: 'soft' | 'hard' }[] = []
  for (let i = 0; i < 20; i++) {
    const type = i % 3 === 0 ? 'hard' : 'soft'
    const [form] =
      await sql`insert into forms (workspace_id, name, definition) values (${workspaceId}, ${`Form ${i}`}, ${sql.json({ conversionType: type, purpose: 'other', fields: [] })}) returning id`
    const [page] =
      await sql`insert into pages (workspace_id, name, slug, settings) values (${workspaceId}, ${`Page ${i}`}, ${`bench-${i}-${randomUUID().slice(0, 8)}`}, ${sql.json(settings)}) returning id`
    pages.push({ id: page!.id, variants: i < 5 ? ['A', 'B'] : ['A'], formId: form!.id, type })
  }
  const pageWeights: [(typeof pages)[number], number][] = pages.map((p, i) => [p, i < 5 ? 0.12 : 0.4 / 15])

  const periodStart = Date.parse(`${current.from}T00:00:00Z`) - 30 * DAY // the comparison period's start
  const now = Date.now()

  // Visitors: 1 to 3 sessions each (30 minutes or more apart), 1 to 8 views a session (45 % single-page),
  // until each 30-day period holds its million views.
  type Visitor = { id: string; device: string; firstSeen: number; sessions: { start: number; channel: string; views: { at: number; page: (typeof pages)[number]; variant: string }[] }[] }
  const converters: Visitor[][] = [[], []]
  let batch: Parameters<typeof writePageViews>[0] = []
  let written = 0
  const loadStarted = performance.now()
  const flush = async () => {
    if (!batch.length) return
    await writePageViews(batch)
    written += batch.length
    batch = []
    if (written % 100_000 < 1000) console.log(`  ${written.toLocaleString('en')} page views written (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`)
  }
  for (const p of [0, 1]) {
    let views = 0
    while (views < VIEWS_PER_PERIOD) {
      const visitor: Visitor = { id: randomUUID(), device: pick(DEVICE_WEIGHTS), firstSeen: 0, sessions: [] }
      let at = periodStart + p * 30 * DAY + random() * 30 * DAY
      for (let s = 0, n = 1 + Math.floor(random() * random() * 3); s < n && views < VIEWS_PER_PERIOD && at < now; s++) {
        const session: Visitor['sessions'][number] = { start: at, channel: pick(CHANNEL_WEIGHTS), views: [] }
        for (let v = 0, count = random() < 0.45 ? 1 : 2 + Math.floor(random() * 7); v < count && views < VIEWS_PER_PERIOD; v++) {
          const page = pick(pageWeights)
          const variant = page.variants[Math.floor(random() * page.variants.length)]!
          session.views.push({ at, page, variant })
          batch.push({
            workspaceId,
            pageId: page.id,
            variantKey: variant,
            visitorId: visitor.id,
            device: visitor.device,
            channel: v === 0 ? session.channel : 'direct',
            path: '/p/bench',
            viewedAt: new Date(at),
          })
          views++
          at += (10 + random() * 600) * 1000
        }
        visitor.sessions.push(session)
        at += 30 * MINUTE + random() * 5 * DAY
        if (batch.length >= 1000) await flush()
      }
      visitor.firstSeen = visitor.sessions[0]?.start ?? 0
      if (visitor.sessions.length && random() < 0.3) converters[p]!.push(visitor)
    }
  }
  await flush()
  console.log(`${written.toLocaleString('en')} page views through writePageViews in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`)

  // Leads: 50,000 a period from the converting visitors, converting in one of their sessions; a fifth convert again
  // later. Stage changes: 40 % reach MQL, 15 % SQL, 6 % an offer (deal value), 2.5 % customers, 2 % lost offers.
  const touch = (channel: string) => ({
    utmSource: channel === 'paid_search' ? 'google' : null,
    utmMedium: channel === 'paid_search' ? 'cpc' : null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    referrer: null,
    landingPath: '/p/bench',
    channel,
    hasClickId: false,
  })
  const leadsStarted = performance.now()
  for (const p of [0, 1]) {
    const chosen = converters[p]!.slice(0, LEADS_PER_PERIOD)
    if (chosen.length < LEADS_PER_PERIOD) throw new Error(`only ${chosen.length} converting visitors in period ${p}`)
    for (let i = 0; i < chosen.length; i += 2000) {
      const leadRows: unknown[] = []
      const conversionRows: unknown[] = []
      const changeRows: unknown[] = []
      for (const visitor of chosen.slice(i, i + 2000)) {
        const leadId = randomUUID()
        const session = visitor.sessions[Math.floor(random() * visitor.sessions.length)]!
        const page = session.views.at(-1)!
        const createdAt = page.at + (1 + random() * 5) * MINUTE
        const firstChannel = visitor.sessions[0]!.channel
        const hard = page.page.type === 'hard'
        const conversions = [{ at: createdAt, page, channel: session.channel, hard }]
        const later = visitor.sessions.find((s) => s.start > createdAt + 30 * MINUTE)
        if (later && random() < 0.2) conversions.push({ at: later.views.at(-1)!.at + 2 * MINUTE, page: later.views.at(-1)!, channel: later.channel, hard: later.views.at(-1)!.page.type === 'hard' })
        let stage = 'lead'
        let t = createdAt
        let value: number | null = null
        const move = (to: string, dealValue: number | null = null) => {
          t += (1 + random() * 9) * DAY
          if (t > now) return false
          changeRows.push([leadId, stage, to, dealValue, new Date(t)])
          stage = to
          return true
        }
        const r = random()
        if (r < 0.4 && move('mql') && r < 0.15 && move('sql') && r < 0.06 && move('opportunity', (value = Math.round(1000 + random() * 49_000)))) {
          if (r < 0.025) move('customer', value)
          else if (r < 0.045) move('lost')
        }
        const hotAt = conversions.find((c) => c.hard)?.at ?? null
        leadRows.push([
          leadId,
          workspaceId,
          `bench-${leadId}@example.com`,
          stage,
          stage === 'opportunity' || stage === 'customer' ? value : null,
          hotAt ? new Date(hotAt) : null,
          conversions.filter((c) => c.hard).length,
          conversions.filter((c) => !c.hard).length,
          touch(firstChannel),
          touch(conversions[0]!.channel),
          firstChannel,
          pick([
            ['search', 0.3],
            ['social', 0.2],
            ['referral', 0.2],
            [null, 0.3],
          ]),
          visitor.device,
          visitor.id,
          new Date(visitor.firstSeen),
          new Date(createdAt),
        ])
        for (const c of conversions)
          conversionRows.push([
            randomUUID(),
            workspaceId,
            leadId,
            c.page.page.formId,
            c.page.page.id,
            c.page.variant,
            c.hard ? 'hard' : 'soft',
            visitor.id,
            randomUUID(),
            touch(c.channel),
            touch(firstChannel),
            visitor.device,
            new Date(c.at),
          ])
      }
      // One JSON parameter per batch, as writePageViews does.
      await sql`insert into leads (id, workspace_id, email, stage, deal_value, hot_at, hard_conversions, soft_conversions, first_touch, last_touch, channel, heard_about, device, visitor_id, first_seen_at, created_at, last_conversion_at, last_activity_at)
        select (r->>0)::uuid, (r->>1)::uuid, r->>2, (r->>3)::lead_stage, (r->>4)::numeric, (r->>5)::timestamptz, (r->>6)::int, (r->>7)::int, r->8, r->9, r->>10, r->>11, r->>12, (r->>13)::uuid,
          (r->>14)::timestamptz, (r->>15)::timestamptz, (r->>15)::timestamptz, (r->>15)::timestamptz
        from jsonb_array_elements(${sql.json(leadRows as never)}::jsonb) as r`
      await sql`insert into conversions (id, workspace_id, lead_id, form_id, page_id, variant_key, conversion_type, visitor_id, idempotency_key, touch, first_touch, device, answers, created_at)
        select (r->>0)::uuid, (r->>1)::uuid, (r->>2)::uuid, (r->>3)::uuid, (r->>4)::uuid, r->>5, (r->>6)::conversion_type, (r->>7)::uuid, r->>8, r->9, r->10, r->>11, '{"email":"x"}'::jsonb, (r->>12)::timestamptz
        from jsonb_array_elements(${sql.json(conversionRows as never)}::jsonb) as r`
      // A lead keeps its latest conversion's touch (inserted as its first conversion left it, like the submission path).
      await sql`update leads l set last_touch = c.touch from conversions c
        where c.lead_id = l.id and l.id in (select (r->>2)::uuid from jsonb_array_elements(${sql.json(conversionRows as never)}::jsonb) r) and l.soft_conversions + l.hard_conversions > 1
          and c.created_at = (select max(created_at) from conversions where lead_id = l.id)`
      await sql`insert into lead_stage_changes (workspace_id, lead_id, from_stage, to_stage, deal_value, source, created_at)
        select ${workspaceId}::uuid, (r->>0)::uuid, (r->>1)::lead_stage, (r->>2)::lead_stage, (r->>3)::numeric, 'api', (r->>4)::timestamptz
        from jsonb_array_elements(${sql.json(changeRows as never)}::jsonb) as r`
    }
  }
  for (const month of new Set([current.from.slice(0, 7), current.to.slice(0, 7), new Date(periodStart).toISOString().slice(0, 7)])) {
    for (const [channel, amount] of [
      ['paid_search', 12_000],
      ['social', 4_000],
      ['email', 800],
    ] as const) {
      await sql`insert into marketing_spend (workspace_id, month, channel, amount) values (${workspaceId}, ${month}, ${channel}, ${amount})`
    }
  }
  console.log(`${(2 * LEADS_PER_PERIOD).toLocaleString('en')} leads with conversions and stage changes in ${((performance.now() - leadsStarted) / 1000).toFixed(0)} s`)
  // A production database is vacuumed and analysed by autovacuum; do it now rather than wait for it.
  await sql`vacuum analyze`
  const counts = await sql`select
      (select count(*) from page_views where viewed_at >= ${current.from}::date)::int as views,
      (select count(*) from leads where created_at >= ${current.from}::date)::int as leads,
      (select count(*) from conversions where created_at >= ${current.from}::date)::int as conversions,
      (select count(*) from lead_stage_changes)::int as changes,
      (select count(*) from visitor_sessions)::int as sessions,
      (select count(*) from visitor_days)::int as visitor_days,
      (select count(*) from visitor_daily)::int as visitor_daily,
      (select count(*) from session_daily)::int as session_daily`
  console.log('in the database:', counts[0])
  return workspaceId
}

async function timeReport() {
  const query = { from: current.from, to: current.to, model: 'first' as const, compare: 'previous' as const }
  const first = await getKpiReport({ workspaceId, calendar: DEFAULT_CALENDAR, query })
  console.log(
    `report: ${first.summary.visitors.value} visitors (${first.summary.visitors.previous} before), ${first.summary.pageViews.value} page views, ${first.summary.leads.value} leads, ${first.summary.sessions.value} sessions, bounce ${(first.summary.bounceRate.value! * 100).toFixed(1)} %, ${first.money.newCustomers.value} new customers`,
  )
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await getKpiReport({ workspaceId, calendar: DEFAULT_CALENDAR, query: { ...query, model: (['first', 'last', 'linear'] as const)[i % 3]! } })
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const median = (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2
  const p95 = times[Math.ceil(RUNS * 0.95) - 1]!
  console.log(
    `getKpiReport, 30 days compared with the 30 before, ${RUNS} runs: median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (target < 300 ms)`,
  )
  if (median >= 300) process.exitCode = 1
}
