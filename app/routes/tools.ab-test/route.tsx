import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Trans, useLanguage, useT } from '#app/i18n/provider'
import { FEW_CONVERSIONS_NOTE } from '#app/statistics/comparison'
import { speakerOf } from '#app/i18n/speaker.server'
import { Form, useLoaderData } from '@remix-run/react'
import { formatChance, formatConfidence, formatCount, formatInterval, formatLift, formatLiftInterval, formatPercent, formatPValue } from '#app/components/format'
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
  const speaker = await speakerOf(request)
  const analysis = analyze({ ...parsed.data, speaker })
  return { ...query, analysis, whyWaiting: explainWaiting(analysis, parsed.data, speaker), errors: {} as Record<string, string[]> }
}

export default function AbTestCalculator() {
  const data = useLoaderData<typeof loader>()
  const { rows, settings, analysis, errors } = data
  const errorOf = (key: string) => errors[key]?.[0]
  const ON_SCREEN = /^(rows\.\d+\.(visitors|conversions|name)|confidence|planned|daily)$/
  const generalErrors = Object.entries(errors).filter(([key]) => !ON_SCREEN.test(key))
  const t = useT()
  const language = useLanguage()
  const to = t('results.interval.to')
  const confidenceLabel = formatConfidence(settings.confidence, language)
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('calculators.abTest.title')}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{t('calculators.abTest.intro')}</p>
      </div>
      <Card>
        <Form method="get" className="space-y-4" preventScrollReset>
          <div className="overflow-x-auto">
            <table className="w-full table-fixed text-sm">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="w-1/4 pb-2 font-medium">{t('results.variants.variant')}</th>
                  <th className="pb-2 font-medium">{t('results.variants.visitors')}</th>
                  <th className="pb-2 font-medium">{t('results.variants.conversions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i} className="align-top">
                    <td className="py-1 pr-2">
                      <input
                        name="name"
                        defaultValue={row.name}
                        aria-label={t('calculators.abTest.nameOf', { number: i + 1 })}
                        maxLength={40}
                        aria-invalid={errorOf(`rows.${i}.name`) ? true : undefined}
                        aria-describedby={errorOf(`rows.${i}.name`) ? `rows-${i}-name-error` : undefined}
                        className="w-full min-w-0 rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
                      />
                      {i === 0 ? <span className="text-xs text-slate-500">{t('results.variants.control')}</span> : null}
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
                            aria-label={t('calculators.abTest.fieldOf', { field, name: row.name })}
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
              {t('calculators.abTest.confidence')}
              <select
                name="confidence"
                defaultValue={String(settings.confidence)}
                aria-invalid={errorOf('confidence') ? true : undefined}
                aria-describedby={errorOf('confidence') ? 'confidence-error' : undefined}
                className="mt-1 block rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
              >
                {[0.9, 0.95, 0.99].map((level) => (
                  <option key={level} value={String(level)}>
                    {formatConfidence(level, language)}
                  </option>
                ))}
              </select>
              <FieldError id="confidence-error" message={errorOf('confidence')} />
            </label>
            <label className="font-medium text-slate-700">
              {t('calculators.abTest.method')}
              <select name="method" defaultValue={settings.sequential ? 'sequential' : 'fixed'} className="mt-1 block rounded-md px-2 py-1.5 ring-1 ring-slate-300">
                <option value="sequential">{t('calculators.sampleSize.sequential')}</option>
                <option value="fixed">{t('calculators.sampleSize.fixed')}</option>
              </select>
            </label>
            <OptionalCount label={t('results.settings.planned')} name="planned" defaultValue={settings.plannedVisitorsPerVariant} error={errorOf('planned')} />
            <OptionalCount label={t('calculators.sampleSize.daily')} name="daily" defaultValue={settings.dailyVisitors} error={errorOf('daily')} />
          </div>
          {generalErrors.length ? (
            <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
              {generalErrors.map(([key, messages]) => (
                <p key={key}>{messages.join(', ')}</p>
              ))}
            </div>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button>{t('calculators.abTest.analyse')}</Button>
            {rows.length < MAX_ROWS ? (
              <Button variant="secondary" name="rows" value={String(rows.length + 1)}>
                {t('calculators.abTest.addVariant')}
              </Button>
            ) : null}
          </div>
        </Form>
      </Card>

      {analysis ? (
        <>
          <DecisionBanner decision={analysis.decision} srm={analysis.srm} whyWaiting={'whyWaiting' in data ? data.whyWaiting : null} />
          <Card title={t('calculators.abTest.results')} description={t('calculators.abTest.resultsDescription', { level: confidenceLabel, sequential: settings.sequential ? 'yes' : 'no' })}>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[56rem] text-left text-sm" data-testid="results-table">
                <thead className="text-slate-500">
                  <tr>
                    {[
                      t('results.variants.variant'),
                      t('results.variants.visitors'),
                      t('results.variants.conversions'),
                      t('results.breakdowns.rate'),
                      t('calculators.abTest.lift'),
                      t('calculators.abTest.pValue'),
                      t('calculators.abTest.chanceToBeat'),
                      t('calculators.abTest.chanceToBeBest'),
                      t('results.variants.expectedLoss'),
                    ].map((h) => (
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
                          {c ? '' : ` ${t('experiments.list.control')}`}
                        </th>
                        <td className="py-2 pr-4">{formatCount(v.visitors, 0, language)}</td>
                        <td className="py-2 pr-4">{formatCount(v.conversions, 0, language)}</td>
                        <td className="py-2 pr-4">
                          {formatPercent(v.rate, 2, language)} <span className="text-slate-500">({formatInterval(v.ci, (x) => formatPercent(x, 2, language), to)})</span>
                        </td>
                        <td className="py-2 pr-4">
                          {c ? (
                            <>
                              {formatLift(c.relativeLift, 1, language)} <span className="text-slate-500">({formatLiftInterval(liftCi, language, t('results.interval.unbounded'), to)})</span>
                            </>
                          ) : (
                            '–'
                          )}
                        </td>
                        <td className="py-2 pr-4">
                          {c ? (
                            <>
                              {formatPValue(p, language)}
                              {c.significant ? <strong className="ml-1 text-green-700">{t('calculators.abTest.significant')}</strong> : null}
                            </>
                          ) : (
                            '–'
                          )}
                          {c?.exactPValue !== undefined ? (
                            <span className="block text-xs text-slate-500">{t('calculators.abTest.fisher', { pValue: formatPValue(c.exactPValue, language) })}</span>
                          ) : null}
                        </td>
                        <td className="py-2 pr-4">{c ? formatChance(c.probabilityToBeatControl, language) : '–'}</td>
                        <td className="py-2 pr-4">{formatChance(v.probabilityToBeBest, language)}</td>
                        <td className="py-2 pr-4">{formatPercent(v.expectedLoss, 3, language)}</td>
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
                      {v.key}: {v.vsControl!.note === FEW_CONVERSIONS_NOTE ? t('results.variants.fewConversions') : v.vsControl!.note}
                    </li>
                  ))}
              </ul>
            ) : null}
          </Card>
          <Card title={t('calculators.abTest.chartTitle')}>
            <IntervalChart
              title={t('calculators.abTest.chartLabel', {
                control: analysis.variants.find((v) => !v.vsControl)?.key ?? t('results.declare.theControl'),
                sequential: settings.sequential ? 'yes' : 'no',
                level: confidenceLabel,
              })}
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
            <Trans i18nKey="calculators.abTest.methods" components={{ code: <code /> }} />
          </p>
        </>
      ) : null}
    </div>
  )
}

/** A field's message under it, tied to the field by `id` (its aria-describedby). */
/** An optional whole number of visitors, in the settings row, with its error under it. */
function OptionalCount({ label, name, defaultValue, error }: { label: string; name: string; defaultValue: number | string | undefined; error: string | undefined }) {
  const t = useT()
  return (
    <label className="font-medium text-slate-700">
      {label}
      <input
        name={name}
        defaultValue={defaultValue ?? ''}
        inputMode="numeric"
        placeholder={t('calculators.abTest.optional')}
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
