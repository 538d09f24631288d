import type { KpiPeriod } from '#app/kpis/shape'
import { addDays, daysBetween, startOfDay, startOfNextDay, UTC } from '#app/time/days'

// Periods are whole days in the workspace's time zone, both ends included, as yyyy-mm-dd text; the day arithmetic
// itself is app/time/days.ts. A report may cover days from FIRST_DAY to LAST_DAY (there).

export function daysInPeriod({ from, to }: { from: string; to: string }) {
  return daysBetween(from, to) + 1
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

/** [start, end) as instants: start of `from`, start of the day after `to`, in `timeZone` (the workspace's). */
export function periodBounds(period: { from: string; to: string }, timeZone = UTC) {
  return { start: startOfDay(period.from, timeZone), end: startOfNextDay(period.to, timeZone) }
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
