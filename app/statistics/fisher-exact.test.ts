import { describe, expect, test } from 'vitest'
import { computeFisherExactPValue, computeSmallestExpectedCount } from './fisher-exact'

const table = (a: number, b: number, c: number, d: number) => ({ treatmentConversions: a, treatmentMisses: b, controlConversions: c, controlMisses: d })

describe('Fisher exact test', () => {
  test('matches scipy.stats.fisher_exact’s definition (two-sided), to 40-digit values (reference/series-mpmath.py)', () => {
    const cases: [number, number, number, number, number][] = [
      [3, 1, 1, 3, 0.48571428571428571429], // the lady tasting tea
      [8, 2, 1, 5, 0.034965034965034965035],
      [1, 9, 11, 3, 0.0027594561852200834567],
      [0, 10, 10, 0, 0.000010825088224469029423],
      [2, 999998, 9, 999991, 0.065428962402706304327], // a million visitors, eleven conversions (scipy: 0.0654289624114, off by 1e-10)
    ]
    for (const [a, b, c, d, expected] of cases) {
      expect(Math.abs(computeFisherExactPValue(table(a, b, c, d)) / expected - 1)).toBeLessThan(1e-13)
    }
  })

  test('a table at the mode, or with an empty margin, has p = 1', () => {
    expect(computeFisherExactPValue(table(5, 5, 5, 5))).toBe(1)
    expect(computeFisherExactPValue(table(0, 10, 0, 10))).toBe(1)
  })

  test('smallest expected count', () => {
    expect(computeSmallestExpectedCount(table(2, 999998, 9, 999991))).toBeCloseTo(5.5, 10)
  })

  test('an observed table millions of steps from the mode: p underflows to 0, as the full walk gave', () => {
    // 2·10^6 of 2·10^6 against 0 of 10^12: the walk stops where the weights reach 0 instead of walking on.
    expect(computeFisherExactPValue(table(2_000_000, 0, 0, 1e12 - 2_000_000))).toBe(0)
    expect(computeFisherExactPValue(table(0, 1e12 - 2_000_000, 2_000_000, 0))).toBe(0)
    // Far enough to stop early on one side, near enough to stay representable: unchanged.
    expect(computeFisherExactPValue(table(40, 999_960, 0, 1_000_000))).toBeGreaterThan(0)
  })
})
