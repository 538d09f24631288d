import type { DecisionStatus } from '#app/statistics/analyze'

// The decision as a short label and a tone, shared by the experiments list and the results page: words first,
// colour only repeats them.

export const DECISION_TITLES: Record<DecisionStatus, string> = {
  winner: 'We have a winner',
  control: 'The control wins',
  no_difference: 'No meaningful difference',
  collecting: 'Keep collecting',
  srm: 'Traffic split is off: results not trustworthy',
}

export const DECISION_TONES: Record<DecisionStatus, string> = {
  winner: 'bg-green-50 text-green-900 ring-green-200',
  control: 'bg-amber-50 text-amber-900 ring-amber-200',
  no_difference: 'bg-slate-100 text-slate-900 ring-slate-200',
  collecting: 'bg-brand-50 text-brand-900 ring-brand-100',
  srm: 'bg-red-50 text-red-900 ring-red-200',
}

/** "Winner: B", "Keep collecting", "Split is off" … for a table cell. */
export function decisionShortLabel({ status, variant }: { status: DecisionStatus; variant: string | null }) {
  switch (status) {
    case 'winner':
      return `Winner: ${variant ?? '?'}`
    case 'control':
      return `Keep the control${variant ? ` (${variant})` : ''}`
    case 'no_difference':
      return 'No difference'
    case 'srm':
      return 'Split is off'
    default:
      return 'Keep collecting'
  }
}
