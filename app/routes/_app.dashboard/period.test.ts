import { expect, test } from 'vitest'
import { dashboardHref, readDashboardQuery } from './period'

const TODAY = '2026-11-22'
const read = (query: string) => readDashboardQuery(new URLSearchParams(query), TODAY)

test('no parameters: the last 30 days up to today, against the 30 before, first touch', () => {
  expect(read('')).toEqual({
    selection: { period: '30d', compare: 'previous', model: 'first', from: '2026-10-24', to: '2026-11-22' },
    query: { from: '2026-10-24', to: '2026-11-22', compare: 'previous', model: 'first' },
    ignored: [],
  })
})

test('presets count today as their last day; a preset wins over leftover dates from the form', () => {
  expect(read('period=7d').query).toMatchObject({ from: '2026-11-16', to: '2026-11-22' })
  expect(read('period=90d').query).toMatchObject({ from: '2026-08-25', to: '2026-11-22' })
  expect(read('period=7d&from=2026-01-01&to=2026-01-31').query).toMatchObject({ from: '2026-11-16', to: '2026-11-22' })
})

test('a custom period, from the picker or from dates alone; comparison and model as given', () => {
  expect(read('period=custom&from=2026-10-01&to=2026-10-31&compare=none&model=linear')).toMatchObject({
    selection: { period: 'custom', from: '2026-10-01', to: '2026-10-31', compare: 'none', model: 'linear' },
    query: { from: '2026-10-01', to: '2026-10-31', compare: 'none', model: 'linear' },
    ignored: [],
  })
  expect(read('from=2026-10-01&to=2026-10-01').selection).toMatchObject({ period: 'custom', from: '2026-10-01', to: '2026-10-01' })
})

test('what cannot be read falls back to the default and is named', () => {
  expect(read('period=custom&from=2026-02-30&to=2026-03-01')).toMatchObject({ selection: { period: '30d', from: '2026-10-24' }, ignored: ['from (Use a date like 2026-01-31)'] })
  expect(read('period=custom&from=2026-10-31&to=2026-10-01')).toMatchObject({ selection: { period: '30d' }, ignored: ['to (Must not be before from (2026-10-31))'] })
  expect(read('period=custom&from=2024-01-01&to=2026-01-01').ignored).toEqual(['to (At most 366 days from from)'])
  expect(read('period=custom').ignored).toEqual(['from (Required for a custom period)', 'to (Required for a custom period)'])
  const wrong = read('period=year&model=u-shaped&compare=yoy')
  expect(wrong.selection).toMatchObject({ period: '30d', model: 'first', compare: 'previous' })
  expect(wrong.ignored.map((text) => text.split(' ')[0]).sort()).toEqual(['compare', 'model', 'period'])
})

test('links keep what is chosen and leave defaults out', () => {
  const { selection } = read('period=custom&from=2026-10-01&to=2026-10-31')
  expect(dashboardHref(selection, { model: 'last' })).toBe('/dashboard?period=custom&from=2026-10-01&to=2026-10-31&model=last')
  expect(dashboardHref(read('').selection)).toBe('/dashboard')
  expect(dashboardHref(read('period=7d&compare=none').selection, { model: 'linear' })).toBe('/dashboard?period=7d&compare=none&model=linear')
})

test('days out of range, or a comparison that would leave it, fall back to the default and are named', () => {
  const far = read('period=custom&from=9999-12-31&to=9999-12-31')
  expect(far.selection).toMatchObject({ period: '30d', from: '2026-10-24', to: '2026-11-22' })
  expect(far.ignored).toEqual(['from (Use a day from 2000-01-01 to 2100-12-31)', 'to (Use a day from 2000-01-01 to 2100-12-31)'])
  const early = read('from=2000-01-01&to=2000-01-07')
  expect(early.selection).toMatchObject({ period: '30d' })
  expect(early.ignored).toEqual([expect.stringMatching(/^from \(With compare=previous the period before would start on 1999-12-25/)])
  expect(read('from=2000-01-01&to=2000-01-07&compare=none')).toMatchObject({ selection: { period: 'custom', from: '2000-01-01' }, ignored: [] })
})
