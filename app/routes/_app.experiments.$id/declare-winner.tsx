import { Form, Link, useNavigation } from '@remix-run/react'
import { formatChance, formatCount, formatDay, formatInterval, formatLift, formatLiftInterval, formatPercent, formatPoints, formatPValue, isLiftBounded } from '#app/components/format'
import type { Translate } from '#app/experiments/ui-words'
import { useT } from '#app/i18n/provider'
import type { Speaker } from '#app/i18n/sentences'
import { useSpeaker } from '#app/i18n/use-speaker'
import { Button } from '#app/components/ui/button'
import { describeGuardrail } from '#app/experiments/results/guardrail'
import type { ExperimentResults, VariantResult } from '#app/experiments/results/shape'

type Props = { variantKey: string; results: ExperimentResults; primaryLabel: string }

/**
 * The confirmation before a winner is declared (`?declare=B`): the evidence for that variant on the metric in
 * view, and plain warnings when it is not significant, the split is off, the minimum runtime has not passed or
 * the metric is not the primary one. Then one POST, or cancel. A page of its own state, so it needs no JavaScript.
 */
export function DeclareWinnerConfirmation({ variantKey, results, primaryLabel }: Props) {
  const navigation = useNavigation()
  const t = useT()
  const speaker = useSpeaker()
  const variant = results.variants.find((v) => v.key === variantKey)
  const back = `?metric=${encodeURIComponent(results.metric.param)}`
  if (!variant)
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
        {t('results.declare.noVariant', { variant: variantKey })}{' '}
        <Link to={back} className="underline">
          {t('results.declare.back')}
        </Link>
      </p>
    )
  const warnings = listWarnings(t, speaker, variant, results, primaryLabel)
  // The quality guardrail is computed for the decision's winner; when it passed, its figures back the evidence.
  const guardrail = results.guardrail?.variantKey === variant.key && results.guardrail.checks.length ? results.guardrail : null
  return (
    <section id="declare" aria-labelledby="declare-title" data-testid="declare-confirmation" className="rounded-lg bg-white p-5 shadow-sm ring-2 ring-brand-600">
      <h2 id="declare-title" className="text-lg font-semibold">
        {t('results.declare.title', { variant: variant.key })}
      </h2>
      <p className="mt-2 text-sm" data-testid="declare-evidence">
        {describeEvidence(t, speaker.language, variant, results)}
      </p>
      {guardrail?.verdict === 'passed' ? (
        <p className="mt-2 text-sm" data-testid="declare-guardrail">
          {describeGuardrail(guardrail, speaker)}
        </p>
      ) : null}
      {warnings.length ? (
        <div role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="declare-warnings">
          <p className="font-semibold">{t('results.declare.beforeYouDo')}</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-3 text-sm text-slate-600">{t('results.declare.consequence', { variant: variant.key })}</p>
      <Form method="post" action={back} className="mt-4 flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="winner" />
        <input type="hidden" name="variantKey" value={variant.key} />
        <Button variant={warnings.length ? 'danger' : 'primary'} disabled={navigation.state !== 'idle'}>
          {warnings.length ? t('results.declare.anyway', { variant: variant.key }) : t('results.declare.confirm', { variant: variant.key })}
        </Button>
        <Link to={back} preventScrollReset className="text-sm font-medium text-slate-700 underline">
          {t('results.declare.cancel')}
        </Link>
      </Form>
    </section>
  )
}

export function describeEvidence(t: Translate, language: string, variant: VariantResult, { variants, experiment, metric }: ExperimentResults) {
  const to = t('results.interval.to')
  const percent = (x: number | null) => formatPercent(x, 2, language)
  const liftInterval = (ci: [number, number] | null) => formatLiftInterval(ci, language, t('results.interval.unbounded'), to)
  const level = formatPercent(experiment.confidence, 0, language)
  const control = variants.find((v) => v.isControl)
  const own = {
    variant: variant.key,
    rate: percent(variant.rate),
    visitors: formatCount(variant.visitors, 0, language),
    metric: metric.label.toLowerCase(),
    level,
    interval: formatInterval(variant.ci, percent, to),
  }
  const c = variant.vsControl
  if (!c || !control) {
    const others = variants
      .filter((v) => v.vsControl)
      .map((v) =>
        t('results.declare.otherItem', {
          variant: v.key,
          lift: formatLift(v.vsControl!.relativeLift, 1, language),
          interval: liftInterval(v.vsControl!.sequentialRelativeLiftCi),
          pValue: formatPValue(v.vsControl!.sequentialPValueAdjusted, language),
        }),
      )
    return t('results.declare.evidenceControl', { ...own, others: others.join('; ') })
  }
  // Without visitors on both sides there is no chance to beat and no loss: the sentence leaves them out.
  const hasBayes = c.probabilityToBeatControl !== null && variant.expectedLoss !== null
  return t('results.declare.evidence', {
    ...own,
    controlRate: percent(control.rate),
    control: control.key,
    lift: formatLift(c.relativeLift, 1, language),
    bounded: isLiftBounded(c.sequentialRelativeLiftCi) ? 'yes' : 'no',
    liftInterval: liftInterval(c.sequentialRelativeLiftCi),
    pValue: formatPValue(c.sequentialPValueAdjusted, language),
    hasBayes: hasBayes ? 'yes' : 'no',
    chance: formatChance(c.probabilityToBeatControl, language),
    loss: formatPoints(variant.expectedLoss, 3, language),
  })
}

function listWarnings(t: Translate, speaker: Speaker, variant: VariantResult, { variants, decision, srm, progress, metric, guardrail }: ExperimentResults, primaryLabel: string) {
  const warnings: string[] = []
  const c = variant.vsControl
  const isBackedByData = c ? c.significant && (c.relativeLift ?? 0) > 0 : decision.status === 'control'
  if (!isBackedByData) {
    const control = variants.find((v) => v.isControl)?.key ?? t('results.declare.theControl')
    warnings.push(
      c
        ? c.significant
          ? t('results.declare.worse', { variant: variant.key, control })
          : t('results.declare.notSignificant', { variant: variant.key, control })
        : t('results.declare.notSignificantAll', { variant: variant.key }),
    )
  }
  if (guardrail?.variantKey === variant.key && guardrail.verdict === 'blocked') warnings.push(`${describeGuardrail(guardrail, speaker)} ${t('results.declare.autoShipWouldNot')}`)
  if (srm.detected) warnings.push(t('results.declare.srm'))
  if (!progress.minRuntimeReached) {
    const ends = progress.minRuntimeEndsAt ? formatDay(progress.minRuntimeEndsAt, '–', progress.timeZone) : ''
    warnings.push(t('results.declare.minRuntime', { days: progress.minRuntimeDays, hasEnd: ends ? 'yes' : 'no', end: ends }))
  }
  if (!metric.isPrimary) warnings.push(t('results.declare.notPrimary', { metric: metric.label.toLowerCase(), primary: primaryLabel.toLowerCase() }))
  return warnings
}
