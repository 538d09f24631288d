import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import type { Touch } from '#app/kpis/attribution'
import type { LeadHistory } from '#app/kpis/deals'
import { stagesAtOrAfter } from '#app/kpis/funnel'
import { periodsSql, type Label, type LabelledPeriod } from '#app/kpis/traffic.server'

// Reads for the money side: spend, the stage histories of leads that won a deal in the periods, opportunities
// opened and lost, and the won leads' touches for attribution.

export type PipelineRow = { label: Label; opportunities: number; lost_opportunities: number }
export type SpendRow = { month: string; channel: string; amount: number }

/**
 * In one statement: the spend of the months the periods touch, whether any spend or deal value was ever entered,
 * and per period the leads that first reached Opportunity (or went straight to Customer) in it and the moves from
 * Opportunity to Lost.
 */
export async function readMoneyFacts(workspaceId: string, periods: readonly LabelledPeriod[], range: { from: string; to: string; end: Date }) {
  const p = periodsSql(periods)
  const reached = sql.join(
    stagesAtOrAfter('opportunity').map((s) => sql`${s}`),
    sql`, `,
  )
  const [row] = await queryRows<{ spend: SpendRow[] | null; has_money: boolean; pipeline: PipelineRow[] | null }>(
    db,
    sql`with opened as (
      select lead_id, min(created_at) as at from lead_stage_changes
      where workspace_id = ${workspaceId} and to_stage in (${reached}) and created_at < ${range.end.toISOString()}::timestamptz group by lead_id
    ), pipeline as (
      select p.label,
        (select count(*) from opened o where o.at >= p.start_at and o.at < p.end_at)::int as opportunities,
        (select count(*) from lead_stage_changes c where c.workspace_id = ${workspaceId} and c.from_stage = 'opportunity' and c.to_stage = 'lost'
          and c.created_at >= p.start_at and c.created_at < p.end_at)::int as lost_opportunities
      from ${p}
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
