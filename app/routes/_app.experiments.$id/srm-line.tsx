import { formatPValueStatement } from '#app/components/format'
import type { SrmResult } from '#app/experiments/results/shape'

/**
 * The traffic-split check in one plain line (the p-value rounded for a sentence, format.ts), whatever its outcome: healthy (the SRM p-value), off (the decision
 * banner then shows the observed against the expected split and the usual causes), or not yet checkable.
 */
export function SrmLine({ srm }: { srm: SrmResult }) {
  if (srm.pValue === null)
    return (
      <p className="text-sm text-slate-600" data-testid="srm-line" data-state="waiting">
        Split check: waits for the first visitors.
      </p>
    )
  if (srm.detected)
    return (
      <p className="text-sm font-medium text-red-800" data-testid="srm-line" data-state="mismatch">
        ⚠ Split is off (SRM {formatPValueStatement(srm.pValue)}): the visitor counts do not match the configured split; see the decision above.
      </p>
    )
  return (
    <p className="text-sm text-slate-700" data-testid="srm-line" data-state="healthy">
      ✓ Split is healthy (SRM {formatPValueStatement(srm.pValue)}): visitors reach the variants in the configured proportions.
    </p>
  )
}
