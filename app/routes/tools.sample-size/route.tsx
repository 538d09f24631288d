import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { formatCount, formatPercent, formatShare, numberLocale } from '#app/components/format'
import { titleFrom } from '#app/i18n/meta'
import { speakerOf } from '#app/i18n/speaker.server'
import { Trans, useLanguage, useMessage, useT } from '#app/i18n/provider'
import { describeIn } from './meta'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { computeSampleSize, type PlanFigures } from '#app/statistics/sample-size'
import { checkSampleSizeFields, type SampleSizeFields } from './form'

export const meta: MetaFunction = ({ matches }) => [{ title: titleFrom(matches, 'calculators.sampleSize.metaTitle') }, { name: 'description', content: describeIn(matches) }]

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const form: SampleSizeFields = {
    baseline: params.get('baseline') ?? '',
    mde: params.get('mde') ?? '',
    alpha: params.get('alpha') ?? '0.05',
    power: params.get('power') ?? '0.8',
    variants: params.get('variants') ?? '2',
    daily: params.get('daily') ?? '',
    method: params.get('method') === 'fixed' ? 'fixed' : 'sequential',
  }
  // A first visit (nothing typed, nothing sent) shows the empty form; "Calculate" with empty fields names them.
  if (!form.baseline && !form.mde && !params.has('baseline')) return { form, result: null, errors: {} as Record<string, string[]> }
  const checked = checkSampleSizeFields(form)
  if (!checked.request) return { form, result: null, errors: checked.errors }
  return { form, result: { ...computeSampleSize(checked.request, await speakerOf(request)), input: checked.request }, errors: {} as Record<string, string[]> }
}

export default function SampleSizeCalculator() {
  const { form, result, errors } = useLoaderData<typeof loader>()
  const t = useT()
  const language = useLanguage()
  const message = useMessage()
  const decimals = (value: number) => value.toLocaleString(numberLocale(language), { minimumFractionDigits: 2 })
  const field = (name: keyof typeof form, label: string, apiName: string, hint?: string) => (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <input
        name={name}
        defaultValue={form[name]}
        inputMode="decimal"
        aria-invalid={errors[apiName] ? true : undefined}
        className="mt-1 block w-40 rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
      />
      {hint ? <span className="mt-1 block text-xs font-normal text-slate-500">{hint}</span> : null}
      {errors[apiName] ? <span className="mt-1 block text-xs text-red-600">{message(errors[apiName][0])}</span> : null}
    </label>
  )
  const select = (name: 'alpha' | 'power' | 'method', label: string, apiName: string, options: [string, string][]) => (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={form[name]} aria-invalid={errors[apiName] ? true : undefined} className="mt-1 block rounded-md px-2 py-1.5 ring-1 ring-slate-300 aria-[invalid]:ring-red-500">
        {/* A value typed into the URL stays selected, so its error is shown next to it. */}
        {options.some(([value]) => value === form[name]) ? null : <option value={form[name]}>{form[name]}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {errors[apiName] ? <span className="mt-1 block text-xs text-red-600">{message(errors[apiName][0])}</span> : null}
    </label>
  )
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('calculators.sampleSize.title')}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{t('calculators.sampleSize.intro')}</p>
      </div>
      <Card>
        <Form method="get" className="flex flex-wrap items-start gap-5">
          {field('baseline', t('calculators.sampleSize.baseline'), 'baselineRate', t('calculators.sampleSize.baselineHint'))}
          {field('mde', t('calculators.sampleSize.mde'), 'relativeMde', t('calculators.sampleSize.mdeHint'))}
          {select(
            'alpha',
            t('calculators.sampleSize.alpha'),
            'alpha',
            [0.1, 0.05, 0.01].map((alpha): [string, string] => [String(alpha), t('calculators.sampleSize.alphaOption', { alpha: decimals(alpha), confidence: formatShare(1 - alpha, language) })]),
          )}
          {select(
            'power',
            t('calculators.sampleSize.power'),
            'power',
            [0.8, 0.9, 0.95].map((power): [string, string] => [String(power), formatShare(power, language)]),
          )}
          {select('method', t('calculators.sampleSize.method'), 'sequential', [
            ['sequential', t('calculators.sampleSize.sequential')],
            ['fixed', t('calculators.sampleSize.fixed')],
          ])}
          {field('variants', t('calculators.sampleSize.variants'), 'variants')}
          {field('daily', t('calculators.sampleSize.daily'), 'dailyVisitors', t('calculators.sampleSize.dailyHint'))}
          <div className="w-full">
            <Button>{t('calculators.sampleSize.calculate')}</Button>
          </div>
        </Form>
      </Card>
      {result ? (
        <Card title={t('calculators.sampleSize.youNeed')}>
          <PlanFiguresList figures={result} testId="sample-size" />
          <p className="mt-4 text-sm text-slate-600">
            {[
              t('calculators.sampleSize.toDetect', {
                from: formatPercent(result.input.baselineRate, 2, language),
                to: formatPercent(result.input.baselineRate * (1 + result.input.relativeMde), 2, language),
                power: formatPercent(result.input.power ?? 0.8, 0, language),
                sequential: result.sequential ? 'yes' : 'no',
              }),
              result.note,
              t('calculators.sampleSize.fullWeek'),
            ]
              .filter(Boolean)
              .join(' ')}
          </p>
          <div className="mt-4 border-t border-slate-200 pt-4" data-testid="sample-size-alternative">
            <p className="text-sm font-medium text-slate-700">{result.alternative.sequential ? t('calculators.sampleSize.withSequential') : t('calculators.sampleSize.withFixed')}</p>
            <PlanFiguresList figures={result.alternative} />
            <p className="mt-2 text-sm text-slate-600">{result.alternative.difference}</p>
          </div>
        </Card>
      ) : null}
      <p className="text-xs text-slate-500">
        <Trans i18nKey="calculators.sampleSize.json" components={{ code: <code /> }} />
      </p>
    </div>
  )
}

/** Visitors per variant, in total and, with daily traffic, the duration; past a year it says so instead of a count. */
function PlanFiguresList({ figures, testId }: { figures: PlanFigures; testId?: string }) {
  const t = useT()
  const language = useLanguage()
  return (
    <dl className="grid gap-4 sm:grid-cols-3" data-testid={testId}>
      <div>
        <dt className="text-sm text-slate-500">{t('calculators.sampleSize.perVariant')}</dt>
        <dd className="text-2xl font-semibold">{formatCount(figures.visitorsPerVariant, 0, language)}</dd>
      </div>
      <div>
        <dt className="text-sm text-slate-500">{t('calculators.sampleSize.total')}</dt>
        <dd className="text-2xl font-semibold">{formatCount(figures.totalVisitors, 0, language)}</dd>
      </div>
      {figures.days !== undefined ? (
        <div>
          <dt className="text-sm text-slate-500">{t('calculators.sampleSize.duration')}</dt>
          <dd className={figures.isReachable ? 'text-2xl font-semibold' : 'text-base font-semibold text-amber-700'}>
            {figures.isReachable ? t('calculators.sampleSize.days', { count: figures.days }) : t('calculators.sampleSize.unreachable')}
          </dd>
        </div>
      ) : null}
    </dl>
  )
}
