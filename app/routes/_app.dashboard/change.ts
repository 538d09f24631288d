import { formatAmount, formatCount, formatPercent, formatPoints } from '#app/components/format'

/** How a KPI is read: counts and money change by a share of themselves, rates by percentage points. */
export type KpiKind = 'count' | 'rate' | 'money' | 'days'
/** Whether a rise is good news (leads), bad news (bounce rate, CAC) or neither (cold leads). */
export type Polarity = 'up' | 'down' | 'neutral'

export type Change = {
  direction: 'up' | 'down' | 'same'
  /** Good, bad or neither, for the colour; the words carry the meaning on their own. */
  tone: 'good' | 'bad' | 'neutral'
  /** "up 25.0%", "down 1.2 pp", "no change", "up from none". */
  text: string
}

export function formatKpi(value: number | null | undefined, kind: KpiKind) {
  if (value === null || value === undefined) return '–'
  if (kind === 'rate') return formatPercent(value, 1)
  if (kind === 'money') return formatAmount(value, 0)
  if (kind === 'days') return `${value.toFixed(1)} ${value === 1 ? 'day' : 'days'}`
  // Linear attribution gives fractional credit.
  return formatCount(value, 1)
}

/** The change from the comparison period, in words; null when there is nothing to compare. */
export function describeChange(value: number | null, previous: number | null, kind: KpiKind, polarity: Polarity = 'up'): Change | null {
  if (value === null || previous === null) return null
  const delta = value - previous
  // Below a rounding unit is no change: 12.30% against 12.31% is not news.
  const epsilon = kind === 'rate' ? 0.0005 : 1e-9
  if (Math.abs(delta) < epsilon) return { direction: 'same', tone: 'neutral', text: 'no change' }
  const direction = delta > 0 ? 'up' : 'down'
  const tone = polarity === 'neutral' ? 'neutral' : direction === polarity ? 'good' : 'bad'
  if (kind === 'rate') return { direction, tone, text: `${direction} ${formatPoints(Math.abs(delta), 1)}` }
  if (previous === 0) return { direction, tone, text: `${direction} from none` }
  return { direction, tone, text: `${direction} ${formatPercent(Math.abs(delta / previous), 1)}` }
}
