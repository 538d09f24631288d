// Plain-language sentences for the decision. Numbers are rounded for people, not for machines (the sentence
// formats of app/components/format.ts): the exact values are in the rest of the response.

import { formatCount, formatLiftRange, formatPlanDays, formatRoundedPercent, UNREACHABLE_PLAN_TEXT } from '#app/components/format'
import { isReachable } from '#app/experiments/results/remaining'
import type { Interval } from './intervals'

export type Arm = {
  key: string
  visitors: number
  rate: number | null
  relativeLift: number | null
  /** the interval the decision rests on: sequential or fixed-horizon */
  relativeLiftCi: Interval | null
}

function describeGap(arm: Arm, control: Arm, adjective: 'better' | 'worse'): string {
  if (arm.relativeLift !== null) return `${formatRoundedPercent(arm.relativeLift)} ${adjective}`
  // Control at 0%: a relative change is undefined, so compare the rates themselves.
  return `${adjective} (${formatRoundedPercent(arm.rate ?? 0)} vs ${formatRoundedPercent(control.rate ?? 0)})`
}

export function describeWinner(best: Arm, control: Arm, winnerCount: number, confidence: string): string {
  const others = winnerCount > 1 ? `, the best of the ${winnerCount} variants that beat ${control.key}` : ''
  return `${best.key} converts ${describeGap(best, control, 'better')} than ${control.key} (${confidence} interval ${formatLiftRange(best.relativeLiftCi)})${others}; safe to ship.`
}

export function describeControlWin(treatments: Arm[], control: Arm, confidence: string): string {
  if (treatments.length === 1) {
    const [only] = treatments
    return `${control.key} converts better than ${only.key}: ${only.key} is ${describeGap(only, control, 'worse')} (${confidence} interval ${formatLiftRange(only.relativeLiftCi)}); keep ${control.key}.`
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
    return `After ${fewest} visitors per variant, ${treatments[0].key} and ${control.key} convert about the same: the effect is between ${formatLiftRange(bounds, 'and')} (${confidence} interval), so anything larger is ruled out.`
  }
  return `After ${fewest} visitors per variant, no variant converts reliably differently from ${control.key}: every effect is between ${formatLiftRange(bounds, 'and')} (${confidence} intervals), so anything larger is ruled out.`
}

export function describeEarlyLook(arm: Arm, control: Arm, isBetter: boolean, planned: number): string {
  const gap = describeGap(arm, control, isBetter ? 'better' : 'worse')
  return `${arm.key} looks ${gap} than ${control.key}, but a fixed-horizon test is only valid at its planned ${formatCount(planned)} visitors per variant; keep collecting.`
}

export function describeOpenQuestion(treatments: Arm[], control: Arm, confidence: string): string {
  const ranges = treatments.map((t) => `${t.key}: ${formatLiftRange(t.relativeLiftCi)}`).join('; ')
  return `No clear difference from ${control.key} yet (${ranges}, ${confidence} interval); keep collecting.`
}

export function describeProgress(visitorsNeeded: number, daysNeeded: number | undefined, target: number, isPlanned: boolean, mde: number): string {
  const goal = isPlanned ? `the planned ${formatCount(target)} per variant` : `${formatCount(target)} per variant, enough to detect a ${formatRoundedPercent(mde)} lift`
  // "about 129,767 days" is no plan: past a year the screens and the calculator say it is not reachable.
  if (!isReachable({ daysNeeded })) {
    const unreachable = isPlanned ? goal : `${formatCount(target)} per variant (enough to detect a ${formatRoundedPercent(mde)} lift)`
    return ` Reaching ${unreachable} is ${UNREACHABLE_PLAN_TEXT}.`
  }
  const days = daysNeeded === undefined ? '' : ` (${formatPlanDays(daysNeeded)})`
  return ` About ${formatCount(visitorsNeeded)} more visitors${days} are needed to reach ${goal}.`
}

/** The sentences a decision is made of; mean metrics bring their own (mean-wording.ts). */
export type DecisionWording = {
  describeWinner: typeof describeWinner
  describeControlWin: typeof describeControlWin
  describeNoDifference: typeof describeNoDifference
  describeEarlyLook: typeof describeEarlyLook
  describeOpenQuestion: typeof describeOpenQuestion
}

export const conversionWording: DecisionWording = { describeWinner, describeControlWin, describeNoDifference, describeEarlyLook, describeOpenQuestion }
