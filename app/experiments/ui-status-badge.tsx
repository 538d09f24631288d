import { statusWord } from '#app/experiments/ui-words'
import { useT } from '#app/i18n/provider'
import type { ExperimentStatus } from '#db/schema'

const STATUS_STYLE: Record<ExperimentStatus, string> = {
  draft: 'bg-slate-100 text-slate-700',
  running: 'bg-green-100 text-green-800',
  paused: 'bg-amber-100 text-amber-800',
  concluded: 'bg-blue-100 text-blue-800',
}

/** The status as a word (colour only repeats it). */
export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  const t = useT()
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`} data-testid="experiment-status">
      {statusWord(t, status)}
    </span>
  )
}
