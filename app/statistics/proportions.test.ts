import { describe, expect, test } from 'vitest'
import { testEqualProportions } from './proportions'
import { computePooledZTestPValue } from './z-test'

// References: scipy.stats.chi2_contingency(table, correction=False), scipy 1.17.1.
const REFERENCES = [
  {
    table: [
      [300, 700],
      [250, 750],
    ],
    statistic: 6.269592476489028,
    pValue: 0.012282738972377383,
  },
  {
    table: [
      [120, 380],
      [150, 350],
      [90, 410],
    ],
    statistic: 19.736842105263158,
    pValue: 5.1784428985066834e-5,
  },
  {
    table: [
      [4100, 5900],
      [3900, 6100],
    ],
    statistic: 8.333333333333334,
    pValue: 0.003892417122778637,
  },
]

describe('testEqualProportions', () => {
  test.each(REFERENCES)('matches scipy on $table', ({ table, statistic, pValue }) => {
    const result = testEqualProportions(table.map(([yes, no]) => ({ successes: yes!, trials: yes! + no! })))
    expect(result!.statistic).toBeCloseTo(statistic, 9)
    expect(result!.pValue / pValue).toBeCloseTo(1, 6)
    expect(result!.degreesOfFreedom).toBe(table.length - 1)
  })

  test('two groups give the pooled z-test p-value', () => {
    const a = { successes: 412, trials: 1000 }
    const b = { successes: 371, trials: 980 }
    const p = computePooledZTestPValue({ conversions: a.successes, visitors: a.trials }, { conversions: b.successes, visitors: b.trials })
    expect(testEqualProportions([a, b])!.pValue).toBeCloseTo(p, 10)
  })

  test('equal proportions give p = 1', () => {
    expect(
      testEqualProportions([
        { successes: 50, trials: 100 },
        { successes: 100, trials: 200 },
      ])!.pValue,
    ).toBeCloseTo(1, 12)
  })

  test('says nothing with fewer than two groups with trials, or a small expected cell', () => {
    expect(
      testEqualProportions([
        { successes: 50, trials: 100 },
        { successes: 0, trials: 0 },
      ]),
    ).toBeNull()
    expect(
      testEqualProportions([
        { successes: 2, trials: 10 },
        { successes: 9, trials: 10 },
      ]),
    ).toBeNull()
    expect(
      testEqualProportions([
        { successes: 0, trials: 1000 },
        { successes: 0, trials: 1000 },
      ]),
    ).toBeNull()
  })
})
