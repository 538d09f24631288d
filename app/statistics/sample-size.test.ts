import { describe, expect, test } from 'vitest'
import { computeSampleSize } from './sample-size'

describe('sample size', () => {
  test('two variants: classic formula, rounded up, with days from daily traffic', () => {
    const result = computeSampleSize({ baselineRate: 0.1, relativeMde: 0.2, dailyVisitors: 1000 })
    expect(result.visitorsPerVariant).toBe(3841)
    expect(result.totalVisitors).toBe(7682)
    expect(result.days).toBe(8)
    expect(result.note).toBeUndefined()
  })

  test('more variants split alpha Bonferroni-style and say so', () => {
    const two = computeSampleSize({ baselineRate: 0.1, relativeMde: 0.2 })
    const four = computeSampleSize({ baselineRate: 0.1, relativeMde: 0.2, variants: 4 })
    expect(four.visitorsPerVariant).toBeGreaterThan(two.visitorsPerVariant)
    expect(four.totalVisitors).toBe(four.visitorsPerVariant * 4)
    expect(four.note).toMatch(/Bonferroni.*3 comparisons.*0\.0167/)
  })

  test('an improved rate of 100% or more is refused', () => {
    expect(() => computeSampleSize({ baselineRate: 0.6, relativeMde: 1 })).toThrow(RangeError)
  })
})
