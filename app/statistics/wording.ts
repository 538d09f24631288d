// Plain-language sentences for the decision. Numbers are rounded for people, not for machines (the sentence
// formats of app/components/format.ts): the exact values are in the rest of the response.
//
// Each sentence is one whole message of the catalogues' `statistics` section (app/i18n/catalogues/), with ICU
// placeholders and plurals: translated sentence by sentence, never assembled from translated words. The API and
// auto-ship speak English (`conversionWording`); a screen asks for its reader's language (`conversionWordingIn`).

import { formatCount, formatRoundedPercent, liftRangeEnds } from '#app/components/format'
import { isReachable } from '#app/experiments/results/remaining'
import { sayInEnglish, type Say, type Speaker } from '#app/i18n/sentences'
import type { Interval } from './intervals'

export type Arm = {
  key: string
  visitors: number
  rate: number | null
  relativeLift: number | null
  /** the interval the decision rests on: sequential or fixed-horizon */
  relativeLiftCi: Interval | null
}

/** The lift interval's words for a sentence, as formatLiftRange says them: "-3% to +12%", "+5% and more than +1,000%". */
export function sayRange(say: Say, language: string, interval: Interval | null, joiner: 'to' | 'and' = 'to') {
  if (!interval) return say('statistics.rangeUnknown', {})
  const { low, high } = liftRangeEnds(interval, language)
  return say(joiner === 'to' ? 'statistics.rangeTo' : 'statistics.rangeAnd', { low, high: high ?? say('statistics.beyondLargestLift', {}) })
}

/** The values every comparison of `arm` with the control shares; `byRates` when the control is at 0% and a relative change is undefined. */
export function comparison(arm: Arm, control: Arm, language: string) {
  return {
    variant: arm.key,
    control: control.key,
    byRates: arm.relativeLift === null ? 'yes' : 'no',
    lift: arm.relativeLift === null ? '' : formatRoundedPercent(arm.relativeLift, language),
    rate: formatRoundedPercent(arm.rate ?? 0, language),
    controlRate: formatRoundedPercent(control.rate ?? 0, language),
  }
}

/** The conversion decision's sentences in the language `say` speaks. */
export function conversionWordingIn(say: Say, language: string): DecisionWording {
  const range = (interval: Interval | null, joiner?: 'to' | 'and') => sayRange(say, language, interval, joiner)
  const fewestOf = (treatments: Arm[], control: Arm) => formatCount(Math.min(control.visitors, ...treatments.map((t) => t.visitors)), 0, language)
  return {
    describeWinner: (best, control, winnerCount, confidence) =>
      say('statistics.winner', { ...comparison(best, control, language), confidence, range: range(best.relativeLiftCi), winners: winnerCount }),
    describeControlWin(treatments, control, confidence) {
      if (treatments.length === 1) return say('statistics.controlWinsOne', { ...comparison(treatments[0]!, control, language), confidence, range: range(treatments[0]!.relativeLiftCi) })
      const list = treatments.map((t) => say('statistics.worseItem', comparison(t, control, language))).join(', ')
      return say('statistics.controlWinsAll', { control: control.key, list })
    },
    describeNoDifference(treatments, control, confidence) {
      const fewest = fewestOf(treatments, control)
      const intervals = treatments.map((t) => t.relativeLiftCi).filter((ci): ci is Interval => ci !== null)
      if (intervals.length === 0) return say('statistics.noDifferenceYet', { fewest, control: control.key })
      const bounds: Interval = [Math.min(...intervals.map((ci) => ci[0])), Math.max(...intervals.map((ci) => ci[1]))]
      const values = { fewest, control: control.key, variant: treatments[0]!.key, confidence, range: range(bounds, 'and') }
      return say(treatments.length === 1 ? 'statistics.noDifferenceOne' : 'statistics.noDifferenceAll', values)
    },
    describeEarlyLook: (arm, control, isBetter, planned) =>
      say('statistics.earlyLook', { ...comparison(arm, control, language), direction: isBetter ? 'better' : 'worse', planned: formatCount(planned, 0, language) }),
    describeOpenQuestion(treatments, control, confidence) {
      const ranges = treatments.map((t) => say('statistics.rangeItem', { variant: t.key, range: range(t.relativeLiftCi) })).join('; ')
      return say('statistics.openQuestion', { control: control.key, ranges, confidence })
    },
  }
}

/**
 * How far the test still has to go, a sentence to follow a "keep collecting" one: "About 1,200 more visitors (about
 * 3 days) are needed to reach the planned 20,000 per variant."; past a year (isReachable) it says the plan is not
 * reachable, since "about 129,767 days" is no plan.
 */
export function describeProgress(speaker: Speaker, visitorsNeeded: number, daysNeeded: number | undefined, target: number, isPlanned: boolean, mde: number): string {
  const { say, language } = speaker
  const values = { target: formatCount(target, 0, language), mde: formatRoundedPercent(mde, language) }
  if (!isReachable({ daysNeeded })) return say(isPlanned ? 'statistics.unreachablePlanned' : 'statistics.unreachableDefault', values)
  const days = { hasDays: daysNeeded === undefined ? 'no' : 'yes', days: daysNeeded ?? 0 }
  return say(isPlanned ? 'statistics.progressPlanned' : 'statistics.progressDefault', { ...values, ...days, needed: formatCount(visitorsNeeded, 0, language) })
}

/** The sentences a decision is made of; mean metrics bring their own (mean-wording.ts). */
export type DecisionWording = {
  describeWinner: (best: Arm, control: Arm, winnerCount: number, confidence: string) => string
  describeControlWin: (treatments: Arm[], control: Arm, confidence: string) => string
  describeNoDifference: (treatments: Arm[], control: Arm, confidence: string) => string
  describeEarlyLook: (arm: Arm, control: Arm, isBetter: boolean, planned: number) => string
  describeOpenQuestion: (treatments: Arm[], control: Arm, confidence: string) => string
}

/** The sentences in English: the API's, auto-ship's and every screen's until it asks for another language. */
export const conversionWording: DecisionWording = conversionWordingIn(sayInEnglish, 'en')
