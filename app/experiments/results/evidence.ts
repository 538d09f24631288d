// What a winner was declared on, for the audit row: the decision at that moment and the declared variant's
// numbers on the primary metric. The same shape whoever declares (a member, an API key, auto-ship). For pipeline
// (a mean metric) each variant carries its deal value total where a rate metric has its conversions.

import type { PrimaryAnalysis } from './compute'

export function winnerEvidence(analysis: PrimaryAnalysis, variantKey: string) {
  const { metric, decision } = analysis
  const variants =
    analysis.kind === 'mean'
      ? analysis.variants.map((v) => ({ key: v.key, visitors: v.visitors, total: v.total }))
      : analysis.variants.map((v) => ({ key: v.key, visitors: v.visitors, conversions: v.conversions }))
  const chosen = analysis.variants.find((v) => v.key === variantKey)
  return {
    metric,
    decision: decision.status,
    reason: decision.reason,
    variants,
    relativeLift: chosen?.vsControl?.relativeLift ?? null,
    sequentialRelativeLiftCi: chosen?.vsControl?.sequentialRelativeLiftCi ?? null,
    sequentialPValueAdjusted: chosen?.vsControl?.sequentialPValueAdjusted ?? null,
    significant: chosen?.vsControl?.significant ?? false,
  }
}
