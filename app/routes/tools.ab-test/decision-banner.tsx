import type { Analysis } from '#app/statistics/analyze'
import { DECISION_TITLES, DECISION_TONES } from '#app/components/decision-labels'
import { formatPValue } from '#app/components/format'

/**
 * The verdict in one sentence (which already says how many more visitors and days), in words and not only colour,
 * and, when a chance to beat the control looks decisive but the call waits, why (see why-waiting.ts).
 */
export function DecisionBanner({ decision, srm, whyWaiting }: Pick<Analysis, 'decision' | 'srm'> & { whyWaiting: string | null }) {
  return (
    <section role="status" aria-live="polite" data-testid="decision" data-status={decision.status} className={`rounded-lg p-5 ring-1 ${DECISION_TONES[decision.status]}`}>
      <h2 className="text-lg font-semibold">{DECISION_TITLES[decision.status]}</h2>
      <p className="mt-1">{decision.reason}</p>
      {whyWaiting ? (
        <p className="mt-2 text-sm" data-testid="why-waiting">
          {whyWaiting}
        </p>
      ) : null}
      {srm.detected ? (
        <p className="mt-2 text-sm">
          Sample ratio mismatch (p = {formatPValue(srm.pValue)}): the visitor counts do not match the planned split. Usual causes: redirects or slow pages that lose visitors of one variant, bots, or
          assignment changed mid-test.
        </p>
      ) : null}
    </section>
  )
}
