import { Form, Link, useNavigation } from '@remix-run/react'
import {
  formatChance,
  formatCount,
  formatDay,
  formatInterval,
  formatLift,
  formatLiftInterval,
  formatPercent,
  formatPoints,
  formatPValue,
  isLiftBounded,
  UNBOUNDED_LIFT_TEXT,
} from '#app/components/format'
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
  const variant = results.variants.find((v) => v.key === variantKey)
  const back = `?metric=${encodeURIComponent(results.metric.param)}`
  if (!variant)
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
        The experiment has no variant {variantKey}.{' '}
        <Link to={back} className="underline">
          Back to the results
        </Link>
      </p>
    )
  const warnings = listWarnings(variant, results, primaryLabel)
  // The quality guardrail is computed for the decision's winner; when it passed, its figures back the evidence.
  const guardrail = results.guardrail?.variantKey === variant.key && results.guardrail.checks.length ? results.guardrail : null
  return (
    <section id="declare" aria-labelledby="declare-title" data-testid="declare-confirmation" className="rounded-lg bg-white p-5 shadow-sm ring-2 ring-brand-600">
      <h2 id="declare-title" className="text-lg font-semibold">
        Declare {variant.key} the winner?
      </h2>
      <p className="mt-2 text-sm" data-testid="declare-evidence">
        {describeEvidence(variant, results)}
      </p>
      {guardrail?.verdict === 'passed' ? (
        <p className="mt-2 text-sm" data-testid="declare-guardrail">
          {describeGuardrail(guardrail)}
        </p>
      ) : null}
      {warnings.length ? (
        <div role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="declare-warnings">
          <p className="font-semibold">Before you do:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-3 text-sm text-slate-600">The experiment ends and {variant.key} is served to every visitor from now on. This cannot be undone.</p>
      <Form method="post" action={back} className="mt-4 flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="winner" />
        <input type="hidden" name="variantKey" value={variant.key} />
        <Button variant={warnings.length ? 'danger' : 'primary'} disabled={navigation.state !== 'idle'}>
          {warnings.length ? `Declare ${variant.key} anyway` : `Declare ${variant.key} the winner`}
        </Button>
        <Link to={back} preventScrollReset className="text-sm font-medium text-slate-700 underline">
          Cancel
        </Link>
      </Form>
    </section>
  )
}

export function describeEvidence(variant: VariantResult, { variants, experiment, metric }: ExperimentResults) {
  const level = formatPercent(experiment.confidence, 0)
  const control = variants.find((v) => v.isControl)
  const own = `${variant.key} converted ${formatPercent(variant.rate)} of ${formatCount(variant.visitors)} visitors on ${metric.label.toLowerCase()} (${level} interval ${formatInterval(variant.ci, (x) => formatPercent(x))})`
  const c = variant.vsControl
  if (!c || !control) {
    const others = variants
      .filter((v) => v.vsControl)
      .map((v) => `${v.key} ${formatLift(v.vsControl!.relativeLift)} (${formatLiftInterval(v.vsControl!.sequentialRelativeLiftCi)}, p = ${formatPValue(v.vsControl!.sequentialPValueAdjusted)})`)
    return `${own}; it is the control. Against it: ${others.join('; ')}.`
  }
  const interval = isLiftBounded(c.sequentialRelativeLiftCi) ? `always-valid ${level} interval ${formatLiftInterval(c.sequentialRelativeLiftCi)}` : UNBOUNDED_LIFT_TEXT
  // Without visitors on both sides there is no chance to beat and no loss: the sentence leaves them out.
  const bayes =
    c.probabilityToBeatControl === null || variant.expectedLoss === null
      ? ''
      : `, ${formatChance(c.probabilityToBeatControl)} chance to beat ${control.key}, expected loss ${formatPoints(variant.expectedLoss, 3)}`
  return `${own}, against ${formatPercent(control.rate)} for ${control.key}: a lift of ${formatLift(c.relativeLift)} (${interval}), p = ${formatPValue(c.sequentialPValueAdjusted)}${bayes}.`
}

function listWarnings(variant: VariantResult, { variants, decision, srm, progress, metric, guardrail }: ExperimentResults, primaryLabel: string) {
  const warnings: string[] = []
  const c = variant.vsControl
  const isBackedByData = c ? c.significant && (c.relativeLift ?? 0) > 0 : decision.status === 'control'
  if (!isBackedByData) {
    const control = variants.find((v) => v.isControl)?.key ?? 'the control'
    warnings.push(
      c
        ? c.significant
          ? `${variant.key} converts significantly worse than ${control}.`
          : `Not significant: the data do not show that ${variant.key} converts better than ${control}; the difference may be chance.`
        : `Not significant: the data do not show that ${variant.key} converts better than every other variant.`,
    )
  }
  if (guardrail?.variantKey === variant.key && guardrail.verdict === 'blocked') warnings.push(`${describeGuardrail(guardrail)} Auto-ship would not ship it.`)
  if (srm.detected) warnings.push('The traffic split is off (sample ratio mismatch): every figure here may be biased.')
  if (!progress.minRuntimeReached)
    warnings.push(
      `The minimum runtime of ${progress.minRuntimeDays} days has not passed${progress.minRuntimeEndsAt ? ` (it ends on ${formatDay(progress.minRuntimeEndsAt, '–', progress.timeZone)})` : ''}.`,
    )
  if (!metric.isPrimary) warnings.push(`This evidence is on ${metric.label.toLowerCase()}, not on the primary metric (${primaryLabel.toLowerCase()}).`)
  return warnings
}
