import type { DecisionStatus } from '#app/statistics/analyze'
import { metricKey, type Metric, type MetricKind } from '#app/experiments/schema'
import type { MetricOption } from '#app/experiments/results/shape'
import type { ExperimentStatus } from '#db/schema'

// The experiment screens' shared words in the reader's language: each a catalogue key (experiments.*), said with the
// screen's t (useT) or a loader's (translatorOf). ui-labels.tsx keeps the English ones the API and the CSVs use.

/** A translate function: a component's useT(), a loader's translatorOf(request). */
export type Translate = (key: string, values?: Record<string, unknown>) => string

const METRIC_KEYS: Record<MetricKind, string> = {
  any: 'experiments.metric.any',
  soft: 'experiments.metric.soft',
  hard: 'experiments.metric.hard',
  hot: 'experiments.metric.hot',
  mql: 'experiments.metric.mql',
  sql: 'experiments.metric.sql',
  opportunity: 'experiments.metric.opportunity',
  customer: 'experiments.metric.customer',
  pipeline: 'experiments.metric.pipeline',
}

/** "Any conversion" / "Alla konverteringar", or "Form: Demo request" (the form's id when it is gone). */
export function metricLabelIn(t: Translate, metric: Metric, formNames: Record<string, string>) {
  if (typeof metric === 'string') return t(METRIC_KEYS[metric])
  return t('experiments.metric.form', { name: formNames[metric.formId] ?? metricKey(metric) })
}

/** A metric switcher's option with its label in the reader's language. */
export function translateMetricOption<M extends Pick<MetricOption, 'key' | 'formId' | 'label'>>(t: Translate, option: M, formNames: Record<string, string>): M {
  return { ...option, label: option.formId ? metricLabelIn(t, { formId: option.formId }, formNames) : metricLabelIn(t, option.key as MetricKind, formNames) }
}

const STATUS_KEYS: Record<ExperimentStatus, string> = {
  draft: 'experiments.status.draft',
  running: 'experiments.status.running',
  paused: 'experiments.status.paused',
  concluded: 'experiments.status.concluded',
}

/** The experiment's status as a word: "running" / "pågår". */
export const statusWord = (t: Translate, status: ExperimentStatus) => t(STATUS_KEYS[status])

const DECISION_TITLE_KEYS: Record<DecisionStatus, string> = {
  winner: 'experiments.decision.winner',
  control: 'experiments.decision.control',
  no_difference: 'experiments.decision.noDifference',
  collecting: 'experiments.decision.collecting',
  srm: 'experiments.decision.srm',
}

/** The decision's heading: "We have a winner". */
export const decisionTitle = (t: Translate, status: DecisionStatus) => t(DECISION_TITLE_KEYS[status])

/** "Winner: B", "Keep collecting", "Split is off" … for a table cell. */
export function decisionShortLabelIn(t: Translate, { status, variant }: { status: DecisionStatus; variant: string | null }) {
  return t('experiments.decision.short', { status, variant: variant ?? '' })
}
