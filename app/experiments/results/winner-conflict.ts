// When the best converter is not the best source of pipeline, the conversion decision ("ship B") and the lead
// quality ("A brings more pipeline") pull in opposite directions. This settles what the page says (decision 060):
// the primary metric decides what ships, as the team chose before the data came in, and the sentence says how sure
// the pipeline difference is, from a direct always-valid comparison of the two variants' pipeline per visitor
// (analyzeMean with the conversion winner as the baseline). Pure.

import { formatAmount, formatConfidence, formatPValueStatement, formatSignedRoundedPercent } from '#app/components/format'
import { englishSpeaker, type Speaker } from '#app/i18n/sentences'
import type { Decision } from '#app/statistics/analyze'
import { analyzeMean, type MeanArm } from '#app/statistics/mean'
import { sayRange } from '#app/statistics/wording'
import type { WinnerConflict } from './shape'

export type WinnerConflictInput = {
  /** the conversion decision: the primary metric's, or any conversion's when the primary metric is pipeline */
  conversion: Decision
  /** its metric's label in the speaker's language, "Any conversion", "Reached SQL" */
  conversionLabel: string
  /** each variant's mature visitors and deal values */
  pipelineArms: MeanArm[]
  /** the pipeline decision, which ships when the primary metric is pipeline */
  pipelineDecision: Decision
  primaryIsPipeline: boolean
  confidence: number
  plannedVisitorsPerVariant?: number | null
  /** who says the note: English for the API (the default), the reader's language on the results page */
  speaker?: Speaker
}

/** The variant with the most pipeline per visitor; null when none has any pipeline yet. Ties go to the earlier variant. */
export function findPipelineLeader(arms: MeanArm[]): MeanArm | null {
  const mean = (a: MeanArm) => (a.visitors > 0 ? a.total / a.visitors : 0)
  const best = arms.reduce<MeanArm | null>((top, a) => (a.visitors > 0 && (top === null || mean(a) > mean(top)) ? a : top), null)
  return best && mean(best) > 0 ? best : null
}

export function resolveWinnerConflict(input: WinnerConflictInput): WinnerConflict | null {
  const { conversion } = input
  if (conversion.status !== 'winner' || !conversion.variant) return null
  const winner = input.pipelineArms.find((a) => a.key === conversion.variant)
  const leader = findPipelineLeader(input.pipelineArms)
  if (!winner || !leader || leader.key === winner.key || leader.total / leader.visitors <= (winner.visitors ? winner.total / winner.visitors : 0)) return null
  const comparison = comparePipeline(leader, winner, input)
  const ships = input.primaryIsPipeline ? (input.pipelineDecision.status === 'winner' ? input.pipelineDecision.variant : null) : winner.key
  const speaker = input.speaker ?? englishSpeaker
  const { say, language } = speaker
  const perVisitor = (a: MeanArm) => formatAmount(a.visitors ? a.total / a.visitors : 0, 2, language)
  const metric = input.conversionLabel.toLocaleLowerCase(language)
  const text = [
    say('winnerConflict.disagree', { winner: winner.key, metric, leader: leader.key, leaderValue: perVisitor(leader), winnerValue: perVisitor(winner) }),
    shipsSentence(speaker, input, metric, winner.key, ships),
    surenessSentence(speaker, comparison, input.confidence),
  ].join(' ')
  return { conversionWinner: winner.key, pipelineLeader: leader.key, ships, comparison, text }
}

/** The leader's pipeline per visitor against the conversion winner's: always-valid, at the experiment's confidence. */
function comparePipeline(leader: MeanArm, winner: MeanArm, input: WinnerConflictInput): WinnerConflict['comparison'] {
  const { variants } = analyzeMean({
    variants: [winner, leader],
    control: winner.key,
    confidence: input.confidence,
    ...(input.plannedVisitorsPerVariant ? { plannedVisitorsPerVariant: input.plannedVisitorsPerVariant } : {}),
  })
  const vs = variants[1]?.vsControl
  if (!vs) return null
  return {
    variant: leader.key,
    baseline: winner.key,
    relativeLift: vs.relativeLift,
    relativeLiftCi: vs.sequentialRelativeLiftCi,
    pValue: vs.sequentialPValue,
    significant: vs.significant,
  }
}

function shipsSentence({ say }: Speaker, input: WinnerConflictInput, metric: string, winner: string, ships: string | null) {
  if (!input.primaryIsPipeline) return say('winnerConflict.shipsConversionWinner', { metric, winner })
  if (ships) return say('winnerConflict.shipsPipelineWinner', { variant: ships })
  return say('winnerConflict.shipsNothing', {})
}

function surenessSentence({ say, language }: Speaker, c: WinnerConflict['comparison'], confidence: number) {
  if (!c || c.relativeLift === null) return c ? say('winnerConflict.unsure', { baseline: c.baseline }) : say('winnerConflict.unsureWinner', {})
  const values = {
    variant: c.variant,
    baseline: c.baseline,
    lift: formatSignedRoundedPercent(c.relativeLift, language),
    confidence: formatConfidence(confidence, language),
    range: sayRange(say, language, c.relativeLiftCi),
    hasP: c.pValue === null ? 'no' : 'yes',
    pValue: c.pValue === null ? '' : formatPValueStatement(c.pValue, language),
  }
  return say(c.significant ? 'winnerConflict.clear' : 'winnerConflict.unclear', values)
}
