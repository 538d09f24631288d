import { expect, test } from 'vitest'
import { addDays } from '#app/time/days'
import { daysInPeriod, lastDays, monthsIn, periodBounds, previousPeriod, toPeriod } from './period'
import { KpiApiQuerySchema, KpiDashboardQuerySchema } from './schema'

test('whole UTC days, both ends included', () => {
  expect(daysInPeriod({ from: '2026-03-01', to: '2026-03-31' })).toBe(31)
  expect(daysInPeriod({ from: '2026-03-29', to: '2026-03-29' })).toBe(1)
  expect(periodBounds({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') })
  expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
})

test('the last N days include today; the comparison is as long, just before', () => {
  expect(lastDays(7, '2026-03-10')).toEqual({ from: '2026-03-04', to: '2026-03-10', days: 7 })
  expect(previousPeriod(toPeriod('2026-03-01', '2026-03-31'))).toEqual({ from: '2026-01-29', to: '2026-02-28', days: 31 })
  expect(previousPeriod(lastDays(30, '2026-03-10'))).toEqual({ from: '2026-01-10', to: '2026-02-08', days: 30 })
})

test('months a period touches, with their share of days', () => {
  expect(monthsIn({ from: '2026-01-29', to: '2026-02-28' })).toEqual([
    { month: '2026-01', daysInPeriod: 3, daysInMonth: 31 },
    { month: '2026-02', daysInPeriod: 28, daysInMonth: 28 },
  ])
  expect(monthsIn({ from: '2024-02-10', to: '2024-02-10' })).toEqual([{ month: '2024-02', daysInPeriod: 1, daysInMonth: 29 }])
})

test('the API query: required days, defaults, and each problem named', () => {
  expect(KpiApiQuerySchema.parse({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-03-01', to: '2026-03-31', model: 'first', compare: 'none' })
  expect(KpiApiQuerySchema.parse({ from: '2026-03-01', to: '2026-03-31', model: 'linear', compare: 'previous' })).toMatchObject({ model: 'linear', compare: 'previous' })
  const errors = (query: Record<string, string>) => KpiApiQuerySchema.safeParse(query).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  expect(errors({})).toEqual(['from: Required: the first day, like 2026-01-31', 'to: Required: the last day, like 2026-01-31'])
  expect(errors({ from: '', to: '2026-03-31' })).toEqual(['from: Required: the first day, like 2026-01-31'])
  expect(errors({ from: '2026-03-32', to: '2026-03-31' })).toEqual(['from: Use a date like 2026-01-31'])
  expect(errors({ from: '2026-03-31', to: '2026-03-01' })).toEqual(['to: Must not be before from (2026-03-31)'])
  expect(errors({ from: '2025-03-01', to: '2026-03-01' })).toBeUndefined() // 366 days
  expect(errors({ from: '2025-02-28', to: '2026-03-01' })).toEqual(['to: At most 366 days from from'])
  expect(errors({ from: '2025-03-01', to: '2026-02-28', model: 'best' })).toEqual(['model: Use one of first, last, linear'])
})

test('the dashboard query: a preset by default, custom needs both days', () => {
  expect(KpiDashboardQuerySchema.parse({})).toEqual({ period: undefined, from: undefined, to: undefined, model: 'first', compare: 'previous' })
  expect(KpiDashboardQuerySchema.safeParse({ period: 'custom', from: '2026-03-01' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['to'])
  expect(KpiDashboardQuerySchema.safeParse({ period: '14d' }).success).toBe(false)
})

test('days outside 2000-01-01..2100-12-31 are named, and so is a previous period that would leave the range', () => {
  const errors = (query: Record<string, string>) => KpiApiQuerySchema.safeParse(query).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  const outside = 'Use a day from 2000-01-01 to 2100-12-31'
  expect(errors({ from: '9999-12-31', to: '9999-12-31', compare: 'previous' })).toEqual([`from: ${outside}`, `to: ${outside}`])
  expect(errors({ from: '0000-01-01', to: '0000-01-01' })).toEqual([`from: ${outside}`, `to: ${outside}`])
  expect(errors({ from: '1999-12-31', to: '2000-01-01' })).toEqual([`from: ${outside}`])
  expect(errors({ from: '2100-12-31', to: '2101-01-01' })).toEqual([`to: ${outside}`])
  // The edges themselves, alone and with the comparison as far as it may go.
  expect(errors({ from: '2000-01-01', to: '2000-01-01' })).toBeUndefined()
  expect(errors({ from: '2100-12-31', to: '2100-12-31', compare: 'previous' })).toBeUndefined()
  expect(errors({ from: '2000-01-02', to: '2000-01-02', compare: 'previous' })).toBeUndefined() // compared with 2000-01-01
  expect(errors({ from: '2000-01-01', to: '2000-01-01', compare: 'previous' })).toEqual([
    'from: With compare=previous the period before would start on 1999-12-31, before 2000-01-01: choose a later from, or compare=none',
  ])
  expect(errors({ from: '2000-03-01', to: '2000-04-30', compare: 'previous' })?.[0]).toMatch(/^from: With compare=previous the period before would start on 1999-12-31/)
  expect(errors({ from: '2000-03-01', to: '2000-04-29', compare: 'previous' })).toBeUndefined()
  // The dashboard's custom period is checked the same way (it compares by default).
  const dashboard = (query: Record<string, string>) => KpiDashboardQuerySchema.safeParse({ period: 'custom', ...query }).error?.issues.map((i) => i.path.join('.'))
  expect(dashboard({ from: '9999-12-31', to: '9999-12-31' })).toEqual(['from', 'to'])
  expect(dashboard({ from: '2000-01-01', to: '2000-01-31' })).toEqual(['from'])
  expect(dashboard({ from: '2000-01-01', to: '2000-01-31', compare: 'none' })).toBeUndefined()
})
