import type { Channel } from '#app/attribution/channel'
import type { Device } from '#app/attribution/device'
import type { PrivacyMode } from '#db/enums'
import type { LeadStage } from '#db/schema'

// The marketing KPI report: what the dashboard renders and GET /api/v1/kpis returns, one shape for both.
// Types only (plus a few constant lists), so the browser can import it.
//
// Conventions:
// - Periods are whole days in the workspace's time zone (`timeZone`), both ends included:
//   { from: '2026-10-01', to: '2026-10-31' }.
// - Rates are fractions (0.125 = 12.5 %), null where the denominator is 0. Money is a plain number in the
//   workspace's currency (`currency`, ISO 4217), null until spend or deal values are entered. Durations are in
//   days (fractional).
// - Every KPI carries its value over the comparison period (`previous`, null without a comparison) and, where
//   leads or pages stand behind it, `href`: an admin URL listing them (the leads inbox with filters, or a page).

export const KPI_PRESETS = ['7d', '30d', '90d'] as const
export type KpiPreset = (typeof KPI_PRESETS)[number]
export const KPI_PRESET_DAYS: Record<KpiPreset, number> = { '7d': 7, '30d': 30, '90d': 90 }

export const ATTRIBUTION_MODELS = ['first', 'last', 'linear'] as const
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number]
export const ATTRIBUTION_MODEL_LABELS: Record<AttributionModel, string> = {
  first: 'First touch',
  last: 'Last touch',
  linear: 'Linear (every touch equally)',
}

export const KPI_COMPARISONS = ['previous', 'none'] as const
export type KpiComparison = (typeof KPI_COMPARISONS)[number]

/** The longest period one report covers (the comparison period is as long again, before it). */
export const MAX_PERIOD_DAYS = 366

/** Whole days in the workspace's time zone, both ends included. */
export type KpiPeriod = { from: string; to: string; days: number }

/** What a report is asked for: the dashboard's URL and the API's query parameters. */
export type KpiQuery = {
  from: string
  to: string
  model: AttributionModel
  /** 'previous': the period of the same length just before `from`. */
  compare: KpiComparison
}

/** A number over the period and over the comparison period, and where the leads or pages behind it are listed. */
export type KpiValue = {
  value: number | null
  previous: number | null
  href: string | null
}

export type KpiSummary = {
  /** Distinct visitors with a page view in the period. */
  visitors: KpiValue
  /** Sessions (visits) that started in the period; a session ends after 30 minutes without a page view. */
  sessions: KpiValue
  pageViews: KpiValue
  /** Leads created in the period (a lead is created by its first conversion). */
  leads: KpiValue
  /** leads / visitors */
  visitorToLeadRate: KpiValue
  /** Conversions (submissions counted) in the period, by the form's type. */
  softConversions: KpiValue
  hardConversions: KpiValue
  /** Of the period's new leads: hot (a hard conversion before the period ended) and cold (none by then). */
  hotLeads: KpiValue
  coldLeads: KpiValue
  /** Bounced sessions / sessions: a bounce saw one page and did not convert. */
  bounceRate: KpiValue
}

export type VariantKpi = {
  key: string
  visitors: KpiValue
  conversions: KpiValue
  /** conversions / visitors */
  conversionRate: KpiValue
}

export type PageKpi = {
  pageId: string
  name: string
  slug: string
  /** Admin URL of the page (its variants and experiments). */
  pageHref: string
  visitors: KpiValue
  pageViews: KpiValue
  /** Conversions on any form on this page in the period; href lists the leads who converted on it. */
  conversions: KpiValue
  /** conversions / visitors (the landing-page conversion rate). */
  conversionRate: KpiValue
  /** Traffic but no conversion in the period (at least NO_CONVERSION_MIN_VISITORS visitors). */
  isNotConverting: boolean
  variants: VariantKpi[]
}

/** A page needs at least this many visitors in the period before "gets traffic but does not convert" is said. */
export const NO_CONVERSION_MIN_VISITORS = 20

export const FUNNEL_STAGES = ['lead', 'mql', 'sql', 'opportunity', 'customer'] as const satisfies readonly LeadStage[]
export type FunnelStage = (typeof FUNNEL_STAGES)[number]

export type FunnelStep = {
  stage: FunnelStage
  /**
   * Leads that first reached this stage (or a later one) in the period, whenever they came in ('lead': the leads
   * created in it); 'customer' is money.newCustomers, 'opportunity' money.opportunities. href lists them.
   */
  count: KpiValue
  /** count / the previous step's count, both of the period, so it can pass 1 (for 'lead': null). */
  rateFromPrevious: KpiValue
  /** Median days from reaching the previous stage to reaching this one, over the leads that reached this one in the period. */
  medianDaysFromPrevious: KpiValue
}

export type Funnel = {
  steps: FunnelStep[]
  /** Leads of the period that are lost now (at whatever stage they were lost). */
  lost: KpiValue
  /** MQLs / visitors */
  visitorToMql: KpiValue
  /** SQLs / MQLs */
  mqlToSql: KpiValue
  /** Customers / SQLs */
  sqlToWon: KpiValue
  /** Customers / leads */
  leadToCustomer: KpiValue
  /** Median days from lead (first conversion) to customer, over the period's new customers. */
  medianDaysLeadToCustomer: KpiValue
}

export type SourceKpi = {
  channel: Channel
  /** Visitors counted under the channel of their first visit in the period, so channels add up to all visitors. */
  visitors: KpiValue
  sessions: KpiValue
  /** New leads whose first touch came from this channel. */
  leads: KpiValue
  /** leads / visitors */
  visitorToLeadRate: KpiValue
  /** Customers won in the period whose first touch came from this channel. */
  customers: KpiValue
  /** Spend entered for this channel, over the period. */
  spend: KpiValue
}

/** One answer to "How did you hear about us?" beside the tracked first-touch channel of the same leads. */
export type HeardAboutRow = {
  /** The answer as stored (the option's value); null: the lead was not asked or did not answer. */
  answer: string | null
  leads: number
  byChannel: Record<Channel, number>
  href: string | null
}

export type DeviceKpi = {
  device: Device
  visitors: KpiValue
  /** visitors of this device / all visitors */
  share: KpiValue
  sessions: KpiValue
  bounceRate: KpiValue
  /** New leads whose first conversion was on this device. */
  leads: KpiValue
  /** Conversions on this device. */
  conversions: KpiValue
  /** conversions / visitors */
  conversionRate: KpiValue
}

export type EntryPageKpi = {
  pageId: string
  name: string
  slug: string
  pageHref: string
  /** Sessions that started on this page (entrances). */
  sessions: KpiValue
  /** Distinct visitors with a session starting on this page. */
  visitors: KpiValue
  /** bounced sessions / sessions */
  bounceRate: KpiValue
  /** sessions with a conversion / sessions */
  conversionRate: KpiValue
}

export const TIME_TO_CONVERSION_BUCKETS = ['under_1h', '1h_1d', '1d_7d', '7d_30d', 'over_30d'] as const
export type TimeToConversionBucket = (typeof TIME_TO_CONVERSION_BUCKETS)[number]
export const TIME_TO_CONVERSION_LABELS: Record<TimeToConversionBucket, string> = {
  under_1h: 'Under an hour',
  '1h_1d': '1 hour to 1 day',
  '1d_7d': '1 to 7 days',
  '7d_30d': '7 to 30 days',
  over_30d: 'Over 30 days',
}

/** New leads of the period by the time from the visitor's first visit to the lead's first conversion. */
export type TimeToConversion = {
  buckets: { bucket: TimeToConversionBucket; leads: KpiValue }[]
  medianDays: KpiValue
}

export type Money = {
  /** Whether any spend or any deal value is entered at all; the dashboard hides this section until then. */
  hasData: boolean
  /** Marketing spend over the period (monthly figures prorated by day). */
  spend: KpiValue
  /** Leads that became customers in the period (first move to Customer), whenever they came in: the funnel's Customer step. */
  newCustomers: KpiValue
  /** Deal values of those wins. */
  revenue: KpiValue
  /** spend / newCustomers */
  cac: KpiValue
  /** (revenue − spend) / spend */
  roi: KpiValue
  /** revenue / wins with a value */
  averageDealValue: KpiValue
  /** Mean over the period's new customers of each customer's deal values summed (all their wins so far). */
  customerLifetimeValue: KpiValue
  /** Leads that first reached Opportunity (or a later stage) in the period: the funnel's Opportunity step. */
  opportunities: KpiValue
  /** Of opportunities decided in the period: won / (won + lost). */
  winRate: KpiValue
  /** Mean days from lead to customer, over the period's wins. */
  averageSalesCycleDays: KpiValue
  /** (opportunities × winRate × averageDealValue) / averageSalesCycleDays: money per day. */
  pipelineVelocity: KpiValue
}

export type AttributionRow = {
  channel: Channel
  /** Credit for the period's new leads (fractional under the linear model). */
  leads: number
  /** Credit for customers won in the period. */
  customers: number
  /** Credit for their revenue. */
  revenue: number
  previous: { leads: number; customers: number; revenue: number } | null
  /** Leads whose touches include this channel. */
  href: string | null
}

export type Attribution = {
  model: AttributionModel
  rows: AttributionRow[]
}

/** Consent and cookieless counts of one page or variant over the period (app/kpis/consent.ts defines them). */
export type ConsentCounts = {
  /** Views served in consent mode: granted, pending or denied. */
  asked: number
  /** Asked views of visitors who had consented. */
  consented: number
  /** consented / asked; null when no view was asked. */
  consentRate: number | null
  /** Views counted without identifiers (pending, denied, or in cookieless mode). */
  cookieless: number
}

/** The consent section (issue 19): what the banner asked and got, and what was counted without identifiers. */
export type ConsentKpi = {
  /** The workspace's privacy mode now (the period may hold views of an earlier mode). */
  mode: PrivacyMode
  askedViews: KpiValue
  consentedViews: KpiValue
  /** consentedViews / askedViews: the share of the asked views whose visitor had consented. */
  consentRate: KpiValue
  cookielessViews: KpiValue
  /** Conversions of visitors counted cookieless (attributed to the page view they came from). */
  cookielessConversions: KpiValue
  /** Pages with asked or cookieless views in the period, most such views first, with their variants. */
  pages: (ConsentCounts & { pageId: string; name: string; slug: string; variants: (ConsentCounts & { key: string })[] })[]
}

/** One UTC day of the period: distinct visitors seen that day, sessions started, leads created. */
export type KpiDay = { day: string; visitors: number; sessions: number; leads: number }

export type KpiReport = {
  period: KpiPeriod
  /** null without a comparison. */
  comparison: KpiPeriod | null
  model: AttributionModel
  /** ISO time the report was computed at. */
  generatedAt: string
  /** The IANA time zone the period's days and the daily series are counted in (the workspace's). */
  timeZone: string
  /** The ISO 4217 currency of every amount in the report (the workspace's): "SEK". */
  currency: string
  summary: KpiSummary
  /** Pages with traffic or conversions in either period, most visitors first. */
  pages: PageKpi[]
  funnel: Funnel
  /** All six channels, in CHANNELS order. */
  sources: SourceKpi[]
  heardAbout: HeardAboutRow[]
  /** All three device types, in DEVICES order. */
  devices: DeviceKpi[]
  /** mobile visitors / visitors; leads from mobile; mobile bounce and conversion rates are in `devices`. */
  mobile: { share: KpiValue; leads: KpiValue }
  /** Top 5 entry pages by sessions started. */
  entryPages: EntryPageKpi[]
  timeToConversion: TimeToConversion
  money: Money
  attribution: Attribution
  /** Every day of the period, oldest first (the trend chart). */
  daily: KpiDay[]
  /** null in cookies mode when the period (and the comparison) has no asked or cookieless view. */
  consent: ConsentKpi | null
}
