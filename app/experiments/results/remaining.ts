import { formatCount, UNREACHABLE_PLAN_TEXT } from '#app/components/format'
import { MAX_REACHABLE_DAYS } from '#app/statistics/sample-size'

// How much traffic a running experiment still needs, in words. Past a year the day count is no plan anyone
// can follow ("about 129,767 days"), so it reads as not reachable instead. The sample-size calculator says the
// same words for the same rule (issue 16).

export type Remaining = { visitorsNeeded?: number; daysNeeded?: number }

/** False only when the days are known and beyond a year. */
export function isReachable({ daysNeeded }: Pick<Remaining, 'daysNeeded'>): boolean {
  return daysNeeded === undefined || daysNeeded <= MAX_REACHABLE_DAYS
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`

/** "about 1,200 more visitors, about 5 days", "about 1,200 more visitors" (no traffic yet), or the unreachable words. */
export function describeRemaining(remaining: Remaining): string {
  if (!isReachable(remaining)) return UNREACHABLE_PLAN_TEXT
  const visitors = remaining.visitorsNeeded ? `about ${plural(remaining.visitorsNeeded, 'more visitor')}` : 'more visitors'
  return remaining.daysNeeded ? `${visitors}, about ${plural(remaining.daysNeeded, 'day')}` : visitors
}
