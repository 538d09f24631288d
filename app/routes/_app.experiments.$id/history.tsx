import { formatHistoryLift, formatShare } from '#app/components/format'
import { useDateTime } from '#app/components/use-date-time'
import { Card } from '#app/components/ui/card'
import { describeGuardrail, type GuardrailVerdict } from '#app/experiments/results/guardrail'
import type { Translate } from '#app/experiments/ui-words'
import { useT } from '#app/i18n/provider'
import type { Speaker } from '#app/i18n/sentences'
import { useSpeaker } from '#app/i18n/use-speaker'

export type ExperimentEvent = { id: string; action: string; detail: Record<string, unknown>; actor: string; userName: string | null; createdAt: string | Date }

function who(t: Translate, event: ExperimentEvent) {
  if (event.actor === 'api') return t('results.history.api')
  if (event.actor === 'auto') return t('results.history.auto')
  return event.userName ?? t('results.history.formerMember')
}

function what(t: Translate, speaker: Speaker, { action, detail }: ExperimentEvent) {
  const share = (value: unknown) => (typeof value === 'number' ? formatShare(value, speaker.language) : '?')
  switch (action) {
    case 'create':
      return t('results.history.create', { coverage: share(detail.coverage) })
    case 'start':
      return t('results.history.start')
    case 'pause':
      return t('results.history.pause')
    case 'resume':
      return t('results.history.resume')
    case 'stop':
      return t('results.history.stop')
    case 'winner': {
      const evidence = evidenceOf(detail.evidence)
      const guardrail = guardrailOf(detail.evidence)
      return t('results.history.winner', {
        variant: String(detail.variantKey),
        evidence: evidence === null ? 'none' : evidence.relativeLift === null ? 'noData' : 'lift',
        lift: evidence?.relativeLift === null || !evidence ? '' : formatHistoryLift(evidence.relativeLift, speaker.language),
        significant: evidence?.significant ? 'yes' : 'no',
        guardrail: !guardrail || !guardrail.checks.length ? 'none' : guardrail.verdict,
      })
    }
    case 'auto_ship_held': {
      const guardrail = guardrailOf(detail.evidence)
      return t('results.history.held', { variant: String(detail.variantKey), hasGuardrail: guardrail ? 'yes' : 'no', guardrail: guardrail ? describeGuardrail(guardrail, speaker) : '' })
    }
    case 'coverage':
      return t('results.history.coverage', { from: share(detail.from), to: share(detail.to) })
    case 'maturity':
      return t('results.history.maturity', { from: String(detail.from), to: String(detail.to) })
    default:
      return action
  }
}

/** What a winner was declared on: the lift on the primary metric (null: no data to compare yet) and whether it was significant. */
function evidenceOf(evidence: unknown): { relativeLift: number | null; significant: boolean } | null {
  if (!evidence || typeof evidence !== 'object') return null
  const { relativeLift, significant } = evidence as { relativeLift?: unknown; significant?: unknown }
  return { relativeLift: typeof relativeLift === 'number' ? relativeLift : null, significant: significant === true }
}

/** The quality guardrail's verdict recorded with the evidence (since decision 061); null for older records. */
function guardrailOf(evidence: unknown): GuardrailVerdict | null {
  const guardrail = evidence && typeof evidence === 'object' ? (evidence as { guardrail?: unknown }).guardrail : undefined
  if (!guardrail || typeof guardrail !== 'object') return null
  const { verdict, checks } = guardrail as Partial<GuardrailVerdict>
  return (verdict === 'passed' || verdict === 'blocked') && Array.isArray(checks) ? (guardrail as GuardrailVerdict) : null
}

/** Who did what, when: every change to the experiment, newest first. */
export function ExperimentHistory({ events }: { events: ExperimentEvent[] }) {
  const t = useT()
  const speaker = useSpeaker()
  const { dateTime } = useDateTime()
  return (
    <Card title={t('results.history.title')}>
      <ol className="divide-y divide-slate-100 text-sm">
        {events.map((e) => (
          <li key={e.id} className="py-2" data-testid="experiment-event">
            <span className="font-medium">{who(t, e)}</span> {what(t, speaker, e)}
            <span className="block text-xs text-slate-500">{dateTime(e.createdAt)}</span>
          </li>
        ))}
      </ol>
    </Card>
  )
}
