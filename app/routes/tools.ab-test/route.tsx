import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { speakerOf } from '#app/i18n/speaker.server'
import { Form, useLoaderData } from '@remix-run/react'
import { formatChance, formatCount, formatInterval, formatLift, formatLiftInterval, formatPercent, formatPValue } from '#app/components/format'
import { IntervalChart } from '#app/components/interval-chart'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { fieldErrorsOf } from '#app/http/field-errors'
import { analyze } from '#app/statistics/analyze'
import { AnalyzeRequestSchema } from '#app/statistics/schema'
import { DecisionBanner } from './decision-banner'
import { explainWaiting } from './why-waiting'
import { checkCalculatorFields, rowErrorsOf } from './field-check'
import { MAX_ROWS, MIN_ROWS, readCalculatorQuery } from './query'

export const meta: MetaFunction = () => [
  { title: 'A/B test significance calculator · Splitform' },
  { name: 'description', content: 'Is your A/B test significant? Peek-safe p-values, intervals, chance to beat the control and a plain-language verdict.' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const query = readCalculatorQuery(params)
  const isAnalyse = params.has('visitors') && !params.has('rows')
  const errors = checkCalculatorFields(query, { isAnalyse, confidence: params.get('confidence') })
  if (Object.keys(errors).length) return { ...query, analysis: null, errors }
  // "Add variant" before two rows are filled is not a request for an analysis.
  if (!query.input || query.input.variants.length < MIN_ROWS) return { ...query, analysis: null, errors: {} as Record<string, string[]> }
  const parsed = AnalyzeRequestSchema.safeParse(query.input)
  if (!parsed.success) return { ...query, analysis: null, errors: rowErrorsOf(fieldErrorsOf(parsed.error), query.filledIndexes) }
  // The decision's sentence in the reader's language (Accept-Language or their pick); the API's stays English.
  const analysis = analyze({ ...parsed.data, speaker: await speakerOf(request) })
  return { ...query, analysis, whyWaiting: explainWaiting(analysis, parsed.data), errors: {} as Record<string, string[]> }
}

export default function AbTestCalculator() {
  const data = useLoaderData<typeof loader>()
  const { rows, settings, analysis, errors } = data
  const errorOf = (key: string) => errors[key]?.[0]
  const ON_SCREEN = /^(rows\.\d+\.(visitors|conversions|name)|confidence|planned|daily)$/
  const generalErrors = Object.entries(errors).filter(([key]) => !ON_SCREEN.test(key))
  const confidenceLabel = `${Math.round(settings.confidence * 100)}%`
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">A/B test significance calculator</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Enter visitors and conversions per variant. The first row is the control. Results stay valid however often you check (always-valid inference), unless you switch to the fixed-horizon test.
        </p>
      </div>
      <Card>
        <Form method="get" className="space-y-4" preventScrollReset>
          <div className="overflow-x-auto">
            <table className="w-full table-fixed text-sm">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="w-1/4 pb-2 font-medium">Variant</th>
                  <th className="pb-2 font-medium">Visitors</th>
                  <th className="pb-2 font-medium">Conversions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i} className="align-top">
                    <td className="py-1 pr-2">
                      <input
                        name="name"
                        defaultValue={row.name}
                        aria-label={`Name of variant ${i + 1}`}
                        maxLength={40}
                        aria-invalid={errorOf(`rows.${i}.name`) ? true : undefined}
                        aria-describedby={errorOf(`rows.${i}.name`) ? `rows-${i}-name-error` : undefined}
                        className="w-full min-w-0 rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
                      />
                      {i === 0 ? <span className="text-xs text-slate-500">control</span> : null}
                      <FieldError id={`rows-${i}-name-error`} message={errorOf(`rows.${i}.name`)} />
                    </td>
                    {(['visitors', 'conversions'] as const).map((field) => {
                      const error = errorOf(`rows.${i}.${field}`)
                      return (
                        <td key={field} className="py-1 pr-2">
                          <input
                            name={field}
                            defaultValue={row[field]}
                            inputMode="numeric"
                            aria-label={`${field === 'visitors' ? 'Visitors' : 'Conversions'} of ${row.name}`}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `rows-${i}-${field}-error` : undefined}
                            className="w-full min-w-0 rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
                          />
                          <FieldError id={`rows-${i}-${field}-error`} message={error} />
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex flex-wrap items-end gap-4 text-sm">
            <label className="font-medium text-slate-700">
              Confidence
              <select
                name="confidence"
                defaultValue={String(settings.confidence)}
                aria-invalid={errorOf('confidence') ? true : undefined}
                aria-describedby={errorOf('confidence') ? 'confidence-error' : undefined}
                className="mt-1 block rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
              >
                <option value="0.9">90%</option>
                <option value="0.95">95%</option>
                <option value="0.99">99%</option>
              </select>
              <FieldError id="confidence-error" message={errorOf('confidence')} />
            </label>
            <label className="font-medium text-slate-700">
              Method
              <select name="method" defaultValue={settings.sequential ? 'sequential' : 'fixed'} className="mt-1 block rounded-md px-2 py-1.5 ring-1 ring-slate-300">
                <option value="sequential">Always valid (peek-safe)</option>
                <option value="fixed">Fixed horizon (look once)</option>
              </select>
            </label>
            <OptionalCount label="Planned visitors per variant" name="planned" defaultValue={settings.plannedVisitorsPerVariant} error={errorOf('planned')} />
            <OptionalCount label="Daily visitors (all variants)" name="daily" defaultValue={settings.dailyVisitors} error={errorOf('daily')} />
          </div>
          {generalErrors.length ? (
            <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
              {generalErrors.map(([key, messages]) => (
                <p key={key}>{messages.join(', ')}</p>
              ))}
            </div>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button>Analyse</Button>
            {rows.length < MAX_ROWS ? (
              <Button variant="secondary" name="rows" value={String(rows.length + 1)}>
                Add variant
              </Button>
            ) : null}
          </div>
        </Form>
      </Card>

      {analysis ? (
        <>
          <DecisionBanner decision={analysis.decision} srm={analysis.srm} whyWaiting={'whyWaiting' in data ? data.whyWaiting : null} />
          <Card
            title="Results"
            description={`Intervals at ${confidenceLabel} confidence. ${settings.sequential ? 'p-values and the lift interval shown are always valid.' : 'Fixed-horizon: valid only if you decided the sample size in advance and look once.'}`}
          >
            <div className="overflow-x-auto">
              <table className="w-full min-w-[56rem] text-left text-sm" data-testid="results-table">
                <thead className="text-slate-500">
                  <tr>
                    {['Variant', 'Visitors', 'Conversions', 'Rate (interval)', 'Lift vs control (interval)', 'p-value', 'Chance to beat control', 'Chance to be best', 'Expected loss'].map((h) => (
                      <th key={h} className="py-2 pr-4 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {analysis.variants.map((v) => {
                    const c = v.vsControl
                    const liftCi = c ? (settings.sequential ? c.sequentialRelativeLiftCi : c.relativeLiftCi) : null
                    const p = c ? (settings.sequential ? c.sequentialPValueAdjusted : c.pValueAdjusted) : null
                    return (
                      <tr key={v.key}>
                        <th scope="row" className="py-2 pr-4 font-semibold">
                          {v.key}
                          {c ? '' : ' (control)'}
                        </th>
                        <td className="py-2 pr-4">{formatCount(v.visitors)}</td>
                        <td className="py-2 pr-4">{formatCount(v.conversions)}</td>
                        <td className="py-2 pr-4">
                          {formatPercent(v.rate)} <span className="text-slate-500">({formatInterval(v.ci, (x) => formatPercent(x))})</span>
                        </td>
                        <td className="py-2 pr-4">
                          {c ? (
                            <>
                              {formatLift(c.relativeLift)} <span className="text-slate-500">({formatLiftInterval(liftCi)})</span>
                            </>
                          ) : (
                            '–'
                          )}
                        </td>
                        <td className="py-2 pr-4">
                          {c ? (
                            <>
                              {formatPValue(p)}
                              {c.significant ? <strong className="ml-1 text-green-700">significant</strong> : null}
                            </>
                          ) : (
                            '–'
                          )}
                          {c?.exactPValue !== undefined ? <span className="block text-xs text-slate-500">Fisher exact: {formatPValue(c.exactPValue)}</span> : null}
                        </td>
                        <td className="py-2 pr-4">{c ? formatChance(c.probabilityToBeatControl) : '–'}</td>
                        <td className="py-2 pr-4">{formatChance(v.probabilityToBeBest)}</td>
                        <td className="py-2 pr-4">{formatPercent(v.expectedLoss, 3)}</td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
            {analysis.variants.some((v) => v.vsControl?.note) ? (
              <ul className="mt-3 list-disc pl-5 text-xs text-slate-500">
                {analysis.variants
                  .filter((v) => v.vsControl?.note)
                  .map((v) => (
                    <li key={v.key}>
                      {v.key}: {v.vsControl!.note}
                    </li>
                  ))}
              </ul>
            ) : null}
          </Card>
          <Card title="Relative lift against the control">
            <IntervalChart
              title={`Relative lift of each variant against ${analysis.variants.find((v) => !v.vsControl)?.key ?? 'the control'}, ${settings.sequential ? 'always-valid' : 'fixed-horizon'} ${confidenceLabel} intervals`}
              rows={analysis.variants
                .filter((v) => v.vsControl)
                .map((v) => ({
                  label: v.key,
                  estimate: v.vsControl!.relativeLift,
                  ci: settings.sequential ? v.vsControl!.sequentialRelativeLiftCi : v.vsControl!.relativeLiftCi,
                  isSignificant: v.vsControl!.significant,
                }))}
            />
          </Card>
          <p className="text-xs text-slate-500">
            The same analysis is available as JSON: <code>POST /api/v1/analyze</code>. Methods: Wilson score intervals for rates, Newcombe for differences, log-ratio intervals for lifts, pooled z-test
            (Holm-adjusted across variants), always-valid confidence sequences, and exact Bayesian probabilities with uniform priors.
          </p>
        </>
      ) : null}
    </div>
  )
}

/** A field's message under it, tied to the field by `id` (its aria-describedby). */
/** An optional whole number of visitors, in the settings row, with its error under it. */
function OptionalCount({ label, name, defaultValue, error }: { label: string; name: string; defaultValue: number | string | undefined; error: string | undefined }) {
  return (
    <label className="font-medium text-slate-700">
      {label}
      <input
        name={name}
        defaultValue={defaultValue ?? ''}
        inputMode="numeric"
        placeholder="optional"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className="mt-1 block w-36 rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
      />
      <FieldError id={`${name}-error`} message={error} className="max-w-xs" />
    </label>
  )
}

function FieldError({ id, message, className = '' }: { id: string; message: string | undefined; className?: string }) {
  return message ? (
    <p id={id} className={`mt-1 text-xs font-normal text-red-700 ${className}`}>
      {message}
    </p>
  ) : null
}
