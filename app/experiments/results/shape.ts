import type { CookielessCounts, ResultsUnit } from './unit'
// The shape of an experiment's results: what GET /api/v1/experiments/:id/results answers and what the results
// page renders. Types only (plus a few constants), safe on both sides. Dates are ISO strings so the JSON, the
// CSV and the page show the same values. Every rate is a fraction (0.05 = 5%), every lift relative (0.1 = +10%).
// Anything undefined (no visitors, a lift over a zero control rate) is null, never NaN.

import type { ExperimentConsent } from './consent'
import type { Channel } from '#app/attribution/channel'
import type { Device } from '#app/attribution/device'
import { FUNNEL_STAGES, type FunnelStage } from '#app/kpis/shape'
import type { LeadMetric } from '#app/experiments/schema'
import type { Decision, DecisionStatus, Interval, VariantAnalysis } from '#app/statistics/analyze'
import type { MeanVariantAnalysis } from '#app/statistics/mean'
import type { ExperimentStatus } from '#db/schema'
import type { GuardrailVerdict } from './guardrail'
import type { Remaining } from './remaining'

export type { Decision, DecisionStatus, Interval, VariantAnalysis, VsControl } from '#app/statistics/analyze'

/**
 * The key of a metric (metricKey in app/experiments/schema.ts): any | soft | hard | form:<formId> from the rollups,
 * or a lead metric, hot | mql | sql | opportunity | customer | pipeline, from experiment_leads (decision 060).
 */
export type MetricKey = 'any' | 'soft' | 'hard' | LeadMetric | `form:${string}`

/** One entry of the metric switcher. `param` is what `?metric=` takes: the key, or the form's id. */
export type MetricOption = {
  key: MetricKey
  param: string
  label: string
  formId: string | null
  /** the experiment's primary metric */
  isPrimary: boolean
}

/** A count of converted visitors over the variant's visitors, with the Wilson interval of the rate. */
export type CountRate = { conversions: number; rate: number | null; ci: Interval | null }

/**
 * One row of the variant table: the statistics module's per-variant fields for the chosen metric
 * (visitors, conversions, rate, ci, probabilityToBeBest, expectedLoss, and vsControl on every treatment:
 * relativeLift, relativeLiftCi, sequentialPValue, sequentialRelativeLiftCi, probabilityToBeatControl, …),
 * plus the soft and hard conversions of the same visitors side by side.
 */
export type VariantResult = VariantAnalysis & {
  weight: number
  isControl: boolean
  /** the declared winner of a concluded experiment */
  isWinner: boolean
  soft: CountRate
  hard: CountRate
  /** of this variant's exposures (visitors) and conversions on the metric, how many were page views counted cookieless (unit.ts) */
  cookieless: CookielessCounts
}

/** The observed against the expected split, per variant. */
export type SrmVariant = { key: string; visitors: number; observedShare: number | null; expectedShare: number }

export type SrmResult = {
  pValue: number | null
  detected: boolean
  variants: SrmVariant[]
  /** the usual causes of a broken split, to check in this order (SRM_CAUSES) */
  causes: readonly string[]
}

export const SRM_CAUSES = [
  'A variant redirects, errors or times out, so some of its visitors leave before they are counted.',
  'Traffic is filtered differently per variant: a bot, monitoring check or QA script hitting one variant only.',
  "A cache (CDN or proxy) serves one variant's HTML to visitors assigned another, so they are never counted as assigned.",
  'The split changed during the run: coverage raised mid-way, or a variant missing from the published page for a while.',
] as const

/**
 * What the team should do next, derived from the decision, the experiment's status and the minimum runtime:
 * - ship: a winner, past the minimum runtime; declare it (or auto-ship does)
 * - wait_min_runtime: a winner, but the minimum runtime has not passed (weekday effects, novelty)
 * - keep_collecting: no call yet; the decision carries visitorsNeeded and daysNeeded
 * - fix_split: sample ratio mismatch; the other numbers can't be trusted
 * - keep_control: every treatment is worse; stop and keep the control
 * - stop_no_difference: the plan is reached and nothing differs; stop, the effects outside the interval are ruled out
 * - start: a draft; nothing to read yet
 * - none: concluded; nothing left to do
 */
export type SuggestedActionKind = 'ship' | 'wait_min_runtime' | 'keep_collecting' | 'fix_split' | 'keep_control' | 'stop_no_difference' | 'start' | 'none'

export type SuggestedAction = { kind: SuggestedActionKind; variant: string | null; text: string }

/**
 * A decision with, for a lead metric, daysNeeded counted to when the needed visitors' leads have matured and
 * `maturingDays`, the part of it spent waiting for them (remaining.ts).
 */
export type LeadAwareDecision = Decision & Pick<Remaining, 'maturingDays'>

/** The statistics module's decision (its `reason` is the plain-language banner) and the action it suggests. */
export type ResultsDecision = LeadAwareDecision & { action: SuggestedAction }

export type VariantProgress = { key: string; visitors: number; planned: number | null; share: number | null }

export type ResultsProgress = {
  /** the workspace's time zone (IANA): the days here, in the daily series and in the CSV are its days (decision 087) */
  timeZone: string
  plannedVisitorsPerVariant: number | null
  variants: VariantProgress[]
  /** whole days since the start (to the conclusion, or to now) on the workspace's calendar; null before the start */
  daysRunning: number | null
  minRuntimeDays: number
  minRuntimeReached: boolean
  /** when the minimum runtime ends (start + minRuntimeDays on the workspace's calendar, same wall-clock time); null before the start */
  minRuntimeEndsAt: string | null
  /** mean visitors per day over the last 7 days that had traffic (used for daysNeeded); null without visitors */
  dailyVisitors: number | null
}

/** One variant on one day: that day's counts and the cumulative figures up to and including it. */
export type DailyVariant = {
  key: string
  visitors: number
  conversions: number
  cumulativeVisitors: number
  cumulativeConversions: number
  /** cumulative rate and its Wilson interval */
  rate: number | null
  ci: Interval | null
  /** cumulative relative lift against the control (null for the control itself) */
  relativeLift: number | null
  /** the always-valid (sequential) interval of the cumulative lift: safe to look at every day */
  relativeLiftCi: Interval | null
}

/** Every day (yyyy-mm-dd, in the workspace's zone: progress.timeZone) from the first with data to the last, gaps filled with zeros. */
export type DailyPoint = { day: string; variants: DailyVariant[] }

export type SegmentVariant = {
  key: string
  visitors: number
  conversions: number
  rate: number | null
  ci: Interval | null
  /** against the control in the same segment; fixed-horizon Katz interval (breakdowns are exploratory) */
  relativeLift: number | null
  relativeLiftCi: Interval | null
}

export type Segment<K extends string = string> = { segment: K; label: string; visitors: number; conversions: number; rate: number | null; variants: SegmentVariant[] }

export type Breakdowns = { device: Segment<Device | 'other'>[]; channel: Segment<Channel | 'other'>[] }

/** The funnel stages after Lead, in order: how far a variant's leads got (the dashboard's funnel without its first step). */
export const STAGES_AFTER_LEAD = FUNNEL_STAGES.slice(1) as Exclude<FunnelStage, 'lead'>[]
type StageAfterLead = (typeof STAGES_AFTER_LEAD)[number]

/**
 * Lead quality per variant. A variant's leads are the distinct leads of its converted visitors (metric `any`).
 * A lead reached a stage when it was ever at or beyond it in the order lead → MQL → SQL → Opportunity → Customer:
 * its current stage, or any stage in its history (a lead lost after SQL reached SQL; moving back undoes nothing).
 * Pipeline value: the deal values of the variant's leads now at Opportunity or Customer.
 */
export type LeadQualityVariant = {
  key: string
  visitors: number
  /** converted visitors, any conversion */
  convertedVisitors: number
  hardConversions: number
  /** hard ÷ any converted visitors */
  hardShare: number | null
  leads: number
  reached: Record<StageAfterLead, number>
  /** reached ÷ leads, per stage */
  reachedShare: Record<StageAfterLead, number | null>
  lost: number
  pipelineValue: number
  pipelineValuePer1000Visitors: number | null
}

export type ResultsExperiment = {
  id: string
  name: string
  status: ExperimentStatus
  page: { id: string; name: string; slug: string }
  control: string
  variants: { key: string; weight: number }[]
  coverage: number
  confidence: number
  primaryMetric: MetricKey
  minRuntimeDays: number
  maturityDays: number
  plannedVisitorsPerVariant: number | null
  autoShip: boolean
  winner: string | null
  startedAt: string | null
  concludedAt: string | null
}

/**
 * Lead metrics count only the visitors exposed at least `maturityDays` ago (on or before `cutoffDay`, a day in the workspace's zone), on
 * both sides: the visitors from the rollups and the outcomes from experiment_leads (decision 060).
 */
export type ResultsMaturity = {
  maturityDays: number
  /** the last exposure day (yyyy-mm-dd, in the workspace's zone) counted */
  cutoffDay: string
  /** visitors exposed by the cutoff, all variants */
  matureVisitors: number
  /** every visitor, all variants */
  visitors: number
}

/** One variant's pipeline per visitor: visitors (mature), total deal value, mean per visitor and the comparison with the control. */
export type PipelineVariant = MeanVariantAnalysis & { weight: number; isControl: boolean; isWinner: boolean }

/** Deal value per visitor (a mean metric, analyzeMean), over the mature visitors; the decision as if it were the metric. */
export type PipelineResults = { variants: PipelineVariant[]; decision: LeadAwareDecision }

/**
 * The conversion winner and the variant with the most pipeline per visitor differ: which one the primary metric
 * ships, and how sure the pipeline difference is (winner-conflict.ts).
 */
export type WinnerConflict = {
  /** the variant the conversion decision (the primary metric, or any conversion when the primary is pipeline) calls */
  conversionWinner: string
  /** the variant with the most pipeline per visitor */
  pipelineLeader: string
  /** what the primary metric ships: the conversion winner, or with pipeline as the primary its own winner (null: none yet) */
  ships: string | null
  /** the pipeline comparison the sentence rests on: `variant` against `baseline` */
  comparison: { variant: string; baseline: string; relativeLift: number | null; relativeLiftCi: Interval | null; pValue: number | null; significant: boolean } | null
  text: string
}

export type ExperimentResults = {
  experiment: ResultsExperiment
  /** what `visitors` counts: visitors, page views counted cookieless, or both mixed (unit.ts, decision 083) */
  unit: ResultsUnit
  /** the metric the variants, decision, breakdowns and daily series are about (series and breakdowns are empty for lead metrics) */
  metric: MetricOption
  /** every metric the switcher offers: any, soft, hard, the lead metrics, and each form of the experiment's metrics or with conversions */
  metrics: MetricOption[]
  /**
   * The chosen metric per variant. For a stage metric (hot, mql…): the mature visitors and those whose lead got
   * there. Empty for pipeline, a mean metric: its figures are in `pipeline`.
   */
  variants: VariantResult[]
  /** pipeline per visitor over the mature visitors, whatever the metric (the page compares it with the conversion winner) */
  pipeline: PipelineResults
  maturity: ResultsMaturity
  /** null unless the conversion winner and the pipeline leader differ */
  winnerConflict: WinnerConflict | null
  srm: SrmResult
  decision: ResultsDecision
  progress: ResultsProgress
  breakdowns: Breakdowns
  leadQuality: LeadQualityVariant[]
  /** the quality guardrail (guardrail.ts) on the decision's winner; null unless the decision is a winner */
  guardrail: GuardrailVerdict | null
  daily: DailyPoint[]
  /** each variant's consent rate over the experiment's days and a warning when they differ (consent.ts; issue 19) */
  consent: ExperimentConsent
  generatedAt: string
}

/** One row of the experiments list: rollup totals for the primary metric, the leader and the decision. */
export type ExperimentSummary = {
  experimentId: string
  /** the visitors the primary metric counts (the mature ones for a lead metric) */
  visitors: number
  /** converted visitors; null for pipeline (a mean metric) */
  conversions: number | null
  /** rate: converted ÷ visitors, or the deal value per visitor for pipeline */
  variants: { key: string; visitors: number; conversions: number | null; rate: number | null }[]
  /** the variant with the highest rate (or pipeline per visitor; null without visitors) and its relative lift against the control (null for the control) */
  leading: { key: string; relativeLift: number | null } | null
  decision: { status: DecisionStatus; variant: string | null; reason: string }
  srmDetected: boolean
}
