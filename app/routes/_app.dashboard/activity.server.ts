import { and, eq, gte, lt, lte, sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { addDays, periodBounds } from '#app/kpis/period'
import type { KpiPeriod } from '#app/kpis/shape'
import { leads, pageViews, visitorDaily } from '#db/schema'
import type { TrendDay } from './trend'

// The daily trend the dashboard draws. The KPI report (app/kpis) has no per-day series yet, so this reads it with
// the report's own definitions and rollups: distinct visitors seen on the UTC day (visitor_daily, kind 'all', every
// gap), leads created on the UTC day.

export async function getDailyTrend({ workspaceId, period }: { workspaceId: string; period: Pick<KpiPeriod, 'from' | 'to'> }): Promise<TrendDay[]> {
  const { start, end } = periodBounds(period)
  const [visitorRows, leadRows] = await Promise.all([
    db
      .select({ day: visitorDaily.day, count: sql<number>`sum(${visitorDaily.visitors})::int` })
      .from(visitorDaily)
      .where(and(eq(visitorDaily.workspaceId, workspaceId), eq(visitorDaily.kind, 'all'), gte(visitorDaily.day, period.from), lte(visitorDaily.day, period.to)))
      .groupBy(visitorDaily.day),
    // Erased leads keep their place in counts, as in the report.
    db
      .select({ day: sql<string>`to_char(${leads.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`, count: sql<number>`count(*)::int` })
      .from(leads)
      .where(and(eq(leads.workspaceId, workspaceId), gte(leads.createdAt, start), lt(leads.createdAt, end)))
      .groupBy(sql`1`),
  ])
  const visitors = new Map(visitorRows.map((r) => [r.day, Number(r.count)]))
  const newLeads = new Map(leadRows.map((r) => [r.day, Number(r.count)]))
  const days: TrendDay[] = []
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    days.push({ day, visitors: visitors.get(day) ?? 0, leads: newLeads.get(day) ?? 0 })
  }
  return days
}

/** Whether anything was ever recorded in the workspace: a brand-new one gets a guide instead of zeros. */
export async function hasAnyActivity({ workspaceId }: { workspaceId: string }) {
  const [row] = await queryRows<{ found: boolean }>(db, sql`
    select exists (select 1 from ${pageViews} where ${pageViews.workspaceId} = ${workspaceId})
        or exists (select 1 from ${leads} where ${leads.workspaceId} = ${workspaceId}) as found`)
  return Boolean(row?.found)
}
