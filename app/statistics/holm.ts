// Holm (1979) step-down adjustment: controls the family-wise error rate across the
// treatment-versus-control comparisons, and is uniformly more powerful than Bonferroni.

/**
 * Adjusted p-values in the input order. A null (a comparison that could not be computed, e.g.
 * an arm with no visitors) still counts in the family as p = 1, which keeps the adjustment
 * conservative, and stays null in the output.
 */
export function adjustHolm(pValues: (number | null)[]): (number | null)[] {
  const m = pValues.length
  const order = pValues.map((p, index) => ({ p: p ?? 1, index })).sort((x, y) => x.p - y.p)
  const adjusted: (number | null)[] = new Array(m).fill(null)
  let runningMax = 0
  order.forEach(({ p, index }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p))
    if (pValues[index] !== null) adjusted[index] = runningMax
  })
  return adjusted
}
