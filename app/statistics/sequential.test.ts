import { describe, expect, test } from 'vitest'
import { normalQuantile } from './normal'
import { computeRho, computeSequentialMultiplier, computeSequentialPValue, computeSequentialVariance, DEFAULT_TUNING_VISITORS } from './sequential'

const counts = (conversions: number, visitors: number) => ({ conversions, visitors })

describe('asymptotic confidence sequence', () => {
  const rho = computeRho(0.05, DEFAULT_TUNING_VISITORS)

  test('ρ is the width-minimizing choice at the tuning sample size (GrowthBook default 5,000)', () => {
    expect(rho).toBeCloseTo(Math.sqrt((-2 * Math.log(0.05) + Math.log(-2 * Math.log(0.05) + 1)) / 5000), 15)
  })

  test('the sequence is wider than the fixed-horizon interval at every sample size', () => {
    const z = normalQuantile(0.975)
    for (const n of [10, 100, 1000, 5000, 1e5, 1e7]) expect(computeSequentialMultiplier(n, rho, 0.05)).toBeGreaterThan(z)
  })

  test('the sequential p-value is exactly the alpha at which the sequence touches zero', () => {
    const treatment = counts(560, 5000)
    const control = counts(500, 5000)
    const p = computeSequentialPValue(treatment, control, rho)
    const radius = computeSequentialMultiplier(10_000, rho, p) * Math.sqrt(computeSequentialVariance(treatment, control))
    expect(radius).toBeCloseTo(560 / 5000 - 500 / 5000, 14)
  })

  test('no difference gives p = 1; 0/n against n/n at two visitors is not called', () => {
    expect(computeSequentialPValue(counts(50, 500), counts(50, 500), rho)).toBe(1)
    expect(computeSequentialPValue(counts(1, 1), counts(0, 1), rho)).toBeGreaterThan(0.9)
  })
})
