// The plan of an experiment that decides on pipeline per visitor (a mean metric, decision 059): computeMeanSampleSize
// with the mean and spread of the deal value per visitor, from the workspace's own history when it has enough, else
// typed by the marketer, and from history the deal values' shape, which heavy skew needs (decision 078). Pure: the new-experiment form runs it on both sides, the API on the server.

import { computeMeanSampleSize } from '#app/statistics/mean'
import type { DealShape } from '#app/statistics/mean-skew'

/** How far back the history reaches: long enough for a few deals, recent enough to be today's page. */
export const PIPELINE_HISTORY_DAYS = 90
/** Fewer deals than this give a spread too rough to plan on (one big deal moves it by half). */
export const MIN_HISTORY_DEALS = 10

/**
 * The sums of a scope's last PIPELINE_HISTORY_DAYS: distinct visitors, and the deal values of their leads; with the
 * sums of ln(deal value) and its square, the deal values' shape too (decision 078).
 */
export type PipelineSums = { visitors: number; deals: number; total: number; sumOfSquares: number; sumOfLogs?: number; sumOfSquaredLogs?: number }

/**
 * The mean and spread per visitor (visitors without a deal count as 0) that a plan starts from, and where they came
 * from; with the log sums, the deal values' shape, which lets the plan allow for heavy skew.
 */
export type PipelineBaseline = { scope: 'page' | 'workspace'; visitors: number; deals: number; mean: number; standardDeviation: number; dealShape?: DealShape }

/** The page's history when it has MIN_HISTORY_DEALS deals, else the workspace's, else none. */
export function choosePipelineBaseline({ page, workspace }: { page: PipelineSums; workspace: PipelineSums }): PipelineBaseline | null {
  for (const [scope, sums] of [
    ['page', page],
    ['workspace', workspace],
  ] as const) {
    if (sums.deals < MIN_HISTORY_DEALS || sums.visitors < 2 || sums.visitors < sums.deals) continue
    const mean = sums.total / sums.visitors
    // The sample variance over every visitor, zeros included, floored at 0 against rounding.
    const variance = Math.max(0, (sums.sumOfSquares - sums.total * mean) / (sums.visitors - 1))
    if (!(mean > 0 && variance > 0)) continue
    const dealShape = describeDealShape(sums)
    return { scope, visitors: sums.visitors, deals: sums.deals, mean, standardDeviation: Math.sqrt(variance), ...(dealShape ? { dealShape } : {}) }
  }
  return null
}

/**
 * The share of visitors with a deal, and the spread of ln(deal value) (the sample standard deviation of the logs,
 * which a few huge deals do not sway as they sway Σx²). Undefined without the log sums or without spread in them.
 */
function describeDealShape({ visitors, deals, sumOfLogs, sumOfSquaredLogs }: PipelineSums): DealShape | undefined {
  if (sumOfLogs === undefined || sumOfSquaredLogs === undefined || deals < 2) return undefined
  const logVariance = (sumOfSquaredLogs - (sumOfLogs * sumOfLogs) / deals) / (deals - 1)
  return logVariance > 0 ? { dealRate: deals / visitors, logSd: Math.sqrt(logVariance) } : undefined
}

/**
 * Visitors per variant for the sequential analysis that decides (as for rates), or null when the inputs cannot be
 * planned: a mean or spread that is not a positive number, fewer than two variants, no lift, or a sample beyond
 * any traffic.
 */
export function planPipelineVisitors({
  mean,
  standardDeviation,
  relativeMde,
  confidence,
  variants,
  dealShape,
}: {
  mean: number
  standardDeviation: number
  relativeMde: number
  confidence: number
  variants: number
  /** from history (choosePipelineBaseline); without it the plan assumes moderately spread deal values */
  dealShape?: DealShape
}): number | null {
  if (!(mean > 0 && standardDeviation > 0 && relativeMde > 0 && variants >= 2 && confidence > 0 && confidence < 1)) return null
  try {
    return computeMeanSampleSize({ mean, standardDeviation, relativeMde, alpha: 1 - confidence, variants, sequential: true, dealShape }).visitorsPerVariant
  } catch (error) {
    // computeMeanSampleSize's only complaint left: a sample past any traffic.
    if (error instanceof RangeError) return null
    throw error
  }
}
