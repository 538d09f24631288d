import { Form, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { FormErrorList } from '#app/components/ui/field'
import { formatShare } from '#app/components/format'
import type { FormErrors } from '#app/http/form-data.server'
import type { ExperimentStatus } from '#db/schema'
import type { ExperimentIntent } from './actions.server'
import type { Translate } from '#app/experiments/ui-words'
import { useLanguage, useMessage, useT } from '#app/i18n/provider'

export type ActionFailure = { intent?: ExperimentIntent; errors: FormErrors }
type Props = {
  status: ExperimentStatus
  coverage: number
  variantKeys: string[]
  winnerKey: string | null
  failure: ActionFailure | null
  /** the results' `?metric=`, kept when the winner confirmation opens */
  metricParam: string
  /** preselected in the winner list: the decision's winner, when there is one */
  suggestedWinner: string | null
}

/** The errors for the control that posted `intent` (all of them), or for its field when the post did not parse. */
function errorsFor(failure: ActionFailure | null, intent: ExperimentIntent, field?: string) {
  if (!failure) return []
  if (failure.intent) return failure.intent === intent ? Object.values(failure.errors.fieldErrors).flatMap((m) => m ?? []) : []
  return field ? (failure.errors.fieldErrors[field] ?? []) : []
}

const TRANSITIONS: { intent: 'start' | 'pause' | 'resume' | 'stop'; from: ExperimentStatus[]; label: string; effect: string }[] = [
  { intent: 'start', from: ['draft'], label: 'results.lifecycle.start', effect: 'results.lifecycle.startEffect' },
  { intent: 'pause', from: ['running'], label: 'results.lifecycle.pause', effect: 'results.lifecycle.pauseEffect' },
  { intent: 'resume', from: ['paused'], label: 'results.lifecycle.resume', effect: 'results.lifecycle.resumeEffect' },
  { intent: 'stop', from: ['running', 'paused'], label: 'results.lifecycle.stop', effect: 'results.lifecycle.stopEffect' },
]

/** Start, pause, resume, stop, declare a winner (after a confirmation), raise coverage: one small form each, its errors beside it. */
export function LifecycleControls({ status, coverage, variantKeys, winnerKey, failure, metricParam, suggestedWinner }: Props) {
  const navigation = useNavigation()
  const isBusy = navigation.state !== 'idle'
  const canPickWinner = status !== 'draft' && !winnerKey
  const t = useT()
  const language = useLanguage()
  return (
    <Card title={t('results.lifecycle.title')} description={describeLifecycle(t, status)}>
      <div className="space-y-5">
        {failure && !failure.intent ? <FormErrorList errors={[...failure.errors.formErrors, ...(failure.errors.fieldErrors.intent ?? [])]} /> : null}
        {TRANSITIONS.filter((transition) => transition.from.includes(status)).map((transition) => (
          <Form key={transition.intent} method="post" className="space-y-1">
            <input type="hidden" name="intent" value={transition.intent} />
            <Button variant={transition.intent === 'stop' ? 'danger' : transition.intent === 'start' ? 'primary' : 'secondary'} disabled={isBusy}>
              {t(transition.label)}
            </Button>
            <p className="text-xs text-slate-500">{t(transition.effect)}</p>
            <ControlErrors messages={errorsFor(failure, transition.intent)} />
          </Form>
        ))}
        {canPickWinner ? (
          // A GET: the confirmation that follows states the evidence first (see declare-winner.tsx), with or without JavaScript.
          <Form method="get" className="space-y-1" preventScrollReset>
            <input type="hidden" name="metric" value={metricParam} />
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="winner-key" className="block text-sm font-medium text-slate-700">
                  {t('results.lifecycle.winner')}
                </label>
                <select id="winner-key" name="declare" defaultValue={suggestedWinner ?? undefined} className="mt-1 block rounded-md px-3 py-2 ring-1 ring-slate-300">
                  {variantKeys.map((key) => (
                    <option key={key} value={key}>
                      {key}
                    </option>
                  ))}
                </select>
              </div>
              <Button variant="secondary">{t('results.lifecycle.declare')}</Button>
            </div>
            <p className="text-xs text-slate-500">{t('results.lifecycle.declareEffect')}</p>
            <ControlErrors messages={errorsFor(failure, 'winner', 'variantKey')} />
          </Form>
        ) : null}
        {status !== 'concluded' ? (
          <Form method="post" className="space-y-1">
            <input type="hidden" name="intent" value="coverage" />
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="coverage" className="block text-sm font-medium text-slate-700">
                  {t('results.lifecycle.coverage')}
                </label>
                <input
                  key={coverage}
                  id="coverage"
                  name="coverage"
                  type="number"
                  step="any"
                  min={status === 'draft' ? 0.01 : coverage * 100}
                  max={100}
                  defaultValue={Number((coverage * 100).toFixed(3))}
                  className="mt-1 block w-28 rounded-md px-3 py-2 ring-1 ring-slate-300"
                />
              </div>
              <Button variant="secondary" disabled={isBusy}>
                {status === 'draft' ? t('results.lifecycle.changeCoverage') : t('results.lifecycle.raiseCoverage')}
              </Button>
            </div>
            <p className="text-xs text-slate-500">
              {status === 'draft' ? t('results.lifecycle.coverageDraft') : t('results.lifecycle.coverageRunning', { coverage: formatShare(coverage, language) })}
            </p>
            <ControlErrors messages={errorsFor(failure, 'coverage', 'coverage')} />
          </Form>
        ) : null}
        {status === 'concluded' ? <p className="text-sm text-slate-600">{t('results.lifecycle.concluded', { hasWinner: winnerKey ? 'yes' : 'no', variant: winnerKey ?? '' })}</p> : null}
      </div>
    </Card>
  )
}

// The weights note is for an experiment that can still run; a concluded one has nothing left to change.
function describeLifecycle(t: Translate, status: ExperimentStatus) {
  if (status === 'concluded') return t('results.lifecycle.ended')
  return t('results.lifecycle.weightsFixed')
}

function ControlErrors({ messages }: { messages: string[] }) {
  const message = useMessage()
  if (!messages.length) return null
  return (
    <div role="alert" className="text-sm text-red-600">
      {messages.map((m) => (
        <p key={m}>{message(m)}</p>
      ))}
    </div>
  )
}
