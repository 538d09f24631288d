import type { Analysis } from '#app/statistics/analyze'
import { DECISION_TONES } from '#app/components/decision-labels'
import { formatPValue } from '#app/components/format'
import { decisionTitle } from '#app/experiments/ui-words'
import { useLanguage, useT } from '#app/i18n/provider'

/**
 * The verdict in one sentence (which already says how many more visitors and days), in words and not only colour,
 * and, when a chance to beat the control looks decisive but the call waits, why (see why-waiting.ts).
 */
export function DecisionBanner({ decision, srm, whyWaiting }: Pick<Analysis, 'decision' | 'srm'> & { whyWaiting: string | null }) {
  const t = useT()
  const language = useLanguage()
  return (
    <section role="status" aria-live="polite" data-testid="decision" data-status={decision.status} className={`rounded-lg p-5 ring-1 ${DECISION_TONES[decision.status]}`}>
      <h2 className="text-lg font-semibold">{decisionTitle(t, decision.status)}</h2>
      <p className="mt-1">{decision.reason}</p>
      {whyWaiting ? (
        <p className="mt-2 text-sm" data-testid="why-waiting">
          {whyWaiting}
        </p>
      ) : null}
      {srm.detected ? <p className="mt-2 text-sm">{t('calculators.abTest.srm', { pValue: formatPValue(srm.pValue, language) })}</p> : null}
    </section>
  )
}
