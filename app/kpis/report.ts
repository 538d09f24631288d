import { CHANNELS } from '#app/attribution/channel'
import { DEVICES } from '#app/attribution/device'
import { rate } from '#app/kpis/formulas'
import { addDays } from '#app/time/days'
import { funnelRates, type FunnelCounts } from '#app/kpis/funnel'
import { pageHref, periodLeadsHref } from '#app/kpis/links'
import { attribute, leadJourneys, periodMoney, type MoneyInput, type PeriodMoney } from '#app/kpis/report-money'
import {
  FUNNEL_STAGES,
  NO_CONVERSION_MIN_VISITORS,
  TIME_TO_CONVERSION_BUCKETS,
  type AttributionModel,
  type AttributionRow,
  type DeviceKpi,
  type EntryPageKpi,
  type Funnel,
  type FunnelStage,
  type HeardAboutRow,
  type KpiDay,
  type KpiPeriod,
  type KpiReport,
  type KpiValue,
  type Money,
  type PageKpi,
  type SourceKpi,
} from '#app/kpis/shape'
import type { LeadDimensionRow, LeadJourneyRow, LeadTotals } from '#app/kpis/leads.server'
import type { PipelineRow } from '#app/kpis/money.server'
import type { ConversionRow, ConvertedSessionRow, PageViewRow, SessionRow, VisitorRow } from '#app/kpis/traffic.server'

// Builds the report from what the reads returned for each period. Pure: the numbers' rules live here and in
// formulas.ts, funnel.ts, deals.ts and attribution.ts.

export type PeriodFacts = {
  visitors: VisitorRow[]
  sessions: SessionRow[]
  convertedSessions: ConvertedSessionRow[]
  pageViews: PageViewRow[]
  conversions: ConversionRow[]
  leadTotals: LeadTotals | null
  leadDimensions: LeadDimensionRow[]
  leadJourneys: LeadJourneyRow[]
  pipeline: PipelineRow | null
}

export type ReportInput = MoneyInput & {
  period: KpiPeriod
  comparison: KpiPeriod | null
  model: AttributionModel
  generatedAt: Date
  current: PeriodFacts
  previous: PeriodFacts | null
  pageNames: Map<string, { name: string; slug: string }>
  daily: { day: string; visitors: number; sessions: number; leads: number }[]
}

type ReachedStage = Exclude<FunnelStage, 'lead'>
type SessionDims = Pick<SessionRow, 'entry_page_id' | 'device' | 'channel'>

const sum = <T>(rows: readonly T[], pick: (row: T) => number, where: (row: T) => boolean = () => true) => rows.reduce((n, r) => (where(r) ? n + pick(r) : n), 0)

/** Numbers of one period, derived from its facts. */
function periodNumbers(f: PeriodFacts) {
  const totals = f.leadTotals
  const visitorsWhere = (where: (r: VisitorRow) => boolean) => sum(f.visitors, (r) => r.visitors, where)
  const sessionsWhere = (where: (r: SessionDims) => boolean) => {
    const sessions = sum(f.sessions, (r) => r.sessions, where)
    const singlePage = sum(f.sessions, (r) => r.single_page, where)
    const converted = sum(f.convertedSessions, (r) => r.sessions, where)
    const convertedSingle = sum(
      f.convertedSessions,
      (r) => r.sessions,
      (r) => r.single_page && where(r),
    )
    // A bounce saw one page and did not convert.
    return { sessions, bounces: singlePage - convertedSingle, converted, bounceRate: rate(singlePage - convertedSingle, sessions), conversionRate: rate(converted, sessions) }
  }
  const leadsBy = (dimension: LeadDimensionRow['dimension'], where: (r: LeadDimensionRow) => boolean) =>
    sum(
      f.leadDimensions,
      (r) => r.leads,
      (r) => r.dimension === dimension && where(r),
    )
  return {
    visitors: visitorsWhere((r) => r.kind === 'all'),
    visitorsWhere,
    sessionsWhere,
    pageViews: (where: (r: PageViewRow) => boolean = () => true) => sum(f.pageViews, (r) => r.views, where),
    conversions: (where: (r: ConversionRow) => boolean = () => true) => sum(f.conversions, (r) => r.conversions, where),
    leads: totals?.leads ?? 0,
    hot: totals?.hot ?? 0,
    totals,
    pipeline: f.pipeline,
    leadsBy,
  }
}

type Numbers = ReturnType<typeof periodNumbers> & { money: PeriodMoney }

/** Everything but the consent section (app/kpis/consent.ts, added by getKpiReport). */
export function buildReport(input: ReportInput): Omit<KpiReport, 'consent'> {
  const { period, comparison } = input
  const cur = { ...periodNumbers(input.current), money: periodMoney(input, period, input.current.pipeline) }
  const prev = input.previous && comparison ? { ...periodNumbers(input.previous), money: periodMoney(input, comparison, input.previous.pipeline) } : null
  /** A KPI from the same rule applied to both periods. */
  const kpi = (get: (n: Numbers) => number | null, href: string | null = null): KpiValue => ({ value: get(cur), previous: prev ? get(prev) : null, href })
  /** The leads that first reached a stage in the period (the inbox's reachedFrom/reachedTo). */
  const wonHref = (stage: ReachedStage, filters = {}) => periodLeadsHref({ from: '', to: '' }, { reached: stage, reachedFrom: period.from, reachedTo: period.to, ...filters })
  const leadsHref = (filters = {}) => periodLeadsHref(period, filters)
  const convertedHref = (filters = {}) => periodLeadsHref({ from: '', to: '' }, { convertedFrom: period.from, convertedTo: period.to, ...filters })

  return {
    period,
    comparison,
    model: input.model,
    generatedAt: input.generatedAt.toISOString(),
    timeZone: input.calendar.timezone,
    currency: input.calendar.currency,
    summary: {
      visitors: kpi((n) => n.visitors),
      sessions: kpi((n) => n.sessionsWhere(() => true).sessions),
      pageViews: kpi((n) => n.pageViews()),
      leads: kpi((n) => n.leads, leadsHref()),
      visitorToLeadRate: kpi((n) => rate(n.leads, n.visitors), leadsHref()),
      softConversions: kpi((n) => n.conversions((r) => r.conversion_type === 'soft'), convertedHref({ conversionType: 'soft' })),
      hardConversions: kpi((n) => n.conversions((r) => r.conversion_type === 'hard'), convertedHref({ conversionType: 'hard' })),
      hotLeads: kpi((n) => n.hot, leadsHref({ temperature: 'hot' })),
      coldLeads: kpi((n) => n.leads - n.hot, leadsHref({ temperature: 'cold' })),
      bounceRate: kpi((n) => n.sessionsWhere(() => true).bounceRate),
    },
    pages: buildPages(input, cur, kpi, convertedHref),
    funnel: buildFunnel(kpi, leadsHref, wonHref),
    sources: CHANNELS.map((channel): SourceKpi => ({
      channel,
      visitors: kpi((n) => n.visitorsWhere((r) => r.kind === 'all' && r.channel === channel)),
      sessions: kpi((n) => n.sessionsWhere((r) => r.channel === channel).sessions),
      leads: kpi((n) => n.leadsBy('channel', (r) => r.channel === channel), leadsHref({ source: channel })),
      visitorToLeadRate: kpi((n) =>
        rate(
          n.leadsBy('channel', (r) => r.channel === channel),
          n.visitorsWhere((r) => r.kind === 'all' && r.channel === channel),
        ),
      ),
      // Customers won in the period whose first touch came from the channel.
      customers: kpi((n) => n.money.newCustomersByChannel[channel], wonHref('customer', { source: channel })),
      spend: kpi((n) => n.money.spendByChannel[channel], '/settings/spend'),
    })),
    heardAbout: buildHeardAbout(input.current, leadsHref),
    devices: DEVICES.map((device): DeviceKpi => ({
      device,
      visitors: kpi((n) => n.visitorsWhere((r) => r.kind === 'all' && r.device === device)),
      share: kpi((n) =>
        rate(
          n.visitorsWhere((r) => r.kind === 'all' && r.device === device),
          n.visitors,
        ),
      ),
      sessions: kpi((n) => n.sessionsWhere((r) => r.device === device).sessions),
      bounceRate: kpi((n) => n.sessionsWhere((r) => r.device === device).bounceRate),
      leads: kpi((n) => n.leadsBy('device', (r) => r.value === device), leadsHref({ device })),
      conversions: kpi((n) => n.conversions((r) => r.device === device)),
      conversionRate: kpi((n) =>
        rate(
          n.conversions((r) => r.device === device),
          n.visitorsWhere((r) => r.kind === 'all' && r.device === device),
        ),
      ),
    })),
    mobile: {
      share: kpi((n) =>
        rate(
          n.visitorsWhere((r) => r.kind === 'all' && r.device === 'mobile'),
          n.visitors,
        ),
      ),
      leads: kpi((n) => n.leadsBy('device', (r) => r.value === 'mobile'), leadsHref({ device: 'mobile' })),
    },
    entryPages: buildEntryPages(input, kpi),
    timeToConversion: {
      buckets: TIME_TO_CONVERSION_BUCKETS.map((bucket) => ({ bucket, leads: kpi((n) => n.leadsBy('ttc', (r) => r.value === bucket)) })),
      medianDays: kpi((n) => n.totals?.first_visit_to_lead ?? null),
    },
    money: buildMoney(input.hasMoney, kpi, wonHref),
    attribution: { model: input.model, rows: buildAttribution(input, cur, prev, leadsHref) },
    daily: everyDay(period, input.daily),
  }
}

function everyDay(period: KpiPeriod, rows: ReportInput['daily']): KpiDay[] {
  const byDay = new Map(rows.map((r) => [r.day, r]))
  const days: KpiDay[] = []
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const r = byDay.get(day)
    days.push({ day, visitors: r?.visitors ?? 0, sessions: r?.sessions ?? 0, leads: r?.leads ?? 0 })
  }
  return days
}

type Kpi = (get: (n: Numbers) => number | null, href?: string | null) => KpiValue

function buildPages(input: ReportInput, cur: Numbers, kpi: Kpi, convertedHref: (f: object) => string): PageKpi[] {
  const variantsOf = new Map<string, Set<string>>()
  const note = (pageId: string, variantKey: string) => variantsOf.set(pageId, (variantsOf.get(pageId) ?? new Set()).add(variantKey))
  for (const facts of [input.current, input.previous]) {
    for (const r of facts?.visitors ?? []) if (r.kind === 'page') note(r.page_id, r.variant_key)
    for (const r of facts?.conversions ?? []) note(r.page_id, r.variant_key)
  }
  const pageVisitors = (n: Numbers, pageId: string, variantKey?: string) =>
    n.visitorsWhere((r) => r.kind === 'page' && r.page_id === pageId && (variantKey === undefined || r.variant_key === variantKey))
  const pageConversions = (n: Numbers, pageId: string, variantKey?: string) => n.conversions((r) => r.page_id === pageId && (variantKey === undefined || r.variant_key === variantKey))
  const pages = [...variantsOf].map(([pageId, keys]): PageKpi => {
    const names = input.pageNames.get(pageId) ?? { name: 'Deleted page', slug: '' }
    const visitors = pageVisitors(cur, pageId)
    return {
      pageId,
      ...names,
      pageHref: pageHref(pageId),
      // A visitor who saw two variants of the page counts once for each.
      visitors: kpi((n) => pageVisitors(n, pageId), pageHref(pageId)),
      pageViews: kpi((n) => n.pageViews((r) => r.page_id === pageId), pageHref(pageId)),
      conversions: kpi((n) => pageConversions(n, pageId), convertedHref({ pageId })),
      conversionRate: kpi((n) => rate(pageConversions(n, pageId), pageVisitors(n, pageId)), convertedHref({ pageId })),
      isNotConverting: visitors >= NO_CONVERSION_MIN_VISITORS && pageConversions(cur, pageId) === 0,
      variants: [...keys].sort().map((key) => ({
        key,
        visitors: kpi((n) => pageVisitors(n, pageId, key), pageHref(pageId)),
        conversions: kpi((n) => pageConversions(n, pageId, key), convertedHref({ pageId, variantKey: key })),
        conversionRate: kpi((n) => rate(pageConversions(n, pageId, key), pageVisitors(n, pageId, key)), convertedHref({ pageId, variantKey: key })),
      })),
    }
  })
  return pages.sort((a, b) => (b.visitors.value ?? 0) - (a.visitors.value ?? 0) || (b.conversions.value ?? 0) - (a.conversions.value ?? 0) || a.name.localeCompare(b.name))
}

/**
 * The funnel counts each stage by the leads that first reached it in the period (for Lead: the leads created in
 * it), the same definition as the money KPIs: its Customer step is the period's new customers and its Opportunity
 * step the opportunities opened (docs/decisions/062-customer-definition.md). Medians are over the leads that reached
 * the step in the period.
 */
function buildFunnel(kpi: Kpi, leadsHref: (f?: object) => string, reachedHref: (stage: ReachedStage) => string): Funnel {
  const stageHref = (stage: FunnelStage) => (stage === 'lead' ? leadsHref() : reachedHref(stage))
  const counts = (n: Numbers): FunnelCounts => ({
    lead: n.leads,
    mql: n.pipeline?.mql ?? 0,
    sql: n.pipeline?.sql ?? 0,
    opportunity: n.money.opportunities,
    customer: n.money.newCustomers,
  })
  const rates = (n: Numbers) => funnelRates(counts(n), n.visitors)
  const medianFrom: Record<FunnelStage, keyof PipelineRow | null> = { lead: null, mql: 'lead_to_mql', sql: 'mql_to_sql', opportunity: 'sql_to_opportunity', customer: 'opportunity_to_customer' }
  const median = (n: Numbers, key: keyof PipelineRow | null) => (key && n.pipeline ? ((n.pipeline[key] as number | null) ?? null) : null)
  return {
    steps: FUNNEL_STAGES.map((stage) => ({
      stage,
      count: kpi((n) => counts(n)[stage], stageHref(stage)),
      rateFromPrevious: kpi((n) => rates(n).fromPrevious[stage], stageHref(stage)),
      medianDaysFromPrevious: kpi((n) => median(n, medianFrom[stage])),
    })),
    // Lost stays a count of the period's new leads (lost now): the inbox lists those, and no customer hangs on it.
    lost: kpi((n) => n.totals?.lost ?? 0, leadsHref({ stage: 'lost' })),
    visitorToMql: kpi((n) => rates(n).visitorToMql, stageHref('mql')),
    mqlToSql: kpi((n) => rates(n).mqlToSql, stageHref('sql')),
    sqlToWon: kpi((n) => rates(n).sqlToWon, stageHref('customer')),
    leadToCustomer: kpi((n) => rates(n).leadToCustomer, stageHref('customer')),
    medianDaysLeadToCustomer: kpi((n) => median(n, 'lead_to_customer'), stageHref('customer')),
  }
}

/** The period's new leads by answer, each answer split by the same leads' first-touch channel. */
function buildHeardAbout(current: PeriodFacts, leadsHref: (f?: object) => string): HeardAboutRow[] {
  const rows = new Map<string | null, HeardAboutRow>()
  for (const r of current.leadDimensions) {
    if (r.dimension !== 'heard_about') continue
    let row = rows.get(r.value)
    if (!row) {
      row = { answer: r.value, leads: 0, byChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as HeardAboutRow['byChannel'], href: r.value === null ? null : leadsHref({ heardAbout: r.value }) }
      rows.set(r.value, row)
    }
    row.leads += r.leads
    const channel = (CHANNELS as readonly string[]).includes(r.channel ?? '') ? (r.channel as (typeof CHANNELS)[number]) : 'direct'
    row.byChannel[channel] += r.leads
  }
  // Answers first, most leads first; the unanswered last.
  return [...rows.values()].sort((a, b) => Number(a.answer === null) - Number(b.answer === null) || b.leads - a.leads || (a.answer ?? '').localeCompare(b.answer ?? ''))
}

function buildEntryPages(input: ReportInput, kpi: Kpi): EntryPageKpi[] {
  const entries = new Map<string, number>()
  for (const r of input.current.sessions) entries.set(r.entry_page_id, (entries.get(r.entry_page_id) ?? 0) + r.sessions)
  const top = [...entries].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 5)
  return top.map(([pageId]) => ({
    pageId,
    ...(input.pageNames.get(pageId) ?? { name: 'Deleted page', slug: '' }),
    pageHref: pageHref(pageId),
    sessions: kpi((n) => n.sessionsWhere((r) => r.entry_page_id === pageId).sessions, pageHref(pageId)),
    visitors: kpi((n) => n.visitorsWhere((r) => r.kind === 'entry' && r.page_id === pageId), pageHref(pageId)),
    bounceRate: kpi((n) => n.sessionsWhere((r) => r.entry_page_id === pageId).bounceRate, pageHref(pageId)),
    conversionRate: kpi((n) => n.sessionsWhere((r) => r.entry_page_id === pageId).conversionRate, pageHref(pageId)),
  }))
}

function buildMoney(hasMoney: boolean, kpi: Kpi, wonHref: (stage: ReachedStage) => string): Money {
  const won = wonHref('customer')
  return {
    hasData: hasMoney,
    spend: kpi((n) => n.money.spend, '/settings/spend'),
    newCustomers: kpi((n) => n.money.newCustomers, won),
    revenue: kpi((n) => n.money.revenue, won),
    cac: kpi((n) => n.money.cac, won),
    roi: kpi((n) => n.money.roi, won),
    averageDealValue: kpi((n) => n.money.averageDealValue, won),
    customerLifetimeValue: kpi((n) => n.money.customerLifetimeValue, won),
    opportunities: kpi((n) => n.money.opportunities, wonHref('opportunity')),
    winRate: kpi((n) => n.money.winRate, wonHref('opportunity')),
    averageSalesCycleDays: kpi((n) => n.money.averageSalesCycleDays, won),
    pipelineVelocity: kpi((n) => n.money.pipelineVelocity, wonHref('opportunity')),
  }
}

/** Leads, customers and revenue credited to channels under the chosen model, for both periods. */
function buildAttribution(input: ReportInput, cur: Numbers, prev: Numbers | null, leadsHref: (f?: object) => string): AttributionRow[] {
  const credit = (facts: PeriodFacts, money: PeriodMoney) => attribute([...leadJourneys(facts.leadJourneys), ...money.customerJourneys], input.model)
  const current = credit(input.current, cur.money)
  const previous = input.previous && prev ? credit(input.previous, prev.money) : null
  return current.map((row, i) => ({
    ...row,
    previous: previous ? { leads: previous[i]!.leads, customers: previous[i]!.customers, revenue: previous[i]!.revenue } : null,
    // First touch: exactly the leads from this channel; last and linear: the leads with a touch from it.
    href: leadsHref(input.model === 'first' ? { source: row.channel } : { touched: row.channel }),
  }))
}
