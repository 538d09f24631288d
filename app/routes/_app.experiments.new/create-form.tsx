import { useEffect } from 'react'
import { get } from 'react-hook-form'
import { formatAmount, formatCount, formatPercent, formatShare } from '#app/components/format'
import { isReachable } from '#app/experiments/results/remaining'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import { equalWeights, isLeadMetric, METRIC_KINDS, metricKey, PIPELINE_METRIC } from '#app/experiments/schema'
import { MIN_STAGE_VISITORS, STAGE_HISTORY_DAYS } from '#app/experiments/stage-plan'
import { metricLabelIn, type Translate } from '#app/experiments/ui-words'
import { useLanguage, useT } from '#app/i18n/provider'
import type { FormErrors } from '#app/http/form-data.server'
import { DEFAULT_SETTINGS as DEFAULTS, ExperimentFormSchema, PIPELINE_MEAN_FIELD, PIPELINE_SPREAD_FIELD, STAGE_BASELINE_FIELD, weightField, type SentFields } from './form-schema'
import { DEFAULT_MDE, planSample, type PageTraffic, type PipelinePlan, type RatePlan, type SamplePlan, type StagePlan } from './plan'

export type PageChoice = { id: string; name: string; slug: string; variants: { key: string; name: string; isPublished: boolean }[] }
export type FormChoice = { id: string; name: string }

type Props = { page: PageChoice; forms: FormChoice[]; traffic: PageTraffic; initialPlan: SamplePlan; errors?: FormErrors; sent?: SentFields }

const CONFIDENCES = [0.9, 0.95, 0.99]
const asPercent = (fraction: number) => String(Number((fraction * 100).toFixed(4)))
const toNumber = (text: string) => Number(text.replace(',', '.'))
const asList = (value: unknown, fallback: string[]) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : fallback).filter((v): v is string => typeof v === 'string')
const labelClass = 'block text-sm font-medium text-slate-700'
const inputClass = 'mt-1 block w-full rounded-md px-3 py-2 ring-1 ring-slate-300 aria-[invalid]:ring-red-500'

/**
 * Everything but the page, checked in the browser with CreateExperimentSchema (through the flat-field mapping the
 * action uses too). Without JavaScript it is a plain POST with the same fields; the planned sample is then the one
 * the server prefilled, and can be typed over. After a rejected post the inputs start from what was `sent`.
 */
export function CreateExperimentForm({ page, forms, traffic, initialPlan, errors, sent }: Props) {
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(ExperimentFormSchema, errors)
  const t = useT()
  const language = useLanguage()
  const keys = page.variants.map((v) => v.key)
  const start = (name: string, fallback: string) => {
    const value = sent?.[name]
    return typeof value === 'string' ? value : fallback
  }
  const startsTicked = (name: string, value: string, fallback: boolean) => (sent ? asList(sent[name], []).includes(value) : fallback)
  // What an input holds now: react-hook-form's value once it has one, else what the input started with.
  const current = (name: string, fallback: string) => {
    const value = form.watch(name)
    return typeof value === 'string' ? value : start(name, fallback)
  }
  const ticked = asList(
    form.watch('variants'),
    keys.filter((key) => startsTicked('variants', key, true)),
  )
  const formNames = Object.fromEntries(forms.map((f) => [f.id, f.name]))
  const metrics = [...METRIC_KINDS, ...forms.map((f) => ({ formId: f.id }))].map((m) => ({ value: metricKey(m), label: metricLabelIn(t, m, formNames) }))
  const primaryMetric = current('primaryMetric', metricKey(DEFAULTS.primaryMetric))
  const isPipeline = primaryMetric === PIPELINE_METRIC
  // Pipeline's plan starts from the mean and spread per visitor: the history's, prefilled, or typed.
  const asAmount = (n: number | undefined) => (n === undefined ? '' : String(Number(n.toPrecision(4))))
  const pipelineInput = {
    mean: toNumber(current(PIPELINE_MEAN_FIELD, asAmount(traffic.pipeline?.mean)) || 'NaN'),
    standardDeviation: toNumber(current(PIPELINE_SPREAD_FIELD, asAmount(traffic.pipeline?.standardDeviation)) || 'NaN'),
  }
  const plan = planSample({
    traffic,
    metric: primaryMetric,
    relativeMde: toNumber(current('mde', asPercent(DEFAULT_MDE))) / 100,
    confidence: toNumber(current('confidence', asPercent(DEFAULTS.confidence))) / 100,
    variants: ticked.length,
    coverage: toNumber(current('coverage', asPercent(DEFAULTS.coverage))) / 100,
    pipeline: pipelineInput,
    // Used only when the page's stage history is too thin: then the marketer types the baseline.
    stageBaseline: toNumber(current(STAGE_BASELINE_FIELD, '') || 'NaN') / 100,
  })
  // The planned sample follows the inputs it is computed from; a number typed over it stays until one changes.
  useEffect(() => {
    form.setValue('plannedVisitorsPerVariant', plan.visitorsPerVariant === null ? '' : String(plan.visitorsPerVariant))
  }, [form, plan.visitorsPerVariant])

  // The weights are checked together (they must add up), so after a failed submit any change re-checks them all.
  const recheckVariants = () => {
    if (form.formState.isSubmitted) void form.trigger('variants')
  }
  // Ticking or unticking a variant shares the traffic equally again, and keeps the control among the ticked.
  const rebalance = () => {
    const chosen = asList(form.getValues('variants'), [])
    for (const { key, weight } of equalWeights(chosen)) form.setValue(weightField(key), asPercent(weight))
    if (chosen.length && !chosen.includes(form.getValues('control') as string)) form.setValue('control', chosen[0])
    recheckVariants()
  }
  const initialWeights = Object.fromEntries(equalWeights(keys).map((w) => [w.key, asPercent(w.weight)]))
  const weightTotal = ticked.reduce((sum, key) => sum + toNumber(current(weightField(key), initialWeights[key]!)), 0)
  const errorAt = (path: string) => (get(form.formState.errors, path) as { message?: string } | undefined)?.message
  const variantsError = errorAt('variants') ?? errors?.fieldErrors.variants?.[0]

  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="space-y-6">
      {/* Registered, so the browser's check sees it as the server will. */}
      <input type="hidden" defaultValue={page.id} {...form.register('pageId')} />
      <FormErrorList errors={errors?.formErrors} />
      {errorFor('pageId') ? (
        <p role="alert" className="text-sm text-red-600">
          {errorFor('pageId')}
        </p>
      ) : null}
      <Card title={t('experimentForm.whatYouTest')}>
        <div className="grid gap-4">
          <Field
            label={t('experimentForm.name')}
            maxLength={120}
            placeholder={t('experimentForm.namePlaceholder')}
            defaultValue={start('name', '')}
            error={errorFor('name')}
            {...form.register('name')}
          />
          <div>
            <label htmlFor="experiment-hypothesis" className={labelClass}>
              {t('experimentForm.hypothesis')}{' '}
            </label>
            <textarea
              id="experiment-hypothesis"
              defaultValue={start('hypothesis', '')}
              rows={3}
              maxLength={2000}
              placeholder={t('experimentForm.hypothesisPlaceholder')}
              className={inputClass}
              {...form.register('hypothesis')}
            />
            {errorFor('hypothesis') ? <p className="mt-1 text-sm text-red-600">{errorFor('hypothesis')}</p> : null}
          </div>
        </div>
      </Card>

      <Card title={t('experimentForm.variantsTitle')} description={t('experimentForm.variantsDescription')}>
        <fieldset aria-describedby="weights-help">
          <legend className="sr-only">{t('experimentForm.variants')}</legend>
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">{t('experimentForm.variant')}</th>
                <th className="py-2 pr-4 font-medium">{t('experimentForm.weight')}</th>
                <th className="py-2 pr-4 font-medium">{t('experimentForm.control')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.variants.map((v) => {
                const index = ticked.indexOf(v.key)
                const weightError = index >= 0 ? errorAt(`variants.${index}.weight`) : undefined
                return (
                  <tr key={v.key} data-testid="variant-choice">
                    <td className="py-2 pr-4">
                      <label className="flex items-center gap-2">
                        <input type="checkbox" value={v.key} defaultChecked={startsTicked('variants', v.key, true)} {...form.register('variants', { onChange: rebalance })} />
                        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{v.key}</span> {v.name}
                      </label>
                      {v.isPublished ? null : <p className="mt-1 text-xs text-amber-700">{t('experimentForm.notPublished')}</p>}
                    </td>
                    <td className="py-2 pr-4">
                      <label className="sr-only" htmlFor={`weight-${v.key}`}>
                        {t('experimentForm.weightOf', { variant: v.key })}
                      </label>
                      <input
                        id={`weight-${v.key}`}
                        inputMode="decimal"
                        defaultValue={start(weightField(v.key), initialWeights[v.key]!)}
                        aria-invalid={weightError ? true : undefined}
                        className="w-28 rounded-md px-2 py-1 ring-1 ring-slate-300 aria-[invalid]:ring-red-500"
                        {...form.register(weightField(v.key), { onChange: recheckVariants })}
                      />
                      {weightError ? <p className="mt-1 text-xs text-red-600">{weightError}</p> : null}
                    </td>
                    <td className="py-2 pr-4">
                      <input
                        type="radio"
                        value={v.key}
                        defaultChecked={start('control', keys[0]!) === v.key}
                        aria-label={t('experimentForm.isControl', { variant: v.key })}
                        disabled={index < 0}
                        {...form.register('control')}
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </fieldset>
        <p className="mt-2 text-sm text-slate-600" data-testid="weight-total">
          {t('experimentForm.weightTotal', { total: formatShare(weightTotal / 100, language, 4) })}
        </p>
        {variantsError ? (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {variantsError}
          </p>
        ) : null}
        {errorFor('control') ? <p className="mt-1 text-sm text-red-600">{errorFor('control')}</p> : null}
        <p id="weights-help" className="mt-3 text-sm text-slate-500">
          {t('experimentForm.weightsHelp')}
        </p>
      </Card>

      <Card title={t('experimentForm.whoTitle')}>
        <div className="grid gap-4 md:grid-cols-3">
          <Field
            label={t('experimentForm.coverage')}
            inputMode="decimal"
            defaultValue={start('coverage', asPercent(DEFAULTS.coverage))}
            hint={t('experimentForm.coverageHint')}
            error={errorFor('coverage')}
            {...form.register('coverage')}
          />
          <div>
            <label htmlFor="experiment-confidence" className={labelClass}>
              {t('experimentForm.confidence')}{' '}
            </label>
            <select id="experiment-confidence" defaultValue={start('confidence', asPercent(DEFAULTS.confidence))} className={inputClass} {...form.register('confidence')}>
              {CONFIDENCES.map((c) => (
                <option key={c} value={asPercent(c)}>
                  {formatPercent(c, 0, language)}
                </option>
              ))}
            </select>
            {errorFor('confidence') ? <p className="mt-1 text-sm text-red-600">{errorFor('confidence')}</p> : null}
          </div>
          <Field
            label={t('experimentForm.minRuntime')}
            type="number"
            min={1}
            max={90}
            defaultValue={start('minRuntimeDays', String(DEFAULTS.minRuntimeDays))}
            hint={t('experimentForm.minRuntimeHint')}
            error={errorFor('minRuntimeDays')}
            {...form.register('minRuntimeDays')}
          />
        </div>
      </Card>

      <Card title={t('experimentForm.conversionTitle')} description={t('experimentForm.conversionDescription')}>
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label htmlFor="experiment-primary" className={labelClass}>
              {t('experimentForm.primaryMetric')}{' '}
            </label>
            <select id="experiment-primary" defaultValue={start('primaryMetric', metricKey(DEFAULTS.primaryMetric))} className={inputClass} {...form.register('primaryMetric')}>
              {metrics.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
            {errorFor('primaryMetric') ? <p className="mt-1 text-sm text-red-600">{errorFor('primaryMetric')}</p> : null}
          </div>
          <fieldset>
            <legend className={labelClass}>{t('experimentForm.secondaryMetrics')}</legend>
            <div className="mt-1 grid gap-1 text-sm">
              {metrics.map((m) => (
                <label key={m.value} className="flex items-center gap-2">
                  <input type="checkbox" value={m.value} defaultChecked={startsTicked('secondaryMetrics', m.value, false)} {...form.register('secondaryMetrics')} /> {m.label}
                </label>
              ))}
            </div>
            {errorFor('secondaryMetrics') ? <p className="mt-1 text-sm text-red-600">{errorFor('secondaryMetrics')}</p> : null}
          </fieldset>
          <Field
            label={t('experimentForm.maturity')}
            type="number"
            min={0}
            max={90}
            defaultValue={start('maturityDays', String(DEFAULTS.maturityDays))}
            hint={t('experimentForm.maturityHint')}
            error={errorFor('maturityDays')}
            {...form.register('maturityDays')}
          />
        </div>
      </Card>

      <Card title={t('experimentForm.plannedTitle')} description={t('experimentForm.plannedDescription')}>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label={t('experimentForm.mde')} inputMode="decimal" defaultValue={start('mde', asPercent(DEFAULT_MDE))} hint={t('experimentForm.mdeHint')} {...form.register('mde')} />
          <Field
            label={t('experimentForm.planned')}
            type="number"
            min={1}
            defaultValue={start('plannedVisitorsPerVariant', String(initialPlan.visitorsPerVariant ?? ''))}
            hint={t('experimentForm.plannedHint')}
            error={errorFor('plannedVisitorsPerVariant')}
            {...form.register('plannedVisitorsPerVariant')}
          />
        </div>
        {isPipeline ? (
          <div className="mt-4 grid gap-4 md:grid-cols-2" data-testid="pipeline-plan-inputs">
            <Field
              label={t('experimentForm.pipelineMean')}
              inputMode="decimal"
              defaultValue={start(PIPELINE_MEAN_FIELD, asAmount(traffic.pipeline?.mean))}
              hint={t('experimentForm.pipelineMeanHint')}
              error={errorFor(PIPELINE_MEAN_FIELD)}
              {...form.register(PIPELINE_MEAN_FIELD)}
            />
            <Field
              label={t('experimentForm.pipelineSpread')}
              inputMode="decimal"
              defaultValue={start(PIPELINE_SPREAD_FIELD, asAmount(traffic.pipeline?.standardDeviation))}
              hint={t('experimentForm.pipelineSpreadHint')}
              error={errorFor(PIPELINE_SPREAD_FIELD)}
              {...form.register(PIPELINE_SPREAD_FIELD)}
            />
          </div>
        ) : null}
        {plan.kind === 'stage' && !plan.isMeasured ? (
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <Field
              label={t('experimentForm.stageBaseline')}
              inputMode="decimal"
              defaultValue={start(STAGE_BASELINE_FIELD, '')}
              hint={t('experimentForm.stageBaselineHint')}
              {...form.register(STAGE_BASELINE_FIELD)}
            />
          </div>
        ) : null}
        {plan.kind === 'pipeline' ? (
          <PipelinePlanExplanation plan={plan} />
        ) : plan.kind === 'stage' ? (
          <StagePlanExplanation plan={plan} metric={metrics.find((m) => m.value === primaryMetric)?.label ?? primaryMetric} />
        ) : (
          <PlanExplanation plan={plan} metric={metrics.find((m) => m.value === primaryMetric)?.label ?? primaryMetric} />
        )}
        {isLeadMetric(primaryMetric) ? <LeadMetricPlanNote maturityDays={current('maturityDays', String(DEFAULTS.maturityDays))} /> : null}
      </Card>

      <Card>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" defaultChecked={startsTicked('autoShip', 'on', DEFAULTS.autoShip)} {...form.register('autoShip')} />
          <span>
            <span className="font-medium">{t('experimentForm.autoShip')}</span>
            <span className="block text-slate-500">{t('experimentForm.autoShipHint')}</span>
          </span>
        </label>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        <Button disabled={isSubmitting}>{isSubmitting ? t('experimentForm.creating') : t('experimentForm.create')}</Button>
        <p className="text-sm text-slate-500">{t('experimentForm.draftNote')}</p>
      </div>
    </Form>
  )
}

function describeDuration(t: Translate, language: string, plan: SamplePlan): string {
  if (plan.dailyVisitors === null) return t('experimentForm.plan.noTraffic')
  const reachable = plan.days === null ? 'none' : isReachable({ daysNeeded: plan.days }) ? 'yes' : 'no'
  return t('experimentForm.plan.duration', { daily: formatCount(plan.dailyVisitors, 0, language), reachable, days: plan.days ?? 0 })
}

function PipelinePlanExplanation({ plan }: { plan: PipelinePlan }) {
  const t = useT()
  const language = useLanguage()
  const { history } = plan
  return (
    <div className="mt-4 space-y-1 text-sm text-slate-600" data-testid="plan-explanation">
      <p>
        {history
          ? t('experimentForm.plan.pipelinePrefilled', {
              scope: history.scope,
              mean: formatAmount(history.mean, 2, language),
              spread: formatAmount(history.standardDeviation, 2, language),
              deals: formatCount(history.deals, 0, language),
              visitors: formatCount(history.visitors, 0, language),
            })
          : t('experimentForm.plan.pipelineNoHistory')}
      </p>
      <p>{t('experimentForm.plan.pipelineMean')}</p>
      <p>{describeDuration(t, language, plan)}</p>
      {plan.visitorsPerVariant === null ? <p className="text-amber-700">{t('experimentForm.plan.pipelineNoPlan')}</p> : null}
    </div>
  )
}

function PlanExplanation({ plan, metric }: { plan: RatePlan; metric: string }) {
  const t = useT()
  const language = useLanguage()
  return (
    <div className="mt-4 space-y-1 text-sm text-slate-600" data-testid="plan-explanation">
      <p>
        {t('experimentForm.plan.rateBaseline', {
          rate: formatPercent(plan.baselineRate, 2, language),
          source: plan.isMeasured ? 'measured' : plan.visitors ? 'noConversions' : 'noVisitors',
          metric,
          converted: formatCount(plan.converted, 0, language),
          visitors: formatCount(plan.visitors, 0, language),
        })}
      </p>
      <p>{describeDuration(t, language, plan)}</p>
      {plan.visitorsPerVariant === null ? <p className="text-amber-700">{t('experimentForm.plan.noPlan')}</p> : null}
    </div>
  )
}

/** A stage metric's plan: from the page's stage rate over mature visitors, or, with too thin a history, the rate typed. */
export function StagePlanExplanation({ plan, metric }: { plan: StagePlan; metric: string }) {
  const t = useT()
  const language = useLanguage()
  const { history } = plan
  const values = {
    metric,
    reached: formatCount(history[plan.stage], 0, language),
    visitors: formatCount(history.visitors, 0, language),
    historyDays: STAGE_HISTORY_DAYS,
    maturityDays: history.maturityDays,
  }
  return (
    <div className="mt-4 space-y-1 text-sm text-slate-600" data-testid="plan-explanation">
      {plan.isMeasured ? (
        <p>{t('experimentForm.plan.stageMeasured', { ...values, rate: formatPercent(plan.baselineRate, 2, language) })}</p>
      ) : (
        <p className="text-amber-700" data-testid="stage-baseline-fallback">
          {t('experimentForm.plan.stageTooLittle', {
            ...values,
            minimum: formatCount(MIN_STAGE_VISITORS, 0, language),
            typed: plan.baselineRate === null ? 'no' : 'yes',
            rate: formatPercent(plan.baselineRate, 2, language),
          })}
        </p>
      )}
      <p>{describeDuration(t, language, plan)}</p>
      {plan.baselineRate !== null && plan.visitorsPerVariant === null ? <p className="text-amber-700">{t('experimentForm.plan.noPlan')}</p> : null}
    </div>
  )
}

/** A lead metric's plan: its visitors count only once they are `maturityDays` old. */
function LeadMetricPlanNote({ maturityDays }: { maturityDays: string }) {
  const t = useT()
  return (
    <div className="mt-2 space-y-1 text-sm text-amber-800" data-testid="lead-metric-plan-note">
      <p>{t('experimentForm.plan.leadMetricNote', { days: maturityDays || DEFAULTS.maturityDays })}</p>
    </div>
  )
}
