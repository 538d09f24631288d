// Lead metrics (decision 060): what the visitors' leads became, as outcomes per visitor. A stage metric (hot, mql,
// sql, opportunity, customer) is binary: the visitors whose lead is hot or reached that stage or beyond, analysed by
// analyze() like a conversion. Pipeline is the deal value per visitor (0 without a deal), analysed by analyzeMean()
// from each variant's visitors, sum and sum of squares. Both count only the visitors exposed at least maturityDays
// ago, on both sides: the visitors from experiment_daily (day ≤ cutoff) and the outcomes from experiment_leads
// (exposure_day ≤ cutoff), so a variant's rate is its own mature cohort's. Pure.

import type { Speaker } from '#app/i18n/sentences'
import type { StageMetric } from '#app/experiments/schema'
import { analyzeMean, type MeanAnalysis, type MeanArm } from '#app/statistics/mean'
import { addDays, today, type Day } from '#app/time/days'
import type { Experiment } from '#db/schema'

/** A variant's lead outcomes among its visitors exposed by the cutoff (readLeadOutcomes): stage counts, deal value sum and sum of squares. */
export type LeadOutcomeRow = { variantKey: string; total: number; sumOfSquares: number } & Record<StageMetric, number>

/** The pseudo-metrics countVariantTotals adds for lead metrics: the mature visitors, and the sum of squared deal values. */
export const MATURE_VISITORS = 'mature:'
export const PIPELINE_SQUARES = 'pipeline:squares'

/**
 * The last exposure day a lead metric counts: `maturityDays` before today in the workspace's zone (the zone the
 * experiment's days are counted in, decision 087), so today's visitors count with 0.
 */
export function maturityCutoffDay(now: Date, maturityDays: number, timeZone: string): Day {
  return addDays(today(now, timeZone), -maturityDays)
}

/** Visitors per variant exposed on or before `cutoffDay`, from daily rollup rows (metric '' holds visitors). */
export function countMatureVisitors(rows: { day: string; variantKey: string; metric: string; count: number }[], cutoffDay: Day) {
  const visitors = new Map<string, number>()
  for (const row of rows) if (row.metric === '' && row.day <= cutoffDay) visitors.set(row.variantKey, (visitors.get(row.variantKey) ?? 0) + row.count)
  return (variantKey: string) => visitors.get(variantKey) ?? 0
}

/**
 * Visitors (all variants) per exposure day after `cutoffDay` up to today, oldest first: the ones not mature yet, in
 * the order they will be (one day each day). `maturityDays` entries, the last today's.
 */
export function countImmatureVisitorsByDay(rows: { day: string; metric: string; count: number }[], cutoffDay: Day, maturityDays: number): number[] {
  const byDay = new Map<string, number>()
  for (const row of rows) if (row.metric === '' && row.day > cutoffDay) byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.count)
  return Array.from({ length: maturityDays }, (_, i) => byDay.get(addDays(cutoffDay, i + 1)) ?? 0)
}

/** A variant's visitors whose lead got to `stage` (or is hot), among the mature ones. */
export function countStage(rows: LeadOutcomeRow[], variantKey: string, stage: StageMetric) {
  return rows.find((r) => r.variantKey === variantKey)?.[stage] ?? 0
}

/** Each variant's mature visitors and deal values, as analyzeMean takes them. */
export function toPipelineArms(keys: string[], matureVisitors: (variantKey: string) => number, rows: LeadOutcomeRow[]): MeanArm[] {
  return keys.map((key) => {
    const row = rows.find((r) => r.variantKey === key)
    return { key, visitors: matureVisitors(key), total: row?.total ?? 0, sumOfSquares: row?.sumOfSquares ?? 0 }
  })
}

/** Pipeline per visitor with the experiment's control, confidence, split and plan: the page, the list and auto-ship use this. */
export function analyzePipeline(
  experiment: Pick<Experiment, 'variants' | 'controlKey' | 'confidence' | 'plannedVisitorsPerVariant'>,
  arms: MeanArm[],
  dailyVisitors?: number,
  speaker?: Speaker,
): MeanAnalysis {
  return analyzeMean({
    variants: arms,
    control: experiment.controlKey,
    confidence: experiment.confidence,
    weights: experiment.variants.map((v) => v.weight),
    ...(experiment.plannedVisitorsPerVariant ? { plannedVisitorsPerVariant: experiment.plannedVisitorsPerVariant } : {}),
    ...(dailyVisitors ? { dailyVisitors } : {}),
    ...(speaker ? { speaker } : {}),
  })
}
