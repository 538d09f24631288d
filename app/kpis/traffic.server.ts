import { sql, type SQL } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { periodBounds } from '#app/kpis/period'
import type { KpiPeriod } from '#app/kpis/shape'

// Reads for the traffic side of the report, from the rollups writePageViews keeps (app/kpis/rollups.server.ts)
// and, for conversions, from the conversions table. Every read covers the period and its comparison period at
// once; rows carry the period's label.

export type Label = 'cur' | 'prev'
/** A period of the report, its days in `timeZone` (the workspace's, as the rollups count them). */
export type LabelledPeriod = { label: Label; period: KpiPeriod; timeZone: string }

/**
 * Rows of one report read, in a transaction of its own with two settings for this kind of query: no JIT (its
 * compile time, hundreds of ms, is more than these queries take to run) and enough memory to sort and hash
 * a period's leads without spilling to disk.
 */
export function reportRows<T>(statement: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`)
    return queryRows<T>(tx, statement)
  })
}

/** The periods as a VALUES list: (label, first day, last day, start instant, end instant). */
export function periodsSql(periods: readonly LabelledPeriod[]): SQL {
  const rows = periods.map(({ label, period, timeZone }) => {
    const { start, end } = periodBounds(period, timeZone)
    return sql`(${label}, ${period.from}::date, ${period.to}::date, ${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`
  })
  return sql`(values ${sql.join(rows, sql`, `)}) as p(label, first_day, last_day, start_at, end_at)`
}

export type VisitorRow = { label: Label; kind: 'all' | 'page' | 'entry'; page_id: string; variant_key: string; device: string; channel: string; visitors: number }
export type SessionRow = { label: Label; entry_page_id: string; device: string; channel: string; sessions: number; single_page: number }
export type ConvertedSessionRow = { label: Label; entry_page_id: string; device: string; channel: string; single_page: boolean; sessions: number }
export type PageViewRow = { label: Label; page_id: string; variant_key: string; views: number }
export type ConversionRow = { label: Label; page_id: string; variant_key: string; conversion_type: 'soft' | 'hard'; device: string; conversions: number }

export type TrafficRows = { visitors: VisitorRow[]; sessions: SessionRow[]; convertedSessions: ConvertedSessionRow[]; pageViews: PageViewRow[]; conversions: ConversionRow[] }

export async function readTraffic(workspaceId: string, periods: readonly LabelledPeriod[], current: { from: string; to: string }): Promise<TrafficRows & { daily: DailyRow[] }> {
  const p = periodsSql(periods)
  const [rollups, convertedSessions, conversions] = await Promise.all([
    // The rollups are small (a few thousand rows a month): one statement reads them all.
    queryRows<{ visitors: VisitorRow[] | null; sessions: SessionRow[] | null; page_views: PageViewRow[] | null; daily: DailyRow[] | null }>(
      db,
      sql`with visitors as (
        -- Distinct visitors: each counted once, on their first day in the period (see rollups.server.ts).
        select p.label, v.kind, v.page_id, v.variant_key, v.device, v.channel, sum(v.visitors)::int as visitors
        from ${p} join visitor_daily v on v.workspace_id = ${workspaceId} and v.day between p.first_day and p.last_day
        where v.gap = 0 or v.gap > v.day - p.first_day
        group by 1, 2, 3, 4, 5, 6 having sum(v.visitors) <> 0
      ), sessions as (
        select p.label, s.entry_page_id, s.device, s.channel, sum(s.sessions)::int as sessions, sum(s.single_page)::int as single_page
        from ${p} join session_daily s on s.workspace_id = ${workspaceId} and s.day between p.first_day and p.last_day
        group by 1, 2, 3, 4 having sum(s.sessions) <> 0
      ), page_views as (
        select p.label, v.page_id, v.variant_key, sum(v.views)::int as views
        from ${p} join page_view_daily v on v.workspace_id = ${workspaceId} and v.day between p.first_day and p.last_day
        group by 1, 2, 3
      ), daily as (
        -- Per day of the current period: visitors seen that day (every gap), sessions started.
        select day::text, sum(visitors)::int as visitors, sum(sessions)::int as sessions from (
          select day, visitors, 0 as sessions from visitor_daily
          where workspace_id = ${workspaceId} and day between ${current.from}::date and ${current.to}::date and kind = 'all'
          union all
          select day, 0, sessions from session_daily where workspace_id = ${workspaceId} and day between ${current.from}::date and ${current.to}::date
        ) d group by day
      )
      select (select json_agg(x) from visitors x) as visitors, (select json_agg(x) from sessions x) as sessions,
        (select json_agg(x) from page_views x) as page_views, (select json_agg(x) from daily x) as daily`,
    ),
    // Sessions a conversion fell in (marked by the conversions trigger or when the session was rebuilt).
    reportRows<ConvertedSessionRow>(
      sql`select p.label, s.entry_page_id, s.device, s.channel, s.page_views = 1 as single_page, count(*)::int as sessions
        from ${p} join visitor_sessions s on s.workspace_id = ${workspaceId} and s.started_at >= p.start_at and s.started_at < p.end_at and s.converted_at is not null
        group by 1, 2, 3, 4, 5`,
    ),
    // From conversions_kpi_idx alone (an index-only scan).
    reportRows<ConversionRow>(
      sql`select p.label, c.page_id, c.variant_key, c.conversion_type, c.device, count(*)::int as conversions
        from ${p} join conversions c on c.workspace_id = ${workspaceId} and c.created_at >= p.start_at and c.created_at < p.end_at
        group by 1, 2, 3, 4, 5`,
    ),
  ])
  const r = rollups[0]
  return { visitors: r?.visitors ?? [], sessions: r?.sessions ?? [], pageViews: r?.page_views ?? [], daily: r?.daily ?? [], convertedSessions, conversions }
}

export type DailyRow = { day: string; visitors: number; sessions: number }

/** Names and slugs of the workspace's pages (archived ones too: their traffic still counts). */
export async function readPageNames(workspaceId: string) {
  const rows = await queryRows<{ id: string; name: string; slug: string }>(db, sql`select id, name, slug from pages where workspace_id = ${workspaceId}`)
  return new Map(rows.map((r) => [r.id, { name: r.name, slug: r.slug }]))
}
