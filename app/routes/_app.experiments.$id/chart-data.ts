import type { DailyPoint } from '#app/experiments/results/shape'

// What the results charts draw, as plain rows (one per day, a column per variant), and how each variant is
// drawn. Pure, so the server-rendered tables and the client-side charts show the same figures.

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross'
export type VariantStyle = { color: string; dash: string | undefined; marker: MarkerShape }

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), and on top of colour a dash
// pattern and a marker shape per variant, so the lines can be told apart in greyscale too.
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000']
const DASHES = [undefined, '8 4', '2 3', '12 4 2 4', '4 4']
const MARKERS: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross']

export function variantStyle(index: number): VariantStyle {
  return { color: COLORS[index % COLORS.length]!, dash: DASHES[index % DASHES.length], marker: MARKERS[index % MARKERS.length]! }
}

export type SeriesRow = { day: string } & Record<string, number | [number, number] | null | string>

/** Cumulative rate per variant (`A`) and its interval as a band (`A_band`). */
export function buildRateSeries(daily: DailyPoint[]): SeriesRow[] {
  return daily.map((d) => {
    const row: SeriesRow = { day: d.day }
    for (const v of d.variants) {
      row[v.key] = v.rate
      row[`${v.key}_band`] = v.ci
    }
    return row
  })
}

/** Cumulative relative lift of each treatment against the control, with its always-valid interval as a band. */
export function buildLiftSeries(daily: DailyPoint[], control: string): SeriesRow[] {
  return daily.map((d) => {
    const row: SeriesRow = { day: d.day }
    for (const v of d.variants) {
      if (v.key === control) continue
      row[v.key] = v.relativeLift
      row[`${v.key}_band`] = v.relativeLiftCi
    }
    return row
  })
}

/** Visitors per variant per day (that day's new visitors, not cumulative). */
export function buildVisitorSeries(daily: DailyPoint[]): SeriesRow[] {
  return daily.map((d) => Object.fromEntries([['day', d.day], ...d.variants.map((v) => [v.key, v.visitors])]) as SeriesRow)
}

export type Axis = { domain: [number, number]; ticks: number[] }

/**
 * The lift chart's y axis: early days have very wide intervals that would flatten everything else, so it covers
 * the estimates, the intervals of the later half of the run and 0 (never below −100%, a rate cannot fall further),
 * and earlier bands are clipped at the edge.
 */
export function liftAxis(daily: DailyPoint[], control: string): Axis {
  const values = [0]
  const later = daily.slice(Math.floor(daily.length / 2))
  for (const d of daily) for (const v of d.variants) if (v.key !== control && v.relativeLift !== null) values.push(v.relativeLift)
  for (const d of later) for (const v of d.variants) if (v.key !== control && v.relativeLiftCi) values.push(...v.relativeLiftCi)
  return niceAxis(Math.max(-1, Math.min(...values)), Math.min(5, Math.max(...values)))
}

/** The rate chart's y axis: from 0 (an honest baseline) to above the rates and the later half's intervals. */
export function rateAxis(daily: DailyPoint[]): Axis {
  const values = [0]
  const later = daily.slice(Math.floor(daily.length / 2))
  for (const d of daily) for (const v of d.variants) if (v.rate !== null) values.push(v.rate)
  for (const d of later) for (const v of d.variants) if (v.ci) values.push(v.ci[1])
  return niceAxis(0, Math.min(1, Math.max(...values)))
}

/** Round bounds and evenly spaced ticks (steps of 1, 2, 2.5 or 5 × a power of ten), at most about six. */
export function niceAxis(lo: number, hi: number, maxTicks = 6): Axis {
  const range = hi - lo || Math.abs(hi) || 0.01
  const rough = range / (maxTicks - 1)
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!
  const round = (x: number) => Number(x.toFixed(10))
  const first = round(Math.floor(lo / step) * step)
  const last = round(Math.ceil(hi / step) * step)
  const ticks: number[] = []
  for (let t = first; t <= last + step / 2; t += step) ticks.push(round(t))
  return { domain: [first, ticks.at(-1)!], ticks }
}

/** Indexes that get a marker: about eight along the line, staggered per variant so markers don't pile up, and the last. */
export function markerIndexes(length: number, variantIndex: number): Set<number> {
  const step = Math.max(1, Math.ceil(length / 8))
  const marked = new Set<number>()
  for (let i = variantIndex % step; i < length; i += step) marked.add(i)
  if (length > 0) marked.add(length - 1)
  return marked
}
