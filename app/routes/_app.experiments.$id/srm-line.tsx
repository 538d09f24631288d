import { formatPValueStatement } from '#app/components/format'
import type { SrmResult } from '#app/experiments/results/shape'
import { useLanguage, useT } from '#app/i18n/provider'

/**
 * The traffic-split check in one plain line (the p-value rounded for a sentence, format.ts), whatever its outcome: healthy (the SRM p-value), off (the decision
 * banner then shows the observed against the expected split and the usual causes), or not yet checkable.
 */
export function SrmLine({ srm }: { srm: SrmResult }) {
  const t = useT()
  const language = useLanguage()
  if (srm.pValue === null)
    return (
      <p className="text-sm text-slate-600" data-testid="srm-line" data-state="waiting">
        {t('results.srm.waiting')}
      </p>
    )
  if (srm.detected)
    return (
      <p className="text-sm font-medium text-red-800" data-testid="srm-line" data-state="mismatch">
        {t('results.srm.off', { evidence: formatPValueStatement(srm.pValue, language) })}
      </p>
    )
  return (
    <p className="text-sm text-slate-700" data-testid="srm-line" data-state="healthy">
      {t('results.srm.healthy', { evidence: formatPValueStatement(srm.pValue, language) })}
    </p>
  )
}
