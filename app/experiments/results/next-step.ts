// What the team should do next: the statistics module's decision, read against the experiment's status and its
// minimum runtime. The decision's own `reason` stays the banner's sentence; this adds the step it leads to.

import type { Decision } from '#app/statistics/analyze'
import { formatCount, UNREACHABLE_PLAN_TEXT } from '#app/components/format'
import { dayOf } from '#app/time/days'
import type { ResultsExperimentRow } from './compute'
import { describeGuardrail, type GuardrailVerdict } from './guardrail'
import { describeRemaining, isReachable } from './remaining'
import type { ResultsProgress, SuggestedAction } from './shape'

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`

export function suggestNextStep(
  e: Pick<ResultsExperimentRow, 'status' | 'winnerKey' | 'controlKey' | 'autoShip' | 'minRuntimeDays'>,
  decision: Decision,
  progress: Pick<ResultsProgress, 'minRuntimeReached' | 'minRuntimeEndsAt'> & Partial<Pick<ResultsProgress, 'timeZone'>>,
  guardrail: GuardrailVerdict | null = null,
): SuggestedAction {
  if (e.status === 'draft') return { kind: 'start', variant: null, text: 'Start the experiment to collect data.' }
  if (e.status === 'concluded') {
    const text = e.winnerKey ? `Concluded: ${e.winnerKey} won and every visitor gets it.` : "Concluded without a winner: every visitor gets the page's first variant."
    return { kind: 'none', variant: e.winnerKey, text }
  }
  const resume = e.status === 'paused' ? 'Resume the experiment: while it is paused nobody is counted. ' : ''
  switch (decision.status) {
    case 'srm':
      return { kind: 'fix_split', variant: null, text: 'Find and fix the cause of the broken split before reading anything else, then restart with a new experiment: the counts so far are biased.' }
    case 'winner': {
      const key = decision.variant!
      if (!progress.minRuntimeReached) {
        const until = progress.minRuntimeEndsAt ? ` (until ${dayOf(progress.minRuntimeEndsAt, progress.timeZone)})` : ''
        return {
          kind: 'wait_min_runtime',
          variant: key,
          text: `${resume}${key} is ahead, but keep it running for the minimum ${plural(e.minRuntimeDays, 'day')}${until} so every weekday is in the data.`,
        }
      }
      if (guardrail?.verdict === 'blocked') {
        // Still 'ship': the guardrail binds auto-ship, a member may decide that more conversions are worth it.
        const held = e.autoShip && e.status === 'running' ? ' Auto-ship holds it and the experiment keeps running.' : ''
        return {
          kind: 'ship',
          variant: key,
          text: `Check lead quality before declaring ${key} the winner. ${describeGuardrail(guardrail)}${held} Declare it only if more conversions are worth worse leads.`,
        }
      }
      const auto = e.autoShip && e.status === 'running' ? ' Auto-ship will declare it within a minute.' : ''
      return { kind: 'ship', variant: key, text: `Declare ${key} the winner: every visitor then gets it.${auto}` }
    }
    case 'control':
      return { kind: 'keep_control', variant: e.controlKey, text: `Stop the experiment and keep ${e.controlKey}: no variant beats it.` }
    case 'no_difference':
      return { kind: 'stop_no_difference', variant: null, text: `Stop the experiment: the variants convert about the same. Keep ${e.controlKey}, or ship the one you prefer for other reasons.` }
    case 'collecting': {
      if (!isReachable(decision)) {
        const text = `${resume}The plan is ${UNREACHABLE_PLAN_TEXT}: test a bolder change, send more traffic, or stop and keep ${e.controlKey}.`
        return { kind: 'keep_collecting', variant: null, text }
      }
      return { kind: 'keep_collecting', variant: null, text: `${resume}Keep collecting: ${describeRemaining(decision)}.` }
    }
  }
}

/**
 * The verdict a concluded experiment shows. The statistics still run on the final counts, but "Keep collecting …
 * about 1,058 days" is advice nobody can follow any more: a result that had not settled says so in the past tense.
 */
export function describeConcludedReading(decision: Pick<Decision, 'status' | 'reason'>): { title: string; reason: string } {
  if (decision.status === 'collecting') return { title: 'Concluded', reason: 'The data had not settled when the experiment ended: no variant was clearly better or worse than the control.' }
  return { title: 'Concluded', reason: decision.reason }
}
