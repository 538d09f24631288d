import { describe, expect, test } from 'vitest'
import { computeTwoSidedPValue, normalCdf, normalQuantile, normalSurvival } from './normal'

describe('normal distribution', () => {
  test('Φ and its tail match known values to full precision', () => {
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15)
    // scipy: norm.cdf(-10) = 7.61985302416047e-24; mpmath: ncdf(-37) = 5.725571222524577e-300
    expect(Math.abs(normalCdf(-10) / 7.61985302416047e-24 - 1)).toBeLessThan(1e-13)
    expect(Math.abs(normalSurvival(37) / 5.725571222524577e-300 - 1)).toBeLessThan(1e-12)
    expect(normalSurvival(-3) + normalCdf(-3)).toBe(1)
  })

  test('Φ⁻¹ inverts Φ across the range, including the far tails', () => {
    for (const p of [1e-300, 1e-20, 1e-8, 0.001, 0.025, 0.3, 0.5, 0.77, 0.975, 0.999999]) {
      const x = normalQuantile(p)
      expect(Math.abs(normalCdf(x) / p - 1)).toBeLessThan(1e-13)
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14)
    expect(() => normalQuantile(0)).toThrow(RangeError)
    expect(() => normalQuantile(1)).toThrow(RangeError)
  })

  test('two-sided p-values are symmetric and capped at 1', () => {
    expect(computeTwoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 15)
    expect(computeTwoSidedPValue(-2)).toBe(computeTwoSidedPValue(2))
    expect(computeTwoSidedPValue(0)).toBe(1)
  })
})
