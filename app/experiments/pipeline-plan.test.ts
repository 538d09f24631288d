import { expect, test } from 'vitest'
import { computeMeanSampleSize } from '#app/statistics/mean'
import { choosePipelineBaseline, MIN_HISTORY_DEALS, planPipelineVisitors } from './pipeline-plan'

const none = { visitors: 0, deals: 0, total: 0, sumOfSquares: 0 }

test('the page’s history when it has enough deals, else the workspace’s, else none', () => {
  // 10 deals of 100 among 50 visitors: mean 20, s² = (100,000 − 1,000 · 20)/49
  const page = { visitors: 50, deals: 10, total: 1000, sumOfSquares: 100_000 }
  expect(choosePipelineBaseline({ page, workspace: none })).toEqual({ scope: 'page', visitors: 50, deals: 10, mean: 20, standardDeviation: Math.sqrt(80_000 / 49) })
  const thin = { ...page, deals: MIN_HISTORY_DEALS - 1 }
  expect(choosePipelineBaseline({ page: thin, workspace: { ...page, visitors: 100 } })).toMatchObject({ scope: 'workspace', visitors: 100, mean: 10 })
  expect(choosePipelineBaseline({ page: thin, workspace: thin })).toBeNull()
  // Every visitor with the same deal: no spread to plan on.
  expect(choosePipelineBaseline({ page: { visitors: 10, deals: 10, total: 1000, sumOfSquares: 100_000 }, workspace: none })).toBeNull()
})

test('the plan is computeMeanSampleSize’s sequential one, or null for what cannot be planned', () => {
  const plan = planPipelineVisitors({ mean: 12.5, standardDeviation: 150, relativeMde: 0.1, confidence: 0.95, variants: 3 })
  expect(plan).toBe(computeMeanSampleSize({ mean: 12.5, standardDeviation: 150, relativeMde: 0.1, alpha: 0.05, variants: 3 }).visitorsPerVariant)
  for (const bad of [{ mean: 0 }, { mean: Number.NaN }, { standardDeviation: -1 }, { relativeMde: 0 }, { variants: 1 }, { standardDeviation: 1e12, relativeMde: 1e-9 }]) {
    expect(planPipelineVisitors({ mean: 12.5, standardDeviation: 150, relativeMde: 0.1, confidence: 0.95, variants: 2, ...bad })).toBeNull()
  }
})

test('with the sums of ln(deal value), the baseline carries the deal values’ shape, and the plan allows for heavy skew', () => {
  // 12 deals among 400 visitors, ln(value) 0, 1 and 2 four times each: the logs' mean is 1, their sample variance 8/11.
  const logs = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]
  const values = logs.map(Math.exp)
  const sums = {
    visitors: 400,
    deals: 12,
    total: values.reduce((a, b) => a + b, 0),
    sumOfSquares: values.reduce((a, b) => a + b * b, 0),
    sumOfLogs: logs.reduce((a, b) => a + b, 0),
    sumOfSquaredLogs: logs.reduce((a, b) => a + b * b, 0),
  }
  const baseline = choosePipelineBaseline({ page: sums, workspace: none })!
  expect(baseline.dealShape!.dealRate).toBe(0.03)
  expect(baseline.dealShape!.logSd).toBeCloseTo(Math.sqrt(8 / 11), 12)
  // Every deal the same size: no spread of the logs, no shape.
  expect(choosePipelineBaseline({ page: { ...sums, sumOfLogs: 12, sumOfSquaredLogs: 12 }, workspace: none })!.dealShape).toBeUndefined()

  const dealShape = { dealRate: 0.03, logSd: 1.5 }
  const input = { mean: 37.3, standardDeviation: 662, relativeMde: 0.3, confidence: 0.95, variants: 2 }
  const planned = planPipelineVisitors({ ...input, dealShape })
  expect(planned).toBe(computeMeanSampleSize({ mean: 37.3, standardDeviation: 662, relativeMde: 0.3, alpha: 0.05, dealShape }).visitorsPerVariant)
  expect(planned).toBeLessThan(planPipelineVisitors(input)! * 0.92)
})
