import { formatDateTime, formatHistoryLift, formatShare } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { describeGuardrail, type GuardrailVerdict } from '#app/experiments/results/guardrail'

export type ExperimentEvent = { id: string; action: string; detail: Record<string, unknown>; actor: string; userName: string | null; createdAt: string | Date }

function who(event: ExperimentEvent) {
  if (event.actor === 'api') return 'An API key'
  if (event.actor === 'auto') return 'The auto-ship rule'
  return event.userName ?? 'A former member'
}

function what({ action, detail }: ExperimentEvent) {
  const share = (value: unknown) => (typeof value === 'number' ? formatShare(value) : '?')
  switch (action) {
    case 'create':
      return `created it (coverage ${share(detail.coverage)})`
    case 'start':
      return 'started it'
    case 'pause':
      return 'paused it'
    case 'resume':
      return 'resumed it'
    case 'stop':
      return 'stopped it without a winner'
    case 'winner':
      return `declared ${String(detail.variantKey)} the winner${evidenceNote(detail.evidence)}${guardrailNote(detail.evidence)}`
    case 'auto_ship_held': {
      const guardrail = guardrailOf(detail.evidence)
      return `held ${String(detail.variantKey)} back, the experiment kept running${guardrail ? `: ${describeGuardrail(guardrail)}` : ''}`
    }
    case 'coverage':
      return `changed coverage from ${share(detail.from)} to ${share(detail.to)}`
    case 'maturity':
      return `changed the lead maturity from ${String(detail.from)} to ${String(detail.to)} days`
    default:
      return action
  }
}

/** What a winner was declared on, in a few words: the lift on the primary metric and whether it was significant. */
function evidenceNote(evidence: unknown) {
  if (!evidence || typeof evidence !== 'object') return ''
  const { relativeLift, significant } = evidence as { relativeLift?: unknown; significant?: unknown }
  if (typeof relativeLift !== 'number') return ' (no data to compare yet)'
  return ` (${formatHistoryLift(relativeLift)} against the control, ${significant ? 'significant' : 'not significant'})`
}

/** The quality guardrail's verdict recorded with the evidence (since decision 061); null for older records. */
function guardrailOf(evidence: unknown): GuardrailVerdict | null {
  const guardrail = evidence && typeof evidence === 'object' ? (evidence as { guardrail?: unknown }).guardrail : undefined
  if (!guardrail || typeof guardrail !== 'object') return null
  const { verdict, checks } = guardrail as Partial<GuardrailVerdict>
  return (verdict === 'passed' || verdict === 'blocked') && Array.isArray(checks) ? (guardrail as GuardrailVerdict) : null
}

function guardrailNote(evidence: unknown) {
  const guardrail = guardrailOf(evidence)
  if (!guardrail || !guardrail.checks.length) return ''
  return guardrail.verdict === 'passed' ? '; quality guardrail passed' : '; the quality guardrail had found its leads significantly worse'
}

/** Who did what, when: every change to the experiment, newest first. */
export function ExperimentHistory({ events }: { events: ExperimentEvent[] }) {
  return (
    <Card title="History">
      <ol className="divide-y divide-slate-100 text-sm">
        {events.map((e) => (
          <li key={e.id} className="py-2" data-testid="experiment-event">
            <span className="font-medium">{who(e)}</span> {what(e)}
            <span className="block text-xs text-slate-500">{formatDateTime(e.createdAt)}</span>
          </li>
        ))}
      </ol>
    </Card>
  )
}
