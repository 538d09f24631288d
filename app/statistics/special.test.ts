import { describe, expect, test } from 'vitest'
import { chiSquareSurvival, logBeta, logGamma, logTableWeight } from './special'

describe('special functions', () => {
  test('log-gamma matches closed forms', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14)
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14) // absolute: near its zeros ln Γ is computed as a difference
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 13)
    // ln Γ(10^7) = 151180949.369..., relative accuracy near machine precision
    expect(Math.abs(logGamma(1e7) / 151180949.36947393 - 1)).toBeLessThan(1e-15)
  })

  test('log-beta stays accurate where ln Γ(a + b) is huge', () => {
    // B(2, n) = 1/(n(n + 1)) exactly
    expect(logBeta(2, 1e6)).toBeCloseTo(-Math.log(1e6) - Math.log(1e6 + 1), 13)
    expect(logBeta(1e6, 2)).toBe(logBeta(2, 1e6))
    expect(logBeta(3, 4)).toBeCloseTo(Math.log(1 / 60), 14)
  })

  test('the 2×2 Gamma weight equals the sum of its nine log-gammas, at moderate counts', () => {
    const [a, b, c, d] = [12, 30, 15.5, 40]
    const direct = logGamma(a + b) + logGamma(c + d) + logGamma(a + c) + logGamma(b + d) - logGamma(a + b + c + d) - logGamma(a) - logGamma(b) - logGamma(c) - logGamma(d)
    expect(logTableWeight(a, b, c, d)).toBeCloseTo(direct, 12)
    // and far from independence, where the deviance terms are large
    const skewed = [10, 5000, 300, 20]
    const [p, q, r, s] = skewed
    const directSkewed = logGamma(p + q) + logGamma(r + s) + logGamma(p + r) + logGamma(q + s) - logGamma(p + q + r + s) - logGamma(p) - logGamma(q) - logGamma(r) - logGamma(s)
    expect(logTableWeight(p, q, r, s)).toBeCloseTo(directSkewed, 10)
  })

  test('chi-square survival matches scipy', () => {
    // scipy.stats.chi2.sf(10.8, 1), chi2.sf(40, 19)
    expect(chiSquareSurvival(10.8, 1)).toBeCloseTo(0.0010150009471130682, 16)
    expect(Math.abs(chiSquareSurvival(40, 19) / 0.003272317118779744 - 1)).toBeLessThan(1e-12)
    expect(chiSquareSurvival(0, 3)).toBe(1)
  })
})
