// One experiment's line in the experiments list: rollup totals on its primary metric, the leading variant with
// its lift, the decision and the SRM flag. Pure; the same analysis (analyzePrimaryMetric) as the results page, so the list
// and the page never disagree.

import type { Speaker } from '#app/i18n/sentences'
import { analyzePrimaryMetric, type ResultsExperimentRow } from './compute'
import type { ExperimentSummary } from './shape'

/** Rollup totals per variant and metric ('' = visitors). */
export type TotalRow = { variantKey: string; metric: string; count: number }

export function summarizeExperiment(e: ResultsExperimentRow, totals: TotalRow[], speaker?: Speaker): ExperimentSummary {
  const count = (key: string, metric: string) => totals.reduce((sum, t) => (t.variantKey === key && t.metric === metric ? sum + t.count : sum), 0)
  const analysis = analyzePrimaryMetric(e, count, speaker)
  // A rate (converted ÷ visitors), or for pipeline the deal value per visitor: either way, higher is better.
  const variants =
    analysis.kind === 'mean'
      ? analysis.variants.map((v) => ({ key: v.key, visitors: v.visitors, conversions: null, rate: v.mean, relativeLift: v.vsControl?.relativeLift ?? null }))
      : analysis.variants.map((v) => ({ key: v.key, visitors: v.visitors, conversions: v.conversions, rate: v.rate, relativeLift: v.vsControl?.relativeLift ?? null }))
  const withVisitors = variants.filter((v) => v.rate !== null)
  // Ties go to the earlier variant in the experiment's order (the control first when it is listed first).
  const leader = withVisitors.reduce<(typeof withVisitors)[number] | null>((best, v) => (best === null || v.rate! > best.rate! ? v : best), null)
  return {
    experimentId: e.id,
    visitors: variants.reduce((sum, v) => sum + v.visitors, 0),
    conversions: analysis.kind === 'mean' ? null : analysis.variants.reduce((sum, v) => sum + v.conversions, 0),
    variants: variants.map(({ key, visitors, conversions, rate }) => ({ key, visitors, conversions, rate })),
    leading: leader ? { key: leader.key, relativeLift: leader.relativeLift } : null,
    decision: { status: analysis.decision.status, variant: analysis.decision.variant, reason: analysis.decision.reason },
    srmDetected: analysis.srm.detected,
  }
}
