import { describe, expect, test } from 'vitest'
import { analyze } from './analyze'
import { computeSampleSize } from './sample-size'
import { DEFAULT_TUNING_VISITORS } from './sequential'

const arm = (key: string, visitors: number, conversions: number) => ({ key, visitors, conversions })

describe('decision: every status is reachable and explained in one sentence', () => {
  test('winner', () => {
    const { decision } = analyze({ variants: [arm('A', 10_000, 1000), arm('B', 10_000, 1150)] })
    expect(decision.status).toBe('winner')
    expect(decision.variant).toBe('B')
    expect(decision.reason).toBe('B converts 15% better than A (95% interval +1.2% to +31%); safe to ship.')
  })

  test('winner among several picks the best significant one', () => {
    const { decision } = analyze({ variants: [arm('A', 10_000, 1000), arm('B', 10_000, 1150), arm('C', 10_000, 1250)] })
    expect(decision).toMatchObject({ status: 'winner', variant: 'C' })
    expect(decision.reason).toMatch(/^C converts 25% better than A .*the best of the 2 variants that beat A; safe to ship\.$/)
  })

  test('control', () => {
    const { decision } = analyze({ variants: [arm('A', 10_000, 1150), arm('B', 10_000, 1000)] })
    expect(decision).toMatchObject({ status: 'control', variant: 'A' })
    expect(decision.reason).toMatch(/^A converts better than B: B is 13% worse \(95% interval .*\); keep A\.$/)
  })

  test('no difference once the planned sample is reached, with the effect size ruled out', () => {
    const { decision } = analyze({ variants: [arm('A', 5000, 500), arm('B', 5000, 505)], plannedVisitorsPerVariant: 5000 })
    expect(decision).toMatchObject({ status: 'no_difference', variant: null })
    expect(decision.reason).toMatch(/^After 5,000 visitors per variant, B and A convert about the same: the effect is between -\d+% and \+\d+% .*ruled out\.$/)
    expect(decision.visitorsNeeded).toBeUndefined()
  })

  test('sample ratio mismatch blocks any call, even a clear winner', () => {
    const { decision, srm } = analyze({ variants: [arm('A', 10_000, 1000), arm('B', 9000, 1300)] })
    expect(srm.detected).toBe(true)
    expect(decision).toMatchObject({ status: 'srm', variant: null })
    expect(decision.reason).toMatch(/^Traffic split is off: B got 47% of visitors instead of 50% \(p < 0\.0001\)/)
  })

  test('collecting, with visitors and days still needed', () => {
    const { decision } = analyze({ variants: [arm('A', 1000, 100), arm('B', 1000, 105)], plannedVisitorsPerVariant: 5000, dailyVisitors: 500 })
    expect(decision).toMatchObject({ status: 'collecting', variant: null, visitorsNeeded: 8000, daysNeeded: 16 })
    expect(decision.reason).toMatch(/About 8,000 more visitors \(about 16 days\) are needed to reach the planned 5,000 per variant\.$/)
  })

  test('collecting without a plan targets a 10% lift at the observed rate', () => {
    const { decision } = analyze({ variants: [arm('A', 1000, 100), arm('B', 1000, 105)] })
    expect(decision.status).toBe('collecting')
    expect(decision.visitorsNeeded).toBeGreaterThan(20_000)
    expect(decision.reason).toMatch(/enough to detect a 10% lift\.$/)
  })

  test('without a plan the target is the deciding analysis’s plan for a 10% lift at the smoothed control rate', () => {
    const variants = [arm('A', 1000, 100), arm('B', 1000, 105)]
    const baselineRate = 100.5 / 1001
    // Without a plan the sequence stays tuned at 5,000 visitors, and the plan is solved for that sequence.
    const sequentialPlan = computeSampleSize({ baselineRate, relativeMde: 0.1, tuningVisitors: DEFAULT_TUNING_VISITORS }).visitorsPerVariant
    const fixedPlan = computeSampleSize({ baselineRate, relativeMde: 0.1, sequential: false }).visitorsPerVariant
    // At a 50/50 split every extra visitor per variant takes two.
    expect(analyze({ variants }).decision.visitorsNeeded).toBe(2 * (sequentialPlan - 1000))
    expect(analyze({ variants, sequential: false }).decision.visitorsNeeded).toBe(2 * (fixedPlan - 1000))
    expect(sequentialPlan).toBeGreaterThan(1.6 * fixedPlan)
  })

  test('a target more than a year of traffic away is not reachable, in words', () => {
    const { decision } = analyze({ variants: [arm('A', 1000, 100), arm('B', 1000, 105)], dailyVisitors: 50 })
    expect(decision.daysNeeded).toBeGreaterThan(366)
    expect(decision.reason).toMatch(/Reaching [\d,]+ per variant \(enough to detect a 10% lift\) is not reachable at current traffic \(more than a year\)\.$/)
  })

  test('collecting: too few visitors, and a variant without any', () => {
    expect(analyze({ variants: [arm('A', 40, 0), arm('B', 40, 30)] }).decision.reason).toMatch(/at least 100 visitors \(A has 40\)/)
    // 1 of 40 visitors on B is itself a traffic-split problem
    expect(analyze({ variants: [arm('A', 40, 1), arm('B', 0, 0)] }).decision.status).toBe('srm')
    expect(analyze({ variants: [arm('A', 3, 1), arm('B', 0, 0)] }).decision.reason).toMatch(/^B has no visitors yet/)
  })

  test('no call when the p-value and the quoted interval disagree', () => {
    // z-test p = 0.024, but the zero-corrected Katz interval (and Fisher, p = 0.059) disagree
    const analysis = analyze({ variants: [arm('A', 100, 0), arm('B', 100, 5)], sequential: false })
    expect(analysis.variants[1].vsControl!.significant).toBe(true)
    expect(analysis.variants[1].vsControl!.relativeLiftCi![0]).toBeLessThan(0)
    expect(analysis.decision.status).toBe('collecting')
  })

  test('a fixed-horizon test does not call a winner before its planned sample', () => {
    const variants = [arm('A', 5000, 500), arm('B', 5000, 600)]
    const early = analyze({ variants, sequential: false, plannedVisitorsPerVariant: 10_000 })
    expect(early.variants[1].vsControl!.significant).toBe(true)
    expect(early.decision.status).toBe('collecting')
    expect(early.decision.reason).toMatch(/only valid at its planned 10,000 visitors per variant/)
    expect(analyze({ variants, sequential: false, plannedVisitorsPerVariant: 5000 }).decision.status).toBe('winner')
  })
})
