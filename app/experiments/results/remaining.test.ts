import { expect, test } from 'vitest'
import { analyze } from '#app/statistics/analyze'
import { suggestNextStep } from './next-step'
import { UNREACHABLE_PLAN_TEXT } from '#app/components/format'
import { MAX_REACHABLE_DAYS } from '#app/statistics/sample-size'
import { describeRemaining, isReachable } from './remaining'

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
