import { formatCount } from '#app/components/format'
import { englishSpeaker, type Speaker } from '#app/i18n/sentences'
import { MAX_REACHABLE_DAYS } from '#app/statistics/sample-size'

// How much traffic a running experiment still needs, in words. Past a year the day count is no plan anyone
// can follow ("about 129,767 days"), so it reads as not reachable instead. The sample-size calculator says the
// same words for the same rule (issue 16).

export type Remaining = {
  visitorsNeeded?: number
  daysNeeded?: number
  /** lead metrics: the days of daysNeeded spent waiting for the last needed visitors' leads to mature (estimateLeadDaysNeeded) */
  maturingDays?: number
}

/** False only when the days are known and beyond a year. */
export function isReachable({ daysNeeded }: Pick<Remaining, 'daysNeeded'>): boolean {
  return daysNeeded === undefined || daysNeeded <= MAX_REACHABLE_DAYS
}

/**
 * "about 1,200 more visitors, about 5 days", "about 1,200 more visitors" (no traffic yet), or the unreachable words;
 * for a lead metric the days say how many of them wait for leads to mature ("about 19 days, 14 of them for …").
 */
export function describeRemaining(remaining: Remaining, { say, language }: Speaker = englishSpeaker): string {
  if (!isReachable(remaining)) return say('results.remaining.unreachable', {})
  const { visitorsNeeded, daysNeeded, maturingDays } = remaining
  return say('results.remaining.needed', {
    hasVisitors: visitorsNeeded ? 'yes' : 'no',
    visitors: formatCount(visitorsNeeded ?? 0, 0, language),
    visitorCount: visitorsNeeded ?? 0,
    hasDays: daysNeeded ? 'yes' : 'no',
    days: daysNeeded ?? 0,
    // The maturity part of daysNeeded: all of it, some of it, or none.
    maturing: !maturingDays || daysNeeded === undefined ? 'none' : maturingDays >= daysNeeded ? 'all' : 'some',
    maturingDays: formatCount(maturingDays ?? 0, 0, language),
  })
}

/**
 * Days until a lead metric (hot, a funnel stage, pipeline) reaches its plan. It counts only visitors exposed at least
 * `maturityDays` ago, and each day one more exposure day passes the cutoff. So the visitorsNeeded more mature visitors
 * come first from those already exposed but not mature yet, oldest first (`immatureByDay`: visitors per exposure day
 * after the cutoff, oldest first, the newest today's), and then from new traffic, each new day's visitors
 * maturityDays after they arrive. Without recent traffic only the visitors already exposed can be counted on.
 */
export function estimateLeadDaysNeeded({
  visitorsNeeded,
  dailyVisitors,
  maturityDays,
  immatureByDay,
}: {
  visitorsNeeded: number
  dailyVisitors: number | null
  maturityDays: number
  immatureByDay: number[]
}): Pick<Remaining, 'daysNeeded' | 'maturingDays'> {
  let maturing = 0
  for (let day = 0; day < immatureByDay.length; day++) {
    maturing += immatureByDay[day]!
    if (maturing >= visitorsNeeded) return { daysNeeded: day + 1, maturingDays: day + 1 }
  }
  if (!dailyVisitors) return {}
  const trafficDays = Math.ceil((visitorsNeeded - maturing) / dailyVisitors - 1e-9)
  return { daysNeeded: trafficDays + maturityDays, maturingDays: maturityDays }
}
