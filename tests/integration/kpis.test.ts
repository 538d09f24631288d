// The marketing KPIs end to end: a known month (tests/factories/kpi-month.ts) seeded through the visitor path and
// writePageViews, then every number of GET /api/v1/kpis checked against the hand-computed values, the links
// behind the numbers followed into the leads inbox, tenant isolation, the 400s, and the spend settings.
import { beforeAll, describe, expect, test } from 'vitest'
import { listLeads, parseLeadQuery } from '#app/leads/list.server'
import type { KpiReport, KpiValue } from '#app/kpis/shape'
import { loader as kpisLoader } from '#app/routes/api.v1.kpis'
import { action as spendAction, loader as spendLoader } from '#app/routes/_app.settings.spend'
import { apiKeyCaller, callRoute, createMember, createOwner, readResult, type ApiCall } from '#tests/factories/accounts'
import { expectedKpis, KPI_PERIOD, KPI_PREVIOUS_PERIOD, seedKpiFixture } from '#tests/factories/kpi-month'

type Pair = [number | null, number | null]

let owner: Awaited<ReturnType<typeof createOwner>>
let other: Awaited<ReturnType<typeof createOwner>>
let ids: Awaited<ReturnType<typeof seedKpiFixture>>
let api: ApiCall
let otherApi: ApiCall
let want: ReturnType<typeof expectedKpis>

const march = `from=${KPI_PERIOD.from}&to=${KPI_PERIOD.to}`
async function report(query: string, call = api): Promise<KpiReport> {
  const res = await call(kpisLoader, `/api/v1/kpis?${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body as KpiReport
}

/** A KPI's value and previous value, compared to the digit (rates are fractions of small whole numbers). */
function expectPair(actual: KpiValue, [value, previous]: Pair, label: string) {
  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9)
  expect(close(actual.value, value) && close(actual.previous, previous), `${label}: got ${actual.value} / ${actual.previous}, want ${value} / ${previous}`).toBe(true)
}

/** The leads an href of the report lists, by fixture name. */
async function leadsBehind(href: string | null) {
  expect(href).toMatch(/^\/leads(\?|$)/)
  const parsed = parseLeadQuery(new URL(href!, 'http://x').searchParams)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const page = await listLeads({ workspaceId: owner.workspaceId, ...parsed.query, limit: 100 })
  const names = Object.fromEntries(Object.entries(ids.leads).map(([name, id]) => [id, name]))
  return page.leads.map((l) => names[l.id] ?? l.id).sort()
}

beforeAll(async () => {
  owner = await createOwner({ name: 'Kpi Owner' })
  other = await createOwner({ name: 'Other Owner' })
  ids = await seedKpiFixture({ workspaceId: owner.workspaceId, userId: owner.userId, otherWorkspaceId: other.workspaceId, otherUserId: other.userId })
  api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  otherApi = await apiKeyCaller({ workspaceId: other.workspaceId, createdBy: other.userId })
  want = expectedKpis(ids)
}, 60_000)

describe('GET /api/v1/kpis on the known month', () => {
  test('the periods and the summary', async () => {
    const r = await report(`${march}&compare=previous`)
    expect(r.period).toEqual({ ...KPI_PERIOD, days: 31 })
    expect(r.comparison).toEqual({ ...KPI_PREVIOUS_PERIOD, days: 31 })
    expect(r.model).toBe('first')
    for (const [key, pair] of Object.entries(want.summary)) expectPair(r.summary[key as keyof typeof r.summary], pair, `summary.${key}`)
  })

  test('pages and variants, the page that gets traffic but does not convert', async () => {
    const r = await report(`${march}&compare=previous`)
    expect(r.pages.map((p) => p.name)).toEqual(want.pages.map((p) => p.name))
    for (const [i, page] of want.pages.entries()) {
      const got = r.pages[i]!
      expect(got.pageId).toBe(page.pageId)
      expect(got.isNotConverting, page.name).toBe(page.isNotConverting)
      for (const key of ['visitors', 'pageViews', 'conversions', 'conversionRate'] as const) expectPair(got[key], page[key] as Pair, `${page.name}.${key}`)
      expect(got.variants.map((v) => v.key)).toEqual(Object.keys(page.variants))
      for (const variant of got.variants) {
        const expected = page.variants[variant.key as keyof typeof page.variants] as unknown as Record<string, Pair>
        for (const key of ['visitors', 'conversions', 'conversionRate'] as const) expectPair(variant[key], expected[key]!, `${page.name}/${variant.key}.${key}`)
      }
    }
  })

  test('the funnel: counts, stage-to-stage rates, median days', async () => {
    const { funnel } = await report(`${march}&compare=previous`)
    for (const step of funnel.steps) {
      expectPair(step.count, want.funnel.counts[step.stage]!, `${step.stage} count`)
      expectPair(step.rateFromPrevious, want.funnel.rateFromPrevious[step.stage]!, `${step.stage} rate`)
      expectPair(step.medianDaysFromPrevious, want.funnel.medianDaysFromPrevious[step.stage]!, `${step.stage} median days`)
    }
    for (const key of ['lost', 'visitorToMql', 'mqlToSql', 'sqlToWon', 'leadToCustomer', 'medianDaysLeadToCustomer'] as const) expectPair(funnel[key], want.funnel[key], `funnel.${key}`)
  })

  test('one definition of a customer: the funnel, Money, the sources and attribution count the same new customers (issue 16)', async () => {
    for (const model of ['first', 'last', 'linear'] as const) {
      const r = await report(`${march}&compare=previous&model=${model}`)
      const step = (stage: string) => r.funnel.steps.find((s) => s.stage === stage)!.count
      expect(step('customer')).toEqual(r.money.newCustomers)
      expect({ ...step('opportunity'), href: null }).toEqual({ ...r.money.opportunities, href: null })
      const fromSources = r.sources.reduce((sum, s) => [sum[0]! + s.customers.value!, sum[1]! + s.customers.previous!], [0, 0])
      expect(fromSources).toEqual([r.money.newCustomers.value, r.money.newCustomers.previous])
      expect(r.attribution.rows.reduce((sum, row) => sum + row.customers, 0)).toBeCloseTo(r.money.newCustomers.value!, 9)
    }
  })

  test('sources, "heard about us", devices and mobile, entry pages, time to conversion', async () => {
    const r = await report(`${march}&compare=previous`)
    expect(r.sources.map((s) => s.channel)).toEqual(['paid_search', 'organic_search', 'social', 'email', 'referral', 'direct'])
    for (const source of r.sources) {
      for (const [key, pair] of Object.entries(want.sources[source.channel]!)) expectPair(source[key as 'visitors'], pair, `${source.channel}.${key}`)
    }
    expect(r.heardAbout.map((h) => ({ answer: h.answer, leads: h.leads, byChannel: Object.fromEntries(Object.entries(h.byChannel).filter(([, n]) => n > 0)) }))).toEqual(want.heardAbout)
    for (const device of r.devices) {
      for (const [key, pair] of Object.entries(want.devices[device.device]!)) expectPair(device[key as 'visitors'], pair, `${device.device}.${key}`)
    }
    expectPair(r.mobile.share, want.mobile.share, 'mobile share')
    expectPair(r.mobile.leads, want.mobile.leads, 'mobile leads')
    expect(r.entryPages.map((e) => e.pageId)).toEqual(want.entryPages.map((e) => e.pageId))
    for (const [i, entry] of want.entryPages.entries()) {
      for (const key of ['sessions', 'visitors', 'bounceRate', 'conversionRate'] as const) expectPair(r.entryPages[i]![key], entry[key] as Pair, `entry ${r.entryPages[i]!.name}.${key}`)
    }
    for (const bucket of r.timeToConversion.buckets) expectPair(bucket.leads, want.timeToConversion.buckets[bucket.bucket]!, `time to conversion ${bucket.bucket}`)
    expectPair(r.timeToConversion.medianDays, want.timeToConversion.medianDays, 'time to conversion median')
  })

  test('the daily series: visitors seen, sessions started and leads created each day', async () => {
    const { daily } = await report(march)
    expect(daily).toHaveLength(31)
    expect(daily!.map((d) => d.day)).toEqual(Array.from({ length: 31 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`))
    for (const d of daily!) expect([d.visitors, d.sessions, d.leads], d.day).toEqual(want.daily[d.day] ?? [0, 0, 0])
  })

  test('money: spend, CAC, ROI, deal value, lifetime value, pipeline velocity', async () => {
    const { money } = await report(`${march}&compare=previous`)
    expect(money.hasData).toBe(true)
    for (const [key, pair] of Object.entries(want.money)) expectPair(money[key as keyof typeof want.money], pair, `money.${key}`)
  })

  test.each(['first', 'last', 'linear'] as const)('attribution of leads, customers and revenue, %s touch', async (model) => {
    const r = await report(`${march}&compare=previous&model=${model}`)
    expect(r.model).toBe(model)
    expect(r.attribution.model).toBe(model)
    const expected = want.attribution[model]!
    for (const row of r.attribution.rows) {
      const credit = expected[row.channel] ?? { leads: 0, customers: 0, revenue: 0 }
      expect({ leads: row.leads, customers: row.customers, revenue: row.revenue }, `${model} ${row.channel}`).toEqual(credit)
      expect(row.previous, `${model} ${row.channel} previous`).toEqual(want.attribution.previous![row.channel] ?? { leads: 0, customers: 0, revenue: 0 })
    }
    // Credit is shared out, never made up: every model hands out all of it.
    const total = (key: 'leads' | 'customers' | 'revenue') => r.attribution.rows.reduce((n, row) => n + row[key], 0)
    expect([total('leads'), total('customers'), total('revenue')]).toEqual([3, 2, 5100])
  })

  test('without a comparison, previous values are null', async () => {
    const r = await report(march)
    expect(r.comparison).toBeNull()
    expect(r.summary.visitors).toMatchObject({ value: 24, previous: null })
    expect(r.attribution.rows.every((row) => row.previous === null)).toBe(true)
  })
})

describe('every number leads to the leads behind it', () => {
  test('inbox links of the summary, funnel, pages, sources, devices, answers, money and attribution', async () => {
    const r = await report(`${march}&compare=previous`)
    const lastTouch = await report(`${march}&model=last`)
    const stage = (s: string) => r.funnel.steps.find((x) => x.stage === s)!
    const cases: [string, string | null, string[]][] = [
      ['leads', r.summary.leads.href, ['L1', 'L2', 'L3']],
      ['hot leads', r.summary.hotLeads.href, ['L2', 'L3']],
      ['cold leads', r.summary.coldLeads.href, ['L1']],
      ['hard conversions', r.summary.hardConversions.href, ['L2', 'L3']],
      ['soft conversions', r.summary.softConversions.href, ['L1', 'L2']],
      ['MQLs', stage('mql').count.href, ['L1', 'L2', 'L3']],
      ['opportunities opened (funnel)', stage('opportunity').count.href, ['L1', 'L3']],
      ['new customers (funnel)', stage('customer').count.href, ['L0', 'L1']],
      ['lost', r.funnel.lost.href, ['L3']],
      ['Demo page conversions', r.pages.find((p) => p.name === 'Demo')!.conversions.href, ['L2', 'L3']],
      ['Webinar B conversions', r.pages.find((p) => p.name === 'Webinar')!.variants.find((v) => v.key === 'B')!.conversions.href, ['L2']],
      ['organic search leads', r.sources.find((s) => s.channel === 'organic_search')!.leads.href, ['L1', 'L3']],
      ['organic search customers', r.sources.find((s) => s.channel === 'organic_search')!.customers.href, ['L0', 'L1']],
      ['mobile leads', r.mobile.leads.href, ['L2']],
      ['heard on a podcast', r.heardAbout.find((h) => h.answer === 'podcast')!.href, ['L2']],
      ['new customers', r.money.newCustomers.href, ['L0', 'L1']],
      ['opportunities opened', r.money.opportunities.href, ['L1', 'L3']],
      ['last touch: email', lastTouch.attribution.rows.find((row) => row.channel === 'email')!.href, ['L1', 'L2']],
    ]
    for (const [what, href, leads] of cases) expect(await leadsBehind(href), what).toEqual(leads)
    expect(r.pages[0]!.pageHref).toBe(`/pages/${ids.pages.blog.pageId}`)
  })
})

describe('tenants and bad input', () => {
  test("another workspace's visits, leads, deals and spend never show, and it sees only its own", async () => {
    const mine = await report(`${march}&compare=previous`)
    expect(mine.pages.map((p) => p.name).sort()).toEqual(['Blog', 'Demo', 'Webinar'])
    expect(mine.devices.find((d) => d.device === 'tablet')!.visitors.value).toBe(0)
    const theirs = await report(march, otherApi)
    expect(theirs.summary.visitors.value).toBe(2)
    expect(theirs.summary.sessions.value).toBe(2)
    expect(theirs.summary.leads.value).toBe(1)
    expect(theirs.money).toMatchObject({ spend: { value: 50001 }, newCustomers: { value: 1 }, revenue: { value: 99999 } })
    expect(theirs.pages.map((p) => p.name)).toEqual(['Elsewhere'])
  })

  test.each([
    ['', 'from'],
    [`to=${KPI_PERIOD.to}`, 'from'],
    [`from=${KPI_PERIOD.from}`, 'to'],
    ['from=2026-02-30&to=2026-03-31', 'from'],
    ['from=yesterday&to=2026-03-31', 'from'],
    ['from=2026-03-31&to=2026-03-01', 'to'],
    ['from=2025-01-01&to=2026-03-31', 'to'],
    [`${march}&model=middle`, 'model'],
    [`${march}&compare=last-year`, 'compare'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const res = await api(kpisLoader, `/api/v1/kpis?${query}`)
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.errors)).toContain(field)
  })

  test('366 days is allowed; without a key it is a 401', async () => {
    expect((await api(kpisLoader, '/api/v1/kpis?from=2025-04-01&to=2026-04-01')).status).toBe(200)
    expect((await api(kpisLoader, `/api/v1/kpis?${march}`, { auth: false })).status).toBe(401)
  })
})

describe('Settings → Spend', () => {
  test('editors save a month, viewers read it and cannot change it, bad amounts are 400s naming the field', async () => {
    const editor = await createMember({ workspaceId: other.workspaceId, invitedBy: other.userId, role: 'editor' })
    const viewer = await createMember({ workspaceId: other.workspaceId, invitedBy: other.userId, role: 'viewer' })
    const saved = await readResult(
      await callRoute(spendAction, '/settings/spend', { cookie: editor.cookie, form: { month: '2026-04', spend_paid_search: '1 250,50', spend_social: '', spend_email: '300' } }),
    )
    expect(saved).toMatchObject({ status: 200, body: { saved: '2026-04' } })
    const read = await readResult(await callRoute(spendLoader, '/settings/spend?month=2026-04', { cookie: viewer.cookie }))
    expect(read.body).toMatchObject({ month: '2026-04', amounts: { paid_search: 1250.5, social: null, email: 300, direct: null } })
    const refused = await readResult(await callRoute(spendAction, '/settings/spend', { cookie: viewer.cookie, form: { month: '2026-04', spend_paid_search: '1' } }))
    expect(refused.status).toBe(403)
    for (const [form, field] of [
      [{ month: '2026-13', spend_email: '1' }, 'month'],
      [{ month: '2026-04', spend_email: '-5' }, 'spend_email'],
      [{ month: '2026-04', spend_email: 'lots' }, 'spend_email'],
      [{ month: '2026-04', spend_email: '1.234' }, 'spend_email'],
    ] as const) {
      const bad = await readResult(await callRoute(spendAction, '/settings/spend', { cookie: editor.cookie, form }))
      expect(bad.status).toBe(400)
      expect(Object.keys((bad.body as { errors: { fieldErrors: object } }).errors.fieldErrors)).toEqual([field])
    }
    // Saving a month again replaces it: a cleared source is gone.
    await callRoute(spendAction, '/settings/spend', { cookie: editor.cookie, form: { month: '2026-04', spend_email: '300' } })
    const again = await readResult(await callRoute(spendLoader, '/settings/spend?month=2026-04', { cookie: editor.cookie }))
    expect(again.body).toMatchObject({ amounts: { paid_search: null, email: 300 } })
  })
})
