import type { TFunction } from 'i18next'
import { englishTranslator } from '#app/i18n/i18n'
import { formatAmount, formatCount, formatDuration, formatLargePercent, formatPercent, formatPoints, formatRelativeChange } from '#app/components/format'

/**
 * How a KPI is read:
 * - 'rate': a share of a whole (conversion, bounce and win rates, a device's share): 0–100 %, changes in percentage
 *   points, since both values are parts of the same kind of whole;
 * - 'return': a ratio that is not a share and runs to thousands of percent (ROI), changes by a share of itself;
 * - 'count', 'money', 'days' (a duration, kept in days): change by a share of themselves.
 */
export type KpiKind = 'count' | 'rate' | 'return' | 'money' | 'days'
/** Whether a rise is good news (leads), bad news (bounce rate, CAC) or neither (cold leads). */
export type Polarity = 'up' | 'down' | 'neutral'

export type Change = {
  direction: 'up' | 'down' | 'same'
  /** Good, bad or neither, for the colour; the words carry the meaning on their own. */
  tone: 'good' | 'bad' | 'neutral'
  /** "up 25.0%", "down 1.2 pp", "no change", "up from none", "up" (a relative change across zero means nothing). */
  text: string
}

/** The reader's words and number formats (English by default, as the tests and the API read). */
export type Reader = { t: TFunction; language: string }
const ENGLISH: Reader = { t: englishTranslator.t, language: 'en' }

export function formatKpi(value: number | null | undefined, kind: KpiKind, language = 'en') {
  if (value === null || value === undefined) return '–'
  if (kind === 'rate') return formatPercent(value, 1, language)
  if (kind === 'return') return formatLargePercent(value, language)
  if (kind === 'money') return formatAmount(value, 0, language)
  if (kind === 'days') return formatDuration(value, language)
  // Linear attribution gives fractional credit.
  return formatCount(value, 1, language)
}

/**
 * The change from the comparison period, in words; null when there is nothing to compare. The rule for every
 * ratio: a share changes in percentage points; any other figure by a share of itself, and only from a positive value to one
 * not below zero (from −100 % to +37 % is no percentage of anything: then just "up", with "was …" beside it).
 * Two values that print the same are no change, so no arrow says "down" between "2 minutes" and "2 minutes".
 */
export function describeChange(value: number | null, previous: number | null, kind: KpiKind, polarity: Polarity = 'up', { t, language }: Reader = ENGLISH): Change | null {
  if (value === null || previous === null) return null
  const delta = value - previous
  if (delta === 0 || formatKpi(value, kind) === formatKpi(previous, kind)) return { direction: 'same', tone: 'neutral', text: t('dashboard.change.same') }
  const direction = delta > 0 ? 'up' : 'down'
  const tone = polarity === 'neutral' ? 'neutral' : direction === polarity ? 'good' : 'bad'
  if (kind === 'rate') return { direction, tone, text: t('dashboard.change.by', { direction, amount: formatPoints(Math.abs(delta), 1, language) }) }
  if (previous === 0 && value > 0) return { direction, tone, text: t('dashboard.change.fromNone', { direction }) }
  if (previous <= 0 || value < 0) return { direction, tone, text: t('dashboard.change.only', { direction }) }
  return { direction, tone, text: t('dashboard.change.by', { direction, amount: formatRelativeChange(delta / previous, language) }) }
}
