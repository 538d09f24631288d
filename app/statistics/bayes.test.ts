import { describe, expect, test } from 'vitest'
import { computeProbabilityToBeat, computeProbabilityToBeatWithin, createPosterior, estimateSeriesTerms, MAX_SERIES_TERMS, type BetaPosterior } from './bayes'

const beta = (alpha: number, beta: number) => ({ alpha, beta })

describe('probability to beat (Evan Miller closed form)', () => {
  test('small cases have simple exact answers', () => {
    expect(computeProbabilityToBeat(beta(1, 1), beta(1, 1))).toBeCloseTo(0.5, 14)
    expect(computeProbabilityToBeat(beta(2, 1), beta(1, 1))).toBeCloseTo(2 / 3, 14) // ∫ 2x·x dx
    expect(computeProbabilityToBeat(beta(3, 1), beta(1, 3))).toBeCloseTo(0.95, 14)
  })

  test('P(X > Y) + P(Y > X) = 1, whichever identity each side used', () => {
    const pairs = [
      [beta(11, 91), beta(21, 81)],
      [beta(1, 1001), beta(1, 11)],
      [beta(51, 1), beta(1, 51)],
      [beta(100001, 900001), beta(100301, 899701)],
    ]
    for (const [x, y] of pairs) expect(computeProbabilityToBeat(x, y) + computeProbabilityToBeat(y, x)).toBeCloseTo(1, 13)
  })

  // 40-digit sums of the same series (reference/series-mpmath.py). The first term's Gamma functions go
  // through logTableWeight, so even 10^9 visitors keep ~1e-13 relative accuracy.
  test.each([
    [beta(100001, 900001), beta(100301, 899701), 0.23989691202995176659],
    [beta(1000001, 1000001), beta(1001001, 999001), 0.15865528417781941887],
    [beta(1000001, 9000001), beta(1003001, 8997001), 0.012722506095831531111],
    [beta(5301, 4994701), beta(5001, 4995001), 0.99844954246683159063],
    [beta(500031624, 499968378), beta(500000001, 500000001), 0.92135186273142742772],
  ])('exact at 10^5–10^9 conversions: %o vs %o', (x, y, expected) => {
    expect(Math.abs(computeProbabilityToBeat(x, y) / expected - 1)).toBeLessThan(1e-12)
  })

  test('stays fast at a million conversions per arm (the sum stops once terms are negligible)', () => {
    const control = createPosterior({ visitors: 2_000_000, conversions: 1_000_000 })
    const started = performance.now()
    for (let i = 0; i < 20; i++) computeProbabilityToBeat(createPosterior({ visitors: 2_000_000, conversions: 1_000_000 + 100 * i }), control)
    expect((performance.now() - started) / 20).toBeLessThan(20) // ms; ~0.1 ms in practice
  })

  test('tiny probabilities keep their relative precision instead of rounding to 0', () => {
    const p = computeProbabilityToBeat(beta(1, 10001), beta(101, 9901))
    expect(p).toBeGreaterThan(0)
    expect(p).toBeLessThan(1e-30)
  })

  test('within a term budget it is the same exact value; past the budget it gives up (null)', () => {
    const control = createPosterior({ visitors: 2_000_000, conversions: 1_000_000 })
    const treatment = createPosterior({ visitors: 2_000_000, conversions: 1_001_000 })
    expect(computeProbabilityToBeatWithin(treatment, control, MAX_SERIES_TERMS)).toBe(computeProbabilityToBeat(treatment, control))
    expect(computeProbabilityToBeatWithin(control, treatment, MAX_SERIES_TERMS)).toBe(computeProbabilityToBeat(control, treatment))
    expect(computeProbabilityToBeatWithin(treatment, control, 1000)).toBeNull()
    expect(computeProbabilityToBeatWithin(control, treatment, 1000)).toBeNull()
    // 10^12 visitors at 50% would take about 11 million terms (150 ms)
    const huge = createPosterior({ visitors: 1e12, conversions: 5e11 })
    expect(computeProbabilityToBeatWithin(createPosterior({ visitors: 1e12, conversions: 5e11 + 700_000 }), huge, MAX_SERIES_TERMS)).toBeNull()
  })

  // The shortest budget within which the series finishes, by bisection on the budget: its actual length.
  function countSeriesTerms(x: BetaPosterior, y: BetaPosterior): number {
    let [low, high] = [0, 2 ** 24]
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2)
      if (computeProbabilityToBeatWithin(x, y, middle) === null) low = middle
      else high = middle
    }
    return high
  }

  test('the length estimate that skips hopeless series is 1–2× the actual length, so it never skips one that fits', () => {
    let [lowest, highest] = [Infinity, 0]
    for (const visitors of [1e4, 1e5, 1e6, 3e6]) {
      for (const size of [1, 0.2, 5]) {
        for (const rate of [1e-3, 0.02, 0.3, 0.5, 0.97]) {
          for (const z of [0, 0.7, 2, 6, -1.5]) {
            const sd = Math.sqrt(visitors * rate * (1 - rate))
            const other = Math.round(visitors * size)
            const x = createPosterior({ visitors, conversions: Math.round(visitors * rate) })
            const y = createPosterior({ visitors: other, conversions: Math.max(0, Math.min(other, Math.round(other * rate + z * sd * Math.sqrt(size) * 1.4))) })
            const actual = countSeriesTerms(y, x)
            if (actual < 1000) continue // the skip acts only past 4 × 2^15 estimated terms
            const ratio = estimateSeriesTerms(y, x) / actual
            lowest = Math.min(lowest, ratio)
            highest = Math.max(highest, ratio)
          }
        }
      }
    }
    expect(lowest).toBeGreaterThan(0.9)
    expect(highest).toBeLessThan(2) // the skip waits for 4× the budget
  })
})
