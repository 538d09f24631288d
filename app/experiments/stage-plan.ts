// The plan of an experiment that decides on a stage metric (hot, mql, sql, opportunity, customer: decision 060): a
// rate, planned like a conversion, at the page's own stage rate over mature visitors (stage-history.server.ts), not at
// the form's 5% fallback, which delivered 29% power for a 2% SQL rate and 5% for a 0.5% customer rate (decisions
// 078, 082). Pure: the new-experiment form runs it on both sides, the API on the server.

import type { StageMetric } from '#app/experiments/schema'
import { computeSampleSize } from '#app/statistics/sample-size'
import { PIPELINE_HISTORY_DAYS } from './pipeline-plan'

/** Stage rates reach as far back as pipeline's history: a lead needs weeks to reach SQL, and 30 days minus maturity leaves too few. */
export const STAGE_HISTORY_DAYS = PIPELINE_HISTORY_DAYS
/**
 * Fewer visitors than this at the stage and the rate is too rough to plan on: with k of them its relative standard
 * error is about 1/√k, and the plan scales with 1/rate, so at 100 one standard error moves the delivered power by
 * about ±4 points (80% → 76–84%), at 30 by about ±7. Below it the marketer types the baseline.
 */
export const MIN_STAGE_VISITORS = 100

/**
 * The page's mature visitors of the last STAGE_HISTORY_DAYS (first seen at least `maturityDays` ago) and, per stage,
 * how many of them have a lead that is hot or reached that stage or beyond, as the results count them.
 */
export type StageHistory = { visitors: number; maturityDays: number } & Record<StageMetric, number>

/** The stage's share of mature visitors, when the history has MIN_STAGE_VISITORS at the stage (and not every visitor); else null. */
export function chooseStageBaseline(history: StageHistory, stage: StageMetric): number | null {
  const reached = history[stage]
  return reached >= MIN_STAGE_VISITORS && reached < history.visitors ? reached / history.visitors : null
}

/** The sequential plan for a rate, or null when none fits (too few variants, no lift, or a lift past 100%). */
export function planRateVisitors({ baselineRate, relativeMde, confidence, variants }: { baselineRate: number; relativeMde: number; confidence: number; variants: number }): number | null {
  if (!(variants >= 2 && relativeMde > 0 && confidence > 0 && confidence < 1)) return null
  try {
    return computeSampleSize({ baselineRate, relativeMde, alpha: 1 - confidence, variants, sequential: true }).visitorsPerVariant
  } catch (error) {
    // computeSampleSize's only complaint: the lift takes the rate to 100% or more.
    if (error instanceof RangeError) return null
    throw error
  }
}
