import { expect, test } from 'vitest'
import type { DailyPoint } from '#app/experiments/results/shape'
import { buildLiftSeries, buildRateSeries, buildVisitorSeries, liftAxis, markerIndexes, niceAxis, rateAxis, variantStyle } from './chart-data'

const point = (day: string, b: { lift: number; ci: [number, number] | null }): DailyPoint => ({
  day,
  variants: [
    { key: 'A', visitors: 10, conversions: 1, cumulativeVisitors: 10, cumulativeConversions: 1, rate: 0.1, ci: [0.02, 0.4], relativeLift: null, relativeLiftCi: null },
    { key: 'B', visitors: 12, conversions: 2, cumulativeVisitors: 12, cumulativeConversions: 2, rate: 0.2, ci: [0.05, 0.5], relativeLift: b.lift, relativeLiftCi: b.ci },
  ],
})

test('series rows carry a value and a band per variant, the control left out of the lift', () => {
  const daily = [point('2026-11-01', { lift: 1, ci: null }), point('2026-11-02', { lift: 0.2, ci: [-0.1, 0.5] })]
  expect(buildRateSeries(daily)[0]).toEqual({ day: '2026-11-01', A: 0.1, A_band: [0.02, 0.4], B: 0.2, B_band: [0.05, 0.5] })
  expect(buildLiftSeries(daily, 'A')[1]).toEqual({ day: '2026-11-02', B: 0.2, B_band: [-0.1, 0.5] })
  expect(buildVisitorSeries(daily)[1]).toEqual({ day: '2026-11-02', A: 10, B: 12 })
})

test('the axes cover the estimates, the later intervals and 0, not the wide early bands, in round steps', () => {
  const daily = [point('d1', { lift: 0.9, ci: [-0.9, 40] }), point('d2', { lift: 0.3, ci: [-0.5, 3] }), point('d3', { lift: 0.25, ci: [0.05, 0.5] }), point('d4', { lift: 0.2, ci: [0.1, 0.3] })]
  expect(liftAxis(daily, 'A')).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] })
  expect(rateAxis(daily)).toEqual({ domain: [0, 0.5], ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5] })
  expect(niceAxis(-0.41, 1.12)).toEqual({ domain: [-0.5, 1.5], ticks: [-0.5, 0, 0.5, 1, 1.5] })
  expect(niceAxis(-3, 0.2).domain[0]).toBe(-3)
})

test('each variant differs by dash and marker as well as colour; markers are spread out and staggered', () => {
  const styles = [0, 1, 2].map(variantStyle)
  expect(new Set(styles.map((s) => s.marker)).size).toBe(3)
  expect(new Set(styles.map((s) => s.dash ?? 'solid')).size).toBe(3)
  expect([...markerIndexes(30, 0)]).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 29])
  expect(markerIndexes(30, 1).has(1)).toBe(true)
  expect(markerIndexes(3, 2)).toEqual(new Set([0, 1, 2]))
})
