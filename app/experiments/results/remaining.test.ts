import { expect, test } from 'vitest'
import { analyze } from '#app/statistics/analyze'
import { suggestNextStep } from './next-step'
import { UNREACHABLE_PLAN_TEXT } from '#app/components/format'
import { MAX_REACHABLE_DAYS } from '#app/statistics/sample-size'
import { describeRemaining, estimateLeadDaysNeeded, isReachable } from './remaining'

test('a plan within a year is counted out; past a year it is not reachable', () => {
  expect(describeRemaining({ visitorsNeeded: 12_345, daysNeeded: 3 })).toBe('about 12,345 more visitors, about 3 days')
  expect(describeRemaining({ visitorsNeeded: 1, daysNeeded: 1 })).toBe('about 1 more visitor, about 1 day')
  expect(describeRemaining({ visitorsNeeded: 12_345 })).toBe('about 12,345 more visitors')
  expect(describeRemaining({ visitorsNeeded: 900_000, daysNeeded: MAX_REACHABLE_DAYS })).toBe('about 900,000 more visitors, about 366 days')
  // The "About 15,738,833 more visitors (about 129,767 days)".
  expect(describeRemaining({ visitorsNeeded: 15_738_833, daysNeeded: 129_767 })).toBe('not reachable at current traffic (more than a year)')
  expect(isReachable({ daysNeeded: MAX_REACHABLE_DAYS + 1 })).toBe(false)
  expect(isReachable({})).toBe(true)
})

test('the decision sentence and the next step use the same words', () => {
  const analysis = analyze({
    variants: [
      { key: 'A', visitors: 300, conversions: 1 },
      { key: 'B', visitors: 300, conversions: 3 },
    ],
    plannedVisitorsPerVariant: 1_000_000,
    dailyVisitors: 600,
  })
  expect(analysis.decision.daysNeeded).toBeGreaterThan(MAX_REACHABLE_DAYS)
  expect(analysis.decision.reason).toContain(`Reaching the planned 1,000,000 per variant is ${UNREACHABLE_PLAN_TEXT}.`)
  expect(analysis.decision.reason).not.toMatch(/days/)
  const step = suggestNextStep({ status: 'running', winnerKey: null, controlKey: 'A', autoShip: false, minRuntimeDays: 7 }, analysis.decision, { minRuntimeReached: true, minRuntimeEndsAt: null })
  expect(step).toEqual({ kind: 'keep_collecting', variant: null, text: `The plan is ${UNREACHABLE_PLAN_TEXT}: test a bolder change, send more traffic, or stop and keep A.` })
})

test('a lead metric waits for the leads to mature: the visitors already here first, then new traffic plus the maturity', () => {
  // 14 days' maturity; 100 visitors arrived on each of the last 14 days and are not mature yet.
  const immatureByDay = Array.from({ length: 14 }, () => 100)
  // 250 more mature visitors: the oldest three days' visitors, mature in 3 days, all of them waiting.
  expect(estimateLeadDaysNeeded({ visitorsNeeded: 250, dailyVisitors: 100, maturityDays: 14, immatureByDay })).toEqual({ daysNeeded: 3, maturingDays: 3 })
  // 2,000: the 1,400 already here, then 600 new ones (6 days of traffic), mature 14 days after the last arrives.
  expect(estimateLeadDaysNeeded({ visitorsNeeded: 2000, dailyVisitors: 100, maturityDays: 14, immatureByDay })).toEqual({ daysNeeded: 20, maturingDays: 14 })
  // A fresh experiment: nothing mature, nothing waiting yet.
  expect(estimateLeadDaysNeeded({ visitorsNeeded: 1000, dailyVisitors: 100, maturityDays: 14, immatureByDay: Array.from({ length: 14 }, () => 0) })).toEqual({ daysNeeded: 24, maturingDays: 14 })
  // No maturity: the days of traffic alone, as for conversions.
  expect(estimateLeadDaysNeeded({ visitorsNeeded: 1000, dailyVisitors: 100, maturityDays: 0, immatureByDay: [] })).toEqual({ daysNeeded: 10, maturingDays: 0 })
  // No recent traffic and too few waiting: no day count.
  expect(estimateLeadDaysNeeded({ visitorsNeeded: 2000, dailyVisitors: null, maturityDays: 14, immatureByDay })).toEqual({})
})

test('the days say how many of them wait for leads to mature', () => {
  expect(describeRemaining({ visitorsNeeded: 2000, daysNeeded: 20, maturingDays: 14 })).toBe('about 2,000 more visitors, about 20 days, 14 of them for the leads of the last visitors to mature')
  expect(describeRemaining({ visitorsNeeded: 250, daysNeeded: 3, maturingDays: 3 })).toBe('about 250 more visitors, about 3 days for the leads of visitors already here to mature')
  expect(describeRemaining({ visitorsNeeded: 1000, daysNeeded: 10, maturingDays: 0 })).toBe('about 1,000 more visitors, about 10 days')
  expect(describeRemaining({ visitorsNeeded: 1000, daysNeeded: 400, maturingDays: 14 })).toBe('not reachable at current traffic (more than a year)')
})
