// Plain-language sentences for the decision. Numbers are rounded for people, not for machines:
// the exact values are in the rest of the response.

import type { Interval } from './intervals'

export type Arm = {
  key: string
  visitors: number
  rate: number | null
  relativeLift: number | null
  /** the interval the decision rests on: sequential or fixed-horizon */
  relativeLiftCi: Interval | null
}

export function formatPercent(fraction: number): string {
  const percent = Math.abs(fraction) * 100
  const digits = percent >= 9.95 ? 0 : percent >= 0.995 ? 1 : 2
  return `${Number(percent.toFixed(digits))}%`
}

export function formatSignedPercent(fraction: number): string {
  const text = formatPercent(fraction)
  if (text === '0%') return text
  return fraction > 0 ? `+${text}` : `-${text}`
}

export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US')
}

/** 0.95 → "95%", 0.999 → "99.9%" */
export function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(6))}%`
}

// Beyond +1,000% an upper bound only says "we don't know yet"; the digits would be noise.
const LARGEST_SHOWN_LIFT = 10

export function formatInterval(interval: Interval | null, joiner = 'to'): string {
  if (!interval) return 'not available yet'
  const upper = interval[1] > LARGEST_SHOWN_LIFT ? 'more than +1,000%' : formatSignedPercent(interval[1])
  return `${formatSignedPercent(interval[0])} ${joiner} ${upper}`
}

function describeGap(arm: Arm, control: Arm, adjective: 'better' | 'worse'): string {
  if (arm.relativeLift !== null) return `${formatPercent(arm.relativeLift)} ${adjective}`
  // Control at 0%: a relative change is undefined, so compare the rates themselves.
  return `${adjective} (${formatPercent(arm.rate ?? 0)} vs ${formatPercent(control.rate ?? 0)})`
}

export function describeWinner(best: Arm, control: Arm, winnerCount: number, confidence: string): string {
  const others = winnerCount > 1 ? `, the best of the ${winnerCount} variants that beat ${control.key}` : ''
  return `${best.key} converts ${describeGap(best, control, 'better')} than ${control.key} (${confidence} interval ${formatInterval(best.relativeLiftCi)})${others}; safe to ship.`
}

export function describeControlWin(treatments: Arm[], control: Arm, confidence: string): string {
  if (treatments.length === 1) {
    const [only] = treatments
    return `${control.key} converts better than ${only.key}: ${only.key} is ${describeGap(only, control, 'worse')} (${confidence} interval ${formatInterval(only.relativeLiftCi)}); keep ${control.key}.`
  }
  const list = treatments.map((t) => `${t.key} ${describeGap(t, control, 'worse')}`).join(', ')
  return `${control.key} converts better than every variant (${list}); keep ${control.key}.`
}

export function describeNoDifference(treatments: Arm[], control: Arm, confidence: string): string {
  const fewest = formatCount(Math.min(control.visitors, ...treatments.map((t) => t.visitors)))
  const intervals = treatments.map((t) => t.relativeLiftCi).filter((ci): ci is Interval => ci !== null)
  if (intervals.length === 0) return `After ${fewest} visitors per variant, no variant converts reliably differently from ${control.key}.`
  const bounds: Interval = [Math.min(...intervals.map((ci) => ci[0])), Math.max(...intervals.map((ci) => ci[1]))]
  if (treatments.length === 1) {
    return `After ${fewest} visitors per variant, ${treatments[0].key} and ${control.key} convert about the same: the effect is between ${formatInterval(bounds, 'and')} (${confidence} interval), so anything larger is ruled out.`
  }
  return `After ${fewest} visitors per variant, no variant converts reliably differently from ${control.key}: every effect is between ${formatInterval(bounds, 'and')} (${confidence} intervals), so anything larger is ruled out.`
}

export function describeEarlyLook(arm: Arm, control: Arm, isBetter: boolean, planned: number): string {
  const gap = describeGap(arm, control, isBetter ? 'better' : 'worse')
  return `${arm.key} looks ${gap} than ${control.key}, but a fixed-horizon test is only valid at its planned ${formatCount(planned)} visitors per variant; keep collecting.`
}

export function describeOpenQuestion(treatments: Arm[], control: Arm, confidence: string): string {
  const ranges = treatments.map((t) => `${t.key}: ${formatInterval(t.relativeLiftCi)}`).join('; ')
  return `No clear difference from ${control.key} yet (${ranges}, ${confidence} interval); keep collecting.`
}

export function describeProgress(visitorsNeeded: number, daysNeeded: number | undefined, target: number, isPlanned: boolean, mde: number): string {
  const days = daysNeeded === undefined ? '' : ` (about ${formatCount(daysNeeded)} day${daysNeeded === 1 ? '' : 's'})`
  const goal = isPlanned ? `the planned ${formatCount(target)} per variant` : `${formatCount(target)} per variant, enough to detect a ${formatPercent(mde)} lift`
  return ` About ${formatCount(visitorsNeeded)} more visitors${days} are needed to reach ${goal}.`
}

export function formatPValue(pValue: number): string {
  return pValue < 0.0001 ? 'p < 0.0001' : `p = ${Number(pValue.toPrecision(2))}`
}
