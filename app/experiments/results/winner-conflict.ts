// When the best converter is not the best source of pipeline, the conversion decision ("ship B") and the lead
// quality ("A brings more pipeline") pull in opposite directions. This settles what the page says (decision 060):
// the primary metric decides what ships, as the team chose before the data came in, and the sentence says how sure
// the pipeline difference is, from a direct always-valid comparison of the two variants' pipeline per visitor
// (analyzeMean with the conversion winner as the baseline). Pure.

import { formatAmount, formatConfidence, formatLiftRange, formatPValueStatement, formatSignedRoundedPercent } from '#app/components/format'
import type { Decision } from '#app/statistics/analyze'
import { analyzeMean, type MeanArm } from '#app/statistics/mean'
import type { WinnerConflict } from './shape'

export type WinnerConflictInput = {
  /** the conversion decision: the primary metric's, or any conversion's when the primary metric is pipeline */
  conversion: Decision
  /** its metric's label, "Any conversion", "Reached SQL" */
  conversionLabel: string
  /** each variant's mature visitors and deal values */
  pipelineArms: MeanArm[]
  /** the pipeline decision, which ships when the primary metric is pipeline */
  pipelineDecision: Decision
  primaryIsPipeline: boolean
  confidence: number
  plannedVisitorsPerVariant?: number | null
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
  const perVisitor = (a: MeanArm) => formatAmount(a.visitors ? a.total / a.visitors : 0)
  const text = [
    `${winner.key} wins on ${input.conversionLabel.toLowerCase()}, but ${leader.key} brings more pipeline per visitor (${perVisitor(leader)} against ${perVisitor(winner)}).`,
    shipsSentence(input, winner.key, ships),
    surenessSentence(comparison, input.confidence),
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

function shipsSentence(input: WinnerConflictInput, winner: string, ships: string | null) {
  if (!input.primaryIsPipeline) return `The primary metric is ${input.conversionLabel.toLowerCase()}, so it ships ${winner}; pipeline is reported, not decided on.`
  if (ships) return `The primary metric is pipeline per visitor, so it ships ${ships}.`
  return `The primary metric is pipeline per visitor, which has no winner yet: ship nothing on conversions alone.`
}

function surenessSentence(c: WinnerConflict['comparison'], confidence: number) {
  if (!c || c.relativeLift === null) return `How sure the pipeline difference is cannot be said yet: ${c?.baseline ?? 'the winner'} has no pipeline to compare with.`
  const lift = `${c.variant} brings ${formatSignedRoundedPercent(c.relativeLift)} pipeline per visitor against ${c.baseline}`
  const range = `always-valid ${formatConfidence(confidence)} interval ${formatLiftRange(c.relativeLiftCi)}${c.pValue === null ? '' : `, ${formatPValueStatement(c.pValue)}`}`
  return c.significant ? `The pipeline difference is clear: ${lift} (${range}).` : `The pipeline difference is not clear yet: ${lift} (${range}), which may be noise.`
}
