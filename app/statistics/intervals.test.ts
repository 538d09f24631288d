import { describe, expect, test } from 'vitest'
import { computeNewcombeInterval, computeRelativeLiftInterval, computeWilsonInterval } from './intervals'

const Z95 = 1.959963984540054
const counts = (conversions: number, visitors: number) => ({ conversions, visitors })

describe('intervals', () => {
  test('Newcombe (1998) method 10 reproduces the published examples', () => {
    const published: [number, number, number, number, number, number][] = [
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
    ]
    for (const [a, m, b, n, low, high] of published) {
      const [l, h] = computeNewcombeInterval(counts(a, m), counts(b, n), Z95)
      expect(l).toBeCloseTo(low, 4)
      expect(h).toBeCloseTo(high, 4)
    }
  })

  test('Wilson stays inside [0, 1] at 0/n and n/n', () => {
    expect(computeWilsonInterval(counts(0, 20), Z95)).toEqual([0, expect.closeTo(0.16113, 5)])
    const [low, high] = computeWilsonInterval(counts(20, 20), Z95)
    expect(high).toBe(1)
    expect(low).toBeCloseTo(1 - 0.16113, 5)
  })

  test('relative lift interval: Katz log ratio, with 0.5 added to every cell when a count is 0', () => {
    const [low, high] = computeRelativeLiftInterval(counts(120, 1000), counts(100, 1000), Z95)!
    const se = Math.sqrt(1 / 120 - 1 / 1000 + 1 / 100 - 1 / 1000)
    expect(low).toBeCloseTo(1.2 * Math.exp(-Z95 * se) - 1, 14)
    expect(high).toBeCloseTo(1.2 * Math.exp(Z95 * se) - 1, 14)
    const zero = computeRelativeLiftInterval(counts(5, 100), counts(0, 100), Z95)!
    const seZero = Math.sqrt(1 / 5.5 - 1 / 101 + 1 / 0.5 - 1 / 101)
    expect(zero[0]).toBeCloseTo(11 * Math.exp(-Z95 * seZero) - 1, 12)
    expect(Number.isFinite(zero[1])).toBe(true)
  })

  test('a bound too large for a double makes the interval null rather than Infinity', () => {
    expect(computeRelativeLiftInterval(counts(1, 1), counts(0, 1), 1e4)).toBeNull()
  })
})
