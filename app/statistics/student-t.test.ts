import { describe, expect, test } from 'vitest'
import { normalQuantile, normalSurvival } from './normal'
import { computeTwoSidedTPValue, studentTQuantile, studentTSurvival } from './student-t'

// Values from scipy 1.17 (stats.t.sf, stats.t.ppf).
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected)

describe('Student t', () => {
  test.each([
    [1.96, 3.5, 0.0658112865063629],
    [6, 10, 6.605443017739279e-5],
    [40, 29.7, 1.0845539738025256e-27],
    [3, 1234.5, 0.0013769658036701846],
    [12, 1e5, 1.8722529059782093e-33],
    [2.5, 1, 0.12111894159084341],
  ])('P(T > %s) with ν = %s, far tails included, to 1e-10', (t, v, expected) => {
    expect(relativeError(studentTSurvival(t, v), expected)).toBeLessThan(1e-10)
    expect(relativeError(studentTSurvival(-t, v), 1 - expected)).toBeLessThan(1e-12)
  })

  test.each([
    [0.975, 1, 12.706204736174694],
    [0.975, 7, 2.364624251592784],
    [0.995, 8.5365853658536, 3.2949980843623905],
    [0.9995, 100, 3.390491311164263],
    [1 - 1e-10, 3e6, 6.361362871724708],
    [0.6, 2, 0.2886751345948128],
  ])('quantile at p = %s with ν = %s', (p, v, expected) => {
    expect(relativeError(studentTQuantile(p, v), expected)).toBeLessThan(1e-10)
    expect(relativeError(studentTQuantile(1 - p, v), -expected)).toBeLessThan(1e-9)
  })

  test('becomes the normal at huge ν, and the two-sided p-value is symmetric and at most 1', () => {
    expect(relativeError(studentTSurvival(2, 2e9), normalSurvival(2))).toBeLessThan(1e-15)
    expect(relativeError(studentTQuantile(0.975, 2e9), normalQuantile(0.975))).toBeLessThan(1e-15)
    expect(computeTwoSidedTPValue(-2.1, 12)).toBe(computeTwoSidedTPValue(2.1, 12))
    expect(computeTwoSidedTPValue(0, 5)).toBe(1)
    expect(studentTQuantile(0.5, 3)).toBe(0)
  })
})
