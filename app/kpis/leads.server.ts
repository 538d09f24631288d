import { sql } from 'drizzle-orm'
import { stagesAtOrAfter } from '#app/kpis/funnel'
import { periodBounds } from '#app/kpis/period'
import { reportRows, type Label, type LabelledPeriod } from '#app/kpis/traffic.server'

// Reads for the lead side of the report: the periods' new leads (a cohort), how far each got in the funnel,
// their sources, devices, answers and time to convert, and their journeys for attribution.

const stageList = (stage: 'mql' | 'sql' | 'opportunity' | 'customer') =>
  sql.join(
    stagesAtOrAfter(stage).map((s) => sql`${s}`),
    sql`, `,
  )

/** A group of new leads: how many, how many hot or lost, and how many reached each stage. */
type LeadCounts = { leads: number; hot: number; lost: number; mql: number; sql: number; opportunity: number; customer: number }

export type LeadTotals = LeadCounts & {
  label: Label
  // Medians in days over the leads that reached both ends; null when none did.
  lead_to_mql: number | null
  mql_to_sql: number | null
  sql_to_opportunity: number | null
  opportunity_to_customer: number | null
  lead_to_customer: number | null
  first_visit_to_lead: number | null
}

export type LeadDimensionRow = {
  label: Label
  dimension: 'channel' | 'device' | 'heard_about' | 'ttc'
  channel: string | null
  value: string | null
  leads: number
}

export type LeadJourneyRow = { label: Label; first_channel: string; conversion_channel: string | null; same_source: boolean; leads: number }

type FineRow = LeadCounts & {
  channel: string
  device: string | null
  heard_about: string | null
  bucket: string
  conversion_channel: string | null
}
type Medians = Pick<LeadTotals, 'lead_to_mql' | 'mql_to_sql' | 'sql_to_opportunity' | 'opportunity_to_customer' | 'lead_to_customer' | 'first_visit_to_lead'>

/**
 * A period's new leads, from lead_funnel (one narrow row per lead, kept by triggers: migration 0006): counted by
 * first-touch channel, device, "heard about us" answer, time from first visit to lead and the first conversion's
 * channel (a few thousand combinations at most, added up here into the totals, the funnel and each breakdown),
 * and the medians of the funnel's durations.
 *
 * A lead's journey at its first conversion is two touches: its first touch and the converting visit's. Channels
 * are all attribution credits, and two touches from one channel get the same credit merged or not, so the
 * journey is the two channels (journeyChannels would merge them to the same credit).
 */
export async function readLeadFacts(workspaceId: string, { label, period }: LabelledPeriod) {
  const { start, end } = periodBounds(period)
  // Medians of intervals (cheaper per row than converting each to a number), in days once.
  const medianDays = (interval: string) => sql.raw(`date_part('epoch', percentile_cont(0.5) within group (order by ${interval})) / 86400`)
  const [row] = await reportRows<{ fine: FineRow[] | null; medians: Medians | null; days: { day: string; leads: number }[] | null }>(
    sql`with f as materialized (
      -- A lead has reached a stage when it moved there or later, or stands there or later now (app/kpis/funnel.ts).
      select channel, device, heard_about, conversion_channel, hot_at < ${end.toISOString()}::timestamptz as is_hot, stage = 'lost' as is_lost,
        mql_at is not null or stage in (${stageList('mql')}) as is_mql,
        sql_at is not null or stage in (${stageList('sql')}) as is_sql,
        opportunity_at is not null or stage in (${stageList('opportunity')}) as is_opportunity,
        customer_at is not null or stage in (${stageList('customer')}) as is_customer,
        created_at - first_seen_at as ttc,
        mql_at - created_at as lead_to_mql, sql_at - mql_at as mql_to_sql, opportunity_at - sql_at as sql_to_opportunity,
        customer_at - opportunity_at as opportunity_to_customer, customer_at - created_at as lead_to_customer,
        (created_at at time zone 'UTC')::date as day
      from lead_funnel
      where workspace_id = ${workspaceId} and created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz
    ), fine as (
      select channel, device, heard_about, conversion_channel,
        -- The bounds of timeToConversionBucket (app/kpis/formulas.ts).
        case when ttc < interval '1 hour' then 'under_1h' when ttc < interval '1 day' then '1h_1d' when ttc < interval '7 days' then '1d_7d'
          when ttc < interval '30 days' then '7d_30d' else 'over_30d' end as bucket,
        count(*)::int as leads, count(*) filter (where is_hot)::int as hot, count(*) filter (where is_lost)::int as lost,
        count(*) filter (where is_mql)::int as mql, count(*) filter (where is_sql)::int as sql,
        count(*) filter (where is_opportunity)::int as opportunity, count(*) filter (where is_customer)::int as customer
      from f group by 1, 2, 3, 4, 5
    ), medians as (
      select ${medianDays('lead_to_mql')} as lead_to_mql, ${medianDays('mql_to_sql')} as mql_to_sql, ${medianDays('sql_to_opportunity')} as sql_to_opportunity,
        ${medianDays('opportunity_to_customer')} as opportunity_to_customer, ${medianDays('lead_to_customer')} as lead_to_customer, ${medianDays('ttc')} as first_visit_to_lead
      from f
    ), days as (
      select day::text, count(*)::int as leads from f group by day
    )
    select (select json_agg(x) from fine x) as fine, (select row_to_json(m) from medians m) as medians, (select json_agg(x) from days x) as days`,
  )
  return { ...summarizeLeads(label, row?.fine ?? [], row?.medians ?? null), days: row?.days ?? [] }
}

/** Adds the fine counts up into the totals, each breakdown and the journeys. */
function summarizeLeads(label: Label, fine: FineRow[], medians: Medians | null) {
  const totals: LeadTotals = {
    label,
    leads: 0,
    hot: 0,
    lost: 0,
    mql: 0,
    sql: 0,
    opportunity: 0,
    customer: 0,
    lead_to_mql: null,
    mql_to_sql: null,
    sql_to_opportunity: null,
    opportunity_to_customer: null,
    lead_to_customer: null,
    first_visit_to_lead: null,
    ...medians,
  }
  const counts = new Map<string, LeadDimensionRow>()
  const journeys = new Map<string, LeadJourneyRow>()
  const add = (dimension: LeadDimensionRow['dimension'], channel: string | null, value: string | null, leads: number) => {
    const key = JSON.stringify([dimension, channel, value])
    const row = counts.get(key) ?? { label, dimension, channel, value, leads: 0 }
    row.leads += leads
    counts.set(key, row)
  }
  for (const r of fine) {
    for (const key of ['leads', 'hot', 'lost', 'mql', 'sql', 'opportunity', 'customer'] as const) totals[key] += r[key]
    add('channel', r.channel, null, r.leads)
    add('device', null, r.device, r.leads)
    add('heard_about', r.channel, r.heard_about, r.leads)
    add('ttc', null, r.bucket, r.leads)
    const key = JSON.stringify([r.channel, r.conversion_channel])
    const journey = journeys.get(key) ?? {
      label,
      first_channel: r.channel,
      conversion_channel: r.conversion_channel,
      same_source: r.conversion_channel === null || r.conversion_channel === r.channel,
      leads: 0,
    }
    journey.leads += r.leads
    journeys.set(key, journey)
  }
  return { totals: totals.leads ? [totals] : [], dimensions: [...counts.values()], journeys: [...journeys.values()] }
}
