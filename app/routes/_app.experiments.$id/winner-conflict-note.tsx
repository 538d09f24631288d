import type { WinnerConflict } from '#app/experiments/results/shape'
import { useT } from '#app/i18n/provider'

/** Under the decision: the conversion winner is not the pipeline leader, and what the primary metric ships (winner-conflict.ts). */
export function WinnerConflictNote({ conflict }: { conflict: WinnerConflict }) {
  const t = useT()
  return (
    <section
      aria-label={t('results.conflict.label')}
      data-testid="winner-conflict"
      data-ships={conflict.ships ?? undefined}
      className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      <p className="font-semibold">{t('results.conflict.title')}</p>
      <p className="mt-1">{conflict.text}</p>
    </section>
  )
}
