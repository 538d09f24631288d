// Student's t distribution for Welch's test on mean metrics (deal value per visitor): the upper
// tail, the two-sided p-value and the quantile, for any real degrees of freedom ν > 0 (the
// Welch–Satterthwaite ν is not an integer). Tails are computed directly, as in normal.ts.

import { computeTwoSidedPValue, normalQuantile, normalSurvival } from './normal'
import { logBeta, logGamma } from './special'

// Past this many degrees of freedom t and the normal differ by less than 1e-9 relative in the
// range a p-value or an interval uses, and the continued fraction would need thousands of terms.
const NORMAL_DEGREES_OF_FREEDOM = 1e9
const FRACTION_EPSILON = 1e-15
const FRACTION_MAX_TERMS = 10_000
const TINY = 1e-300

/** Continued fraction of the regularized incomplete beta (modified Lentz), fast for x < (a + 1)/(a + b + 2). */
function computeIncompleteBetaFraction(a: number, b: number, x: number): number {
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m <= FRACTION_MAX_TERMS; m++) {
    const m2 = 2 * m
    for (const numerator of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + numerator * d
      if (Math.abs(d) < TINY) d = TINY
      c = 1 + numerator / c
      if (Math.abs(c) < TINY) c = TINY
      d = 1 / d
      h *= d * c
    }
    if (Math.abs(d * c - 1) < FRACTION_EPSILON) break
  }
  return h
}

/** I_x(a, b), the regularized incomplete beta, with x and 1 − x both given exactly. */
export function incompleteBetaRegularized(a: number, b: number, x: number, oneMinusX: number): number {
  if (x <= 0) return 0
  if (oneMinusX <= 0) return 1
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBetaRegularized(b, a, oneMinusX, x)
  // ln x and ln(1 − x) from whichever of the two is small: a·ln x with a near 10⁹ would
  // otherwise turn the rounding of x into an error of 1e-8.
  const logX = x < 0.5 ? Math.log(x) : Math.log1p(-oneMinusX)
  const logOneMinusX = oneMinusX < 0.5 ? Math.log(oneMinusX) : Math.log1p(-x)
  const logFront = a * logX + b * logOneMinusX - logBeta(a, b)
  return (Math.exp(logFront) * computeIncompleteBetaFraction(a, b, x)) / a
}

/** P(T > t) for Student's t with ν degrees of freedom. */
export function studentTSurvival(t: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom >= NORMAL_DEGREES_OF_FREEDOM) return normalSurvival(t)
  if (t === 0) return 0.5
  const t2 = t * t
  // P(|T| > |t|) = I_x(ν/2, ½) with x = ν/(ν + t²); 1 − x = t²/(ν + t²) is formed directly.
  const twoSided = incompleteBetaRegularized(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t2), t2 / (degreesOfFreedom + t2))
  return t > 0 ? twoSided / 2 : 1 - twoSided / 2
}

/** Two-sided p-value of a t statistic: P(|T| > |t|). */
export function computeTwoSidedTPValue(t: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom >= NORMAL_DEGREES_OF_FREEDOM) return computeTwoSidedPValue(t)
  return Math.min(1, 2 * studentTSurvival(Math.abs(t), degreesOfFreedom))
}

function studentTDensity(t: number, degreesOfFreedom: number): number {
  const v = degreesOfFreedom
  return Math.exp(logGamma((v + 1) / 2) - logGamma(v / 2) - 0.5 * Math.log(v * Math.PI) - ((v + 1) / 2) * Math.log1p((t * t) / v))
}

function expandCornishFisher(z: number, v: number): number {
  const z2 = z * z
  const g1 = (z * (z2 + 1)) / 4
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384
  return g1 / v + g2 / (v * v) + g3 / (v * v * v)
}

/**
 * The t with P(T ≤ t) = p, 0 < p < 1. Newton's method on ln P(T > t) against ln t, which is
 * nearly linear in the tail (the tail falls like t^−ν), kept inside a bracket that is halved
 * (geometrically) whenever a step would leave it.
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile needs 0 < p < 1, got ${p}`)
  if (!(degreesOfFreedom > 0)) throw new RangeError(`studentTQuantile needs ν > 0, got ${degreesOfFreedom}`)
  if (degreesOfFreedom >= NORMAL_DEGREES_OF_FREEDOM) return normalQuantile(p)
  if (p === 0.5) return 0
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom)
  const logTail = Math.log(1 - p)
  const gap = (t: number) => Math.log(studentTSurvival(t, degreesOfFreedom)) - logTail
  // Bracket: the t quantile is above the normal one. Start from the Cornish–Fisher expansion
  // (Abramowitz & Stegun 26.7.5), within 1e-4 from ν = 5, so Newton needs two or three steps.
  const z = normalQuantile(p)
  let low = z
  let high = Infinity
  let t = z + expandCornishFisher(z, degreesOfFreedom)
  for (let i = 0; i < 100; i++) {
    const value = gap(t)
    if (value === 0) return t
    if (value > 0) low = t
    else high = t
    // d ln S / d ln t = −t·f(t)/S(t)
    const slope = (-t * studentTDensity(t, degreesOfFreedom)) / studentTSurvival(t, degreesOfFreedom)
    let next = t * Math.exp(-value / slope)
    if (!(next > low && next < high)) next = high === Infinity ? 2 * t : Math.sqrt(low * high)
    // The tail itself is accurate to about 1e-11 at large ν; asking more makes Newton jitter.
    if (Math.abs(next - t) <= 1e-13 * t) return next
    t = next
  }
  return t
}
