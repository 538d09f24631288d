import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { expect, test } from 'vitest'
import { CHANNELS } from '#app/attribution/channel'
import { DEVICES } from '#app/attribution/device'
import { FUNNEL_STAGES, TIME_TO_CONVERSION_BUCKETS, type KpiReport, type KpiValue } from '#app/kpis/shape'
import { cellsOf, elementWith, elementsWith, textOf } from '#tests/render-route'
import { DashboardReport } from './dashboard-report'
import { readDashboardQuery } from './period'

// The report's rendering on its own, with a hand-made report: the words around the numbers, the flags and the
// states that a seeded month would not all show at once. The figures of a real report: app/routes/_app.dashboard/route.test.ts.

const kpi = (value: number | null, previous: number | null = null, href: string | null = null): KpiValue => ({ value, previous, href })

function report(overrides: Partial<KpiReport> = {}): KpiReport {
  return {
    period: { from: '2026-10-01', to: '2026-10-31', days: 31 },
    comparison: { from: '2026-08-31', to: '2026-09-30', days: 31 },
    model: 'first',
    generatedAt: '2026-11-01T08:00:00.000Z',
    timeZone: 'UTC',
    currency: 'EUR',
    summary: {
      visitors: kpi(1200, 1000, '/pages'),
      sessions: kpi(1500, 1300),
      pageViews: kpi(2100, 1800),
      leads: kpi(60, 80, '/leads?from=2026-10-01&to=2026-10-31'),
      visitorToLeadRate: kpi(0.05, 0.08),
      softConversions: kpi(45, 50),
      hardConversions: kpi(20, 30),
      hotLeads: kpi(18, 25, '/leads?from=2026-10-01&temperature=hot&to=2026-10-31'),
      coldLeads: kpi(42, 55, '/leads?from=2026-10-01&temperature=cold&to=2026-10-31'),
      bounceRate: kpi(0.42, 0.4),
    },
    pages: [
      {
        pageId: 'p1',
        name: 'Demo page',
        slug: 'demo',
        pageHref: '/pages/p1',
        visitors: kpi(800, 700),
        pageViews: kpi(900, 800),
        conversions: kpi(60, 50, '/leads?pageId=p1'),
        conversionRate: kpi(0.075, 0.0714),
        isNotConverting: false,
        variants: [
          { key: 'A', visitors: kpi(400, 350), conversions: kpi(25, 25), conversionRate: kpi(0.0625, 0.0714) },
          { key: 'B', visitors: kpi(400, 350), conversions: kpi(35, 25), conversionRate: kpi(0.0875, 0.0714) },
        ],
      },
      {
        pageId: 'p2',
        name: 'Pricing <b>now</b>',
        slug: 'pricing',
        pageHref: '/pages/p2',
        visitors: kpi(400, 300),
        pageViews: kpi(400, 300),
        conversions: kpi(0, 2),
        conversionRate: kpi(0, 0.0067),
        isNotConverting: true,
        variants: [{ key: 'A', visitors: kpi(400, 300), conversions: kpi(0, 2), conversionRate: kpi(0, 0.0067) }],
      },
    ],
    funnel: {
      steps: FUNNEL_STAGES.map((stage, i) => ({
        stage,
        count: kpi([60, 30, 12, 6, 3][i]!, [80, 30, 10, 5, 2][i]!, `/leads?reached=${stage}`),
        rateFromPrevious: kpi(i ? 0.5 : null, i ? 0.4 : null),
        medianDaysFromPrevious: kpi(i ? 2 + i : null, i ? 3 : null),
      })),
      lost: kpi(4, 2),
      visitorToMql: kpi(0.025, 0.03),
      mqlToSql: kpi(0.4, 0.333),
      sqlToWon: kpi(0.25, 0.2),
      leadToCustomer: kpi(0.05, 0.025),
      medianDaysLeadToCustomer: kpi(21.5, 30),
    },
    sources: CHANNELS.map((channel, i) => ({
      channel,
      visitors: kpi(200 - i * 10, 150),
      sessions: kpi(250, 200),
      leads: kpi(10 - i, 12, `/leads?source=${channel}`),
      visitorToLeadRate: kpi(0.05, 0.08),
      customers: kpi(i === 0 ? 2 : 0, 1),
      spend: kpi(i === 0 ? 1000 : 0, 800),
    })),
    heardAbout: [
      { answer: 'referral', leads: 5, byChannel: { paid_search: 0, organic_search: 1, social: 0, email: 0, referral: 0, direct: 4 }, href: '/leads?heardAbout=referral' },
      { answer: null, leads: 55, byChannel: { paid_search: 10, organic_search: 8, social: 7, email: 6, referral: 5, direct: 19 }, href: null },
    ],
    devices: DEVICES.map((device, i) => ({
      device,
      visitors: kpi([500, 100, 600][i]!, 400),
      share: kpi([0.4167, 0.0833, 0.5][i]!, 0.4),
      sessions: kpi(600, 500),
      bounceRate: kpi(0.5, 0.45),
      leads: kpi([20, 2, 38][i]!, 20),
      conversions: kpi([22, 2, 41][i]!, 20),
      conversionRate: kpi(0.044, 0.05),
    })),
    mobile: { share: kpi(0.4167, 0.4), leads: kpi(20, 20, '/leads?device=mobile') },
    entryPages: [
      { pageId: 'p1', name: 'Demo page', slug: 'demo', pageHref: '/pages/p1', sessions: kpi(900, 800), visitors: kpi(700, 600), bounceRate: kpi(0.35, 0.4), conversionRate: kpi(0.06, 0.05) },
    ],
    timeToConversion: { buckets: TIME_TO_CONVERSION_BUCKETS.map((bucket, i) => ({ bucket, leads: kpi([20, 15, 12, 8, 5][i]!, 10) })), medianDays: kpi(0.8, 1.2) },
    money: {
      hasData: false,
      spend: kpi(null, null),
      newCustomers: kpi(3, 2),
      revenue: kpi(null, null),
      cac: kpi(null, null),
      roi: kpi(null, null),
      averageDealValue: kpi(null, null),
      customerLifetimeValue: kpi(null, null),
      opportunities: kpi(6, 5),
      winRate: kpi(null, null),
      averageSalesCycleDays: kpi(null, null),
      pipelineVelocity: kpi(null, null),
    },
    daily: [{ day: '2026-10-01', visitors: 40, sessions: 50, leads: 2 }],
    attribution: {
      model: 'first',
      rows: CHANNELS.map((channel, i) => ({
        channel,
        leads: i === 0 ? 10.5 : 9.9,
        customers: i === 0 ? 2 : 0.2,
        revenue: 0,
        previous: { leads: 12, customers: 1, revenue: 0 },
        href: `/leads?touched=${channel}`,
      })),
    },
    consent: null,
    ...overrides,
  }
}

async function render(r: KpiReport, { canEdit = true, url = '/dashboard?period=custom&from=2026-10-01&to=2026-10-31' } = {}) {
  const { selection, ignored } = readDashboardQuery(new URL(url, 'http://app.test').searchParams, '2026-11-01')
  const handler = createStaticHandler([{ path: '/dashboard', Component: () => <DashboardReport report={r} selection={selection} ignored={ignored} canEdit={canEdit} pickerKey="" /> }])
  const context = await handler.query(new Request(new URL(url, 'http://app.test')))
  if (context instanceof Response) throw new Error('unexpected redirect')
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />)
}

test('each KPI shows its value, the previous value and the change in words; numbers link to what is behind them', async () => {
  const html = await render(report())
  expect(textOf(elementWith(html, 'data-testid="kpi-visitors"')!)).toBe('Visitors 1,200 ▲ up 20.0% · was 1,000 1,500 visits · 2,100 page views')
  expect(textOf(elementWith(html, 'data-testid="kpi-leads"')!)).toContain('60 ▼ down 25.0% · was 80')
  expect(textOf(elementWith(html, 'data-testid="kpi-visitor-to-lead"')!)).toContain('5.0% ▼ down 3.0 pp · was 8.0%')
  // Bounce rate up is bad news: said in words, coloured red.
  const bounce = elementWith(html, 'data-testid="kpi-bounce-rate"')!
  expect(textOf(bounce)).toContain('42.0% ▲ up 2.0 pp · was 40.0%')
  expect(bounce).toContain('text-red-700')
  const temperature = elementWith(html, 'data-testid="kpi-temperature"')!
  expect(temperature).toContain('href="/leads?from=2026-10-01&amp;temperature=hot&amp;to=2026-10-31"')
  expect(temperature).toContain('aria-label="18 hot leads: show them"')
  expect(textOf(temperature)).toContain('70% cold · 30% hot')
  expect(html).toContain('2026-10-01 to 2026-10-31 (UTC), compared with 2026-08-31 to 2026-09-30')
})

test('pages with traffic and no conversion are named, by a word and not by colour alone; variants get their own rows', async () => {
  const html = await render(report())
  expect(textOf(html)).toContain('1 page gets traffic but no conversions: Pricing <b>now</b> . Try another headline')
  const pricing = elementWith(html, 'data-page-id="p2"')!
  expect(textOf(pricing)).toContain('Not converting')
  expect(html).not.toContain('<b>now</b>')
  const demo = elementWith(html, 'data-page-id="p1"')!
  expect(elementsWith(demo, 'data-variant=').map((row) => cellsOf(row)[0])).toEqual(['Variant A', 'Variant B'])
  expect(demo).toContain('href="/leads?pageId=p1"')
})

test('the funnel, sources, attribution and heard-about tables carry every figure, with links', async () => {
  const html = await render(report())
  const funnel = elementWith(html, 'data-testid="funnel"')!
  expect(cellsOf(elementWith(funnel, 'data-stage="sql"')!)).toEqual(['SQL', '12 ▲ up 20.0% · was 10', '50.0% ▲ up 10.0 pp · was 40.0%', '4.0 days ▲ up 33.3% · was 3.0 days'])
  expect(textOf(funnel)).toContain('Median time from the stage before')
  expect(funnel).toContain('href="/leads?reached=customer"')
  expect(textOf(funnel)).toContain('Median time, lead → customer 21.5 days ▼ down 28.3% · was 30.0 days')
  // No spend entered: no spend column.
  expect(cellsOf(elementWith(html, 'data-channel="paid_search"')!)).toHaveLength(5)
  const attribution = elementWith(html, 'data-testid="attribution"')!
  expect(cellsOf(elementWith(attribution, 'data-channel="paid_search"')!)).toEqual(['Paid search', '10.5 ▼ down 12.5% · was 12', '2 ▲ up 100.0% · was 1'])
  expect(html).toContain('href="/dashboard?period=custom&amp;from=2026-10-01&amp;to=2026-10-31&amp;model=linear"')
  const heard = elementWith(html, 'data-testid="heard-about"')!
  expect(cellsOf(elementsWith(heard, '<tr')[1]!)).toEqual(['Friend or colleague', '5', '0', '1', '0', '0', '0', '4'])
  expect(heard).toContain('href="/leads?heardAbout=referral&amp;source=direct"')
  expect(textOf(heard)).toContain('Not asked or no answer')
})

test('money asks for the spend instead of showing zeros; editors get the link, viewers are told whom to ask', async () => {
  const editor = await render(report())
  expect(textOf(elementWith(editor, 'data-testid="money-empty"')!)).toContain('Enter your spend')
  expect(editor).toContain('href="/settings/spend"')
  expect(editor).not.toContain('data-testid="money-cac"')
  const viewer = await render(report(), { canEdit: false })
  expect(textOf(elementWith(viewer, 'data-testid="money-empty"')!)).toContain('Ask an editor or owner')

  const withMoney = report({
    money: {
      ...report().money,
      hasData: true,
      spend: kpi(3000, 2000),
      revenue: kpi(45000, 20000),
      cac: kpi(1000, 1000),
      roi: kpi(14, 9),
      averageDealValue: kpi(15000, 10000),
      pipelineVelocity: kpi(1234.5, 800),
    },
  })
  const html = await render(withMoney)
  expect(textOf(elementWith(html, 'data-testid="money-cac"')!)).toContain('1,000 = no change · was 1,000')
  expect(textOf(elementWith(html, 'data-testid="money-velocity"')!)).toContain('1,235 ▲ up 54.3% · was 800')
  expect(cellsOf(elementWith(html, 'data-channel="paid_search"')!)).toHaveLength(6)
})

test("issue 16's dashboard examples no longer appear: ROI in points of thousands, durations of 0.0 days, money with a currency", async () => {
  const minutes = (n: number) => n / 1440
  const base = report()
  const html = await render(
    report({
      money: { ...base.money, hasData: true, spend: kpi(3000, 2000), revenue: kpi(509910, 120288), newCustomers: kpi(22, 18), roi: kpi(168.97, 59.144) },
      timeToConversion: { ...base.timeToConversion, medianDays: kpi(minutes(2), minutes(2.068)) },
    }),
  )
  const roi = textOf(elementWith(html, 'data-testid="money-roi"')!)
  expect(roi).toContain('16,897% ▲ up 185.7% · was 5,914%')
  expect(roi).not.toMatch(/pp|16897\.0/)
  const median = elementWith(html, 'data-testid="median-time-to-convert"')!
  expect(textOf(median)).toBe('Median: 2 minutes = no change · was 2 minutes')
  expect(median).not.toContain('data-change="down"')
  expect(textOf(html)).not.toMatch(/(?<![\d.])0\.0 days/)
  const money = textOf(elementWith(html, 'data-testid="money-revenue"')!)
  expect(money).toContain('509,910 ▲ up 323.9% · was 120,288')
  expect(money).not.toMatch(/[$€£¤]|kr|SEK/)
})

test('without a comparison there is no "was", and an unreadable period is named', async () => {
  const strip = (v: KpiValue) => ({ ...v, previous: null })
  const r = report({ comparison: null })
  r.summary = Object.fromEntries(Object.entries(r.summary).map(([k, v]) => [k, strip(v)])) as KpiReport['summary']
  const html = await render(r, { url: '/dashboard?period=custom&from=2026-10-01&to=2026-09-01&compare=none' })
  expect(textOf(elementWith(html, 'data-testid="kpi-visitors"')!)).toBe('Visitors 1,200 1,500 visits · 2,100 page views')
  expect(textOf(html)).toContain('Ignored what could not be read: to (Must not be before from (2026-10-01)). Showing 2026-10-03 to 2026-11-01 instead.')
  // The picker shows what is in effect: last 30 days, no comparison.
  expect(html).toMatch(/<input[^>]*checked=""[^>]*value="30d"|<input[^>]*value="30d"[^>]*checked=""/)
  expect(html).toMatch(/<option value="none" selected="">/)
})

test('charts render a text summary on the server, in a box of fixed height', async () => {
  const html = await render(report())
  const funnelChart = elementWith(html, 'aria-label="Funnel bar chart')!
  expect(funnelChart).toContain('height:220px')
  expect(textOf(funnelChart)).toBe('Lead 60, MQL 30, SQL 12, Opportunity 6, Customer 3')
  expect(textOf(elementWith(html, 'aria-label="Line chart of visitors')!)).toBe('2 new leads over 1 days; the busiest day was 2026-10-01 with 40 visitors.')
})

const consentCounts = (asked: number, consented: number, cookieless: number) => ({ asked, consented, cookieless, consentRate: asked ? consented / asked : null })

test('consent mode: the consent rate with its change, per page and per variant, and what was counted cookieless', async () => {
  const html = await render(
    report({
      consent: {
        mode: 'consent',
        askedViews: kpi(1000, 800),
        consentedViews: kpi(620, 400),
        consentRate: kpi(0.62, 0.5),
        cookielessViews: kpi(380, 400),
        cookielessConversions: kpi(12, 9),
        pages: [
          {
            pageId: 'p1',
            name: 'Demo page',
            slug: 'demo',
            ...consentCounts(1000, 620, 380),
            variants: [
              { key: 'A', ...consentCounts(500, 340, 160) },
              { key: 'B', ...consentCounts(500, 280, 220) },
            ],
          },
        ],
      },
    }),
  )
  expect(textOf(elementWith(html, 'data-testid="consent-rate"')!)).toBe('Consent rate 62.0% ▲ up 12.0 pp · was 50.0%')
  expect(textOf(elementWith(html, 'data-testid="consent-cookieless-conversions"')!)).toContain('12')
  const table = elementWith(html, 'data-testid="consent-pages"')!
  expect(cellsOf(elementWith(table, 'data-variant="A"')!)).toEqual(['Variant A', '500', '68.0%', '160'])
  expect(cellsOf(elementWith(table, 'data-variant="B"')!)).toEqual(['Variant B', '500', '56.0%', '220'])
  expect(textOf(elementWith(html, 'data-testid="consent-mode"')!)).toContain('The banner asks each visitor')
})

test('cookieless mode: no consent rate ("not asked"), only what was counted cookieless; cookies mode with nothing to say: no section', async () => {
  const html = await render(
    report({
      consent: {
        mode: 'cookieless',
        askedViews: kpi(0, 0),
        consentedViews: kpi(0, 0),
        consentRate: kpi(null, null),
        cookielessViews: kpi(900, 700),
        cookielessConversions: kpi(30, 20),
        pages: [{ pageId: 'p1', name: 'Demo page', slug: 'demo', ...consentCounts(0, 0, 900), variants: [{ key: 'A', ...consentCounts(0, 0, 900) }] }],
      },
    }),
  )
  expect(html).not.toContain('data-testid="consent-rate"')
  expect(textOf(elementWith(html, 'data-testid="consent-mode"')!)).toContain('Not asked: this workspace counts every view without cookies')
  expect(cellsOf(elementWith(elementWith(html, 'data-testid="consent-pages"')!, '<tr')!)).toEqual(['Page / variant', 'Counted cookieless'])
  expect(textOf(elementWith(html, 'data-testid="consent-cookieless-views"')!)).toContain('900')
  expect(await render(report())).not.toContain('Consent and cookieless counting')
})
