// Days: the one home for day arithmetic. A day is yyyy-mm-dd text, as the admin shows it, the rollups store it and
// URLs carry it. Which day an instant falls on, and when a day starts, depend on a time zone: every function that
// crosses between days and instants takes one (an IANA name): the workspace's (workspaces.timezone, decision 072)
// for the dashboard, the KPI rollups, the leads' date filters and the experiments' days (decision 087).
// Pure, and safe on both sides.

/** yyyy-mm-dd */
export type Day = string

export const DAY_MS = 86_400_000

export const UTC = 'UTC'

// The days a report or a filter may name: far wider than any real data, and narrow enough that no day arithmetic
// leaves four-digit years (9999-12-31 plus a day is +010000-01-01 in toISOString, which PostgreSQL refuses: a 500
// before this range existed).
export const FIRST_DAY: Day = '2000-01-01'
export const LAST_DAY: Day = '2100-12-31'

/** Midnight UTC of `day`, in ms: the calendar's own arithmetic, the same in every zone. */
const utcMidnight = (day: Day) => Date.parse(`${day}T00:00:00Z`)
const utcDayOf = (time: number): Day => new Date(time).toISOString().slice(0, 10)

/** The day `instant` falls on in `timeZone`. */
export function dayOf(instant: Date | number | string, timeZone = UTC): Day {
  const time = new Date(instant).getTime()
  if (timeZone === UTC) return utcDayOf(time)
  const { year, month, day } = wallClock(time, timeZone)
  return `${year}-${month}-${day}`
}

/** Today in `timeZone`. */
export function today(now = new Date(), timeZone = UTC): Day {
  return dayOf(now, timeZone)
}

/** The first instant of `day` in `timeZone` (in UTC, its midnight). */
export function startOfDay(day: Day, timeZone = UTC): Date {
  const midnight = utcMidnight(day)
  if (timeZone === UTC) return new Date(midnight)
  // Midnight on the wall clock, less the zone's offset at that moment; a second pass settles the offset when a
  // clock change falls between, and where midnight itself is skipped (clocks go from 00:00 to 01:00) the day
  // starts at the first instant that is on it.
  let start = midnight - offsetAt(midnight, timeZone)
  start = midnight - offsetAt(start, timeZone)
  while (dayOf(start, timeZone) < day) start += 15 * 60_000
  while (dayOf(start - 1, timeZone) === day) start -= 15 * 60_000
  return new Date(start)
}

/** The first instant after `day` in `timeZone`: the exclusive end of a range of days that ends with `day`. */
export function startOfNextDay(day: Day, timeZone = UTC): Date {
  if (timeZone === UTC) return new Date(utcMidnight(day) + DAY_MS)
  return startOfDay(addDays(day, 1), timeZone)
}

/** The day `days` calendar days after `day` (before, when negative). */
export function addDays(day: Day, days: number): Day {
  return utcDayOf(utcMidnight(day) + days * DAY_MS)
}

/** Calendar days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS)
}

/** Every day from `first` to `last`, both included. */
export function eachDay(first: Day, last: Day): Day[] {
  const days: Day[] = []
  for (let t = utcMidnight(first); t <= utcMidnight(last); t += DAY_MS) days.push(utcDayOf(t))
  return days
}

/**
 * The instant `days` calendar days after `instant` (before, when negative) at the same time on `timeZone`'s wall
 * clock: a week after Saturday 09:00 in Stockholm is the next Saturday 09:00 there, 167 or 169 hours later when the
 * clocks change between. A wall-clock time the change skips comes out an hour later.
 */
export function addDaysAt(instant: Date, days: number, timeZone = UTC): Date {
  const time = instant.getTime()
  if (timeZone === UTC) return new Date(time + days * DAY_MS)
  // The wall clock wanted (as if it were UTC), less the offset: the start's first, then the one at that guess.
  const wall = time + offsetAt(time, timeZone) + days * DAY_MS
  const guess = wall - offsetAt(time, timeZone)
  const at = wall - offsetAt(guess, timeZone)
  if (at + offsetAt(at, timeZone) === wall) return new Date(at)
  return new Date(Math.max(guess, at)) // a skipped wall-clock time: the later of the two readings
}

/**
 * Whole days from `start` to `end` on `timeZone`'s calendar, rounded down: a week-old experiment has run 7 days, at
 * the same wall-clock time a week on (addDaysAt), daylight-saving changes between included.
 */
export function elapsedDays(start: Date, end: Date, timeZone = UTC): number {
  if (timeZone === UTC) return Math.floor((end.getTime() - start.getTime()) / DAY_MS)
  let days = daysBetween(dayOf(start, timeZone), dayOf(end, timeZone))
  while (addDaysAt(start, days, timeZone).getTime() > end.getTime()) days--
  while (addDaysAt(start, days + 1, timeZone).getTime() <= end.getTime()) days++
  return days
}

const wallClocks = new Map<string, Intl.DateTimeFormat>()

/** What a wall clock in `timeZone` shows at `time`, as two-digit (four for the year) text. */
function wallClock(time: number, timeZone: string) {
  let format = wallClocks.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    wallClocks.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(time).map((p) => [p.type, p.value]))
  return { year: parts.year!.padStart(4, '0'), month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! }
}

/** How far `timeZone`'s wall clock is ahead of UTC at `time`, in ms. */
function offsetAt(time: number, timeZone: string): number {
  const c = wallClock(time, timeZone)
  const wall = Date.UTC(Number(c.year), Number(c.month) - 1, Number(c.day), Number(c.hour), Number(c.minute), Number(c.second))
  return wall - Math.floor(time / 1000) * 1000
}
