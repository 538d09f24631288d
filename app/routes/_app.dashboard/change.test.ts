import { expect, test } from 'vitest'
import { describeChange, formatKpi } from './change'

test('counts change by a share of themselves, rates by percentage points', () => {
  expect(describeChange(50, 40, 'count')).toEqual({ direction: 'up', tone: 'good', text: 'up 25.0%' })
  expect(describeChange(30, 40, 'count')).toEqual({ direction: 'down', tone: 'bad', text: 'down 25.0%' })
  expect(describeChange(0.05, 0.038, 'rate')).toEqual({ direction: 'up', tone: 'good', text: 'up 1.2 pp' })
  expect(describeChange(3, 0, 'count')).toEqual({ direction: 'up', tone: 'good', text: 'up from none' })
  expect(describeChange(0, 4, 'count')).toEqual({ direction: 'down', tone: 'bad', text: 'down 100.0%' })
})

test('a rise is bad news where lower is better, and neither where it is neutral', () => {
  expect(describeChange(0.6, 0.5, 'rate', 'down')).toMatchObject({ direction: 'up', tone: 'bad' })
  expect(describeChange(120, 150, 'money', 'down')).toMatchObject({ direction: 'down', tone: 'good', text: 'down 20.0%' })
  expect(describeChange(12, 10, 'count', 'neutral')).toMatchObject({ direction: 'up', tone: 'neutral' })
})

test('no comparison, no value, or less than a rounding unit', () => {
  expect(describeChange(5, null, 'count')).toBeNull()
  expect(describeChange(null, 5, 'count')).toBeNull()
  expect(describeChange(7, 7, 'count')).toEqual({ direction: 'same', tone: 'neutral', text: 'no change' })
  expect(describeChange(0.1231, 0.123, 'rate')).toMatchObject({ direction: 'same' })
})

test('ROI is a percentage, and its change is a share of itself, never points of thousands of percent (issue 16)', () => {
  // The "16897.0 % ▲ up 10982.6 pp": ROI 168.97 against 59.144.
  expect(formatKpi(168.97, 'return')).toBe('16,897%')
  expect(formatKpi(59.144, 'return')).toBe('5,914%')
  const change = describeChange(168.97, 59.144, 'return')!
  expect(change).toEqual({ direction: 'up', tone: 'good', text: 'up 185.7%' })
  expect(change.text).not.toContain('pp')
  expect(formatKpi(0.371, 'return')).toBe('37.1%')
  // Across zero a relative change means nothing: the direction, and "was −100%" beside it.
  expect(describeChange(0.371, -1, 'return')).toEqual({ direction: 'up', tone: 'good', text: 'up' })
  expect(describeChange(-0.5, 0.2, 'return')).toEqual({ direction: 'down', tone: 'bad', text: 'down' })
  expect(describeChange(-0.5, -1, 'return')).toEqual({ direction: 'up', tone: 'good', text: 'up' })
  // Rises of more than tenfold read as a multiple.
  expect(describeChange(5000, 1, 'count')!.text).toBe('up 5,000×')
})

test('durations in the unit that fits, and no arrow between two values that print the same (issue 16)', () => {
  // The "Median: 0.0 days ▼ down 3.3 % · was 0.0 days": about two minutes against a little more.
  const minutes = (n: number) => n / 1440
  expect(formatKpi(minutes(2), 'days')).toBe('2 minutes')
  expect(describeChange(minutes(2), minutes(2.068), 'days')).toEqual({ direction: 'same', tone: 'neutral', text: 'no change' })
  expect(describeChange(minutes(65), minutes(5), 'days', 'neutral')).toEqual({ direction: 'up', tone: 'neutral', text: 'up 13×' })
  expect(describeChange(20, 23, 'days', 'down')).toEqual({ direction: 'down', tone: 'good', text: 'down 13.0%' })
  expect(formatKpi(0, 'days')).toBe('0 seconds')
})

test('figures as the dashboard prints them', () => {
  expect(formatKpi(1234, 'count')).toBe('1,234')
  expect(formatKpi(2.5, 'count')).toBe('2.5')
  expect(formatKpi(0.0456, 'rate')).toBe('4.6%')
  expect(formatKpi(12500.4, 'money')).toBe('12,500')
  expect(formatKpi(3.25, 'days')).toBe('3.3 days')
  expect(formatKpi(null, 'rate')).toBe('–')
})
