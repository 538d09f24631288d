// How many visitors a test needs before it starts: the classic fixed-horizon formula for two
// proportions (Fleiss; the one most online calculators use).

import { normalQuantile } from './normal'

export type SampleSizeInput = {
  /** Current conversion rate of the control, 0 < rate < 1. */
  baselineRate: number
  /** Smallest relative lift worth detecting, e.g. 0.1 for +10%. */
  relativeMde: number
  alpha?: number
  power?: number
  /** Number of variants including the control. */
  variants?: number
  /** Total daily visitors across all variants, to turn visitors into days. */
  dailyVisitors?: number
}

export type SampleSize = { visitorsPerVariant: number; totalVisitors: number; days?: number; note?: string }

/**
 * n = (z₁₋α/₂·√(2p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)² per variant, rounded up,
 * with p₂ = p₁(1 + mde) and p̄ = (p₁ + p₂)/2. With more than two variants each treatment is
 * compared with the control, so alpha is split Bonferroni-style across the comparisons.
 */
export function computeSampleSize({ baselineRate, relativeMde, alpha = 0.05, power = 0.8, variants = 2, dailyVisitors }: SampleSizeInput): SampleSize {
  const p1 = baselineRate
  const p2 = p1 * (1 + relativeMde)
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && p2 !== p1)) {
    throw new RangeError('computeSampleSize needs 0 < baselineRate < 1 and 0 < baselineRate × (1 + relativeMde) < 1')
  }
  const comparisons = variants - 1
  const alphaPerComparison = alpha / comparisons
  const zAlpha = normalQuantile(1 - alphaPerComparison / 2)
  const zBeta = normalQuantile(power)
  const pBar = (p1 + p2) / 2
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
  // The subtraction of 1e-9 keeps an exact integer from being pushed up by rounding noise.
  const visitorsPerVariant = Math.ceil((root * root) / ((p2 - p1) * (p2 - p1)) - 1e-9)
  const totalVisitors = visitorsPerVariant * variants
  const result: SampleSize = { visitorsPerVariant, totalVisitors }
  if (dailyVisitors !== undefined) result.days = Math.ceil(totalVisitors / dailyVisitors)
  if (comparisons > 1) {
    result.note = `Alpha ${alpha} is split Bonferroni-style across the ${comparisons} comparisons with the control (${formatAlpha(alphaPerComparison)} each).`
  }
  return result
}

function formatAlpha(value: number): string {
  return Number(value.toPrecision(3)).toString()
}
