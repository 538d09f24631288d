// The money KPIs' stage flows (readMoneyFacts, app/kpis/money.server.ts) at 200,000 leads, with and without the
// index of migration 0015 on lead_funnel's latest stage time. A fresh PostgreSQL database: one workspace whose leads
// arrived evenly over two years (so a 30-day report and the 30 days before touch a small share of them), 40 % of
// them past MQL, 15 % past SQL, 6 % opportunities and 2.5 % customers, each move 1–10 days after the one before, as
// in the kpis bench. Prints the planner's plan and time (EXPLAIN ANALYZE of the flows read, the part that scans
// lead_funnel) and the median of the whole readMoneyFacts call, as the dashboard makes it, with the index and after
// dropping it. Needs PostgreSQL (DATABASE_URL, else the local one).
//
//   npx tsx tests/bench/kpi-funnel-index.ts          (FUNNEL_BENCH_LEADS=200000 by default)
import { performance } from 'node:perf_hooks'
import postgres from 'postgres'
import { createBenchDatabase } from './bench-db'

const LEADS = Number(process.env.FUNNEL_BENCH_LEADS ?? 200_000)
const HISTORY_DAYS = 730
const RUNS = 15

const benchDb = await createBenchDatabase('funnel')
process.env.DATABASE_URL = benchDb.url
// The app reads DATABASE_URL when the database module loads, so it is imported only now.
const { migrateDatabase, closeDatabase } = await import('#app/db.server')
const { readMoneyFacts } = await import('#app/kpis/money.server')
const { lastDays, previousPeriod, periodBounds } = await import('#app/kpis/period')
const { today, UTC } = await import('#app/time/days')
const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })

try {
  await migrateDatabase()
  const workspaceId = await load()
  const period = lastDays(30, today())
  const previous = previousPeriod(period)
  const periods = [
    { label: 'cur' as const, period, timeZone: UTC },
    { label: 'prev' as const, period: previous, timeZone: UTC },
  ]
  const [{ touched }] = await sql`select count(*)::int as touched from lead_funnel where workspace_id = ${workspaceId} and mql_at is not null
    and coalesce(customer_at, opportunity_at, sql_at, mql_at) >= ${periodBounds(previous).start}`
  console.log(`${LEADS.toLocaleString('en')} leads over ${HISTORY_DAYS} days; ${touched.toLocaleString('en')} with a stage time in the two periods or later`)
  await measure('with lead_funnel_workspace_stage_time_idx (migration 0015)', workspaceId, periods)
  await sql`drop index lead_funnel_workspace_stage_time_idx`
  await sql`analyze lead_funnel`
  await measure('without it (before 0015)', workspaceId, periods)
} finally {
  await sql.end()
  await closeDatabase()
  await benchDb.drop()
}
process.exit(process.exitCode ?? 0)

async function load(): Promise<string> {
  const started = performance.now()
  const [workspace] = await sql`insert into workspaces (name) values ('Funnel bench') returning id`
  const workspaceId = workspace!.id as string
  // The insert trigger writes each lead's lead_funnel row (migration 0006).
  await sql`insert into leads (workspace_id, channel, first_seen_at, last_conversion_at, last_activity_at, created_at)
    select ${workspaceId}, (array['organic_search','paid_search','direct','social','email','referral'])[1 + (i % 6)], at - interval '2 hours', at, at, at
    from (select i, now() - (random() * ${HISTORY_DAYS}) * interval '1 day' as at from generate_series(1, ${LEADS}) i) s`
  // Stage times straight into lead_funnel (what the moves' trigger keeps): the shares and gaps of the kpis bench,
  // and no time after now.
  await sql`with s as (select lead_id, created_at, random() as r from lead_funnel where workspace_id = ${workspaceId}),
    t as (select lead_id, r, created_at + (1 + random() * 9) * interval '1 day' as mql from s where r < 0.4),
    u as (select lead_id, r, mql, case when r < 0.15 then mql + (1 + random() * 9) * interval '1 day' end as sq from t),
    v as (select lead_id, r, mql, sq, case when r < 0.06 then sq + (1 + random() * 9) * interval '1 day' end as opp from u),
    w as (select lead_id, mql, sq, opp, case when r < 0.025 then opp + (1 + random() * 9) * interval '1 day' end as cust from v)
    update lead_funnel f set
      mql_at = case when w.mql <= now() then w.mql end,
      sql_at = case when w.sq <= now() then w.sq end,
      opportunity_at = case when w.opp <= now() then w.opp end,
      customer_at = case when w.cust <= now() then w.cust end
    from w where f.lead_id = w.lead_id`
  await sql`analyze lead_funnel`
  console.log(`loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return workspaceId
}

type Periods = Parameters<typeof readMoneyFacts>[1]

async function measure(label: string, workspaceId: string, periods: Periods) {
  // The flows CTE of readMoneyFacts, with its counts (the medians read the same rows).
  const values = periods.map(({ label: l, period }) => {
    const { start, end } = periodBounds(period)
    return `('${l}', '${start.toISOString()}'::timestamptz, '${end.toISOString()}'::timestamptz)`
  })
  const plan = await sql.unsafe(
    `explain (analyze, buffers, costs off) with p(label, start_at, end_at) as (values ${values.join(', ')})
    select p.label, count(*) filter (where f.mql_at >= p.start_at and f.mql_at < p.end_at) as mql,
      count(*) filter (where f.sql_at >= p.start_at and f.sql_at < p.end_at) as sql,
      count(*) filter (where f.opportunity_at >= p.start_at and f.opportunity_at < p.end_at) as opportunities
    from p join lead_funnel f on f.workspace_id = '${workspaceId}' and f.created_at < p.end_at and f.mql_at < p.end_at
      and coalesce(f.customer_at, f.opportunity_at, f.sql_at, f.mql_at) >= p.start_at
    group by p.label`,
  )
  console.log(`# ${label}`)
  for (const row of plan) console.log(`  ${row['QUERY PLAN']}`)
  const range = { from: periods.at(-1)!.period.from, to: periods[0]!.period.to }
  await readMoneyFacts(workspaceId, periods, range)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await readMoneyFacts(workspaceId, periods, range)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  console.log(`  readMoneyFacts, ${RUNS} runs: median ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms, fastest ${times[0]!.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms`)
}
