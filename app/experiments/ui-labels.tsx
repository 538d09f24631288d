import { metricKey, type Metric, type MetricKind } from '#app/experiments/schema'
import { elapsedDays, UTC } from '#app/time/days'

// Words the experiment screens share; pure, so loaders and components agree. Numbers format in app/components/format.ts.

export const METRIC_LABELS: Record<MetricKind, string> = {
  any: 'Any conversion',
  soft: 'Soft conversions',
  hard: 'Hard conversions',
  hot: 'Hot leads',
  mql: 'Reached MQL',
  sql: 'Reached SQL',
  opportunity: 'Reached opportunity',
  customer: 'Became customers',
  pipeline: 'Pipeline per visitor',
}

/** "Any conversion", "Reached SQL", or "Form: Demo request" (the form's id when it is gone). */
export function metricLabel(metric: Metric, formNames: Record<string, string>) {
  if (typeof metric === 'string') return METRIC_LABELS[metric]
  return `Form: ${formNames[metric.formId] ?? metricKey(metric)}`
}

/**
 * Whole days from the start to the end (or `now`) on the workspace's calendar (`timeZone`, decision 087); null before
 * the start. Computed in loaders so SSR and hydration agree.
 */
export function daysRunning({ startedAt, concludedAt }: { startedAt: Date | null; concludedAt: Date | null }, now = new Date(), timeZone = UTC) {
  if (!startedAt) return null
  return elapsedDays(startedAt, concludedAt ?? now, timeZone)
}
