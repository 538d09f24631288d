// Bayesian comparison of two conversion rates with uniform Beta(1, 1) priors, in closed form.
// (Expected loss, and probability to be best among three or more variants, are in posterior-summary.ts.)

import { logBeta, logTableWeight } from './special'
import type { Counts } from './intervals'

export type BetaPosterior = { alpha: number; beta: number }

/** Beta(1 + conversions, 1 + visitors − conversions): the posterior under a uniform prior. */
export function createPosterior({ visitors, conversions }: Counts): BetaPosterior {
  return { alpha: conversions + 1, beta: visitors - conversions + 1 }
}

export function computePosteriorMean({ alpha, beta }: BetaPosterior): number {
  return alpha / (alpha + beta)
}

// A term this small relative to the running sum cannot change a double.
const NEGLIGIBLE = 1e-17
const RESCALE_AT = 1e250

/**
 * The exact series stops being the cheap method past this many terms (0.1–0.3 ms): for two close arms
 * that is once the fewer of conversions and non-conversions passes about 4·10^6 per arm (7·10^6
 * visitors at 50%, 7·10^7 at 10%, 7·10^9 at 0.1%; the terms grow like its square root). analyze()
 * then takes the quadrature's value, which agrees within 1e-10 (docs/decisions/004-statistics-work-bound.md).
 * Every reference case needs fewer than 16,000.
 */
export const MAX_SERIES_TERMS = 2 ** 15

/**
 * Σ_{i=0}^{a1−1} T_i with T_i = B(a2 + i, b1 + b2) / ((b1 + i)·B(1 + i, b1)·B(a2, b2)):
 * Evan Miller's closed form of P(X > Y), X ~ Beta(a1, b1), Y ~ Beta(a2, b2), integer a1.
 *
 * Only the last term needs Gamma functions; the others follow from the exact ratio
 * T_{i−1}/T_i = (a2 + b1 + b2 + i − 1)·i / ((a2 + i − 1)(b1 + i − 1)), summed downwards from
 * i = a1 − 1 relative to that term (so a result of 1e-200 keeps full precision). The terms are
 * unimodal in i; once they shrink and the geometric bound on everything still to come,
 * term·q/(1 − q), is below 1e-17 of the sum, the rest cannot change the double and the loop
 * stops. That leaves O(σ) terms instead of a1: 10–17 thousand at 10^6 conversions, 330 thousand
 * at 10^9 visitors (about 4 ms), 12 million at 10^12 (150 ms). Past `maxTerms` it gives up: null.
 */
function sumEvanMiller(a1: number, b1: number, a2: number, b2: number, maxTerms: number): number | null {
  const last = a1 - 1
  let logScale = computeLogTerm(last, b1, a2, b2)
  let term = 1
  let sum = 1
  for (let i = last; i > 0; i--) {
    if (last - i >= maxTerms) return null
    const step = ((a2 + b1 + b2 + i - 1) * i) / ((a2 + i - 1) * (b1 + i - 1))
    term *= step
    sum += term
    if (term > RESCALE_AT) {
      // Terms still rising towards the mode: keep the partial sum in range.
      logScale += Math.log(RESCALE_AT)
      term /= RESCALE_AT
      sum /= RESCALE_AT
    }
    if (step < 1 && term * step < NEGLIGIBLE * sum * (1 - step)) break
  }
  return Math.exp(logScale + Math.log(sum))
}

// ln T_i. With every count ≥ 10 it is the Gamma weight of the table [[a2, i], [b2, b1]] over i
// (so large counts keep full precision, see logTableWeight); otherwise three log-betas are exact enough.
function computeLogTerm(i: number, b1: number, a2: number, b2: number): number {
  if (Math.min(i, b1, a2, b2) >= 10) return logTableWeight(a2, i, b2, b1) - Math.log(i)
  return logBeta(a2 + i, b1 + b2) - Math.log(b1 + i) - logBeta(1 + i, b1) - logBeta(a2, b2)
}

// P(X > Y) for a pair where it is expected to be at most about one half, so no 1 − (≈1) is
// ever formed. Of the two exact forms, the direct sum over x.alpha terms and the same sum after
// the reflection p → 1 − p (P(X > Y) = P(1 − Y > 1 − X), over y.beta terms), take the shorter.
function computeSmallerSide(x: BetaPosterior, y: BetaPosterior, maxTerms: number): number | null {
  const [a1, b1, a2, b2] = x.alpha <= y.beta ? [x.alpha, x.beta, y.alpha, y.beta] : [y.beta, y.alpha, x.beta, x.alpha]
  // A series sure to run past the budget is not started: it would only be abandoned.
  if (estimateTerms(a1, b1, a2, b2) > SURELY_LONGER * maxTerms) return null
  return sumEvanMiller(a1, b1, a2, b2, maxTerms)
}

// The estimate below was 1.05–1.83 times the actual length over variants of 10^4–10^9 visitors, sizes
// 10× apart, rates 0.01%–99.9% and 0–15 sd apart; with this margin it never skips a series that fits.
const SURELY_LONGER = 4

/**
 * About how many terms sumEvanMiller needs, from the start term's ratio q and the curvature κ of
 * ln T_i there: a geometric tail needs ln(1e17)/|ln q| terms, and a peak near the start about nine
 * standard deviations, 9/√κ. Cheap (no loop), so a hopeless series costs nothing.
 */
function estimateTerms(a1: number, b1: number, a2: number, b2: number): number {
  const i = a1 - 1
  if (i < 1) return 0
  const logStep = Math.log(((a2 + b1 + b2 + i - 1) * i) / ((a2 + i - 1) * (b1 + i - 1)))
  const curvature = Math.abs(1 / (a2 + b1 + b2 + i - 1) + 1 / i - 1 / (a2 + i - 1) - 1 / (b1 + i - 1))
  const peak = 9 / Math.sqrt(curvature)
  return logStep < 0 ? Math.min(-Math.log(NEGLIGIBLE) / -logStep, peak) : peak
}

/** The estimated length of the exact series for P(X > Y), for tests and the bench. */
export function estimateSeriesTerms(x: BetaPosterior, y: BetaPosterior): number {
  const [small, large] = computePosteriorMean(x) <= computePosteriorMean(y) ? [x, y] : [y, x]
  return small.alpha <= large.beta ? estimateTerms(small.alpha, small.beta, large.alpha, large.beta) : estimateTerms(large.beta, large.alpha, small.beta, small.alpha)
}

/**
 * P(X > Y), exact for integer Beta parameters (i.e. counts under the uniform prior), or null when
 * the series would need more than `maxTerms` terms. The side expected to be small is summed and
 * the other obtained by symmetry, P(X > Y) = 1 − P(Y > X).
 */
export function computeProbabilityToBeatWithin(x: BetaPosterior, y: BetaPosterior, maxTerms: number): number | null {
  if (computePosteriorMean(x) <= computePosteriorMean(y)) return computeSmallerSide(x, y, maxTerms)
  const other = computeSmallerSide(y, x, maxTerms)
  return other === null ? null : 1 - other
}

/** P(X > Y) by the exact series, however many terms it takes (the reference for the quadrature). */
export function computeProbabilityToBeat(x: BetaPosterior, y: BetaPosterior): number {
  return computeProbabilityToBeatWithin(x, y, Infinity)!
}
