// The decision's sentences for a mean metric, pipeline (deal value per visitor). Money-neutral on
// purpose: the deal values are in the workspace's own currency, which the statistics do not know,
// so the sentences speak of relative changes only ("12% more pipeline per visitor").

import { formatCount, formatLiftRange, formatRoundedPercent } from '#app/components/format'
import type { Interval } from './intervals'
import type { Arm, DecisionWording } from './wording'

const METRIC = 'pipeline per visitor'

function describeChange(arm: Arm, control: Arm, direction: 'more' | 'less'): string {
  if (arm.relativeLift !== null) return `${formatRoundedPercent(arm.relativeLift)} ${direction}`
  // The control has no pipeline yet, so a relative change is undefined; say so rather than print an amount.
  return `${direction} (${control.key} has none yet)`
}

function describeWinner(best: Arm, control: Arm, winnerCount: number, confidence: string): string {
  const others = winnerCount > 1 ? `, the best of the ${winnerCount} variants that beat ${control.key}` : ''
  return `${best.key} brings ${describeChange(best, control, 'more')} ${METRIC} than ${control.key} (${confidence} interval ${formatLiftRange(best.relativeLiftCi)})${others}; safe to ship.`
}

function describeControlWin(treatments: Arm[], control: Arm, confidence: string): string {
  if (treatments.length === 1) {
    const [only] = treatments
    return `${control.key} brings more ${METRIC} than ${only.key}: ${only.key} brings ${describeChange(only, control, 'less')} (${confidence} interval ${formatLiftRange(only.relativeLiftCi)}); keep ${control.key}.`
  }
  const list = treatments.map((t) => `${t.key} ${describeChange(t, control, 'less')}`).join(', ')
  return `${control.key} brings more ${METRIC} than every variant (${list}); keep ${control.key}.`
}

function describeNoDifference(treatments: Arm[], control: Arm, confidence: string): string {
  const fewest = formatCount(Math.min(control.visitors, ...treatments.map((t) => t.visitors)))
  const intervals = treatments.map((t) => t.relativeLiftCi).filter((ci): ci is Interval => ci !== null)
  if (intervals.length === 0) return `After ${fewest} visitors per variant, no variant brings reliably different ${METRIC} from ${control.key}.`
  const bounds: Interval = [Math.min(...intervals.map((ci) => ci[0])), Math.max(...intervals.map((ci) => ci[1]))]
  if (treatments.length === 1) {
    return `After ${fewest} visitors per variant, ${treatments[0].key} and ${control.key} bring about the same ${METRIC}: the effect is between ${formatLiftRange(bounds, 'and')} (${confidence} interval), so anything larger is ruled out.`
  }
  return `After ${fewest} visitors per variant, no variant brings reliably different ${METRIC} from ${control.key}: every effect is between ${formatLiftRange(bounds, 'and')} (${confidence} intervals), so anything larger is ruled out.`
}

function describeEarlyLook(arm: Arm, control: Arm, isBetter: boolean, planned: number): string {
  const change = describeChange(arm, control, isBetter ? 'more' : 'less')
  return `${arm.key} seems to bring ${change} ${METRIC} than ${control.key}, but a fixed-horizon test is only valid at its planned ${formatCount(planned)} visitors per variant; keep collecting.`
}

function describeOpenQuestion(treatments: Arm[], control: Arm, confidence: string): string {
  const ranges = treatments.map((t) => `${t.key}: ${formatLiftRange(t.relativeLiftCi)}`).join('; ')
  return `No clear difference in ${METRIC} from ${control.key} yet (${ranges}, ${confidence} interval); keep collecting.`
}

export const pipelineWording: DecisionWording = { describeWinner, describeControlWin, describeNoDifference, describeEarlyLook, describeOpenQuestion }
