import { formatCount, formatPercent, formatPValue } from '#app/components/format'
import { describeGuardrail, type GuardrailVerdict } from '#app/experiments/results/guardrail'
import { useLanguage, useT } from '#app/i18n/provider'
import { useSpeaker } from '#app/i18n/use-speaker'
import { TableFrame } from '#app/components/ui/table-frame'

type Props = { guardrail: GuardrailVerdict; autoShip: boolean; isRunning: boolean }

/**
 * The quality guardrail on the decision's winner (docs/decisions/061-quality-guardrail.md): whether its leads are
 * significantly worse than the control's, with the figures it rests on. When it blocks, says that auto-ship holds
 * the winner and the experiment keeps running.
 */
export function GuardrailNote({ guardrail, autoShip, isRunning }: Props) {
  const t = useT()
  const language = useLanguage()
  const speaker = useSpeaker()
  if (!guardrail.checks.length) return null
  const isBlocked = guardrail.verdict === 'blocked'
  return (
    <section
      aria-labelledby="guardrail-title"
      data-testid="guardrail"
      data-verdict={guardrail.verdict}
      className={`rounded-lg p-4 text-sm ring-1 ${isBlocked ? 'bg-amber-50 text-amber-950 ring-amber-300' : 'bg-white text-slate-700 ring-slate-200'}`}
    >
      <h2 id="guardrail-title" className="font-semibold">
        {isBlocked ? t('results.guardrail.heldBack', { variant: guardrail.variantKey }) : t('results.guardrail.passedTitle')}
      </h2>
      <p className="mt-1">
        {describeGuardrail(guardrail, speaker)}
        {isBlocked && autoShip && isRunning ? ` ${t('results.guardrail.autoShipHolds', { variant: guardrail.variantKey })}` : ''}
      </p>
      <TableFrame label={t('results.guardrail.tableLabel')} className="mt-2">
        <table className="min-w-[36rem] text-left tabular-nums">
          <thead className="opacity-80">
            <tr>
              {[t('results.guardrail.perVisitor'), guardrail.control, guardrail.variantKey, t('results.guardrail.alwaysValidP'), ''].map((h, i) => (
                <th key={i} scope="col" className="pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {guardrail.checks.map((c) => (
              <tr key={c.check} data-testid="guardrail-check" data-check={c.check} data-worse={c.isWorse}>
                <th scope="row" className="pr-4 font-medium">
                  {t('results.guardrail.checkName', { check: c.check })}
                </th>
                <td className="pr-4">
                  {formatPercent(c.control.rate, 2, language)}{' '}
                  <span className="text-xs">{t('results.guardrail.countOf', { count: formatCount(c.control.count, 0, language), visitors: formatCount(c.control.visitors, 0, language) })}</span>
                </td>
                <td className="pr-4">
                  {formatPercent(c.variant.rate, 2, language)}{' '}
                  <span className="text-xs">{t('results.guardrail.countOf', { count: formatCount(c.variant.count, 0, language), visitors: formatCount(c.variant.visitors, 0, language) })}</span>
                </td>
                <td className="pr-4">{formatPValue(c.sequentialPValue, language)}</td>
                <td className="pr-4 font-medium">{c.isWorse ? t('results.guardrail.significantlyWorse') : t('results.guardrail.notSignificantlyWorse')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <p className="mt-2 text-xs opacity-80">{t('results.guardrail.rule')}</p>
    </section>
  )
}
