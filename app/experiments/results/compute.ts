// An experiment's results from its rollup rows: pure, so the results page, the API, the CSV, the experiments list
// and the auto-ship job compute the same numbers from the same rows. The statistics are the statistics module's
// (analyze for the table and the decision, its interval functions for the series and breakdowns); nothing here
// re-derives them.

import { metricKey } from '#app/experiments/schema'
import { daysRunning } from '#app/experiments/ui-labels'
import { analyze, type Analysis, type VariantCounts } from '#app/statistics/analyze'
import { computeWilsonInterval } from '#app/statistics/intervals'
import { DAY_MS } from '#app/time/days'
import type { Experiment } from '#db/schema'
import { checkQualityGuardrail, collectGuardrailCounts } from './guardrail'
import { suggestNextStep } from './next-step'
import { computeBreakdowns, computeDailySeries, zFor, type SegmentRow } from './series'
import { SRM_CAUSES, type CountRate, type ExperimentResults, type LeadQualityVariant, type MetricKey, type MetricOption, type ResultsProgress, type SrmResult, type VariantResult } from './shape'

export type ResultsExperimentRow = Pick<
  Experiment,
  | 'id'
  | 'name'
  | 'status'
  | 'variants'
  | 'controlKey'
  | 'coverage'
  | 'confidence'
  | 'primaryMetric'
  | 'secondaryMetrics'
  | 'minRuntimeDays'
  | 'plannedVisitorsPerVariant'
  | 'autoShip'
  | 'winnerKey'
  | 'startedAt'
  | 'concludedAt'
>

/** experiment_daily summed per day, variant and metric (metric '' = visitors). */
export type DailyRow = { day: string; variantKey: string; metric: string; count: number }

/** The lead-quality query's row: the variant's distinct leads and how far they got. */
export type LeadStageRow = { variantKey: string; leads: number; mql: number; sql: number; opportunity: number; customer: number; lost: number; pipelineValue: number }

export type ResultsInput = {
  experiment: ResultsExperimentRow
  page: { id: string; name: string; slug: string }
  metric: MetricKey
  daily: DailyRow[]
  device: SegmentRow[]
  channel: SegmentRow[]
  leadStages: LeadStageRow[]
  formNames: Record<string, string>
  now: Date
}

/** dailyVisitors (for daysNeeded) is the mean over the last this many days with traffic. */
const RECENT_DAYS = 7

/** Per-variant totals of each metric, summed over the days. */
export function sumByVariant(rows: DailyRow[]) {
  const totals = new Map<string, Map<string, number>>()
  for (const row of rows) {
    const metrics = totals.get(row.variantKey) ?? totals.set(row.variantKey, new Map()).get(row.variantKey)!
    metrics.set(row.metric, (metrics.get(row.metric) ?? 0) + row.count)
  }
  return (variantKey: string, metric: string) => totals.get(variantKey)?.get(metric) ?? 0
}

/**
 * Counts for the statistics module. Conversions are capped at visitors: a conversion's batch can land before its
 * exposure's (two writers, each flushing within a second), and a rate above 1 has no interval.
 */
export function toCounts(key: string, visitors: number, conversions: number): VariantCounts {
  return { key, visitors, conversions: Math.min(conversions, visitors) }
}

/**
 * The primary metric's analysis from rollup totals (`total(variant, '')` visitors, `total(variant, metric)`
 * converted visitors), as the results page computes it: what the experiments list shows, auto-ship decides on and
 * a winner declaration records.
 */
export function analyzePrimaryMetric(experiment: Parameters<typeof analyzeExperiment>[0] & Pick<ResultsExperimentRow, 'primaryMetric'>, total: (variantKey: string, metric: string) => number) {
  const metric = metricKey(experiment.primaryMetric)
  return {
    metric,
    ...analyzeExperiment(
      experiment,
      experiment.variants.map((v) => toCounts(v.key, total(v.key, ''), total(v.key, metric))),
    ),
  }
}

/** The decision on these counts, with the experiment's control, confidence, split and plan: the one the page, the list and auto-ship use. */
export function analyzeExperiment(
  experiment: Pick<ResultsExperimentRow, 'variants' | 'controlKey' | 'confidence' | 'plannedVisitorsPerVariant'>,
  counts: VariantCounts[],
  dailyVisitors?: number,
): Analysis {
  return analyze({
    variants: counts,
    control: experiment.controlKey,
    confidence: experiment.confidence,
    weights: experiment.variants.map((v) => v.weight),
    ...(experiment.plannedVisitorsPerVariant ? { plannedVisitorsPerVariant: experiment.plannedVisitorsPerVariant } : {}),
    ...(dailyVisitors ? { dailyVisitors } : {}),
  })
}

export function computeResults(input: ResultsInput): ExperimentResults {
  const { experiment: e, metric, now } = input
  const count = sumByVariant(input.daily)
  const z = zFor(e.confidence)
  const keys = e.variants.map((v) => v.key)
  const dailyVisitors = recentDailyVisitors(input.daily)
  const analysis = analyzeExperiment(
    e,
    keys.map((key) => toCounts(key, count(key, ''), count(key, metric))),
    dailyVisitors ?? undefined,
  )
  const countRate = (key: string, m: string): CountRate => {
    const visitors = count(key, '')
    const conversions = Math.min(count(key, m), visitors)
    return { conversions, rate: visitors ? conversions / visitors : null, ci: visitors ? computeWilsonInterval({ visitors, conversions }, z) : null }
  }
  const variants: VariantResult[] = analysis.variants.map((v, i) => ({
    ...v,
    weight: e.variants[i]!.weight,
    isControl: v.key === e.controlKey,
    isWinner: v.key === e.winnerKey,
    soft: countRate(v.key, 'soft'),
    hard: countRate(v.key, 'hard'),
  }))
  const progress = computeProgress(
    e,
    keys.map((key) => count(key, '')),
    dailyVisitors,
    now,
  )
  const metrics = listMetricOptions(e, input.daily, input.formNames)
  const { decision } = analysis
  const guardrail = decision.status === 'winner' && decision.variant ? checkQualityGuardrail(e, decision.variant, collectGuardrailCounts(keys, count, input.leadStages)) : null
  return {
    experiment: {
      id: e.id,
      name: e.name,
      status: e.status,
      page: input.page,
      control: e.controlKey,
      variants: e.variants,
      coverage: e.coverage,
      confidence: e.confidence,
      primaryMetric: metricKey(e.primaryMetric) as MetricKey,
      minRuntimeDays: e.minRuntimeDays,
      plannedVisitorsPerVariant: e.plannedVisitorsPerVariant,
      autoShip: e.autoShip,
      winner: e.winnerKey,
      startedAt: e.startedAt?.toISOString() ?? null,
      concludedAt: e.concludedAt?.toISOString() ?? null,
    },
    metric: metrics.find((m) => m.key === metric) ?? metricOption(metric, e, input.formNames),
    metrics,
    variants,
    srm: describeSrm(e, analysis),
    decision: { ...decision, action: suggestNextStep(e, decision, progress, guardrail) },
    progress,
    breakdowns: computeBreakdowns({ device: input.device, channel: input.channel, metric, keys, control: e.controlKey, z }),
    leadQuality: computeLeadQuality(keys, count, input.leadStages),
    guardrail,
    daily: computeDailySeries({ rows: input.daily, metric, keys, control: e.controlKey, confidence: e.confidence, plannedVisitorsPerVariant: e.plannedVisitorsPerVariant }),
    generatedAt: now.toISOString(),
  }
}

/** Mean visitors per day over the last RECENT_DAYS days that had any; null without visitors. */
export function recentDailyVisitors(rows: DailyRow[]): number | null {
  const perDay = new Map<string, number>()
  for (const row of rows) if (row.metric === '') perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.count)
  const recent = [...perDay.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(-RECENT_DAYS)
  if (!recent.length) return null
  return recent.reduce((sum, [, n]) => sum + n, 0) / recent.length
}

export function computeProgress(e: ResultsExperimentRow, visitors: number[], dailyVisitors: number | null, now: Date): ResultsProgress {
  const planned = e.plannedVisitorsPerVariant
  const endsAt = e.startedAt ? new Date(e.startedAt.getTime() + e.minRuntimeDays * DAY_MS) : null
  return {
    plannedVisitorsPerVariant: planned,
    variants: e.variants.map((v, i) => ({ key: v.key, visitors: visitors[i]!, planned, share: planned ? Math.min(1, visitors[i]! / planned) : null })),
    daysRunning: daysRunning(e, now),
    minRuntimeDays: e.minRuntimeDays,
    minRuntimeReached: endsAt !== null && (e.concludedAt ?? now).getTime() >= endsAt.getTime(),
    minRuntimeEndsAt: endsAt?.toISOString() ?? null,
    dailyVisitors,
  }
}

function describeSrm(e: ResultsExperimentRow, analysis: Analysis): SrmResult {
  const total = analysis.variants.reduce((sum, v) => sum + v.visitors, 0)
  const weightSum = e.variants.reduce((sum, v) => sum + v.weight, 0)
  return {
    pValue: analysis.srm.pValue,
    detected: analysis.srm.detected,
    variants: analysis.variants.map((v, i) => ({ key: v.key, visitors: v.visitors, observedShare: total ? v.visitors / total : null, expectedShare: e.variants[i]!.weight / weightSum })),
    causes: SRM_CAUSES,
  }
}

function computeLeadQuality(keys: string[], count: (key: string, metric: string) => number, rows: LeadStageRow[]): LeadQualityVariant[] {
  return keys.map((key) => {
    const row = rows.find((r) => r.variantKey === key) ?? { leads: 0, mql: 0, sql: 0, opportunity: 0, customer: 0, lost: 0, pipelineValue: 0 }
    const visitors = count(key, '')
    const converted = count(key, 'any')
    const hard = count(key, 'hard')
    const share = (n: number) => (row.leads ? n / row.leads : null)
    return {
      key,
      visitors,
      convertedVisitors: converted,
      hardConversions: hard,
      hardShare: converted ? hard / converted : null,
      leads: row.leads,
      reached: { mql: row.mql, sql: row.sql, opportunity: row.opportunity, customer: row.customer },
      reachedShare: { mql: share(row.mql), sql: share(row.sql), opportunity: share(row.opportunity), customer: share(row.customer) },
      lost: row.lost,
      pipelineValue: row.pipelineValue,
      pipelineValuePer1000Visitors: visitors ? (row.pipelineValue / visitors) * 1000 : null,
    }
  })
}

const KIND_LABELS = { any: 'Any conversion', soft: 'Soft conversions', hard: 'Hard conversions' } as const

function metricOption(key: MetricKey, e: ResultsExperimentRow, formNames: Record<string, string>): MetricOption {
  const formId = key.startsWith('form:') ? key.slice('form:'.length) : null
  const label = formId ? `Form: ${formNames[formId] ?? formId}` : KIND_LABELS[key as keyof typeof KIND_LABELS]
  return { key, param: formId ?? key, label, formId, isPrimary: key === metricKey(e.primaryMetric) }
}

/** any, soft, hard, then every form among the experiment's metrics or with conversions in its rollups. */
export function listMetricOptions(e: ResultsExperimentRow, rows: { metric: string }[], formNames: Record<string, string>): MetricOption[] {
  const forms = new Set<string>()
  for (const m of [e.primaryMetric, ...e.secondaryMetrics]) if (typeof m === 'object') forms.add(metricKey(m))
  for (const row of rows) if (row.metric.startsWith('form:')) forms.add(row.metric)
  const keys: MetricKey[] = ['any', 'soft', 'hard', ...([...forms].sort() as MetricKey[])]
  return keys.map((key) => metricOption(key, e, formNames))
}
