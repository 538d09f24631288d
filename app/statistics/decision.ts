// The call a marketer acts on: keep collecting, ship a winner, keep the control, stop with no
// difference, or fix a broken traffic split first.

import { formatConfidence, formatCount, formatPValueStatement, formatRoundedPercent } from '#app/components/format'
import { computeDecidingVisitors, MIN_VISITORS_PER_VARIANT } from './sample-size'
import { DEFAULT_TUNING_VISITORS } from './sequential'
import { checkSampleRatio, type SampleRatioCheck } from './srm'
import { englishSpeaker, type Speaker } from '#app/i18n/sentences'
import { conversionWording, conversionWordingIn, describeProgress, type Arm, type DecisionWording } from './wording'

export type DecisionStatus = 'collecting' | 'srm' | 'winner' | 'control' | 'no_difference'

export type Decision = {
  status: DecisionStatus
  variant: string | null
  reason: string
  visitorsNeeded?: number
  daysNeeded?: number
}

export { MIN_VISITORS_PER_VARIANT }
/** Without a plan, "enough data" means enough for the deciding analysis to detect this relative lift with 80% power. */
export const DEFAULT_RELATIVE_MDE = 0.1

/** `rate` is the arm's metric (a conversion rate, or a mean such as pipeline per visitor); `conversions` only proportions have. */
export type DecisionArm = Arm & { conversions?: number; significant: boolean; absoluteLift: number | null }

export type DecisionInput = {
  /** every variant; the control's own significant/absoluteLift are ignored */
  arms: DecisionArm[]
  controlIndex: number
  weights: number[]
  srm: SampleRatioCheck
  confidence: number
  sequential: boolean
  plannedVisitorsPerVariant?: number
  dailyVisitors?: number
  /** the sentences; default the conversion ones in English (mean.ts passes money-neutral pipeline ones) */
  wording?: DecisionWording
  /** the language of the decision's other sentences (no visitors, traffic split, progress), as `wording`'s; default English */
  speaker?: Speaker
  /**
   * a mean metric's target without a plan (null: not estimable yet), worked out only when the decision shows it;
   * proportions leave it out and plan from the control's rate
   */
  unplannedTarget?: () => number | null
}

type Progress = { target: number | null; isPlanned: boolean; visitorsNeeded?: number; daysNeeded?: number; reached: boolean }

/** The traffic-split check, then the decision: what every analysis (rates, means) ends with. */
export function checkSplitAndDecide(input: Omit<DecisionInput, 'srm'>): { srm: SampleRatioCheck; decision: Decision } {
  const srm = checkSampleRatio(
    input.arms.map((arm) => arm.visitors),
    input.weights,
  )
  return { srm, decision: decideOutcome({ ...input, srm }) }
}

export function decideOutcome(input: DecisionInput): Decision {
  const control = input.arms[input.controlIndex]
  const treatments = input.arms.filter((_, i) => i !== input.controlIndex)
  const speaker = input.speaker ?? englishSpeaker
  const { say, language } = speaker
  const confidence = formatConfidence(input.confidence, language)
  const { describeWinner, describeControlWin, describeNoDifference, describeEarlyLook, describeOpenQuestion } =
    input.wording ?? (speaker === englishSpeaker ? conversionWording : conversionWordingIn(say, language))
  // Worked out only when the decision reads it: without a plan it is the default plan, milliseconds of integration
  // for each new confidence or variant count, which a traffic-split alarm or a called winner never shows.
  let progress: Progress | undefined
  const readProgress = () => (progress ??= estimateProgress(input))
  const collecting = (reason: string): Decision => ({
    status: 'collecting',
    variant: null,
    reason: joinSentences(reason, describeRemaining(speaker, readProgress())),
    ...pickProgressFields(readProgress()),
  })

  if (input.arms.every((arm) => arm.visitors === 0)) return collecting(say('statistics.noVisitors', {}))
  if (input.srm.detected) return { status: 'srm', variant: null, reason: describeMismatch(input, speaker) }
  const empty = input.arms.find((arm) => arm.visitors === 0)
  if (empty) return collecting(say('statistics.variantWithoutVisitors', { variant: empty.key }))
  const thin = input.arms.find((arm) => arm.visitors < MIN_VISITORS_PER_VARIANT)
  if (thin) return collecting(say('statistics.tooEarly', { minimum: formatCount(MIN_VISITORS_PER_VARIANT, 0, language), variant: thin.key, visitors: formatCount(thin.visitors, 0, language) }))

  // A fixed-horizon p-value is only valid at the planned sample; looking earlier is peeking.
  const isEarlyFixedLook = !input.sequential && input.plannedVisitorsPerVariant !== undefined && !readProgress().reached
  const winners = treatments.filter(isClearlyBetter)
  if (winners.length > 0) {
    const best = winners.reduce((a, b) => ((b.rate ?? 0) > (a.rate ?? 0) ? b : a))
    if (isEarlyFixedLook) return collecting(describeEarlyLook(best, control, true, input.plannedVisitorsPerVariant!))
    return { status: 'winner', variant: best.key, reason: describeWinner(best, control, winners.length, confidence) }
  }
  const losers = treatments.filter(isClearlyWorse)
  if (losers.length === treatments.length) {
    if (isEarlyFixedLook) return collecting(describeEarlyLook(losers[0], control, false, input.plannedVisitorsPerVariant!))
    return { status: 'control', variant: control.key, reason: describeControlWin(losers, control, confidence) }
  }
  if (readProgress().reached) return { status: 'no_difference', variant: null, reason: describeNoDifference(treatments, control, confidence) }
  return collecting(describeOpenQuestion(treatments, control, confidence))
}

// A call needs the adjusted p-value and the quoted interval to agree. They are different
// approximations (z-test on the difference, Katz on the ratio) and disagree in about 1% of
// borderline results; the decision then waits rather than print "safe to ship (−0.3% to +20%)".
function isClearlyBetter(arm: DecisionArm): boolean {
  return arm.significant && (arm.absoluteLift ?? 0) > 0 && arm.relativeLiftCi !== null && arm.relativeLiftCi[0] > 0
}

function isClearlyWorse(arm: DecisionArm): boolean {
  return arm.significant && (arm.absoluteLift ?? 0) < 0 && arm.relativeLiftCi !== null && arm.relativeLiftCi[1] < 0
}

/**
 * Visitors per variant the test should reach: the plan when given, else the default plan.
 * visitorsNeeded is the extra total traffic, at the configured split, until every variant has it.
 */
function estimateProgress(input: DecisionInput): Progress {
  const control = input.arms[input.controlIndex]
  const isPlanned = input.plannedVisitorsPerVariant !== undefined
  let target = input.plannedVisitorsPerVariant ?? null
  if (target === null && input.unplannedTarget !== undefined) target = input.unplannedTarget()
  else if (target === null && control.visitors > 0 && control.conversions !== undefined) {
    const counts = { visitors: control.visitors, conversions: control.conversions }
    target = computeDefaultPlan({ control: counts, confidence: input.confidence, variants: input.arms.length, sequential: input.sequential })
  }
  if (target === null) return { target, isPlanned, reached: false }
  const weightSum = input.weights.reduce((sum, w) => sum + w, 0)
  let visitorsNeeded = 0
  input.arms.forEach((arm, i) => {
    const share = input.weights[i] / weightSum
    visitorsNeeded = Math.max(visitorsNeeded, Math.max(0, target - arm.visitors) / share)
  })
  visitorsNeeded = Math.ceil(visitorsNeeded - 1e-9)
  const daysNeeded = input.dailyVisitors === undefined ? undefined : Math.ceil(visitorsNeeded / input.dailyVisitors)
  return { target, isPlanned, visitorsNeeded, daysNeeded, reached: visitorsNeeded === 0 }
}

/**
 * The plan when none is given: the sample the deciding analysis (sequential or fixed-horizon) needs to detect a
 * +10% relative lift at the control's current rate, with 80% power, for the sequence as analyze tunes it without a plan. The rate is smoothed, (x + ½)/(n + 1), so
 * 0/n still plans, and capped at 0.9 so the lifted rate stays below 1.
 */
function computeDefaultPlan({ control, confidence, variants, sequential }: { control: { visitors: number; conversions: number }; confidence: number; variants: number; sequential: boolean }): number {
  const baselineRate = Math.min(0.9, (control.conversions + 0.5) / (control.visitors + 1))
  // Without a plan analyze tunes the sequence at DEFAULT_TUNING_VISITORS, so the plan is solved for that sequence.
  return computeDecidingVisitors({ baselineRate, relativeMde: DEFAULT_RELATIVE_MDE, alpha: 1 - confidence, variants, sequential, tuningVisitors: DEFAULT_TUNING_VISITORS })
}

function pickProgressFields(progress: Progress): Pick<Decision, 'visitorsNeeded' | 'daysNeeded'> {
  const fields: Pick<Decision, 'visitorsNeeded' | 'daysNeeded'> = {}
  if (progress.visitorsNeeded !== undefined && progress.visitorsNeeded > 0) fields.visitorsNeeded = progress.visitorsNeeded
  if (fields.visitorsNeeded !== undefined && progress.daysNeeded !== undefined) fields.daysNeeded = progress.daysNeeded
  return fields
}

function describeRemaining(speaker: Speaker, progress: Progress): string {
  if (progress.target === null || !progress.visitorsNeeded) return ''
  return describeProgress(speaker, progress.visitorsNeeded, progress.daysNeeded, progress.target, progress.isPlanned, DEFAULT_RELATIVE_MDE)
}

// Name the variant whose share is furthest, relatively, from what the weights promise.
function describeMismatch(input: DecisionInput, { say, language }: Speaker): string {
  const total = input.arms.reduce((sum, arm) => sum + arm.visitors, 0)
  const weightSum = input.weights.reduce((sum, w) => sum + w, 0)
  const shares = input.arms.map((arm, i) => ({ key: arm.key, observed: arm.visitors / total, expected: input.weights[i] / weightSum }))
  const worst = shares.reduce((a, b) => (Math.abs(b.observed / b.expected - 1) > Math.abs(a.observed / a.expected - 1) ? b : a))
  return say('statistics.trafficSplitOff', {
    variant: worst.key,
    observed: formatRoundedPercent(worst.observed, language),
    expected: formatRoundedPercent(worst.expected, language),
    evidence: input.srm.pValue === null ? 'no' : 'yes',
    pValue: input.srm.pValue === null ? '' : formatPValueStatement(input.srm.pValue, language),
  })
}

/** Two sentences one after the other; the second may be empty. */
function joinSentences(first: string, second: string) {
  return second ? `${first} ${second}` : first
}
