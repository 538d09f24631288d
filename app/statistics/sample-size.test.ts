import { describe, expect, test } from 'vitest'
import { computeDecidingVisitors, computeSampleSize, MAX_REACHABLE_DAYS } from './sample-size'

describe('sample size', () => {
  test('fixed horizon: the classic formula, rounded up, with days from daily traffic', () => {
    const result = computeSampleSize({ baselineRate: 0.1, relativeMde: 0.2, dailyVisitors: 1000, sequential: false })
    expect(result.sequential).toBe(false)
    expect(result.visitorsPerVariant).toBe(3841)
    expect(result.totalVisitors).toBe(7682)
    expect(result.days).toBe(8)
    expect(result.isReachable).toBe(true)
    expect(result.note).toBeUndefined()
    expect(result.alternative).toMatchObject({ sequential: true })
    expect(result.alternative.visitorsPerVariant).toBeGreaterThan(3841)
  })

  test('by default the plan is the sequential analysis’s, with the fixed-horizon figure and why they differ', () => {
    const result = computeSampleSize({ baselineRate: 0.05, relativeMde: 0.1, dailyVisitors: 1000 })
    // The case: 31,234 per variant gave the sequential test 50% power; 1.74× that gives it 80%
    // (simulation.test.ts checks it through analyze()).
    expect(result).toMatchObject({ sequential: true, visitorsPerVariant: 54354, totalVisitors: 108708, days: 109, isReachable: true })
    expect(result.alternative).toMatchObject({ sequential: false, visitorsPerVariant: 31234, totalVisitors: 62468, days: 63, isReachable: true })
    expect(result.alternative.difference).toMatch(/read at any time.*1\.7× the visitors of a fixed-horizon test/)
  })

  test('more variants split alpha Bonferroni-style and say so', () => {
    const two = computeSampleSize({ baselineRate: 0.1, relativeMde: 0.2 })
    const four = computeSampleSize({ baselineRate: 0.1, relativeMde: 0.2, variants: 4 })
    expect(four.visitorsPerVariant).toBeGreaterThan(two.visitorsPerVariant)
    expect(four.totalVisitors).toBe(four.visitorsPerVariant * 4)
    expect(four.note).toMatch(/Bonferroni.*3 comparisons.*0\.0167/)
  })

  test(`a plan past ${MAX_REACHABLE_DAYS} days of traffic is flagged as not reachable`, () => {
    const result = computeSampleSize({ baselineRate: 0.05, relativeMde: 0.1, dailyVisitors: 100 })
    expect(result.days).toBe(1088)
    expect(result.isReachable).toBe(false)
    expect(result.alternative.isReachable).toBe(false)
    expect(computeSampleSize({ baselineRate: 0.05, relativeMde: 0.1 })).not.toHaveProperty('isReachable')
  })

  test('a tiny alpha stays finite (1 − α/2 would round to 1), and a sequential plan is at least the 100 visitors a call needs', () => {
    const strict = computeSampleSize({ baselineRate: 0.05, relativeMde: 0.1, alpha: 1e-20, sequential: false })
    expect(Number.isFinite(strict.visitorsPerVariant)).toBe(true)
    expect(strict.visitorsPerVariant).toBeGreaterThan(computeSampleSize({ baselineRate: 0.05, relativeMde: 0.1, alpha: 1e-4, sequential: false }).visitorsPerVariant)
    expect(computeSampleSize({ baselineRate: 0.5, relativeMde: 0.9 }).visitorsPerVariant).toBe(100)
  })

  test('an improved rate of 100% or more, or none at all, is refused', () => {
    expect(() => computeSampleSize({ baselineRate: 0.6, relativeMde: 1 })).toThrow(RangeError)
    expect(() => computeSampleSize({ baselineRate: 0.05, relativeMde: 1e-17 })).toThrow(RangeError)
  })

  test("the deciding plan alone (what decision.ts asks for) is computeSampleSize's, and refuses what it refuses", () => {
    for (const sequential of [true, false]) {
      for (const input of [
        { baselineRate: 0.1, relativeMde: 0.2, variants: 2 },
        { baselineRate: 0.03, relativeMde: 0.1, alpha: 0.1, variants: 4, tuningVisitors: 5000 },
        { baselineRate: 0.5, relativeMde: 0.9, power: 0.9, variants: 3 },
      ]) {
        expect(computeDecidingVisitors({ ...input, sequential })).toBe(computeSampleSize({ ...input, sequential }).visitorsPerVariant)
      }
    }
    expect(() => computeDecidingVisitors({ baselineRate: 0.6, relativeMde: 1 })).toThrow(RangeError)
  })
})
