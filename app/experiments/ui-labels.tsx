import { metricKey, type Metric } from '#app/experiments/schema'
import { elapsedDays } from '#app/time/days'

// Words the experiment screens share; pure, so loaders and components agree. Numbers format in app/components/format.ts.

const KIND_LABELS = { any: 'Any conversion', hard: 'Hard conversions', soft: 'Soft conversions' } as const

/** "Any conversion", "Hard conversions", or "Form: Demo request" (the form's id when it is gone). */
export function metricLabel(metric: Metric, formNames: Record<string, string>) {
  if (typeof metric === 'string') return KIND_LABELS[metric]
  return `Form: ${formNames[metric.formId] ?? metricKey(metric)}`
}

/** Whole days from the start to the end (or `now`); null before the start. Computed in loaders so SSR and hydration agree. */
export function daysRunning({ startedAt, concludedAt }: { startedAt: Date | null; concludedAt: Date | null }, now = new Date()) {
  if (!startedAt) return null
  return elapsedDays(startedAt, concludedAt ?? now)
}
