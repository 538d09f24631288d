// Fisher's exact test for a 2×2 table, for when expected counts are too small for the z-test.

const RELATIVE_TIE_TOLERANCE = 1e-7 // tables this close in probability count as ties (R, scipy)
const NEGLIGIBLE = 1e-17

export type TwoByTwo = { treatmentConversions: number; treatmentMisses: number; controlConversions: number; controlMisses: number }

/**
 * Two-sided p-value: the total probability, under the hypergeometric null with the margins
 * fixed, of all tables no more probable than the observed one (scipy.stats.fisher_exact).
 * Probabilities are kept as ratios to the mode's, so no factorial is ever formed and the
 * normalizing constant cancels; the walk stops once the (log-concave) tails are negligible.
 */
export function computeFisherExactPValue(table: TwoByTwo): number {
  const rowTotal = table.treatmentConversions + table.treatmentMisses
  const columnTotal = table.treatmentConversions + table.controlConversions
  const total = rowTotal + table.controlConversions + table.controlMisses
  const low = Math.max(0, rowTotal + columnTotal - total)
  const high = Math.min(rowTotal, columnTotal)
  const observed = table.treatmentConversions
  if (low === high) return 1
  const mode = Math.min(high, Math.max(low, Math.floor(((rowTotal + 1) * (columnTotal + 1)) / (total + 2))))
  // ratio(x) = pmf(x + 1)/pmf(x)
  const ratio = (x: number) => ((columnTotal - x) * (rowTotal - x)) / ((x + 1) * (total - columnTotal - rowTotal + x + 1))
  const observedWeight = computeRelativeWeight(observed, mode, ratio)
  const threshold = observedWeight * (1 + RELATIVE_TIE_TOLERANCE)
  const floor = NEGLIGIBLE * Math.min(1, Math.max(observedWeight, 1e-300))
  let all = 1
  let extreme = 1 <= threshold ? 1 : 0
  for (const direction of [1, -1]) {
    let weight = 1
    for (let x = mode; direction > 0 ? x < high : x > low; x += direction) {
      const step = direction > 0 ? ratio(x) : 1 / ratio(x - 1)
      weight *= step
      all += weight
      if (weight <= threshold) extreme += weight
      if (weight * (step / (1 - step)) < floor && step < 1) break
    }
  }
  return Math.min(1, extreme / all)
}

/**
 * pmf(x)/pmf(mode) by multiplying the successive ratios. Away from the mode the weights only fall
 * (log-concave), so once one underflows to 0 the rest are 0 too and the walk stops: an observed
 * table millions of steps out (2·10^6 vs 0 conversions among 10^12 visitors) costs a few hundred.
 */
function computeRelativeWeight(x: number, mode: number, ratio: (x: number) => number): number {
  let weight = 1
  if (x > mode) for (let i = mode; i < x && weight > 0; i++) weight *= ratio(i)
  else for (let i = mode; i > x && weight > 0; i--) weight /= ratio(i - 1)
  return weight
}

/** The smallest expected cell count of the table under independence. */
export function computeSmallestExpectedCount(table: TwoByTwo): number {
  const rows = [table.treatmentConversions + table.treatmentMisses, table.controlConversions + table.controlMisses]
  const columns = [table.treatmentConversions + table.controlConversions, table.treatmentMisses + table.controlMisses]
  const total = rows[0] + rows[1]
  return (Math.min(...rows) * Math.min(...columns)) / total
}
