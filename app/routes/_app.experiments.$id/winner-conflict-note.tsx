import type { WinnerConflict } from '#app/experiments/results/shape'

/** Under the decision: the conversion winner is not the pipeline leader, and what the primary metric ships (winner-conflict.ts). */
export function WinnerConflictNote({ conflict }: { conflict: WinnerConflict }) {
  return (
    <section
      aria-label="Conversions and pipeline disagree"
      data-testid="winner-conflict"
      data-ships={conflict.ships ?? undefined}
      className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      <p className="font-semibold">Conversions and pipeline point to different variants</p>
      <p className="mt-1">{conflict.text}</p>
    </section>
  )
}
