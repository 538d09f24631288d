import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { formatCount, formatPercent, formatPlanDays } from '#app/components/format'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { computeSampleSize, type PlanFigures } from '#app/statistics/sample-size'
import { checkSampleSizeFields, type SampleSizeFields } from './form'

export const meta: MetaFunction = () => [
  { title: 'A/B test sample size and duration calculator · Splitform' },
  { name: 'description', content: 'How many visitors and days your A/B test needs, from your conversion rate and the smallest lift worth detecting.' },
]

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
  return { form, result: { ...computeSampleSize(checked.request), input: checked.request }, errors: {} as Record<string, string[]> }
}

export default function SampleSizeCalculator() {
  const { form, result, errors } = useLoaderData<typeof loader>()
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
      {errors[apiName] ? <span className="mt-1 block text-xs text-red-600">{errors[apiName][0]}</span> : null}
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
      {errors[apiName] ? <span className="mt-1 block text-xs text-red-600">{errors[apiName][0]}</span> : null}
    </label>
  )
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sample size and duration</h1>
        <p className="mt-1 max-w-3xl text-slate-600">How many visitors each variant needs to detect the smallest lift worth acting on, and how many days that takes.</p>
      </div>
      <Card>
        <Form method="get" className="flex flex-wrap items-start gap-5">
          {field('baseline', 'Current conversion rate (%)', 'baselineRate', 'e.g. 4.5')}
          {field('mde', 'Smallest lift to detect (%)', 'relativeMde', 'relative: 10 means 4.5% → 4.95%')}
          {select('alpha', 'Significance (two-sided α)', 'alpha', [
            ['0.1', '0.10 (90% confidence)'],
            ['0.05', '0.05 (95% confidence)'],
            ['0.01', '0.01 (99% confidence)'],
          ])}
          {select('power', 'Power', 'power', [
            ['0.8', '80%'],
            ['0.9', '90%'],
            ['0.95', '95%'],
          ])}
          {select('method', 'Analysis', 'sequential', [
            ['sequential', 'Always valid (peek-safe)'],
            ['fixed', 'Fixed horizon (look once)'],
          ])}
          {field('variants', 'Variants (incl. control)', 'variants')}
          {field('daily', 'Daily visitors (all variants)', 'dailyVisitors', 'optional, for the duration')}
          <div className="w-full">
            <Button>Calculate</Button>
          </div>
        </Form>
      </Card>
      {result ? (
        <Card title="You need">
          <PlanFiguresList figures={result} testId="sample-size" />
          <p className="mt-4 text-sm text-slate-600">
            To detect a change from {formatPercent(result.input.baselineRate)} to {formatPercent(result.input.baselineRate * (1 + result.input.relativeMde))} with{' '}
            {formatPercent(result.input.power ?? 0.8, 0)} power {result.sequential ? 'when the results are read about 20 times along the way' : 'when the results are read once, at the end'}.{' '}
            {result.note ?? ''} Plan at least one full week so that weekdays and weekends are both in.
          </p>
          <div className="mt-4 border-t border-slate-200 pt-4" data-testid="sample-size-alternative">
            <p className="text-sm font-medium text-slate-700">{result.alternative.sequential ? 'With the always-valid (peek-safe) analysis' : 'With a fixed-horizon test (look once)'}</p>
            <PlanFiguresList figures={result.alternative} />
            <p className="mt-2 text-sm text-slate-600">{result.alternative.difference}</p>
          </div>
        </Card>
      ) : null}
      <p className="text-xs text-slate-500">
        Also as JSON: <code>POST /api/v1/sample-size</code>.
      </p>
    </div>
  )
}

/** Visitors per variant, in total and, with daily traffic, the duration; past a year it says so instead of a count. */
function PlanFiguresList({ figures, testId }: { figures: PlanFigures; testId?: string }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-3" data-testid={testId}>
      <div>
        <dt className="text-sm text-slate-500">Visitors per variant</dt>
        <dd className="text-2xl font-semibold">{formatCount(figures.visitorsPerVariant)}</dd>
      </div>
      <div>
        <dt className="text-sm text-slate-500">Visitors in total</dt>
        <dd className="text-2xl font-semibold">{formatCount(figures.totalVisitors)}</dd>
      </div>
      {figures.days !== undefined ? (
        <div>
          <dt className="text-sm text-slate-500">Duration</dt>
          <dd className={figures.isReachable ? 'text-2xl font-semibold' : 'text-base font-semibold text-amber-700'}>
            {figures.isReachable ? `${formatCount(figures.days)} day${figures.days === 1 ? '' : 's'}` : formatPlanDays(figures.days)}
          </dd>
        </div>
      ) : null}
    </dl>
  )
}
