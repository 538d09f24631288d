import { sql } from 'drizzle-orm'
import { periodBounds } from '#app/kpis/period'
import { reportRows, type Label, type LabelledPeriod } from '#app/kpis/traffic.server'

// Reads for the lead side of the report: the periods' new leads, their sources, devices, answers and time to
// convert, how many are lost now, and their journeys for attribution. The funnel's later stages count the leads
// that reached them in the period, whenever they were created: app/kpis/money.server.ts.

/** A group of new leads: how many, and how many of them are hot or lost. */
type LeadCounts = { leads: number; hot: number; lost: number }

export type LeadTotals = LeadCounts & {
  label: Label
  /** Median days from the visitor's first visit to the lead's first conversion; null without leads. */
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
type Medians = Pick<LeadTotals, 'first_visit_to_lead'>

/**
 * A period's new leads, from lead_funnel (one narrow row per lead, kept by triggers: migration 0006): counted by
 * first-touch channel, device, "heard about us" answer, time from first visit to lead and the first conversion's
 * channel (a few thousand combinations at most, added up here into the totals and each breakdown), and the
 * median time to convert.
 *
 * A lead's journey at its first conversion is two touches: its first touch and the converting visit's. Channels
 * are all attribution credits, and two touches from one channel get the same credit merged or not, so the
 * journey is the two channels (journeyChannels would merge them to the same credit).
 */
export async function readLeadFacts(workspaceId: string, { label, period, timeZone }: LabelledPeriod) {
  const { start, end } = periodBounds(period, timeZone)
  // Medians of intervals (cheaper per row than converting each to a number), in days once.
  const medianDays = (interval: string) => sql.raw(`date_part('epoch', percentile_cont(0.5) within group (order by ${interval})) / 86400`)
  const [row] = await reportRows<{ fine: FineRow[] | null; medians: Medians | null; days: { day: string; leads: number }[] | null }>(
    sql`with f as materialized (
      select channel, device, heard_about, conversion_channel, hot_at < ${end.toISOString()}::timestamptz as is_hot, stage = 'lost' as is_lost,
        created_at - first_seen_at as ttc, (created_at at time zone ${timeZone})::date as day
      from lead_funnel
      where workspace_id = ${workspaceId} and created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz
    ), fine as (
      select channel, device, heard_about, conversion_channel,
        -- The bounds of timeToConversionBucket (app/kpis/formulas.ts).
        case when ttc < interval '1 hour' then 'under_1h' when ttc < interval '1 day' then '1h_1d' when ttc < interval '7 days' then '1d_7d'
          when ttc < interval '30 days' then '7d_30d' else 'over_30d' end as bucket,
        count(*)::int as leads, count(*) filter (where is_hot)::int as hot, count(*) filter (where is_lost)::int as lost
      from f group by 1, 2, 3, 4, 5
    ), medians as (
      select ${medianDays('ttc')} as first_visit_to_lead from f
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
    for (const key of ['leads', 'hot', 'lost'] as const) totals[key] += r[key]
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
