// An experiment's results from its rollup rows: pure, so the results page, the API, the CSV, the experiments list
// and the auto-ship job compute the same numbers from the same rows. The statistics are the statistics module's
// (analyze for the table and the decision, its interval functions for the series and breakdowns); nothing here
// re-derives them.

import type { Speaker } from '#app/i18n/sentences'
import { isLeadMetric, isStageMetric, METRIC_KINDS, metricKey, PIPELINE_METRIC, type MetricKind } from '#app/experiments/schema'
import { daysRunning, METRIC_LABELS } from '#app/experiments/ui-labels'
import { translateMetricOption } from '#app/experiments/ui-words'
import { analyze, type Analysis, type Decision, type VariantCounts } from '#app/statistics/analyze'
import { computeWilsonInterval } from '#app/statistics/intervals'
import type { MeanAnalysis } from '#app/statistics/mean'
import type { SampleRatioCheck } from '#app/statistics/srm'
import { addDaysAt, UTC, type Day } from '#app/time/days'
import type { Experiment } from '#db/schema'
import { checkQualityGuardrail, collectGuardrailCounts } from './guardrail'
import { analyzePipeline, countImmatureVisitorsByDay, countMatureVisitors, countStage, MATURE_VISITORS, PIPELINE_SQUARES, toPipelineArms, type LeadOutcomeRow } from './lead-metrics'
import { suggestNextStep } from './next-step'
import { cookielessCountsOf, resultsUnit, type CookielessInput } from './unit'
import { estimateLeadDaysNeeded } from './remaining'
import { computeBreakdowns, computeDailySeries, zFor, type SegmentRow } from './series'
import {
  SRM_CAUSES,
  type CountRate,
  type LeadAwareDecision,
  type ExperimentResults,
  type LeadQualityVariant,
  type MetricKey,
  type MetricOption,
  type ResultsProgress,
  type SrmResult,
  type VariantResult,
} from './shape'
import { resolveWinnerConflict } from './winner-conflict'

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
  | 'maturityDays'
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
  /** experiment_leads over the visitors exposed by `maturityCutoff` (readLeadOutcomes) */
  leadOutcomes: LeadOutcomeRow[]
  /** the last exposure day lead metrics count (maturityCutoffDay) */
  maturityCutoff: Day
  formNames: Record<string, string>
  now: Date
  /** the workspace's time zone, which the experiment's days are counted in (decision 087); UTC when left out */
  timeZone?: string
  /** cookieless exposures and conversions (unit.server.ts); none when left out */
  cookieless?: CookielessInput
  /** the language of the decision's and the next step's sentences (the page's reader's); default English (the API's) */
  speaker?: Speaker
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

/** The primary metric's analysis: a rate (analyze) or, for pipeline, a mean (analyzeMean). */
export type PrimaryAnalysis = { metric: string } & (({ kind: 'rate' } & Analysis) | ({ kind: 'mean' } & MeanAnalysis))

/**
 * The primary metric's analysis from totals per variant and metric, as countVariantTotals reads them (`total(variant,
 * '')` visitors, `total(variant, metric)` converted visitors; for a lead metric MATURE_VISITORS, the stage count or
 * the deal values' sum and PIPELINE_SQUARES), as the results page computes it: what the experiments list shows,
 * auto-ship decides on and a winner declaration records.
 */
export function analyzePrimaryMetric(
  experiment: Parameters<typeof analyzeExperiment>[0] & Pick<ResultsExperimentRow, 'primaryMetric'>,
  total: (variantKey: string, metric: string) => number,
  speaker?: Speaker,
): PrimaryAnalysis {
  const metric = metricKey(experiment.primaryMetric)
  const keys = experiment.variants.map((v) => v.key)
  if (metric === PIPELINE_METRIC) {
    const arms = keys.map((key) => ({ key, visitors: total(key, MATURE_VISITORS), total: total(key, PIPELINE_METRIC), sumOfSquares: total(key, PIPELINE_SQUARES) }))
    return { metric, kind: 'mean', ...analyzePipeline(experiment, arms, undefined, speaker) }
  }
  const visitors = isLeadMetric(metric) ? MATURE_VISITORS : ''
  return {
    metric,
    kind: 'rate',
    ...analyzeExperiment(
      experiment,
      keys.map((key) => toCounts(key, total(key, visitors), total(key, metric))),
      undefined,
      speaker,
    ),
  }
}

/** The decision on these counts, with the experiment's control, confidence, split and plan: the one the page, the list and auto-ship use. */
export function analyzeExperiment(
  experiment: Pick<ResultsExperimentRow, 'variants' | 'controlKey' | 'confidence' | 'plannedVisitorsPerVariant'>,
  counts: VariantCounts[],
  dailyVisitors?: number,
  speaker?: Speaker,
): Analysis {
  return analyze({
    variants: counts,
    control: experiment.controlKey,
    confidence: experiment.confidence,
    weights: experiment.variants.map((v) => v.weight),
    ...(experiment.plannedVisitorsPerVariant ? { plannedVisitorsPerVariant: experiment.plannedVisitorsPerVariant } : {}),
    ...(dailyVisitors ? { dailyVisitors } : {}),
    ...(speaker ? { speaker } : {}),
  })
}

/** Everything but the consent section, which getExperimentResults builds from its own read (consent.server.ts). */
export function computeResults(input: ResultsInput): Omit<ExperimentResults, 'consent'> {
  const { experiment: e, metric, now } = input
  const count = sumByVariant(input.daily)
  const z = zFor(e.confidence)
  const keys = e.variants.map((v) => v.key)
  const dailyVisitors = recentDailyVisitors(input.daily)
  const matureVisitors = countMatureVisitors(input.daily, input.maturityCutoff)
  const isLead = isLeadMetric(metric)
  const visitorsOf = isLead ? matureVisitors : (key: string) => count(key, '')
  // A lead metric's days needed wait for the needed visitors' leads to mature, so the analysis gets no daily
  // traffic (its days would leave that out) and remaining.ts counts them.
  const immatureByDay = countImmatureVisitorsByDay(input.daily, input.maturityCutoff, e.maturityDays)
  const addLeadDays = (decision: Decision): LeadAwareDecision =>
    decision.visitorsNeeded === undefined
      ? decision
      : { ...decision, ...estimateLeadDaysNeeded({ visitorsNeeded: decision.visitorsNeeded, dailyVisitors, maturityDays: e.maturityDays, immatureByDay }) }
  // A rate metric's analysis: a stage metric over the mature visitors, the rest over every visitor.
  const analyzeRate = (m: MetricKey): Analysis & { decision: LeadAwareDecision } => {
    const visitors = isLeadMetric(m) ? matureVisitors : (key: string) => count(key, '')
    const converted = (key: string) => (isStageMetric(m) ? countStage(input.leadOutcomes, key, m) : count(key, m))
    const counts = keys.map((key) => toCounts(key, visitors(key), converted(key)))
    if (!isLeadMetric(m)) return analyzeExperiment(e, counts, dailyVisitors ?? undefined, input.speaker)
    const analyzed = analyzeExperiment(e, counts, undefined, input.speaker)
    return { ...analyzed, decision: addLeadDays(analyzed.decision) }
  }
  const pipelineArms = toPipelineArms(keys, matureVisitors, input.leadOutcomes)
  const analyzedPipeline = analyzePipeline(e, pipelineArms, undefined, input.speaker)
  const pipeline = { ...analyzedPipeline, decision: addLeadDays(analyzedPipeline.decision) }
  const analysis = metric === PIPELINE_METRIC ? null : analyzeRate(metric)
  const decided = analysis ?? pipeline
  const countRate = (key: string, m: string): CountRate => {
    const visitors = count(key, '')
    const conversions = Math.min(count(key, m), visitors)
    return { conversions, rate: visitors ? conversions / visitors : null, ci: visitors ? computeWilsonInterval({ visitors, conversions }, z) : null }
  }
  const variants: VariantResult[] = (analysis?.variants ?? []).map((v, i) => ({
    ...v,
    weight: e.variants[i]!.weight,
    isControl: v.key === e.controlKey,
    isWinner: v.key === e.winnerKey,
    soft: countRate(v.key, 'soft'),
    hard: countRate(v.key, 'hard'),
    cookieless: cookielessCountsOf(input.cookieless, v.key, metric),
  }))
  const progress = computeProgress(e, keys.map(visitorsOf), dailyVisitors, now, input.timeZone)
  const metrics = listMetricOptions(e, input.daily, input.formNames)
  const primary = metricKey(e.primaryMetric) as MetricKey
  // The conflict is about what ships: the primary metric's conversion decision (any conversion's when the primary is pipeline).
  const conversionMetric = primary === PIPELINE_METRIC ? 'any' : primary
  const conversion = conversionMetric === metric && analysis ? analysis : analyzeRate(conversionMetric)
  const decision = decided.decision
  const guardrail = decision.status === 'winner' && decision.variant ? checkQualityGuardrail(e, decision.variant, collectGuardrailCounts(keys, count, input.leadStages)) : null
  const exposures = keys.reduce((n, key) => n + count(key, ''), 0)
  const cookielessExposures = keys.reduce((n, key) => n + cookielessCountsOf(input.cookieless, key, '').exposures, 0)
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
      primaryMetric: primary,
      minRuntimeDays: e.minRuntimeDays,
      maturityDays: e.maturityDays,
      plannedVisitorsPerVariant: e.plannedVisitorsPerVariant,
      autoShip: e.autoShip,
      winner: e.winnerKey,
      startedAt: e.startedAt?.toISOString() ?? null,
      concludedAt: e.concludedAt?.toISOString() ?? null,
    },
    unit: resultsUnit(exposures, cookielessExposures, input.cookieless?.mode ?? null),
    metric: metrics.find((m) => m.key === metric) ?? metricOption(metric, e, input.formNames),
    metrics,
    variants,
    pipeline: {
      variants: pipeline.variants.map((v, i) => ({ ...v, weight: e.variants[i]!.weight, isControl: v.key === e.controlKey, isWinner: v.key === e.winnerKey })),
      decision: pipeline.decision,
    },
    maturity: {
      maturityDays: e.maturityDays,
      cutoffDay: input.maturityCutoff,
      matureVisitors: keys.reduce((sum, key) => sum + matureVisitors(key), 0),
      visitors: keys.reduce((sum, key) => sum + count(key, ''), 0),
    },
    winnerConflict: resolveWinnerConflict({
      conversion: conversion.decision,
      conversionLabel: conversionLabelIn(metricOption(conversionMetric, e, input.formNames), input.formNames, input.speaker),
      pipelineArms,
      pipelineDecision: pipeline.decision,
      primaryIsPipeline: primary === PIPELINE_METRIC,
      confidence: e.confidence,
      plannedVisitorsPerVariant: e.plannedVisitorsPerVariant,
      ...(input.speaker ? { speaker: input.speaker } : {}),
    }),
    srm: describeSrm(e, decided.srm, decided.variants),
    decision: { ...decision, action: suggestNextStep(e, decision, progress, guardrail, input.speaker) },
    progress,
    // By day and by segment come from experiment_daily, which counts conversions only: none for lead metrics.
    breakdowns: isLead ? { device: [], channel: [] } : computeBreakdowns({ device: input.device, channel: input.channel, metric, keys, control: e.controlKey, z }),
    leadQuality: computeLeadQuality(keys, count, input.leadStages),
    guardrail,
    daily: isLead ? [] : computeDailySeries({ rows: input.daily, metric, keys, control: e.controlKey, confidence: e.confidence, plannedVisitorsPerVariant: e.plannedVisitorsPerVariant }),
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

/** The minimum runtime ends `minRuntimeDays` days after the start on the workspace's calendar, at the same wall-clock time. */
export function computeProgress(e: ResultsExperimentRow, visitors: number[], dailyVisitors: number | null, now: Date, timeZone = UTC): ResultsProgress {
  const planned = e.plannedVisitorsPerVariant
  const endsAt = e.startedAt ? addDaysAt(e.startedAt, e.minRuntimeDays, timeZone) : null
  return {
    timeZone,
    plannedVisitorsPerVariant: planned,
    variants: e.variants.map((v, i) => ({ key: v.key, visitors: visitors[i]!, planned, share: planned ? Math.min(1, visitors[i]! / planned) : null })),
    daysRunning: daysRunning(e, now, timeZone),
    minRuntimeDays: e.minRuntimeDays,
    minRuntimeReached: endsAt !== null && (e.concludedAt ?? now).getTime() >= endsAt.getTime(),
    minRuntimeEndsAt: endsAt?.toISOString() ?? null,
    dailyVisitors,
  }
}

function describeSrm(e: ResultsExperimentRow, srm: SampleRatioCheck, variants: { key: string; visitors: number }[]): SrmResult {
  const total = variants.reduce((sum, v) => sum + v.visitors, 0)
  const weightSum = e.variants.reduce((sum, v) => sum + v.weight, 0)
  return {
    pValue: srm.pValue,
    detected: srm.detected,
    variants: variants.map((v, i) => ({ key: v.key, visitors: v.visitors, observedShare: total ? v.visitors / total : null, expectedShare: e.variants[i]!.weight / weightSum })),
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

/** The conversion metric's label in the speaker's language (English, the API's, without one). */
function conversionLabelIn(option: MetricOption, formNames: Record<string, string>, speaker: Speaker | undefined) {
  if (!speaker || speaker.language === 'en') return option.label
  return translateMetricOption((key, values) => speaker.say(key, (values ?? {}) as Record<string, string | number>), option, formNames).label
}

function metricOption(key: MetricKey, e: ResultsExperimentRow, formNames: Record<string, string>): MetricOption {
  const formId = key.startsWith('form:') ? key.slice('form:'.length) : null
  const label = formId ? `Form: ${formNames[formId] ?? formId}` : METRIC_LABELS[key as MetricKind]
  return { key, param: formId ?? key, label, formId, isPrimary: key === metricKey(e.primaryMetric) }
}

/** any, soft, hard, the lead metrics (hot, the stages, pipeline), then every form among the experiment's metrics or with conversions in its rollups. */
export function listMetricOptions(e: ResultsExperimentRow, rows: { metric: string }[], formNames: Record<string, string>): MetricOption[] {
  const forms = new Set<string>()
  for (const m of [e.primaryMetric, ...e.secondaryMetrics]) if (typeof m === 'object') forms.add(metricKey(m))
  for (const row of rows) if (row.metric.startsWith('form:')) forms.add(row.metric)
  const keys: MetricKey[] = [...METRIC_KINDS, ...([...forms].sort() as MetricKey[])]
  return keys.map((key) => metricOption(key, e, formNames))
}
