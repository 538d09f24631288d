// Confidence intervals for a conversion rate, for the difference of two rates, and for their
// ratio. All take a normal multiplier (z for fixed-horizon, a larger one for the sequential
// bounds) so the same formulas serve both.

export type Interval = [number, number]
export type Counts = { visitors: number; conversions: number }

/**
 * Wilson (1927) score interval for conversions/visitors, without continuity correction.
 * Unlike the Wald interval it stays inside [0, 1] and keeps its coverage at 0/n and n/n.
 */
export function computeWilsonInterval({ visitors, conversions }: Counts, z: number): Interval {
  const rate = conversions / visitors
  const z2n = (z * z) / visitors
  const center = (rate + z2n / 2) / (1 + z2n)
  const halfWidth = (z / (1 + z2n)) * Math.sqrt((rate * (1 - rate)) / visitors + z2n / (4 * visitors))
  // Clamp only the last-ulp rounding at 0/n and n/n, where the exact bound is 0 or 1.
  return [Math.max(0, center - halfWidth), Math.min(1, center + halfWidth)]
}

/**
 * Newcombe (1998) hybrid score interval, method 10, for rate(treatment) − rate(control),
 * built from the two Wilson intervals.
 */
export function computeNewcombeInterval(treatment: Counts, control: Counts, z: number): Interval {
  const pT = treatment.conversions / treatment.visitors
  const pC = control.conversions / control.visitors
  const [lowT, highT] = computeWilsonInterval(treatment, z)
  const [lowC, highC] = computeWilsonInterval(control, z)
  const difference = pT - pC
  const low = difference - Math.sqrt((pT - lowT) ** 2 + (highC - pC) ** 2)
  const high = difference + Math.sqrt((highT - pT) ** 2 + (pC - lowC) ** 2)
  // As in Wilson: only rounding crosses ±1 (0/n against n/n gave −1.0000000000000002).
  return [Math.max(-1, low), Math.min(1, high)]
}

/**
 * Katz et al. (1978) log-ratio interval for rate(treatment)/rate(control) − 1.
 * When any cell of the 2×2 table is zero, 0.5 is added to every cell (Haldane–Anscombe):
 * conversions + 0.5, visitors + 1. With no conversions the ratio or its variance is undefined;
 * with everyone converted (no misses) the variance 1/x − 1/n is 0, and two arms at 100% would
 * get the interval [0, 0], "every effect is exactly nothing", after a handful of visitors.
 */
export function computeRelativeLiftInterval(treatment: Counts, control: Counts, multiplier: number): Interval | null {
  const { logRatio, standardError } = computeLogRatio(treatment, control)
  const upper = Math.expm1(logRatio + multiplier * standardError)
  // Only a sequential multiplier at a handful of visitors can get here: the bound is not
  // informative yet, and Infinity has no JSON form.
  if (!Number.isFinite(upper)) return null
  return [Math.expm1(logRatio - multiplier * standardError), upper]
}

/** ln(rate_t/rate_c) and its delta-method standard error, with the zero-cell correction above. */
function computeLogRatio(treatment: Counts, control: Counts): { logRatio: number; standardError: number } {
  const correction = hasEmptyCell(treatment) || hasEmptyCell(control) ? 0.5 : 0
  const xT = treatment.conversions + correction
  const nT = treatment.visitors + 2 * correction
  const xC = control.conversions + correction
  const nC = control.visitors + 2 * correction
  const logRatio = Math.log(xT / nT) - Math.log(xC / nC)
  // 1/x − 1/n is ≥ 0 mathematically; max() guards the rounding when x = n.
  const variance = Math.max(0, 1 / xT - 1 / nT) + Math.max(0, 1 / xC - 1 / nC)
  return { logRatio, standardError: Math.sqrt(variance) }
}

// No conversions, or no misses: either way one cell of the 2×2 table is zero.
function hasEmptyCell({ visitors, conversions }: Counts): boolean {
  return conversions === 0 || conversions === visitors
}
