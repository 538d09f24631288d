import { planPipelineVisitors, type PipelineBaseline } from '#app/experiments/pipeline-plan'
import { PIPELINE_METRIC } from '#app/experiments/schema'
import { computeSampleSize } from '#app/statistics/sample-size'

// The planned sample per variant, prefilled by the loader and recomputed in the browser as the marketer
// changes the metric, the lift to detect, the confidence, the variants or the coverage. Pure: both sides run it.
// Experiments decide with the sequential (always-valid) analysis, so this is its plan, not the fixed-horizon one:
// at the fixed-horizon sample the sequential test finds the lift only about half the time. Pipeline per visitor is
// a mean, not a rate: its plan is the mean metric's, from the mean and spread per visitor.

/**
 * A page's recent traffic: distinct visitors, days with traffic, converted visitors by metric key, and the pipeline
 * per visitor of the last 90 days (the page's, else the workspace's; null without enough deals).
 */
export type PageTraffic = { visitors: number; days: number; converted: Record<string, number>; pipeline: PipelineBaseline | null }

/** Used when the page has no visitors or no conversions for the metric in the window. */
export const FALLBACK_BASELINE = 0.05
export const DEFAULT_MDE = 0.1

type PlanFigures = {
  visitors: number
  /** Visitors per day who would enter the experiment (the page's daily visitors × coverage); null without traffic. */
  dailyVisitors: number | null
  /** Null when no plan fits, e.g. the lift would take the rate past 100%, or pipeline without its mean and spread. */
  visitorsPerVariant: number | null
  days: number | null
}

export type RatePlan = PlanFigures & {
  kind: 'rate'
  baselineRate: number
  /** Whether the baseline is the page's measured rate (true) or the fallback (false). */
  isMeasured: boolean
  converted: number
}

/** Pipeline per visitor: planned from `mean` and `standardDeviation` per visitor, as typed (prefilled from `history`). */
export type PipelinePlan = PlanFigures & { kind: 'pipeline'; mean: number | null; standardDeviation: number | null; history: PipelineBaseline | null }

export type SamplePlan = RatePlan | PipelinePlan

type PlanInput = {
  traffic: PageTraffic
  metric: string
  relativeMde: number
  confidence: number
  variants: number
  coverage: number
  /** pipeline only: the mean and spread per visitor as typed; undefined takes the history's */
  pipeline?: { mean: number; standardDeviation: number }
}

export function planSample(input: PlanInput): SamplePlan {
  const { traffic, coverage } = input
  const dailyVisitors = traffic.visitors > 0 && coverage > 0 ? (traffic.visitors / traffic.days) * coverage : null
  const figures = (visitorsPerVariant: number | null) => ({
    visitors: traffic.visitors,
    dailyVisitors,
    visitorsPerVariant,
    days: visitorsPerVariant !== null && dailyVisitors !== null ? Math.ceil((visitorsPerVariant * input.variants) / dailyVisitors) : null,
  })
  if (input.metric === PIPELINE_METRIC) {
    const { mean, standardDeviation } = input.pipeline ?? traffic.pipeline ?? { mean: Number.NaN, standardDeviation: Number.NaN }
    // The history's deal shape only describes the history's own mean and spread: typed figures plan without it.
    const dealShape = input.pipeline ? undefined : traffic.pipeline?.dealShape
    const visitorsPerVariant = planPipelineVisitors({ mean, standardDeviation, relativeMde: input.relativeMde, confidence: input.confidence, variants: input.variants, dealShape })
    const known = (n: number) => (Number.isFinite(n) ? n : null)
    return { kind: 'pipeline', mean: known(mean), standardDeviation: known(standardDeviation), history: traffic.pipeline, ...figures(visitorsPerVariant) }
  }
  return planRate(input, figures)
}

function planRate({ traffic, metric, relativeMde, confidence, variants }: PlanInput, figures: (visitorsPerVariant: number | null) => PlanFigures): RatePlan {
  const converted = traffic.converted[metric] ?? 0
  const measured = traffic.visitors > 0 ? converted / traffic.visitors : 0
  const isMeasured = measured > 0 && measured < 1
  const baselineRate = isMeasured ? measured : FALLBACK_BASELINE
  const base = { kind: 'rate' as const, baselineRate, isMeasured, converted }
  if (!(variants >= 2 && relativeMde > 0 && confidence > 0 && confidence < 1)) return { ...base, ...figures(null) }
  try {
    return { ...base, ...figures(computeSampleSize({ baselineRate, relativeMde, alpha: 1 - confidence, variants, sequential: true }).visitorsPerVariant) }
  } catch (error) {
    // computeSampleSize's only complaint: the lift takes the rate to 100% or more.
    if (error instanceof RangeError) return { ...base, ...figures(null) }
    throw error
  }
}
