// The skew lift the mean plan divides out (decision 078). Whether the plan then keeps its 80% is
// mean-simulation.test.ts's job; here: the lift's size, its approximation of the largest deals, and how the plan uses it.

import { describe, expect, test } from 'vitest'
import { computeMeanSampleSize } from './mean'
import { estimateStudentisedLift } from './mean-skew'
import { addPipelineVisitors, describeDealModel, type PipelineSums } from './mean-simulate'
import { createRandom } from './simulate'

const heavy = { dealRate: 0.03, logSd: 1.5 }

describe('estimateStudentisedLift', () => {
  test('about 1 for gently spread deal values, about 5% for 3% with deals at σ_log 1.5 at its plan, the same every time', () => {
    expect(Math.abs(estimateStudentisedLift({ dealRate: 0.3, logSd: 0.3 }, 0.1, 8168) - 1)).toBeLessThan(0.01)
    const lift = estimateStudentisedLift(heavy, 0.3, 120_000)
    expect(lift).toBeGreaterThan(1.04)
    expect(lift).toBeLessThan(1.07)
    expect(estimateStudentisedLift(heavy, 0.3, 120_000)).toBe(lift)
  })

  // The estimate draws only the largest ~40 deals per arm and takes the body's sums as bivariate normal; drawing
  // every deal must give the same median lift of z (1.13–1.17 over three seeds of 2,000 draws each: ±0.03 is about
  // two of its standard errors, and leaving the largest deals out would read about 1).
  test('agrees with drawing every deal', () => {
    const visitors = 20_000
    const control = { dealRate: heavy.dealRate, logMean: 0, logSd: heavy.logSd }
    const treatment = { ...control, dealRate: control.dealRate * 1.3 }
    const [trueT, trueC] = [treatment, control].map((model) => describeDealModel(model).standardDeviation ** 2)
    const random = createRandom(7)
    const [studentised, oracle] = [[] as number[], [] as number[]]
    for (let i = 0; i < 2000; i++) {
      const [t, c] = [treatment, control].map((model) => {
        const sums: PipelineSums = { visitors: 0, total: 0, sumOfSquares: 0 }
        addPipelineVisitors(random, sums, visitors, model)
        return sums
      })
      const [meanT, meanC] = [t.total / visitors, c.total / visitors]
      const ratio = meanT / meanC
      const z = (varianceT: number, varianceC: number) => ((ratio - 1) * meanC) / Math.sqrt((varianceT + ratio * ratio * varianceC) / visitors)
      studentised.push(z((t.sumOfSquares - t.total * meanT) / (visitors - 1), (c.sumOfSquares - c.total * meanC) / (visitors - 1)))
      oracle.push(z(trueT, trueC))
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length / 2]
    const direct = median(studentised) / median(oracle)
    expect(direct).toBeGreaterThan(1.1)
    expect(Math.abs(estimateStudentisedLift(heavy, 0.3, visitors) - direct)).toBeLessThan(0.03)
  })
})

describe('computeMeanSampleSize with the deal values’ shape', () => {
  const plan = (model: { dealRate: number; logSd: number }, relativeMde: number, withShape: boolean) => {
    const { mean, standardDeviation } = describeDealModel({ ...model, logMean: 6 })
    return computeMeanSampleSize({ mean, standardDeviation, relativeMde, ...(withShape ? { dealShape: model } : {}) }).visitorsPerVariant
  }

  test('heavy skew shortens the plan by the lift squared; moderate spread leaves it as it was', () => {
    const ratio = plan(heavy, 0.3, true) / plan(heavy, 0.3, false)
    expect(ratio).toBeGreaterThan(0.86)
    expect(ratio).toBeLessThan(0.92)
    for (const model of [
      { dealRate: 0.05, logSd: 1 },
      { dealRate: 0.3, logSd: 0.3 },
    ]) {
      expect(plan(model, 0.2, true)).toBe(plan(model, 0.2, false))
    }
  })

  test('a shape that is no shape is refused', () => {
    for (const dealShape of [
      { dealRate: 0, logSd: 1 },
      { dealRate: 1.5, logSd: 1 },
      { dealRate: 0.1, logSd: 0 },
      { dealRate: 0.1, logSd: Number.NaN },
    ]) {
      expect(() => computeMeanSampleSize({ mean: 10, standardDeviation: 100, relativeMde: 0.1, dealShape })).toThrow(/^dealShape/)
    }
  })
})
