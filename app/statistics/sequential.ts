// Always-valid inference: the asymptotic confidence sequence of Waudby-Smith, Arbour,
// Sinha, Kennedy & Ramdas (2023), "Time-uniform central limit theory and asymptotic confidence
// sequences", eq. (9) with the normal-mixture boundary, as GrowthBook applies it to the
// difference in conversion rates. Looking at the results after every visitor keeps the error
// rate at alpha, which a fixed-horizon p-value does not.

import type { Counts } from './intervals'

/** Total visitors (both arms) the sequence is tuned for when no plan is given; GrowthBook's default. */
export const DEFAULT_TUNING_VISITORS = 5000

/**
 * ρ that makes the sequence tightest at `tuningVisitors` total observations (Waudby-Smith et al.,
 * Appendix B.2, as in GrowthBook). Tuned once at the configured alpha and then held fixed, so
 * the sequential p-value below is the inverse of one family of sequences.
 */
export function computeRho(alpha: number, tuningVisitors: number): number {
  const logTerm = -2 * Math.log(alpha)
  return Math.sqrt((logTerm + Math.log(logTerm + 1)) / tuningVisitors)
}

/**
 * The multiplier M with CS = estimate ± M·SE at total sample size n: the radius
 * σ̂·√(2(nρ² + 1)/(n²ρ²) · ln(√(nρ² + 1)/α)) with σ̂² = n·SE².
 */
export function computeSequentialMultiplier(n: number, rho: number, alpha: number): number {
  const nRho2 = n * rho * rho
  return Math.sqrt(((2 * (nRho2 + 1)) / nRho2) * Math.log(Math.sqrt(nRho2 + 1) / alpha))
}

/**
 * Variance of the rate difference for the sequence. Rates are shrunk Agresti–Caffo style,
 * (x + 1)/(n + 2), so an arm at 0/n or n/n does not give a zero-width sequence (and a p-value of
 * 0 after two visitors); the change is negligible once an arm has a few hundred visitors.
 */
export function computeSequentialVariance(treatment: Counts, control: Counts): number {
  const variance = ({ visitors, conversions }: Counts) => {
    const shrunk = (conversions + 1) / (visitors + 2)
    return (shrunk * (1 - shrunk)) / visitors
  }
  return variance(treatment) + variance(control)
}

/**
 * Smallest alpha whose sequence (ρ fixed) excludes a zero difference. Solving
 * |d| = M(α)·SE for α gives the closed form √(nρ² + 1)·exp(−nρ²·d²/(2·SE²·(nρ² + 1))).
 */
export function computeSequentialPValue(treatment: Counts, control: Counts, rho: number): number {
  const n = treatment.visitors + control.visitors
  const difference = treatment.conversions / treatment.visitors - control.conversions / control.visitors
  return computeSequentialPValueOfEstimate(difference, computeSequentialVariance(treatment, control), n, rho)
}

/**
 * The same closed form for any difference with an estimated variance (SE²) at n total
 * observations: the rates above, and the difference in means of mean.ts. A zero difference
 * carries no evidence (p = 1), even when its variance is 0.
 */
export function computeSequentialPValueOfEstimate(difference: number, variance: number, n: number, rho: number): number {
  if (difference === 0) return 1
  const nRho2 = n * rho * rho
  const logP = 0.5 * Math.log1p(nRho2) - (nRho2 * difference * difference) / (2 * variance * (nRho2 + 1))
  return Math.min(1, Math.exp(logP))
}
