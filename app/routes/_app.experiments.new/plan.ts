import { planPipelineVisitors, type PipelineBaseline } from '#app/experiments/pipeline-plan'
import { isStageMetric, PIPELINE_METRIC, type StageMetric } from '#app/experiments/schema'
import { chooseStageBaseline, planRateVisitors, type StageHistory } from '#app/experiments/stage-plan'

// The planned sample per variant, prefilled by the loader and recomputed in the browser as the marketer
// changes the metric, the lift to detect, the confidence, the variants or the coverage. Pure: both sides run it.
// Experiments decide with the sequential (always-valid) analysis, so this is its plan, not the fixed-horizon one:
// at the fixed-horizon sample the sequential test finds the lift only about half the time. Pipeline per visitor is
// a mean, not a rate: its plan is the mean metric's, from the mean and spread per visitor. A stage metric is a rate
// of what the leads became: planned at the page's stage rate over mature visitors, or at a baseline the marketer
// types when that history is too thin, never at the 5% fallback (decision 082).

/**
 * A page's recent traffic: distinct visitors, days with traffic, converted visitors by metric key, the pipeline
 * per visitor of the last 90 days (the page's, else the workspace's; null without enough deals), and the stage
 * counts among the page's mature visitors of the last 90 days.
 */
export type PageTraffic = { visitors: number; days: number; converted: Record<string, number>; pipeline: PipelineBaseline | null; stages: StageHistory }

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

/**
 * A stage metric: planned at `baselineRate`, the page's stage rate (`isMeasured`: `reached` of the history's mature
 * visitors) or the one typed; null when the history is too thin and none is typed, so no plan rather than 5%.
 */
export type StagePlan = PlanFigures & { kind: 'stage'; stage: StageMetric; baselineRate: number | null; isMeasured: boolean; history: StageHistory }

export type SamplePlan = RatePlan | PipelinePlan | StagePlan

type PlanInput = {
  traffic: PageTraffic
  metric: string
  relativeMde: number
  confidence: number
  variants: number
  coverage: number
  /** pipeline only: the mean and spread per visitor as typed; undefined takes the history's */
  pipeline?: { mean: number; standardDeviation: number }
  /** stage metrics only: the baseline rate as typed (a fraction), used when the page's stage history is too thin */
  stageBaseline?: number
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
  if (isStageMetric(input.metric)) {
    const measured = chooseStageBaseline(traffic.stages, input.metric)
    const typed = input.stageBaseline !== undefined && input.stageBaseline > 0 && input.stageBaseline < 1 ? input.stageBaseline : null
    const baselineRate = measured ?? typed
    const visitorsPerVariant = baselineRate === null ? null : planRateVisitors({ ...input, baselineRate })
    return { kind: 'stage', stage: input.metric, baselineRate, isMeasured: measured !== null, history: traffic.stages, ...figures(visitorsPerVariant) }
  }
  return planRate(input, figures)
}

function planRate({ traffic, metric, relativeMde, confidence, variants }: PlanInput, figures: (visitorsPerVariant: number | null) => PlanFigures): RatePlan {
  const converted = traffic.converted[metric] ?? 0
  const measured = traffic.visitors > 0 ? converted / traffic.visitors : 0
  const isMeasured = measured > 0 && measured < 1
  const baselineRate = isMeasured ? measured : FALLBACK_BASELINE
  const base = { kind: 'rate' as const, baselineRate, isMeasured, converted }
  return { ...base, ...figures(planRateVisitors({ baselineRate, relativeMde, confidence, variants })) }
}
