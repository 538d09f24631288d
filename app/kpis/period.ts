import type { KpiPeriod } from '#app/kpis/shape'

// Periods are whole UTC days, both ends included, as yyyy-mm-dd text (the admin shows UTC everywhere).

const DAY_MS = 86_400_000

// The days a report may cover, its comparison period included: far wider than any real data, and narrow
// enough that no day arithmetic leaves four-digit years (9999-12-31 plus a day is +010000-01-01 in
// toISOString, which PostgreSQL refuses: a 500 before this range existed).
export const FIRST_DAY = '2000-01-01'
export const LAST_DAY = '2100-12-31'

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`)
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10)

export function addDays(day: string, days: number) {
  return toDay(toTime(day) + days * DAY_MS)
}

export function daysInPeriod({ from, to }: { from: string; to: string }) {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS) + 1
}

export function toPeriod(from: string, to: string): KpiPeriod {
  return { from, to, days: daysInPeriod({ from, to }) }
}

/** The last `days` days up to and including `today` (so today's traffic shows at once). */
export function lastDays(days: number, today: string): KpiPeriod {
  return toPeriod(addDays(today, -(days - 1)), today)
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: KpiPeriod): KpiPeriod {
  return toPeriod(addDays(period.from, -period.days), addDays(period.from, -1))
}

/** [start, end) as instants: start of `from`, start of the day after `to`. */
export function periodBounds(period: { from: string; to: string }) {
  return { start: new Date(toTime(period.from)), end: new Date(toTime(period.to) + DAY_MS) }
}

export function todayUtc(now = new Date()) {
  return toDay(now.getTime())
}

/** The months (yyyy-mm) a period touches, with how many of each month's days fall in it and the month's length. */
export function monthsIn(period: { from: string; to: string }) {
  const months: { month: string; daysInPeriod: number; daysInMonth: number }[] = []
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const month = day.slice(0, 7)
    const last = months.at(-1)
    if (last?.month === month) last.daysInPeriod++
    else {
      const [y, m] = month.split('-').map(Number) as [number, number]
      months.push({ month, daysInPeriod: 1, daysInMonth: new Date(Date.UTC(y, m, 0)).getUTCDate() })
    }
  }
  return months
}
