import { sql } from 'drizzle-orm'
import { db, queryRows, type Database, type Transaction } from '#app/db.server'
import type { LeadStageRow } from './compute'

// Its own module, apart from queries.server.ts, so that declaring a winner (experiment.server.ts) can read the
// quality guardrail's lead counts without importing the results queries, which import it.

/**
 * Per stage metric, the rows (one per converted visitor's lead) that are hot or reached that stage or beyond, from
 * columns `is_hot` and `reached` (lead_stage_rank: 1 MQL … 4 customer): the results' outcomes (readLeadOutcomes) and
 * a page's stage history before an experiment (stage-history.server.ts) count with this one definition.
 */
export const STAGE_COUNTS = sql`count(*) filter (where is_hot)::int as hot,
  count(*) filter (where reached >= 1)::int as mql, count(*) filter (where reached >= 2)::int as sql,
  count(*) filter (where reached >= 3)::int as opportunity, count(*) filter (where reached >= 4)::int as customer`

/**
 * The furthest stage lead `alias` ever reached, as count_experiment_conversion writes experiment_leads.reached
 * (migration 0014): its current stage's rank or the highest it was moved to, so a lead lost after SQL has reached SQL.
 */
export const leadReachedStage = (alias: string) =>
  sql`greatest(lead_stage_rank(${sql.raw(alias)}.stage), coalesce((select max(lead_stage_rank(h.to_stage)) from lead_stage_changes h where h.lead_id = ${sql.raw(alias)}.id), 0))`

/**
 * Each variant's distinct leads and how far they got, from experiment_leads (one narrow row per experiment, variant
 * and lead, kept current by a trigger on leads): a range of its primary key, never a join of conversions and leads.
 * The workspace check is the caller's (the experiment was found in it). `executor`: a transaction the caller holds
 * (the quality guardrail reads inside the transaction that declares or holds a winner).
 */
export async function readLeadStages({ experimentId, executor = db }: { experimentId: string; executor?: Database | Transaction }): Promise<LeadStageRow[]> {
  const rows = await queryRows<{ variant_key: string; leads: number; mql: number; sql: number; opportunity: number; customer: number; lost: number; pipeline_value: number }>(
    executor,
    sql`select variant_key, count(*)::int as leads,
        count(*) filter (where reached >= 1)::int as mql, count(*) filter (where reached >= 2)::int as sql,
        count(*) filter (where reached >= 3)::int as opportunity, count(*) filter (where reached >= 4)::int as customer,
        count(*) filter (where is_lost)::int as lost, coalesce(sum(pipeline_value), 0)::float8 as pipeline_value
      from experiment_leads where experiment_id = ${experimentId}
      group by variant_key`,
  )
  return rows.map((r) => ({
    variantKey: r.variant_key,
    leads: r.leads,
    mql: r.mql,
    sql: r.sql,
    opportunity: r.opportunity,
    customer: r.customer,
    lost: r.lost,
    pipelineValue: Number(r.pipeline_value),
  }))
}
