import { describe, expect, test } from 'vitest'
import { computePosteriorMean, computeProbabilityToBeat, createPosterior, type BetaPosterior } from './bayes'
import { summarizeByQuadrature } from './posterior-grid'
import { createRandom } from './simulate'

// E[max(X − Y, 0)] in closed form; exact to ~1e-13 at these counts (it loses digits at 10^7).
function computeLossInClosedForm(x: BetaPosterior, y: BetaPosterior): number {
  const xPlus = { alpha: x.alpha + 1, beta: x.beta }
  const yPlus = { alpha: y.alpha + 1, beta: y.beta }
  return computePosteriorMean(x) * computeProbabilityToBeat(xPlus, y) - computePosteriorMean(y) * computeProbabilityToBeat(x, yPlus)
}

function drawPosterior(random: () => number): BetaPosterior {
  const visitors = Math.floor(10 ** (random() * 5))
  return createPosterior({ visitors, conversions: Math.floor(visitors * random() ** 2) })
}

describe('probability to be best and expected loss by quadrature', () => {
  test('two variants: matches the exact closed forms on 500 random pairs', () => {
    const random = createRandom(11)
    for (let i = 0; i < 500; i++) {
      const [a, b] = [drawPosterior(random), drawPosterior(random)]
      const grid = summarizeByQuadrature([a, b])
      expect(Math.abs(grid.probabilityToBeBest[1] - computeProbabilityToBeat(b, a))).toBeLessThan(1e-10)
      const loss = computeLossInClosedForm(b, a)
      expect(Math.abs(grid.expectedLoss[0] - loss)).toBeLessThan(1e-12 + 1e-8 * loss)
    }
  })

  test('P(best) sums to 1 even with empty, saturated and huge variants', () => {
    const posteriors = [
      createPosterior({ visitors: 0, conversions: 0 }),
      createPosterior({ visitors: 50, conversions: 50 }),
      createPosterior({ visitors: 3, conversions: 0 }),
      createPosterior({ visitors: 10_000_000, conversions: 1_000_000 }),
      createPosterior({ visitors: 1_000_000, conversions: 999_000 }),
    ]
    const { probabilityToBeBest, expectedLoss } = summarizeByQuadrature(posteriors)
    expect(Math.abs(probabilityToBeBest.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-12)
    for (const value of [...probabilityToBeBest, ...expectedLoss]) {
      expect(Number.isFinite(value)).toBe(true)
      expect(value).toBeGreaterThanOrEqual(0)
    }
  })

  test('identical variants share P(best) equally and have equal loss', () => {
    const same = createPosterior({ visitors: 1000, conversions: 100 })
    const { probabilityToBeBest, expectedLoss } = summarizeByQuadrature([same, same, same, same])
    for (const p of probabilityToBeBest) expect(p).toBeCloseTo(0.25, 12)
    for (const l of expectedLoss) expect(l).toBeCloseTo(expectedLoss[0], 15)
  })
})
