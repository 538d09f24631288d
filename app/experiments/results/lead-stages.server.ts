import { sql } from 'drizzle-orm'
import { db, queryRows, type Database, type Transaction } from '#app/db.server'
import type { LeadStageRow } from './compute'

// Its own module, apart from queries.server.ts, so that declaring a winner (experiment.server.ts) can read the
// quality guardrail's lead counts without importing the results queries, which import it.

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
