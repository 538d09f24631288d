import { describe, expect, test } from 'vitest'
import { analyzeMean, computeMeanSampleSize, type MeanAnalysis } from './mean'

const arm = (key: string, visitors: number, total: number, sumOfSquares: number) => ({ key, visitors, total, sumOfSquares })
// Per-visitor values → the sufficient statistics the database sums.
const fromValues = (key: string, values: number[]) =>
  arm(
    key,
    values.length,
    values.reduce((s, x) => s + x, 0),
    values.reduce((s, x) => s + x * x, 0),
  )

// Every number anywhere in the analysis is finite (null is allowed, NaN/Infinity never).
function expectCleanNumbers(value: unknown, path = 'analysis'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true)
  else if (Array.isArray(value)) value.forEach((item, i) => expectCleanNumbers(item, `${path}[${i}]`))
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) expectCleanNumbers(item, `${path}.${key}`)
}

describe('analyzeMean: Welch on a hand-sized example (values checked with scipy.stats.ttest_ind, equal_var=False)', () => {
  const analysis = analyzeMean({ variants: [fromValues('A', [0, 0, 0, 10, 20, 0, 0, 5]), fromValues('B', [0, 30, 0, 0, 60, 0, 15, 0])], sequential: false })
  const vs = analysis.variants[1].vsControl!

  test('means, totals and the per-variant t interval', () => {
    expect(analysis.variants[0]).toMatchObject({ key: 'A', visitors: 8, total: 35, mean: 4.375 })
    expect(analysis.variants[1]).toMatchObject({ key: 'B', visitors: 8, total: 105, mean: 13.125 })
    expect(analysis.variants[0].ci![0]).toBeCloseTo(-1.7184972213838483, 10)
    expect(analysis.variants[0].ci![1]).toBeCloseTo(10.46849722138385, 10)
  })

  test('difference, Welch p-value and interval', () => {
    expect(vs.absoluteLift).toBeCloseTo(8.75, 12)
    expect(vs.pValue).toBeCloseTo(0.3123463705715987, 10)
    expect(vs.absoluteLiftCi![0]).toBeCloseTo(-9.83800460987663, 9)
    expect(vs.absoluteLiftCi![1]).toBeCloseTo(27.33800460987663, 9)
    expect(vs.relativeLift).toBeCloseTo(2, 12)
  })

  test('the always-valid interval is wider than the fixed one', () => {
    expect(vs.sequentialAbsoluteLiftCi![0]).toBeLessThan(vs.absoluteLiftCi![0])
    expect(vs.sequentialPValue!).toBeGreaterThan(vs.pValue!)
  })
})

describe('analyzeMean: clean numbers at the edges', () => {
  const cases: [string, MeanAnalysis][] = [
    ['no visitors anywhere', analyzeMean({ variants: [arm('A', 0, 0, 0), arm('B', 0, 0, 0)] })],
    ['one visitor each', analyzeMean({ variants: [arm('A', 1, 10, 100), arm('B', 1, 0, 0)] })],
    ['no deals anywhere', analyzeMean({ variants: [arm('A', 5000, 0, 0), arm('B', 5000, 0, 0)] })],
    ['no deals in the treatment', analyzeMean({ variants: [arm('A', 5000, 50_000, 5e8), arm('B', 5000, 0, 0)] })],
    ['no deals in the control', analyzeMean({ variants: [arm('A', 5000, 0, 0), arm('B', 5000, 50_000, 5e8)] })],
    ['every visitor brings the same value', analyzeMean({ variants: [arm('A', 500, 5000, 50_000), arm('B', 500, 10_000, 200_000)] })],
    ['10¹² visitors with huge values', analyzeMean({ variants: [arm('A', 1e12, 5e13, 5e18), arm('B', 1e12, 5.1e13, 5.2e18)] })],
    ['a variant without visitors', analyzeMean({ variants: [arm('A', 3000, 30_000, 3e8), arm('B', 3000, 31_000, 3.1e8), arm('C', 0, 0, 0)] })],
  ]

  test.each(cases)('%s', (_name, analysis) => {
    expectCleanNumbers(analysis)
    for (const v of analysis.variants) {
      if (v.visitors === 0) expect(v.mean).toBeNull()
      if (v.ci) expect(v.ci[0]).toBeLessThanOrEqual(v.ci[1])
    }
    expect(analysis.decision.reason).not.toMatch(/NaN|Infinity|undefined/)
  })

  test('no deals anywhere: no evidence of a difference and no interval that claims certainty', () => {
    const vs = analyzeMean({ variants: [arm('A', 5000, 0, 0), arm('B', 5000, 0, 0)] }).variants[1].vsControl!
    expect(vs).toMatchObject({ absoluteLift: 0, pValue: 1, sequentialPValue: 1, absoluteLiftCi: null, relativeLift: null, relativeLiftCi: null, significant: false })
  })

  test('an arm without deals has no relative interval, so no call is made on it', () => {
    const analysis = analyzeMean({ variants: [arm('A', 5000, 50_000, 5e8), arm('B', 5000, 0, 0)] })
    expect(analysis.variants[1].vsControl!.relativeLift).toBe(-1)
    expect(analysis.variants[1].vsControl!.relativeLiftCi).toBeNull()
    expect(analysis.decision.status).toBe('collecting')
  })

  test('inconsistent sums are refused', () => {
    expect(() => analyzeMean({ variants: [arm('A', 10, 100, 10), arm('B', 10, 0, 0)] })).toThrow(/sumOfSquares/)
    expect(() => analyzeMean({ variants: [arm('A', 0, 5, 25), arm('B', 10, 0, 0)] })).toThrow(/without visitors/)
    expect(() => analyzeMean({ variants: [arm('A', 10, Number.NaN, 0), arm('B', 10, 0, 0)] })).toThrow(/Invalid/)
  })
})

describe('analyzeMean: the decision speaks of pipeline, not money', () => {
  test('winner', () => {
    const { decision } = analyzeMean({ variants: [arm('A', 20_000, 1_000_000, 1e10), arm('B', 20_000, 2_000_000, 1.2e10)] })
    expect(decision).toMatchObject({ status: 'winner', variant: 'B' })
    expect(decision.reason).toMatch(/^B brings 100% more pipeline per visitor than A \(95% interval \+\d+% to \+\d+%\); safe to ship\.$/)
  })

  test('control', () => {
    const { decision } = analyzeMean({ variants: [arm('A', 20_000, 2_000_000, 1.2e10), arm('B', 20_000, 1_000_000, 1e10)] })
    expect(decision).toMatchObject({ status: 'control', variant: 'A' })
    expect(decision.reason).toMatch(/^A brings more pipeline per visitor than B: B brings 50% less \(95% interval -\d+% to -\d+%\); keep A\.$/)
  })

  test('collecting without a plan targets a 10% lift at the control’s mean and spread', () => {
    const { decision } = analyzeMean({ variants: [arm('A', 1000, 50_000, 5e8), arm('B', 1000, 52_000, 5.2e8)], dailyVisitors: 1000 })
    expect(decision.status).toBe('collecting')
    expect(decision.reason).toMatch(/^No clear difference in pipeline per visitor from A yet .*enough to detect a 10% lift\.$/)
    expect(decision.visitorsNeeded).toBeGreaterThan(100_000)
    expect(decision.daysNeeded).toBe(Math.ceil(decision.visitorsNeeded! / 1000))
  })

  test('no difference at the planned sample', () => {
    const { decision } = analyzeMean({ variants: [arm('A', 50_000, 2_500_000, 2.5e10), arm('B', 50_000, 2_510_000, 2.51e10)], plannedVisitorsPerVariant: 50_000 })
    expect(decision.status).toBe('no_difference')
    expect(decision.reason).toMatch(/^After 50,000 visitors per variant, B and A bring about the same pipeline per visitor: the effect is between -\d+% and \+\d+%/)
  })
})

describe('computeMeanSampleSize', () => {
  test('the sequential plan is about 1.9× the fixed-horizon one, and both grow with the spread', () => {
    const input = { mean: 50, standardDeviation: 700, relativeMde: 0.1 }
    const sequential = computeMeanSampleSize(input)
    const fixed = computeMeanSampleSize({ ...input, sequential: false })
    expect(sequential.visitorsPerVariant / fixed.visitorsPerVariant).toBeGreaterThan(1.8)
    expect(sequential.visitorsPerVariant / fixed.visitorsPerVariant).toBeLessThan(2)
    expect(computeMeanSampleSize({ ...input, standardDeviation: 1400 }).visitorsPerVariant).toBeGreaterThan(3.9 * sequential.visitorsPerVariant)
  })

  test('fixed horizon: the textbook formula with the relative test’s variance', () => {
    // (1.959964 + 0.841621)² · 700² · 1.1 · 2.1 / 5² = 355,365.9…
    expect(computeMeanSampleSize({ mean: 50, standardDeviation: 700, relativeMde: 0.1, sequential: false, dailyVisitors: 10_000 })).toEqual({
      visitorsPerVariant: 355_366,
      totalVisitors: 710_732,
      days: 72,
    })
  })

  test('never below the 100 visitors per variant a decision needs; bad input is refused by name', () => {
    expect(computeMeanSampleSize({ mean: 50, standardDeviation: 1, relativeMde: 0.5 }).visitorsPerVariant).toBe(100)
    expect(() => computeMeanSampleSize({ mean: 0, standardDeviation: 1, relativeMde: 0.1 })).toThrow(/^mean/)
    expect(() => computeMeanSampleSize({ mean: 1, standardDeviation: 0, relativeMde: 0.1 })).toThrow(/^standardDeviation/)
    expect(() => computeMeanSampleSize({ mean: 1, standardDeviation: 1, relativeMde: 0 })).toThrow(/^relativeMde/)
    expect(() => computeMeanSampleSize({ mean: 1, standardDeviation: 1e10, relativeMde: 1e-10 })).toThrow(/^relativeMde/)
  })
})
