import { expect, test } from 'vitest'
import { cookielessCountsOf, resultsUnit } from './unit'

test('the unit: visitors when no exposure was cookieless, page views when all were, both for a mix', () => {
  expect(resultsUnit(120, 0, 'consent')).toBe('visitor')
  expect(resultsUnit(120, 120, 'consent')).toBe('page_view')
  expect(resultsUnit(120, 45, 'cookies')).toBe('both')
})

test('without exposures the unit is what the workspace mode will count', () => {
  expect(resultsUnit(0, 0, 'cookies')).toBe('visitor')
  expect(resultsUnit(0, 0, 'cookieless')).toBe('page_view')
  expect(resultsUnit(0, 0, 'consent')).toBe('both')
  expect(resultsUnit(0, 0, null)).toBe('visitor')
})

test("a variant's cookieless counts on the metric; a lead metric counts any conversion", () => {
  const input = {
    mode: 'consent' as const,
    rows: [
      { variantKey: 'A', metric: '', count: 30 },
      { variantKey: 'A', metric: 'any', count: 4 },
      { variantKey: 'A', metric: 'hard', count: 1 },
      { variantKey: 'B', metric: '', count: 28 },
      { variantKey: 'B', metric: 'any', count: 6 },
    ],
  }
  expect(cookielessCountsOf(input, 'A', 'any')).toEqual({ exposures: 30, conversions: 4 })
  expect(cookielessCountsOf(input, 'A', 'hard')).toEqual({ exposures: 30, conversions: 1 })
  expect(cookielessCountsOf(input, 'B', 'hard')).toEqual({ exposures: 28, conversions: 0 })
  expect(cookielessCountsOf(input, 'B', 'mql')).toEqual({ exposures: 28, conversions: 6 })
  expect(cookielessCountsOf(undefined, 'A', 'any')).toEqual({ exposures: 0, conversions: 0 })
})
