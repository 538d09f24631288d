// The results as CSV, one rectangular table per file so each opens cleanly in a spreadsheet: `?format=csv` gives
// the variant table (for pipeline, a mean metric: visitors, total, mean and the comparison), `&table=daily|device|channel|lead_quality` the others. Numbers keep full precision (the same
// values as the JSON); cells go through the leads export's writer, which quotes and defuses formulas.

import { toCsv, type CsvCell } from '#app/leads/csv'
import type { Interval } from '#app/statistics/analyze'
import type { ExperimentResults, Segment } from './shape'

export const CSV_TABLES = ['variants', 'daily', 'device', 'channel', 'lead_quality'] as const
export type CsvTable = (typeof CSV_TABLES)[number]

const low = (ci: Interval | null | undefined) => ci?.[0] ?? null
const high = (ci: Interval | null | undefined) => ci?.[1] ?? null

/** Pipeline per visitor (a mean metric): the variants table of `?metric=pipeline`. */
function pipelineCsv(r: ExperimentResults) {
  const headers = [
    'metric',
    'variant',
    'is_control',
    'weight',
    'visitors',
    'total',
    'mean',
    'mean_ci_low',
    'mean_ci_high',
    'absolute_lift',
    'absolute_lift_ci_low',
    'absolute_lift_ci_high',
    'relative_lift',
    'relative_lift_ci_low',
    'relative_lift_ci_high',
    'sequential_absolute_lift_ci_low',
    'sequential_absolute_lift_ci_high',
    'sequential_relative_lift_ci_low',
    'sequential_relative_lift_ci_high',
    'p_value',
    'p_value_adjusted',
    'sequential_p_value',
    'sequential_p_value_adjusted',
    'significant',
  ]
  const rows = r.pipeline.variants.map((v): CsvCell[] => {
    const c = v.vsControl
    return [
      'pipeline',
      v.key,
      v.isControl,
      v.weight,
      v.visitors,
      v.total,
      v.mean,
      low(v.ci),
      high(v.ci),
      c?.absoluteLift,
      low(c?.absoluteLiftCi),
      high(c?.absoluteLiftCi),
      c?.relativeLift,
      low(c?.relativeLiftCi),
      high(c?.relativeLiftCi),
      low(c?.sequentialAbsoluteLiftCi),
      high(c?.sequentialAbsoluteLiftCi),
      low(c?.sequentialRelativeLiftCi),
      high(c?.sequentialRelativeLiftCi),
      c?.pValue,
      c?.pValueAdjusted,
      c?.sequentialPValue,
      c?.sequentialPValueAdjusted,
      c?.significant,
    ]
  })
  return toCsv(headers, rows)
}

function variantsCsv(r: ExperimentResults) {
  if (r.metric.key === 'pipeline') return pipelineCsv(r)
  const headers = [
    'metric',
    'variant',
    'is_control',
    'weight',
    'visitors',
    'conversions',
    'rate',
    'rate_ci_low',
    'rate_ci_high',
    'absolute_lift',
    'relative_lift',
    'relative_lift_ci_low',
    'relative_lift_ci_high',
    'sequential_relative_lift_ci_low',
    'sequential_relative_lift_ci_high',
    'p_value',
    'p_value_adjusted',
    'sequential_p_value',
    'sequential_p_value_adjusted',
    'probability_to_beat_control',
    'significant',
    'probability_to_be_best',
    'expected_loss',
    'soft_conversions',
    'soft_rate',
    'hard_conversions',
    'hard_rate',
  ]
  const rows = r.variants.map((v): CsvCell[] => {
    const c = v.vsControl
    return [
      r.metric.key,
      v.key,
      v.isControl,
      v.weight,
      v.visitors,
      v.conversions,
      v.rate,
      low(v.ci),
      high(v.ci),
      c?.absoluteLift,
      c?.relativeLift,
      low(c?.relativeLiftCi),
      high(c?.relativeLiftCi),
      low(c?.sequentialRelativeLiftCi),
      high(c?.sequentialRelativeLiftCi),
      c?.pValue,
      c?.pValueAdjusted,
      c?.sequentialPValue,
      c?.sequentialPValueAdjusted,
      c?.probabilityToBeatControl,
      c?.significant,
      v.probabilityToBeBest,
      v.expectedLoss,
      v.soft.conversions,
      v.soft.rate,
      v.hard.conversions,
      v.hard.rate,
    ]
  })
  return toCsv(headers, rows)
}

function dailyCsv(r: ExperimentResults) {
  const headers = [
    'metric',
    'day',
    'variant',
    'visitors',
    'conversions',
    'cumulative_visitors',
    'cumulative_conversions',
    'rate',
    'rate_ci_low',
    'rate_ci_high',
    'relative_lift',
    'relative_lift_ci_low',
    'relative_lift_ci_high',
  ]
  const rows = r.daily.flatMap((d) =>
    d.variants.map((v): CsvCell[] => [
      r.metric.key,
      d.day,
      v.key,
      v.visitors,
      v.conversions,
      v.cumulativeVisitors,
      v.cumulativeConversions,
      v.rate,
      low(v.ci),
      high(v.ci),
      v.relativeLift,
      low(v.relativeLiftCi),
      high(v.relativeLiftCi),
    ]),
  )
  return toCsv(headers, rows)
}

function segmentCsv(r: ExperimentResults, segments: Segment[]) {
  const headers = ['metric', 'segment', 'variant', 'visitors', 'conversions', 'rate', 'rate_ci_low', 'rate_ci_high', 'relative_lift', 'relative_lift_ci_low', 'relative_lift_ci_high']
  const rows = segments.flatMap((s) =>
    s.variants.map((v): CsvCell[] => [r.metric.key, s.segment, v.key, v.visitors, v.conversions, v.rate, low(v.ci), high(v.ci), v.relativeLift, low(v.relativeLiftCi), high(v.relativeLiftCi)]),
  )
  return toCsv(headers, rows)
}

function leadQualityCsv(r: ExperimentResults) {
  const headers = [
    'variant',
    'visitors',
    'converted_visitors',
    'hard_conversions',
    'hard_share',
    'leads',
    'mql',
    'sql',
    'opportunity',
    'customer',
    'lost',
    'pipeline_value',
    'pipeline_value_per_1000_visitors',
  ]
  const rows = r.leadQuality.map((q): CsvCell[] => [
    q.key,
    q.visitors,
    q.convertedVisitors,
    q.hardConversions,
    q.hardShare,
    q.leads,
    q.reached.mql,
    q.reached.sql,
    q.reached.opportunity,
    q.reached.customer,
    q.lost,
    q.pipelineValue,
    q.pipelineValuePer1000Visitors,
  ])
  return toCsv(headers, rows)
}

export function resultsCsv(results: ExperimentResults, table: CsvTable): string {
  switch (table) {
    case 'variants':
      return variantsCsv(results)
    case 'daily':
      return dailyCsv(results)
    case 'device':
      return segmentCsv(results, results.breakdowns.device)
    case 'channel':
      return segmentCsv(results, results.breakdowns.channel)
    case 'lead_quality':
      return leadQualityCsv(results)
  }
}
