import type { DecisionStatus } from '#app/statistics/analyze'

// The decision's tone, shared by the results page and the calculator: words first (app/experiments/ui-words.ts,
// decisionTitle and decisionShortLabelIn), colour only repeats them.

export const DECISION_TONES: Record<DecisionStatus, string> = {
  winner: 'bg-green-50 text-green-900 ring-green-200',
  control: 'bg-amber-50 text-amber-900 ring-amber-200',
  no_difference: 'bg-slate-100 text-slate-900 ring-slate-200',
  collecting: 'bg-brand-50 text-brand-900 ring-brand-100',
  srm: 'bg-red-50 text-red-900 ring-red-200',
}
