// Sample ratio mismatch: does the observed traffic split match the configured weights? A broken
// split (redirect losing visitors, a bot filter hitting one page) biases every other number.

import { chiSquareSurvival } from './special'

/** p below this flags a mismatch; strict because the check runs on every look at the data. */
export const SRM_P_VALUE_THRESHOLD = 0.001

export type SampleRatioCheck = { pValue: number | null; detected: boolean }

/** Pearson chi-square goodness-of-fit of visitor counts against the expected weights. */
export function checkSampleRatio(visitors: number[], weights: number[]): SampleRatioCheck {
  const total = visitors.reduce((sum, v) => sum + v, 0)
  if (total === 0) return { pValue: null, detected: false }
  const weightSum = weights.reduce((sum, w) => sum + w, 0)
  let statistic = 0
  for (let i = 0; i < visitors.length; i++) {
    const expected = (total * weights[i]) / weightSum
    if (expected === 0) {
      // A variant meant to get no traffic got some: that is a mismatch by definition.
      if (visitors[i] > 0) return { pValue: 0, detected: true }
      continue
    }
    statistic += (visitors[i] - expected) ** 2 / expected
  }
  const pValue = chiSquareSurvival(statistic, visitors.length - 1)
  return { pValue, detected: pValue < SRM_P_VALUE_THRESHOLD }
}
