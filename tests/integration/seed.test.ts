import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { findApiCaller } from '#app/api-keys/api-key.server'
import { verifyLogin } from '#app/auth/user.server'
import { db, queryRows } from '#app/db.server'
import { analyze } from '#app/statistics/analyze'
import { apiKeys, forms, memberships, users, workspaces } from '#db/schema'
import { DEMO_LOGIN, DEMO_WORKSPACE_ID, seedDemo } from '#app/demo/seed.server'
import { DEMO_EXPERIMENT } from '#app/demo/experiment.server'
import { DAY_MS as DAY } from '#app/time/days'

const rows = <T>(statement: ReturnType<typeof sql>) => queryRows<T>(db, statement)
const ws = DEMO_WORKSPACE_ID

test('the demo seed is idempotent and registers DEMO_API_KEY exactly', { timeout: 60_000 }, async () => {
  const demoApiKey = 'seed_test_key_0123456789abcdefgh'
  const first = await seedDemo(db, { demoApiKey })
  const second = await seedDemo(db, { demoApiKey })
  expect(second).toEqual(first)

  const count = async (table: typeof workspaces | typeof users | typeof memberships | typeof apiKeys, where: ReturnType<typeof eq>) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(table)
        .where(where)
    )[0]!.n
  expect(await count(workspaces, eq(workspaces.id, DEMO_WORKSPACE_ID))).toBe(1)
  expect(await count(users, eq(users.email, DEMO_LOGIN.email))).toBe(1)
  expect(await count(memberships, and(eq(memberships.workspaceId, DEMO_WORKSPACE_ID), eq(memberships.role, 'owner'))!)).toBe(1)
  expect(await count(apiKeys, eq(apiKeys.workspaceId, DEMO_WORKSPACE_ID))).toBe(1)

  expect(await verifyLogin(DEMO_LOGIN)).toBe(first.userId)
  const caller = await findApiCaller(new Request('http://x/', { headers: { Authorization: `Bearer ${demoApiKey}` } }))
  expect(caller?.workspace.id).toBe(DEMO_WORKSPACE_ID)
})

describe('the demo history', () => {
  let now: number
  beforeAll(async () => {
    await seedDemo(db, {})
    now = Date.now()
  })

  test('three months of visits on every demo page: a weekly rhythm, growth, returning visitors, every device and channel', async () => {
    const [totals] = await rows<{ views: number; visitors: number; first: string; last: string; pages: number; rollup: number }>(sql`
      select count(*)::int as views, count(distinct visitor_id)::int as visitors, min(viewed_at) as first, max(viewed_at) as last,
        count(distinct page_id)::int as pages, (select sum(views)::int from page_view_daily where workspace_id = ${ws}) as rollup
      from page_views where workspace_id = ${ws}`)
    expect(totals!.pages).toBe(4)
    // Ninety calendar days (UTC) up to today: the first view falls on the day 89 days before today's, at any hour.
    const today = Math.floor(now / DAY) * DAY
    expect(Date.parse(totals!.first)).toBeGreaterThanOrEqual(today - 89 * DAY)
    expect(Date.parse(totals!.first)).toBeLessThan(today - 88 * DAY)
    expect(Date.parse(totals!.last)).toBeLessThanOrEqual(now)
    // A few hundred visitors a day, written through writePageViews: the dashboard's rollups agree with the views.
    expect(totals!.visitors / 90).toBeGreaterThan(150)
    expect(totals!.rollup).toBe(totals!.views)

    const byWeekday = await rows<{ dow: number; n: number }>(sql`select extract(isodow from viewed_at at time zone 'UTC')::int as dow, count(*)::int as n
      from page_views where workspace_id = ${ws} and viewed_at < date_trunc('day', now()) group by 1`)
    const average = (days: number[]) => byWeekday.filter((d) => days.includes(d.dow)).reduce((sum, d) => sum + d.n, 0) / days.length
    expect(average([1, 2, 3, 4])).toBeGreaterThan(2 * average([6, 7]))
    const [growth] = await rows<{ early: number; late: number }>(sql`select count(*) filter (where viewed_at < now() - interval '63 days')::int as early,
      count(*) filter (where viewed_at >= now() - interval '28 days')::int as late from page_views where workspace_id = ${ws}`)
    expect(growth!.late).toBeGreaterThan(1.1 * growth!.early)

    const [returning] = await rows<{ share: number; several_pages: number }>(sql`select avg((views > 1)::int)::float as share, count(*) filter (where pages > 1)::int as several_pages
      from (select visitor_id, count(*) as views, count(distinct page_id) as pages from page_views where workspace_id = ${ws} group by 1) v`)
    // The demo asks for consent (decision 086): only visitors who accepted are recognised when they come back; every
    // other view is counted under an id of its own, so returning ids are a few percent of all ids.
    expect(returning!.share).toBeGreaterThan(0.02)
    expect(returning!.several_pages).toBeGreaterThan(100)
    const mix = await rows<{ device: string; channel: string }>(sql`select distinct device, channel from page_views where workspace_id = ${ws}`)
    expect(new Set(mix.map((m) => m.device))).toEqual(new Set(['desktop', 'mobile', 'tablet']))
    expect(new Set(mix.map((m) => m.channel))).toEqual(new Set(['organic_search', 'paid_search', 'social', 'email', 'referral', 'direct']))
  })

  test('every conversion follows its visitor viewing that page and variant, and mobile visitors convert less', async () => {
    const [orphans] = await rows<{ n: number; total: number; hard: number }>(sql`select count(*) filter (where not exists (
        select 1 from page_views v where v.visitor_id = c.visitor_id and v.page_id = c.page_id and v.variant_key = c.variant_key and v.viewed_at = c.started_at
      ))::int as n, count(*)::int as total, count(*) filter (where conversion_type = 'hard')::int as hard
      from conversions c where workspace_id = ${ws}`)
    expect(orphans!.n).toBe(0)
    expect(orphans!.hard).toBeGreaterThan(50)
    expect(orphans!.total).toBeGreaterThan(2 * orphans!.hard)
    const byDevice = await rows<{ device: string; rate: number }>(sql`select v.device, count(distinct c.visitor_id)::float / count(distinct v.visitor_id) as rate
      from page_views v left join conversions c on c.visitor_id = v.visitor_id and c.workspace_id = v.workspace_id
      where v.workspace_id = ${ws} group by 1`)
    const rate = (device: string) => byDevice.find((d) => d.device === device)!.rate
    expect(rate('mobile')).toBeLessThan(0.85 * rate('desktop'))
  })

  test('the leads reach every stage, with stage history, deal values, notes and "how did you hear about us" where asked', async () => {
    const stages = await rows<{ stage: string; n: number }>(sql`select stage, count(*)::int as n from leads where workspace_id = ${ws} group by 1`)
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['lead', 'mql', 'sql', 'opportunity', 'customer', 'lost']))
    expect(stages.find((s) => s.stage === 'customer')!.n).toBeGreaterThan(5)
    const [counts] = await rows<{ mismatched: number }>(sql`select count(*)::int as mismatched from leads l
      where workspace_id = ${ws} and hard_conversions + soft_conversions <> (select count(*) from conversions c where c.lead_id = l.id)`)
    expect(counts!.mismatched).toBe(0)

    const customers = await rows<{ id: string; deal_value: number; path: string; values: string }>(sql`select l.id, l.deal_value::float as deal_value,
        string_agg(h.from_stage || '>' || h.to_stage, ' ' order by h.created_at) as path, string_agg(coalesce(h.deal_value::text, '-'), ' ' order by h.created_at) as values
      from leads l join lead_stage_changes h on h.lead_id = l.id where l.workspace_id = ${ws} and l.stage = 'customer' group by 1, 2`)
    for (const customer of customers) {
      expect(customer.deal_value).toBeGreaterThan(0)
      expect(customer.path).toBe('lead>mql mql>sql sql>opportunity opportunity>customer')
      expect(Number(customer.values.split(' ')[2])).toBeGreaterThan(0) // the offer's value
    }
    const [notes] = await rows<{ n: number }>(sql`select count(*)::int as n from lead_notes where workspace_id = ${ws}`)
    expect(notes!.n).toBeGreaterThan(20)

    const asking = (await db.select({ id: forms.id, definition: forms.definition }).from(forms).where(eq(forms.workspaceId, ws)))
      .filter((f) => f.definition.fields.some((field) => field.type === 'heard_about'))
      .map((f) => f.id)
    expect(asking.length).toBeGreaterThan(0)
    const [heard] = await rows<{ answered: number; unasked: number }>(sql`select count(*) filter (where heard_about is not null)::int as answered,
        count(*) filter (where heard_about is not null and not exists (select 1 from conversions c where c.lead_id = l.id and c.form_id in (${sql.join(
          asking.map((formId) => sql`${formId}::uuid`),
          sql`, `,
        )})))::int as unasked
      from leads l where workspace_id = ${ws}`)
    expect(heard!.answered).toBeGreaterThan(10)
    expect(heard!.unasked).toBe(0)
  })

  test('the A/B/C test runs since four weeks ago; its rollups equal its events, and B is truly better', async () => {
    const [experiment] = await rows<{ id: string; status: string; started_at: string; slug: string; variants: { key: string }[]; events: string }>(sql`
      select e.id, e.status, e.started_at, p.slug, e.variants,
        (select string_agg(action, ' ' order by created_at) from experiment_events where experiment_id = e.id and created_at <= e.started_at) as events
      from experiments e join pages p on p.id = e.page_id where e.workspace_id = ${ws} and e.name = ${DEMO_EXPERIMENT.name}`)
    expect(experiment).toMatchObject({ status: 'running', slug: DEMO_EXPERIMENT.slug, events: 'create start' })
    expect(experiment!.variants.map((v) => v.key)).toEqual(['A', 'B', 'C'])
    expect((now - Date.parse(experiment!.started_at)) / DAY).toBeCloseTo(DEMO_EXPERIMENT.daysRunning, 0)

    const id = experiment!.id
    const events = await rows<{ metric: string; variant_key: string; n: number }>(sql`
      select '' as metric, variant_key, count(*)::int as n from exposures where experiment_id = ${id} group by 2
      union all select metric, variant_key, count(*)::int from experiment_conversions where experiment_id = ${id} group by 1, 2`)
    const rollups = await rows<{ metric: string; variant_key: string; n: number }>(
      sql`select metric, variant_key, sum(count)::int as n from experiment_daily where experiment_id = ${id} group by 1, 2`,
    )
    const keyed = (list: { metric: string; variant_key: string; n: number }[]) => Object.fromEntries(list.map((r) => [`${r.metric}/${r.variant_key}`, r.n]))
    expect(keyed(rollups)).toEqual(keyed(events))
    const [attached] = await rows<{ n: number }>(sql`select count(*)::int as n from conversions where experiment_id = ${id}`)
    expect(attached!.n).toBe(events.filter((e) => e.metric === 'any').reduce((sum, e) => sum + e.n, 0))

    const counts = (key: string, metric: string) => events.find((e) => e.metric === metric && e.variant_key === key)?.n ?? 0
    const analysis = analyze({ variants: ['A', 'B', 'C'].map((key) => ({ key, visitors: counts(key, ''), conversions: counts(key, 'any') })) })
    expect(analysis.srm.detected).toBe(false)
    expect(analysis.decision).toMatchObject({ status: 'winner', variant: 'B' })
  })

  test('paid channels have monthly spend for every month of the history, so CAC and ROI have figures', async () => {
    const spend = await rows<{ month: string; channel: string; amount: number }>(
      sql`select month, channel, amount::float as amount from marketing_spend where workspace_id = ${ws} order by month, channel`,
    )
    const months = [...new Set(spend.map((s) => s.month))]
    expect(months).toHaveLength(4)
    expect(months.at(-1)).toBe(new Date(now).toISOString().slice(0, 7))
    expect(new Set(spend.map((s) => s.channel))).toEqual(new Set(['paid_search', 'social', 'email']))
    expect(spend.every((s) => s.amount > 0)).toBe(true)
  })

  test('seeding again adds nothing', async () => {
    const snapshot = () =>
      rows(sql`select (select count(*) from page_views where workspace_id = ${ws})::int as views,
      (select count(*) from leads where workspace_id = ${ws})::int as leads, (select count(*) from conversions where workspace_id = ${ws})::int as conversions,
      (select count(*) from lead_stage_changes where workspace_id = ${ws})::int as changes, (select count(*) from experiments where workspace_id = ${ws})::int as experiments,
      (select count(*) from marketing_spend where workspace_id = ${ws})::int as spend,
      (select count(*) from page_variants v join pages p on p.id = v.page_id where p.workspace_id = ${ws})::int as variants`)
    const before = await snapshot()
    await seedDemo(db, {})
    expect(await snapshot()).toEqual(before)
  })
})
