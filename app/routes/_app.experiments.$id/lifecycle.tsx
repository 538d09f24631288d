import { Form, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { FormErrorList } from '#app/components/ui/field'
import { formatShare } from '#app/components/format'
import type { FormErrors } from '#app/http/form-data.server'
import type { ExperimentStatus } from '#db/schema'
import type { ExperimentIntent } from './actions.server'

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
  { intent: 'start', from: ['draft'], label: 'Start', effect: 'Visitors enter the experiment at once.' },
  { intent: 'pause', from: ['running'], label: 'Pause', effect: 'Everyone sees the control and nobody new is counted until you resume.' },
  { intent: 'resume', from: ['paused'], label: 'Resume', effect: 'Visitors enter again, each in the variant they had.' },
  { intent: 'stop', from: ['running', 'paused'], label: 'Stop without a winner', effect: 'Ends the experiment; the page serves its first variant to everyone again.' },
]

/** Start, pause, resume, stop, declare a winner (after a confirmation), raise coverage: one small form each, its errors beside it. */
export function LifecycleControls({ status, coverage, variantKeys, winnerKey, failure, metricParam, suggestedWinner }: Props) {
  const navigation = useNavigation()
  const isBusy = navigation.state !== 'idle'
  const canPickWinner = status !== 'draft' && !winnerKey
  return (
    <Card title="Run it" description={describeLifecycle(status)}>
      <div className="space-y-5">
        {failure && !failure.intent ? <FormErrorList errors={[...failure.errors.formErrors, ...(failure.errors.fieldErrors.intent ?? [])]} /> : null}
        {TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => (
          <Form key={t.intent} method="post" className="space-y-1">
            <input type="hidden" name="intent" value={t.intent} />
            <Button variant={t.intent === 'stop' ? 'danger' : t.intent === 'start' ? 'primary' : 'secondary'} disabled={isBusy}>
              {t.label}
            </Button>
            <p className="text-xs text-slate-500">{t.effect}</p>
            <ControlErrors messages={errorsFor(failure, t.intent)} />
          </Form>
        ))}
        {canPickWinner ? (
          // A GET: the confirmation that follows states the evidence first (see declare-winner.tsx), with or without JavaScript.
          <Form method="get" className="space-y-1" preventScrollReset>
            <input type="hidden" name="metric" value={metricParam} />
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="winner-key" className="block text-sm font-medium text-slate-700">
                  Winner
                </label>
                <select id="winner-key" name="declare" defaultValue={suggestedWinner ?? undefined} className="mt-1 block rounded-md px-3 py-2 ring-1 ring-slate-300">
                  {variantKeys.map((key) => (
                    <option key={key} value={key}>
                      {key}
                    </option>
                  ))}
                </select>
              </div>
              <Button variant="secondary">Declare winner…</Button>
            </div>
            <p className="text-xs text-slate-500">Shows the evidence before anything changes. Declaring a winner ends the experiment and serves that variant to every visitor from now on.</p>
            <ControlErrors messages={errorsFor(failure, 'winner', 'variantKey')} />
          </Form>
        ) : null}
        {status !== 'concluded' ? (
          <Form method="post" className="space-y-1">
            <input type="hidden" name="intent" value="coverage" />
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="coverage" className="block text-sm font-medium text-slate-700">
                  Coverage (%)
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
                {status === 'draft' ? 'Change coverage' : 'Raise coverage'}
              </Button>
            </div>
            <p className="text-xs text-slate-500">
              {status === 'draft'
                ? 'Share of the page’s visitors who enter; the rest see the control, uncounted.'
                : `Now ${formatShare(coverage)}. While it runs coverage can only rise: lowering it would drop visitors already counted.`}
            </p>
            <ControlErrors messages={errorsFor(failure, 'coverage', 'coverage')} />
          </Form>
        ) : null}
        {status === 'concluded' ? <p className="text-sm text-slate-600">Concluded{winnerKey ? `: ${winnerKey} won and gets all the traffic.` : ' without a winner.'}</p> : null}
      </div>
    </Card>
  )
}

// The weights note is for an experiment that can still run; a concluded one has nothing left to change.
function describeLifecycle(status: ExperimentStatus) {
  if (status === 'concluded') return 'This experiment has ended and nothing here changes it any more. To test again, create a new experiment.'
  return 'Weights cannot change while the experiment runs: visitors already counted would move between variants. To test another split, stop it and create a new experiment.'
}

function ControlErrors({ messages }: { messages: string[] }) {
  if (!messages.length) return null
  return (
    <div role="alert" className="text-sm text-red-600">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  )
}
