// The results over time (cumulative rate and lift per day) and by segment (device, channel), from rollup rows.
// Intervals come from the statistics module: Wilson for rates; for lifts the Katz log-ratio interval, with the
// confidence sequence's multiplier over time (a chart read every day is a sequential look) and z per segment.

import { CHANNEL_LABELS, type Channel } from '#app/attribution/channel'
import { DEVICE_LABELS, DEVICES, type Device } from '#app/attribution/device'
import { computeRelativeLiftInterval, computeWilsonInterval, type Counts, type Interval } from '#app/statistics/intervals'
import { normalQuantile } from '#app/statistics/normal'
import { computeRho, computeSequentialMultiplier, DEFAULT_TUNING_VISITORS } from '#app/statistics/sequential'
import { eachDay } from '#app/time/days'
import type { Breakdowns, DailyPoint, DailyVariant, Segment, SegmentVariant } from './shape'

/** experiment_daily summed per segment (a device or a channel), variant and metric. */
export type SegmentRow = { segment: string; variantKey: string; metric: string; count: number }

/** The order the breakdown lists channels in (docs/traffic-sources.md). */
export const CHANNEL_ORDER: readonly Channel[] = ['organic_search', 'paid_search', 'social', 'email', 'referral', 'direct']

/** The lift of `t` over `c` and its interval with `multiplier`, null where the statistics module gives none. */
function liftOf(t: Counts, c: Counts, multiplier: number): { relativeLift: number | null; relativeLiftCi: Interval | null } {
  if (t.visitors === 0 || c.visitors === 0) return { relativeLift: null, relativeLiftCi: null }
  const rateC = c.conversions / c.visitors
  return { relativeLift: rateC > 0 ? t.conversions / t.visitors / rateC - 1 : null, relativeLiftCi: computeRelativeLiftInterval(t, c, multiplier) }
}

const capped = (visitors: number, conversions: number): Counts => ({ visitors, conversions: Math.min(conversions, visitors) })

export function computeDailySeries({
  rows,
  metric,
  keys,
  control,
  confidence,
  plannedVisitorsPerVariant,
}: {
  rows: { day: string; variantKey: string; metric: string; count: number }[]
  metric: string
  keys: string[]
  control: string
  confidence: number
  plannedVisitorsPerVariant: number | null
}): DailyPoint[] {
  const counts = new Map<string, number>()
  const seen: string[] = []
  for (const row of rows) {
    if (row.metric !== '' && row.metric !== metric) continue
    const id = `${row.day}|${row.variantKey}|${row.metric === '' ? 'v' : 'c'}`
    counts.set(id, (counts.get(id) ?? 0) + row.count)
    seen.push(row.day)
  }
  if (!seen.length) return []
  seen.sort()
  const alpha = 1 - confidence
  const z = zFor(confidence)
  // Tuned like analyze(): for the planned total of a pairwise comparison, else its default.
  const rho = computeRho(alpha, plannedVisitorsPerVariant ? 2 * plannedVisitorsPerVariant : DEFAULT_TUNING_VISITORS)
  const running = new Map(keys.map((key) => [key, { visitors: 0, conversions: 0 }]))
  return eachDay(seen[0]!, seen[seen.length - 1]!).map((day) => {
    for (const key of keys) {
      const total = running.get(key)!
      total.visitors += counts.get(`${day}|${key}|v`) ?? 0
      total.conversions += counts.get(`${day}|${key}|c`) ?? 0
    }
    const c = capped(running.get(control)!.visitors, running.get(control)!.conversions)
    const variants = keys.map((key): DailyVariant => {
      const total = running.get(key)!
      const t = capped(total.visitors, total.conversions)
      const lift = key === control ? { relativeLift: null, relativeLiftCi: null } : liftOf(t, c, computeSequentialMultiplier(t.visitors + c.visitors, rho, alpha))
      return {
        key,
        visitors: counts.get(`${day}|${key}|v`) ?? 0,
        conversions: counts.get(`${day}|${key}|c`) ?? 0,
        cumulativeVisitors: total.visitors,
        cumulativeConversions: total.conversions,
        rate: t.visitors ? t.conversions / t.visitors : null,
        ci: t.visitors ? computeWilsonInterval(t, z) : null,
        ...lift,
      }
    })
    return { day, variants }
  })
}

/** The normal multiplier of a two-sided interval at `confidence`, as analyze() computes it. */
export function zFor(confidence: number) {
  return normalQuantile(1 - (1 - confidence) / 2)
}

function computeSegments<K extends string>({
  rows,
  order,
  labels,
  metric,
  keys,
  control,
  z,
}: {
  rows: SegmentRow[]
  order: readonly K[]
  labels: Record<K, string>
  metric: string
  keys: string[]
  control: string
  z: number
}): Segment<K | 'other'>[] {
  const counts = new Map<string, number>()
  const known = new Set<string>(order)
  let hasOther = false
  for (const row of rows) {
    if (row.metric !== '' && row.metric !== metric) continue
    const segment = known.has(row.segment) ? row.segment : 'other'
    if (segment === 'other') hasOther = true
    const id = `${segment}|${row.variantKey}|${row.metric === '' ? 'v' : 'c'}`
    counts.set(id, (counts.get(id) ?? 0) + row.count)
  }
  const segments: (K | 'other')[] = hasOther ? [...order, 'other'] : [...order]
  return segments.map((segment) => {
    const of = (key: string) => capped(counts.get(`${segment}|${key}|v`) ?? 0, counts.get(`${segment}|${key}|c`) ?? 0)
    const c = of(control)
    const variants = keys.map((key): SegmentVariant => {
      const t = of(key)
      return {
        key,
        visitors: t.visitors,
        conversions: t.conversions,
        rate: t.visitors ? t.conversions / t.visitors : null,
        ci: t.visitors ? computeWilsonInterval(t, z) : null,
        ...(key === control ? { relativeLift: null, relativeLiftCi: null } : liftOf(t, c, z)),
      }
    })
    const visitors = variants.reduce((sum, v) => sum + v.visitors, 0)
    const conversions = variants.reduce((sum, v) => sum + v.conversions, 0)
    const label = segment === 'other' ? 'Other' : labels[segment]
    return { segment, label, visitors, conversions, rate: visitors ? conversions / visitors : null, variants }
  })
}

export function computeBreakdowns({
  device,
  channel,
  metric,
  keys,
  control,
  z,
}: {
  device: SegmentRow[]
  channel: SegmentRow[]
  metric: string
  keys: string[]
  control: string
  z: number
}): Breakdowns {
  return {
    device: computeSegments<Device>({ rows: device, order: DEVICES, labels: DEVICE_LABELS, metric, keys, control, z }),
    channel: computeSegments<Channel>({ rows: channel, order: CHANNEL_ORDER, labels: CHANNEL_LABELS, metric, keys, control, z }),
  }
}
