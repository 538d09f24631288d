import { eq, sql } from 'drizzle-orm'
import type { Speaker } from '#app/i18n/sentences'
import { db, queryRows } from '#app/db.server'
import { maturityCutoffSql, pendingConversionRows } from '#app/experiments/counting.server'
import { countVariantTotals, getExperiment } from '#app/experiments/experiment.server'
import { METRIC_KINDS, metricKey, type MetricKind } from '#app/experiments/schema'
import { forms } from '#db/schema'
import { buildExperimentConsent } from './consent'
import { readExperimentConsentRows } from './consent.server'
import { computeResults, listMetricOptions, type DailyRow, type ResultsExperimentRow } from './compute'
import { maturityCutoffDay, type LeadOutcomeRow } from './lead-metrics'
import type { SegmentRow } from './series'
import type { ExperimentResults, ExperimentSummary, MetricKey } from './shape'
import { readCookielessCounts } from './unit.server'
import { readLeadStages, STAGE_COUNTS } from './lead-stages.server'
import { summarizeExperiment, type TotalRow } from './summary'

// Results read the experiment_daily rollups (one pass over the experiment's rollup rows, grouped three ways) with
// the experiment conversions still queued for them (a few, the rollup follower's lag), and, for lead quality,
// experiment_leads. Never the raw exposures, conversions or leads.

type Failure = { ok: false; status: 400 | 404; errors: Record<string, string[]> }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `?metric=`: any, soft, hard, a lead metric (hot, mql, sql, opportunity, customer, pipeline) or a form id; absent means the experiment's primary metric. */
export function parseMetricParam(param: string | null): { ok: true; metric: MetricKey | null } | Failure {
  if (param === null || param === '') return { ok: true, metric: null }
  const value = param.trim().toLowerCase()
  if ((METRIC_KINDS as readonly string[]).includes(value)) return { ok: true, metric: value as MetricKind }
  if (UUID.test(value)) return { ok: true, metric: `form:${value}` }
  return { ok: false, status: 400, errors: { metric: [`Unknown metric "${param.slice(0, 100)}": use ${METRIC_KINDS.join(', ')} or a form id`] } }
}

type RollupRow = { kind: 'day' | 'device' | 'channel'; key: string; variant_key: string; metric: string; count: number }

/**
 * The experiment's rollups summed per day, per device and per channel (each × variant × metric), in one pass, the
 * queued conversions included: one statement, so every stored experiment conversion counts exactly once.
 */
export async function readRollups(experimentId: string) {
  const rows = await queryRows<RollupRow>(
    db,
    sql`select case when grouping(day) = 0 then 'day' when grouping(device) = 0 then 'device' else 'channel' end as kind,
        coalesce(day, device, channel) as key, variant_key, metric, sum(count)::float8 as count
      from (
        select day, variant_key, device, channel, metric, count from experiment_daily where experiment_id = ${experimentId}
        union all
        select day, variant_key, device, channel, metric, count from (${pendingConversionRows(sql`q.experiment_id = ${experimentId}`)}) pending
      ) rollups
      group by grouping sets ((day, variant_key, metric), (device, variant_key, metric), (channel, variant_key, metric))`,
  )
  const daily: DailyRow[] = []
  const device: SegmentRow[] = []
  const channel: SegmentRow[] = []
  for (const r of rows) {
    const count = Number(r.count)
    if (r.kind === 'day') daily.push({ day: r.key, variantKey: r.variant_key, metric: r.metric, count })
    else (r.kind === 'device' ? device : channel).push({ segment: r.key, variantKey: r.variant_key, metric: r.metric, count })
  }
  return { daily, device, channel }
}

/**
 * Each variant's lead outcomes among its visitors exposed on or before `cutoffDay`: hot and stage counts, and the
 * sum and sum of squares of the deal values, one per visitor (a row is one converted visitor's lead; visitors
 * without one add 0). One range of experiment_leads' primary key, like readLeadStages.
 */
export async function readLeadOutcomes({ experimentId, cutoffDay }: { experimentId: string; cutoffDay: string | { now: Date } }): Promise<LeadOutcomeRow[]> {
  // Without the experiment in hand, its cutoff comes from its row in the same statement (maturityCutoffDay in SQL).
  const cutoff = typeof cutoffDay === 'string' ? sql`${cutoffDay}` : sql`(select ${maturityCutoffSql(sql`x`, cutoffDay.now)} from experiments x where x.id = ${experimentId})`
  const rows = await queryRows<{ variant_key: string; hot: number; mql: number; sql: number; opportunity: number; customer: number; total: number; squares: number }>(
    db,
    sql`select variant_key, ${STAGE_COUNTS},
        coalesce(sum(pipeline_value), 0)::float8 as total, coalesce(sum(pipeline_value * pipeline_value), 0)::float8 as squares
      from experiment_leads where experiment_id = ${experimentId} and exposure_day <= ${cutoff}
      group by variant_key`,
  )
  return rows.map((r) => ({
    variantKey: r.variant_key,
    hot: r.hot,
    mql: r.mql,
    sql: r.sql,
    opportunity: r.opportunity,
    customer: r.customer,
    total: Number(r.total),
    sumOfSquares: Number(r.squares),
  }))
}

type FoundExperiment = NonNullable<Awaited<ReturnType<typeof getExperiment>>>

/**
 * Everything the results page and GET /api/v1/experiments/:id/results show. 404 for an experiment of another
 * workspace; 400 naming the metric when it is malformed or a form that is not among the experiment's metrics.
 * `loaded`: the experiment as getExperiment returned it for this workspace, when the caller has already read it
 * (the results page), so it is not read twice. `formNames` (the workspace's forms by id) comes back for the same reason.
 */
export async function getExperimentResults({
  workspaceId,
  id,
  metric: param,
  now = new Date(),
  loaded,
  speaker,
}: {
  workspaceId: string
  id: string
  metric: string | null
  now?: Date
  loaded?: FoundExperiment
  /** the language the decision and the next step are said in (the page's reader's); default English (the API's) */
  speaker?: Speaker
}): Promise<{ ok: true; results: ExperimentResults; formNames: Record<string, string> } | Failure> {
  const parsed = parseMetricParam(param)
  if (!parsed.ok) return parsed
  // One round trip: the rollups, leads and consent counts are read by experiment id alongside the workspace check,
  // and dropped unread when the experiment is not in this workspace. The lead outcomes' cutoff is the experiment's
  // maturity before `now`: from the loaded row (the page), else from the row in the outcomes' own statement (the API).
  const [found, rollups, leadStages, outcomes, formRows, cookieless, consentRows] = await Promise.all([
    loaded ?? getExperiment({ workspaceId, id }),
    readRollups(id),
    readLeadStages({ experimentId: id }),
    readLeadOutcomes({ experimentId: id, cutoffDay: loaded ? maturityCutoffDay(now, loaded.experiment.maturityDays, loaded.timeZone) : { now } }),
    db.select({ id: forms.id, name: forms.name }).from(forms).where(eq(forms.workspaceId, workspaceId)),
    readCookielessCounts(id),
    readExperimentConsentRows({ workspaceId, experimentId: id }),
  ])
  if (!found) return { ok: false, status: 404, errors: { id: ['No such experiment'] } }
  const maturityCutoff = maturityCutoffDay(now, found.experiment.maturityDays, found.timeZone)
  const experiment: ResultsExperimentRow = found.experiment
  const formNames = Object.fromEntries(formRows.map((f) => [f.id, f.name]))
  const options = listMetricOptions(experiment, rollups.daily, formNames)
  const metric = parsed.metric ?? options.find((m) => m.isPrimary)!.key
  if (!options.some((m) => m.key === metric)) {
    return {
      ok: false,
      status: 400,
      errors: {
        metric: [
          `The form ${metric.slice('form:'.length)} is not one of this experiment's metrics and has no conversions in it: use any, soft, hard or one of ${
            options
              .filter((m) => m.formId)
              .map((m) => m.param)
              .join(', ') || '(no forms yet)'
          }`,
        ],
      },
    }
  }
  const results = computeResults({
    experiment,
    page: found.page,
    metric,
    ...rollups,
    leadStages,
    leadOutcomes: outcomes,
    maturityCutoff,
    formNames,
    now,
    timeZone: found.timeZone,
    cookieless,
    speaker,
  })
  const consent = buildExperimentConsent(
    experiment.variants.map((v) => v.key),
    consentRows,
  )
  // The workspace's form names by id, read here anyway: the page labels the experiment's settings with them.
  return { ok: true, results: { ...results, consent }, formNames }
}

/**
 * The experiments list's figures for every experiment of the workspace: visitors and converted visitors on each
 * one's primary metric from the rollups (one query, scoped to the workspace), the leading variant and its lift,
 * the decision, SRM.
 */
export async function summarizeExperiments({
  workspaceId,
  experiments,
  speaker,
}: {
  workspaceId: string
  experiments: ResultsExperimentRow[]
  /** the language of the decisions' sentences (the list's reader's); default English */
  speaker?: Speaker
}): Promise<Map<string, ExperimentSummary>> {
  const metrics = ['', ...new Set(experiments.map((e) => metricKey(e.primaryMetric)))]
  const rows = await countVariantTotals({ workspaceId, experimentIds: experiments.map((e) => e.id), metrics })
  const byExperiment = new Map<string, TotalRow[]>()
  for (const r of rows) {
    const list = byExperiment.get(r.experimentId) ?? byExperiment.set(r.experimentId, []).get(r.experimentId)!
    list.push({ variantKey: r.variantKey, metric: r.metric, count: Number(r.count) })
  }
  return new Map(experiments.map((e) => [e.id, summarizeExperiment(e, byExperiment.get(e.id) ?? [], speaker)]))
}
