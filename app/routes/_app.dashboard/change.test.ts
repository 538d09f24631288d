import { expect, test } from 'vitest'
import { describeChange, formatKpi } from './change'

test('counts change by a share of themselves, rates by percentage points', () => {
  expect(describeChange(50, 40, 'count')).toEqual({ direction: 'up', tone: 'good', text: 'up 25.0%' })
  expect(describeChange(30, 40, 'count')).toEqual({ direction: 'down', tone: 'bad', text: 'down 25.0%' })
  expect(describeChange(0.05, 0.038, 'rate')).toEqual({ direction: 'up', tone: 'good', text: 'up 1.2 pp' })
  expect(describeChange(3, 0, 'count')).toEqual({ direction: 'up', tone: 'good', text: 'up from none' })
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

test('figures as the dashboard prints them', () => {
  expect(formatKpi(1234, 'count')).toBe('1,234')
  expect(formatKpi(2.5, 'count')).toBe('2.5')
  expect(formatKpi(0.0456, 'rate')).toBe('4.6%')
  expect(formatKpi(12500.4, 'money')).toBe('12,500')
  expect(formatKpi(3.25, 'days')).toBe('3.3 days')
  expect(formatKpi(null, 'rate')).toBe('–')
})
