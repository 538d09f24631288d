// What a winner was declared on, for the audit row: the decision at that moment and the declared variant's
// numbers on the primary metric. The same shape whoever declares (a member, an API key, auto-ship).

import type { Decision, VariantAnalysis } from '#app/statistics/analyze'

export function winnerEvidence({ metric, decision, variants }: { metric: string; decision: Decision; variants: VariantAnalysis[] }, variantKey: string) {
  const chosen = variants.find((v) => v.key === variantKey)
  return {
    metric,
    decision: decision.status,
    reason: decision.reason,
    variants: variants.map((v) => ({ key: v.key, visitors: v.visitors, conversions: v.conversions })),
    relativeLift: chosen?.vsControl?.relativeLift ?? null,
    sequentialRelativeLiftCi: chosen?.vsControl?.sequentialRelativeLiftCi ?? null,
    sequentialPValueAdjusted: chosen?.vsControl?.sequentialPValueAdjusted ?? null,
    significant: chosen?.vsControl?.significant ?? false,
  }
}
