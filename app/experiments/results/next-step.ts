// What the team should do next: the statistics module's decision, read against the experiment's status and its
// minimum runtime. The decision's own `reason` stays the banner's sentence; this adds the step it leads to.

import type { Decision } from '#app/statistics/analyze'
import { englishSpeaker, type Speaker } from '#app/i18n/sentences'
import { dayOf } from '#app/time/days'
import type { ResultsExperimentRow } from './compute'
import { describeGuardrail, type GuardrailVerdict } from './guardrail'
import { describeRemaining, isReachable } from './remaining'
import type { ResultsProgress, SuggestedAction } from './shape'

export function suggestNextStep(
  e: Pick<ResultsExperimentRow, 'status' | 'winnerKey' | 'controlKey' | 'autoShip' | 'minRuntimeDays'>,
  decision: Decision,
  progress: Pick<ResultsProgress, 'minRuntimeReached' | 'minRuntimeEndsAt'> & Partial<Pick<ResultsProgress, 'timeZone'>>,
  guardrail: GuardrailVerdict | null = null,
  speaker: Speaker = englishSpeaker,
): SuggestedAction {
  const { say } = speaker
  if (e.status === 'draft') return { kind: 'start', variant: null, text: say('results.nextStep.start', {}) }
  if (e.status === 'concluded') {
    const text = e.winnerKey ? say('results.nextStep.concludedWinner', { variant: e.winnerKey }) : say('results.nextStep.concludedNoWinner', {})
    return { kind: 'none', variant: e.winnerKey, text }
  }
  // A paused experiment's step starts with resuming it: a sentence of its own before the step's.
  const resume = (text: string) => (e.status === 'paused' ? `${say('results.nextStep.resume', {})} ${text}` : text)
  const isRunning = e.status === 'running'
  switch (decision.status) {
    case 'srm':
      return { kind: 'fix_split', variant: null, text: say('results.nextStep.fixSplit', {}) }
    case 'winner': {
      const key = decision.variant!
      if (!progress.minRuntimeReached) {
        const until = progress.minRuntimeEndsAt ? dayOf(progress.minRuntimeEndsAt, progress.timeZone) : ''
        return {
          kind: 'wait_min_runtime',
          variant: key,
          text: resume(say('results.nextStep.waitMinRuntime', { variant: key, days: e.minRuntimeDays, hasUntil: until ? 'yes' : 'no', until })),
        }
      }
      if (guardrail?.verdict === 'blocked') {
        // Still 'ship': the guardrail binds auto-ship, a member may decide that more conversions are worth it.
        const held = e.autoShip && isRunning ? 'yes' : 'no'
        return { kind: 'ship', variant: key, text: say('results.nextStep.checkGuardrail', { variant: key, guardrail: describeGuardrail(guardrail, speaker), held }) }
      }
      return { kind: 'ship', variant: key, text: say('results.nextStep.ship', { variant: key, auto: e.autoShip && isRunning ? 'yes' : 'no' }) }
    }
    case 'control':
      return { kind: 'keep_control', variant: e.controlKey, text: say('results.nextStep.keepControl', { control: e.controlKey }) }
    case 'no_difference':
      return { kind: 'stop_no_difference', variant: null, text: say('results.nextStep.stopNoDifference', { control: e.controlKey }) }
    case 'collecting': {
      if (!isReachable(decision)) return { kind: 'keep_collecting', variant: null, text: resume(say('results.nextStep.unreachable', { control: e.controlKey })) }
      return { kind: 'keep_collecting', variant: null, text: resume(say('results.nextStep.keepCollecting', { remaining: describeRemaining(decision, speaker) })) }
    }
  }
}

/**
 * The verdict a concluded experiment shows. The statistics still run on the final counts, but "Keep collecting …
 * about 1,058 days" is advice nobody can follow any more: a result that had not settled says so in the past tense.
 */
export function describeConcludedReading(decision: Pick<Decision, 'status' | 'reason'>, { say }: Speaker = englishSpeaker): { title: string; reason: string } {
  const title = say('results.concluded.title', {})
  if (decision.status === 'collecting') return { title, reason: say('results.concluded.unsettled', {}) }
  return { title, reason: decision.reason }
}
