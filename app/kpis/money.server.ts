import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import type { Touch } from '#app/kpis/attribution'
import type { LeadHistory } from '#app/kpis/deals'
import { periodsSql, type Label, type LabelledPeriod } from '#app/kpis/traffic.server'

// Reads for the money side: spend, the stage flows of the periods (the funnel's stages and the money KPIs' customers
// and opportunities), the stage histories of leads that won a deal in them, opportunities lost, and the won leads'
// touches for attribution.

/**
 * The stage flows of one period: leads whose first move to a stage (or a later one) fell in it, and the medians, in
 * days, of the time each of them took from the stage before (lead: the lead's creation); null when none did.
 * One definition for the funnel and the money KPIs (docs/decisions/062-customer-definition.md): `opportunities` are
 * the opportunities opened in the period; its new customers come from the deals (app/kpis/deals.ts), by the same rule.
 */
export type PipelineRow = {
  label: Label
  mql: number
  sql: number
  opportunities: number
  lost_opportunities: number
  lead_to_mql: number | null
  mql_to_sql: number | null
  sql_to_opportunity: number | null
  opportunity_to_customer: number | null
  lead_to_customer: number | null
}
export type SpendRow = { month: string; channel: string; amount: number }

const medianDays = (at: string, from: string) =>
  sql.raw(`date_part('epoch', percentile_cont(0.5) within group (order by f.${at} - f.${from}) filter (where f.${at} >= p.start_at and f.${at} < p.end_at)) / 86400`)
const reachedIn = (at: string) => sql.raw(`count(*) filter (where f.${at} >= p.start_at and f.${at} < p.end_at)::int`)

/**
 * In one statement: the spend of the months the periods touch, whether any spend or deal value was ever entered,
 * and per period its stage flows (PipelineRow, from lead_funnel: the first time each lead reached each stage,
 * migration 0006) and the moves from Opportunity to Lost.
 */
export async function readMoneyFacts(workspaceId: string, periods: readonly LabelledPeriod[], range: { from: string; to: string }) {
  const [row] = await queryRows<{ spend: SpendRow[] | null; has_money: boolean; pipeline: PipelineRow[] | null }>(
    db,
    sql`with p as (select * from ${periodsSql(periods)}), flows as (
      -- Reached a stage in [start, end): created before the end, and its latest stage time not before the start
      -- (mql_at <= sql_at <= opportunity_at <= customer_at). One pass over the workspace's narrow lead_funnel rows
      -- per period: measured faster than looking up the leads with a move in the period one by one.
      select p.label, ${reachedIn('mql_at')} as mql, ${reachedIn('sql_at')} as sql, ${reachedIn('opportunity_at')} as opportunities,
        ${medianDays('mql_at', 'created_at')} as lead_to_mql, ${medianDays('sql_at', 'mql_at')} as mql_to_sql, ${medianDays('opportunity_at', 'sql_at')} as sql_to_opportunity,
        ${medianDays('customer_at', 'opportunity_at')} as opportunity_to_customer, ${medianDays('customer_at', 'created_at')} as lead_to_customer
      from p join lead_funnel f on f.workspace_id = ${workspaceId} and f.created_at < p.end_at and f.mql_at < p.end_at
        and coalesce(f.customer_at, f.opportunity_at, f.sql_at, f.mql_at) >= p.start_at
      group by p.label
    ), pipeline as (
      select p.label, coalesce(f.mql, 0) as mql, coalesce(f.sql, 0) as sql, coalesce(f.opportunities, 0) as opportunities,
        f.lead_to_mql, f.mql_to_sql, f.sql_to_opportunity, f.opportunity_to_customer, f.lead_to_customer,
        (select count(*) from lead_stage_changes c where c.workspace_id = ${workspaceId} and c.from_stage = 'opportunity' and c.to_stage = 'lost'
          and c.created_at >= p.start_at and c.created_at < p.end_at)::int as lost_opportunities
      from p left join flows f using (label)
    ), spend as (
      select month, channel, amount::float8 as amount from marketing_spend
      where workspace_id = ${workspaceId} and month between ${range.from.slice(0, 7)} and ${range.to.slice(0, 7)}
    )
    select (select json_agg(x) from spend x) as spend, (select json_agg(x) from pipeline x) as pipeline,
      exists (select 1 from marketing_spend where workspace_id = ${workspaceId} and amount > 0)
        or exists (select 1 from lead_stage_changes where workspace_id = ${workspaceId} and deal_value is not null) as has_money`,
  )
  return { spend: row?.spend ?? [], hasMoney: row?.has_money ?? false, pipeline: row?.pipeline ?? [] }
}

export type WonLead = LeadHistory & { channel: string; firstTouch: Touch | null }

/**
 * Leads with a move into Customer in [start, end): their moves into Customer up to `end` (the deals and their
 * values: app/kpis/deals.ts), when they were created, their first touch, and their conversions' touches (oldest
 * first, for journeys up to each win). One statement.
 */
export async function readWonLeads(workspaceId: string, { start, end }: { start: Date; end: Date }) {
  const [row] = await queryRows<{
    moves: { lead_id: string; from_stage: string; deal_value: number | null; at: string; created_at: string; channel: string; first_touch: Touch | null }[] | null
    touches: { lead_id: string; at: string; touch: Touch }[] | null
  }>(
    db,
    sql`with won as (
      select distinct lead_id from lead_stage_changes where workspace_id = ${workspaceId} and to_stage = 'customer'
        and created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz
    ), moves as (
      select c.id, c.lead_id, c.from_stage, c.deal_value::float8 as deal_value, c.created_at as at, l.created_at, l.channel, l.first_touch
      from lead_stage_changes c join won using (lead_id) join leads l on l.id = c.lead_id
      where c.to_stage = 'customer' and c.created_at < ${end.toISOString()}::timestamptz
    ), touches as (
      select c.id, c.lead_id, c.created_at as at, c.touch from conversions c join won using (lead_id) where c.workspace_id = ${workspaceId}
    )
    select (select json_agg(x order by x.lead_id, x.at, x.id) from moves x) as moves, (select json_agg(x order by x.lead_id, x.at, x.id) from touches x) as touches`,
  )
  const byLead = new Map<string, WonLead>()
  for (const r of row?.moves ?? []) {
    let lead = byLead.get(r.lead_id)
    if (!lead) byLead.set(r.lead_id, (lead = { leadId: r.lead_id, createdAt: new Date(r.created_at), channel: r.channel, firstTouch: r.first_touch, changes: [] }))
    lead.changes.push({ fromStage: r.from_stage, toStage: 'customer', dealValue: r.deal_value, at: new Date(r.at) })
  }
  const touches = new Map<string, { at: Date; touch: Touch }[]>()
  for (const r of row?.touches ?? []) touches.set(r.lead_id, [...(touches.get(r.lead_id) ?? []), { at: new Date(r.at), touch: r.touch }])
  return { wonLeads: [...byLead.values()], touches }
}
