import { expect, test } from 'vitest'
import { addDays, addDaysAt, DAY_MS, dayOf, daysBetween, eachDay, elapsedDays, startOfDay, startOfNextDay, today } from './days'

test('calendar arithmetic on yyyy-mm-dd days, across month and leap-year ends', () => {
  expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
  expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30)
  expect(daysBetween('2026-03-29', '2026-03-29')).toBe(0)
  expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1)
  // The day Europe's clocks change has 23 hours there, but it is still one calendar day.
  expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
})

// Moved from app/experiments/results/compute.test.ts, where it tested the series' own copy (daysBetween).
test('eachDay walks UTC days across a month end, both ends included', () => {
  expect(eachDay('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02'])
  expect(eachDay('2026-02-02', '2026-02-02')).toEqual(['2026-02-02'])
  expect(eachDay('2026-02-03', '2026-02-02')).toEqual([])
})

test('in UTC a day is midnight to midnight', () => {
  expect(dayOf(new Date('2026-11-22T23:59:59.999Z'))).toBe('2026-11-22')
  expect(dayOf('2026-11-23T00:00:00Z')).toBe('2026-11-23')
  expect(dayOf(Date.parse('2026-11-23T12:00:00Z'))).toBe('2026-11-23')
  expect(today(new Date('2026-11-22T14:05:00Z'))).toBe('2026-11-22')
  expect(startOfDay('2026-03-01')).toEqual(new Date('2026-03-01T00:00:00Z'))
  expect(startOfNextDay('2026-03-31')).toEqual(new Date('2026-04-01T00:00:00Z'))
})

test('in another zone the day follows its wall clock, 23- and 25-hour days included', () => {
  const berlin = 'Europe/Berlin'
  expect(dayOf('2026-03-29T22:30:00Z', berlin)).toBe('2026-03-30')
  expect(dayOf('2026-03-29T21:59:59Z', berlin)).toBe('2026-03-29')
  expect(today(new Date('2026-11-22T23:30:00Z'), 'America/New_York')).toBe('2026-11-22')
  expect(startOfDay('2026-03-29', berlin)).toEqual(new Date('2026-03-28T23:00:00Z'))
  expect(startOfNextDay('2026-03-29', berlin)).toEqual(new Date('2026-03-29T22:00:00Z')) // 23 hours
  expect(startOfNextDay('2026-10-25', berlin).getTime() - startOfDay('2026-10-25', berlin).getTime()).toBe(25 * 3600_000)
  expect(startOfDay('2026-07-01', 'Asia/Kolkata')).toEqual(new Date('2026-06-30T18:30:00Z'))
  expect(startOfDay('2026-07-01', 'Pacific/Kiritimati')).toEqual(new Date('2026-06-30T10:00:00Z'))
})

test('where midnight is skipped, the day starts at the first instant on it', () => {
  // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04.
  expect(startOfDay('2018-11-04', 'America/Sao_Paulo')).toEqual(new Date('2018-11-04T03:00:00Z'))
  expect(dayOf(startOfDay('2018-11-04', 'America/Sao_Paulo').getTime() - 1, 'America/Sao_Paulo')).toBe('2018-11-03')
})

test('elapsed days are whole 24-hour periods, rounded down', () => {
  const start = new Date('2026-03-01T12:00:00Z')
  expect(elapsedDays(start, new Date(start.getTime() + 3.5 * DAY_MS))).toBe(3)
  expect(elapsedDays(start, new Date(start.getTime() + DAY_MS - 1))).toBe(0)
  expect(elapsedDays(start, new Date(start.getTime() + 7 * DAY_MS))).toBe(7)
})

test('a number of days later on a zone’s calendar keeps the wall-clock time, across both daylight-saving changes', () => {
  const stockholm = 'Europe/Stockholm'
  // Wednesday 09:00 CET, a week later 09:00 CEST: 167 hours.
  const start = new Date('2026-03-25T08:00:00Z')
  expect(addDaysAt(start, 7, stockholm)).toEqual(new Date('2026-04-01T07:00:00Z'))
  expect(addDaysAt(new Date('2026-10-21T07:00:00Z'), 7, stockholm)).toEqual(new Date('2026-10-28T08:00:00Z'))
  expect(addDaysAt(start, -7, stockholm)).toEqual(new Date('2026-03-18T08:00:00Z'))
  expect(addDaysAt(start, 7)).toEqual(new Date(start.getTime() + 7 * DAY_MS))
  // 02:30 does not exist in Stockholm on 2026-03-29: an hour later.
  expect(addDaysAt(new Date('2026-03-28T01:30:00Z'), 1, stockholm)).toEqual(new Date('2026-03-29T01:30:00Z'))
})

test('elapsed days on a zone’s calendar count the 23-hour day as a whole one', () => {
  const stockholm = 'Europe/Stockholm'
  const start = new Date('2026-03-25T08:00:00Z')
  // 6 days 23.5 hours: a week on the wall clock, not seven 24-hour periods.
  expect(elapsedDays(start, new Date('2026-04-01T07:30:00Z'), stockholm)).toBe(7)
  expect(elapsedDays(start, new Date('2026-04-01T07:30:00Z'))).toBe(6)
  expect(elapsedDays(start, new Date('2026-04-01T06:59:59Z'), stockholm)).toBe(6)
  // 7 days and half an hour in October, when the week has 169 hours: not yet 7 there.
  expect(elapsedDays(new Date('2026-10-21T07:00:00Z'), new Date('2026-10-28T07:30:00Z'), stockholm)).toBe(6)
  expect(elapsedDays(start, start, stockholm)).toBe(0)
})
