import { describe, expect, test } from 'vitest'
import { computePosteriorMean, computeProbabilityToBeat, computeProbabilityToBeatWithin, createPosterior, MAX_SERIES_TERMS, type BetaPosterior } from './bayes'
import { buildPosteriorGrid } from './posterior-grid'
import { computeProbabilityToBeatOnGrid, summarizeByQuadrature } from './posterior-summary'
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

  test('a variant wholly below the others changes neither their P(best) nor their loss, and its own loss is E[max] − its mean', () => {
    const [x, y, far] = [createPosterior({ visitors: 10_000, conversions: 1_000 }), createPosterior({ visitors: 10_000, conversions: 1_030 }), createPosterior({ visitors: 10_000, conversions: 500 })]
    const pair = summarizeByQuadrature([x, y])
    const three = summarizeByQuadrature([x, y, far])
    for (const i of [0, 1]) {
      expect(three.probabilityToBeBest[i]).toBeCloseTo(pair.probabilityToBeBest[i], 13)
      expect(Math.abs(three.expectedLoss[i] / pair.expectedLoss[i] - 1)).toBeLessThan(1e-12)
    }
    expect(three.probabilityToBeBest[2]).toBe(0)
    // E[max(X, Y)] = E[X] + E[(Y − X)⁺] = mean(X) + loss(X) in the pair.
    const expected = computePosteriorMean(x) + pair.expectedLoss[0] - computePosteriorMean(far)
    expect(Math.abs(three.expectedLoss[2] / expected - 1)).toBeLessThan(1e-12)
  })

  test('identical variants share P(best) equally and have equal loss', () => {
    const same = createPosterior({ visitors: 1000, conversions: 100 })
    const { probabilityToBeBest, expectedLoss } = summarizeByQuadrature([same, same, same, same])
    for (const p of probabilityToBeBest) expect(p).toBeCloseTo(0.25, 12)
    for (const l of expectedLoss) expect(l).toBeCloseTo(expectedLoss[0], 15)
  })
})

// The stated bound of docs/decisions/004-statistics-work-bound.md for P(beat) by quadrature where the exact
// series is over its budget. The largest difference seen from the switch point to 10^12 visitors was 2e-11,
// and at 10^12 part of it is the series' own rounding (it gives 0.4999999999955 for two identical arms).
const QUADRATURE_TOLERANCE = 1e-10

const gridProbabilityToBeat = (x: BetaPosterior, y: BetaPosterior) => computeProbabilityToBeatOnGrid(buildPosteriorGrid([x, y]), 0, 1)

// Two arms of `visitors` at `rate`, the second z standard deviations (of the difference) higher.
function drawPair(visitors: number, rate: number, z: number): [BetaPosterior, BetaPosterior] {
  const conversions = Math.round(visitors * rate)
  const shift = Math.round(z * Math.sqrt(2 * visitors * rate * (1 - rate)))
  return [createPosterior({ visitors, conversions: conversions + shift }), createPosterior({ visitors, conversions })]
}

// The largest visitor count whose pair the exact series still finishes within its budget.
function findSwitchPoint(rate: number, z: number): number {
  const fits = (visitors: number) => {
    const [x, y] = drawPair(visitors, rate, z)
    return computeProbabilityToBeatWithin(x, y, MAX_SERIES_TERMS) !== null
  }
  let [low, high] = [1_000, 1e12]
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (fits(middle)) low = middle
    else high = middle
  }
  return low
}

describe('probability to beat by quadrature, past the exact series’ budget', () => {
  test.each([
    [0.5, 0],
    [0.5, 1],
    [0.1, -1],
    [0.01, 2],
    [0.001, 0.5],
    [0.999, 1],
  ])('agrees with the exact series on both sides of the switch point (rate %f, z %f)', (rate, z) => {
    const last = findSwitchPoint(rate, z)
    for (const visitors of [last - 1, last, last + 1, last + 2, 3 * last]) {
      const [x, y] = drawPair(visitors, rate, z)
      expect(Math.abs(gridProbabilityToBeat(x, y) - computeProbabilityToBeat(x, y)), `${visitors} visitors`).toBeLessThan(QUADRATURE_TOLERANCE)
    }
    expect(computeProbabilityToBeatWithin(...drawPair(last + 1, rate, z), MAX_SERIES_TERMS)).toBeNull()
  })

  test('agrees with the exact series on random pairs up to 10^12 visitors, rates near 0, ½ and 1', () => {
    const random = createRandom(14)
    for (let i = 0; i < 12; i++) {
      const visitors = Math.round(10 ** (8 + 4 * random()))
      const rate = [0.5, 0.02, 0.998, 1e-5, random()][i % 5]
      const [x, y] = drawPair(visitors, rate, 6 * random() - 3)
      const exact = computeProbabilityToBeat(x, y)
      expect(Math.abs(gridProbabilityToBeat(x, y) - exact), JSON.stringify([x, y])).toBeLessThan(QUADRATURE_TOLERANCE)
      expect(Math.abs(gridProbabilityToBeat(y, x) - (1 - exact))).toBeLessThan(QUADRATURE_TOLERANCE)
    }
  })

  test('identical arms at 10^12 visitors: exactly one half, where the 11-million-term series drifts by 5e-12', () => {
    const arm = createPosterior({ visitors: 1e12, conversions: 5e11 })
    expect(gridProbabilityToBeat(arm, arm)).toBeCloseTo(0.5, 14)
  })
})
