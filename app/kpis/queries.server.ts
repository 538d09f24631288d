import { buildConsentKpi } from '#app/kpis/consent'
import { readConsentFacts } from '#app/kpis/consent.server'
import { periodBounds, previousPeriod, toPeriod } from '#app/kpis/period'
import { buildReport, type PeriodFacts } from '#app/kpis/report'
import { readLeadFacts } from '#app/kpis/leads.server'
import { readMoneyFacts, readWonLeads } from '#app/kpis/money.server'
import type { KpiQuery, KpiReport } from '#app/kpis/shape'
import type { WorkspaceCalendar } from '#app/workspaces/locale'
import { readPageNames, readTraffic, type Label, type LabelledPeriod } from '#app/kpis/traffic.server'

/**
 * The marketing KPI report of a workspace for a period (and the one before it when asked): what the dashboard
 * shows and GET /api/v1/kpis returns. Reads rollups and the lead tables for both periods at once, concurrently.
 */
export async function getKpiReport({ workspaceId, calendar, query, now = new Date() }: { workspaceId: string; calendar: WorkspaceCalendar; query: KpiQuery; now?: Date }): Promise<KpiReport> {
  const timeZone = calendar.timezone
  const period = toPeriod(query.from, query.to)
  const comparison = query.compare === 'previous' ? previousPeriod(period) : null
  const periods: LabelledPeriod[] = [{ label: 'cur', period, timeZone }, ...(comparison ? [{ label: 'prev' as const, period: comparison, timeZone }] : [])]
  const range = { start: periodBounds(comparison ?? period, timeZone).start, end: periodBounds(period, timeZone).end }

  const [traffic, leadFacts, money, won, pageNames, consent] = await Promise.all([
    readTraffic(workspaceId, periods, period),
    // One read per period: they run side by side.
    Promise.all(periods.map((p) => readLeadFacts(workspaceId, p))),
    readMoneyFacts(workspaceId, periods, { from: (comparison ?? period).from, to: period.to }),
    readWonLeads(workspaceId, range),
    readPageNames(workspaceId),
    readConsentFacts(workspaceId, periods),
  ])
  const leadsOf = { totals: leadFacts.flatMap((f) => f.totals), dimensions: leadFacts.flatMap((f) => f.dimensions), journeys: leadFacts.flatMap((f) => f.journeys) }
  // Days with traffic or new leads; the report fills in the empty ones.
  const daily = new Map(traffic.daily.map((t) => [t.day, { ...t, leads: 0 }]))
  for (const { day, leads } of leadFacts[0]!.days) daily.set(day, { ...(daily.get(day) ?? { day, visitors: 0, sessions: 0 }), leads })

  const factsFor = (label: Label): PeriodFacts => {
    const only = <T extends { label: Label }>(rows: readonly T[]) => rows.filter((r) => r.label === label)
    return {
      visitors: only(traffic.visitors),
      sessions: only(traffic.sessions),
      convertedSessions: only(traffic.convertedSessions),
      pageViews: only(traffic.pageViews),
      conversions: only(traffic.conversions),
      leadTotals: only(leadsOf.totals)[0] ?? null,
      leadDimensions: only(leadsOf.dimensions),
      leadJourneys: only(leadsOf.journeys),
      pipeline: only(money.pipeline)[0] ?? null,
    }
  }
  const report = buildReport({
    calendar,
    period,
    comparison,
    model: query.model,
    generatedAt: now,
    current: factsFor('cur'),
    previous: comparison ? factsFor('prev') : null,
    spend: money.spend,
    wonLeads: won.wonLeads,
    touches: won.touches,
    pageNames,
    hasMoney: money.hasMoney,
    daily: [...daily.values()],
  })
  return { ...report, consent: buildConsentKpi({ ...consent, pageNames, hasComparison: comparison !== null }) }
}
