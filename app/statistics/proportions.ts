// Do several groups share one proportion? Pearson's chi-square test of homogeneity on a k × 2 table (successes
// and failures per group), without continuity correction: for two groups its statistic is the square of the
// pooled two-proportion z (z-test.ts), so both give the same p-value. Used to ask whether the variants of an
// experiment changed how many visitors consent (app/experiments/results/consent.ts).

import { chiSquareSurvival } from './special'

export type ProportionCounts = { successes: number; trials: number }

/** The smallest expected cell count at which the chi-square approximation is trusted (the usual rule of five). */
export const MIN_EXPECTED_CELL = 5

export type HomogeneityTest = { statistic: number; degreesOfFreedom: number; pValue: number }

/**
 * The test over the groups with trials; null when fewer than two groups have any, or when an expected cell is
 * below MIN_EXPECTED_CELL (the tail probability would not be trustworthy: say nothing rather than something wrong).
 */
export function testEqualProportions(groups: readonly ProportionCounts[]): HomogeneityTest | null {
  const used = groups.filter((g) => g.trials > 0)
  if (used.length < 2) return null
  const trials = used.reduce((sum, g) => sum + g.trials, 0)
  const successes = used.reduce((sum, g) => sum + g.successes, 0)
  const pooled = successes / trials
  let statistic = 0
  for (const g of used) {
    const expected = [g.trials * pooled, g.trials * (1 - pooled)]
    if (expected.some((e) => e < MIN_EXPECTED_CELL)) return null
    statistic += (g.successes - expected[0]!) ** 2 / expected[0]! + (g.trials - g.successes - expected[1]!) ** 2 / expected[1]!
  }
  const degreesOfFreedom = used.length - 1
  return { statistic, degreesOfFreedom, pValue: chiSquareSurvival(statistic, degreesOfFreedom) }
}
