import { dayOf } from '#app/time/days'

// Number formatting for statistics shown to marketers: percentages, intervals, p-values. Null shows as "–".

export function formatPercent(value: number | null | undefined, digits = 2) {
  if (value === null || value === undefined) return '–'
  return `${(value * 100).toFixed(digits)}%`
}

/** A relative change, signed: +12.3% / −4.0%. */
export function formatLift(value: number | null | undefined, digits = 1) {
  if (value === null || value === undefined) return '–'
  const pct = (value * 100).toFixed(digits)
  return value > 0 ? `+${pct}%` : value < 0 ? `−${pct.slice(1)}%` : `${pct}%`
}

export function formatInterval(ci: [number, number] | null | undefined, format: (v: number) => string) {
  if (!ci) return '–'
  return `${format(ci[0])} to ${format(ci[1])}`
}

export function formatPValue(p: number | null | undefined) {
  if (p === null || p === undefined) return '–'
  if (p < 0.0001) return '< 0.0001'
  return p.toFixed(4)
}

export function formatCount(n: number) {
  return n.toLocaleString('en-US')
}

/** "2026-11-22 14:05 UTC": unambiguous for a team spread over time zones, and the same on server and client. */
export function formatDateTime(value: Date | string | null | undefined, empty = 'never') {
  if (!value) return empty
  return `${new Date(value).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** File sizes as people read them: 512 B, 340 KB, 4.2 MB. */
export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A probability as a chance: one decimal, and "> 99.9%" / "< 0.1%" rather than a rounded certainty. */
export function formatChance(p: number | null | undefined) {
  if (p === null || p === undefined) return '–'
  if (p >= 0.9995) return '> 99.9%'
  if (p <= 0.0005) return '< 0.1%'
  return formatPercent(p, 1)
}

/** An absolute difference of rates in percentage points: 0.0012 → "0.12 pp" (expected loss, rate gaps). */
export function formatPoints(value: number | null | undefined, digits = 2) {
  if (value === null || value === undefined) return '–'
  return `${(value * 100).toFixed(digits)} pp`
}

/** Money without a currency (deal values are in the workspace's own): 12500 → "12,500", 12.5 → "12.5". */
export function formatAmount(value: number | null | undefined, digits = 2) {
  if (value === null || value === undefined) return '–'
  return value.toLocaleString('en-US', { maximumFractionDigits: digits })
}

/** "2026-11-22": a UTC day as the rollups store it. */
export function formatDay(value: Date | string | null | undefined, empty = '–') {
  if (!value) return empty
  return dayOf(value)
}
