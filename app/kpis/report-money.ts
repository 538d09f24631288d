import { CHANNELS, type Channel } from '#app/attribution/channel'
import { attribute, journeyChannels, type JourneyGroup, type Touch } from '#app/kpis/attribution'
import { dealsFromHistory, summarizeDeals } from '#app/kpis/deals'
import { customerAcquisitionCost, pipelineVelocity, returnOnInvestment, spendInPeriod, winRate } from '#app/kpis/formulas'
import { periodBounds } from '#app/kpis/period'
import type { LeadJourneyRow } from '#app/kpis/leads.server'
import type { PipelineRow, WonLead } from '#app/kpis/money.server'
import type { WorkspaceCalendar } from '#app/workspaces/locale'

// The money side of one period, and the journeys attribution credits. Pure.

export type MoneyInput = {
  spend: { month: string; channel: string; amount: number }[]
  wonLeads: WonLead[]
  /** Conversion touches of the won leads, oldest first. */
  touches: Map<string, { at: Date; touch: Touch }[]>
  hasMoney: boolean
  /** The workspace's days (periods are whole days in its zone) and the currency every amount is in. */
  calendar: WorkspaceCalendar
}

const asChannel = (name: string): Channel => ((CHANNELS as readonly string[]).includes(name) ? (name as Channel) : 'direct')

export function periodMoney(input: MoneyInput, period: { from: string; to: string }, pipeline: PipelineRow | null) {
  const bounds = periodBounds(period, input.calendar.timezone)
  const deals = summarizeDeals(input.wonLeads, bounds)
  const spend = spendInPeriod(input.spend, period)
  const spendByChannel = Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      spendInPeriod(
        input.spend.filter((s) => s.channel === c),
        period,
      ),
    ]),
  ) as Record<Channel, number>
  const channelOf = new Map(input.wonLeads.map((l) => [l.leadId, asChannel(l.channel)]))
  const newCustomersByChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>
  for (const id of deals.newCustomerIds) newCustomersByChannel[channelOf.get(id) ?? 'direct']++
  // Opportunities opened in the period: the funnel's Opportunity step (app/kpis/money.server.ts reads both).
  const opportunities = pipeline?.opportunities ?? 0
  const rateOfWins = winRate(deals.wins, pipeline?.lost_opportunities ?? 0)
  return {
    spend,
    spendByChannel,
    newCustomers: deals.newCustomers,
    newCustomersByChannel,
    revenue: deals.revenue,
    cac: customerAcquisitionCost(spend, deals.newCustomers),
    roi: returnOnInvestment(deals.revenue, spend),
    averageDealValue: deals.averageDealValue,
    customerLifetimeValue: deals.customerLifetimeValue,
    opportunities,
    winRate: rateOfWins,
    averageSalesCycleDays: deals.averageSalesCycleDays,
    pipelineVelocity: pipelineVelocity({ opportunities, winRate: rateOfWins, averageDealValue: deals.averageDealValue, averageSalesCycleDays: deals.averageSalesCycleDays }),
    customerJourneys: customerJourneys(input, bounds),
  }
}

export type PeriodMoney = ReturnType<typeof periodMoney>

/**
 * One journey per deal won in the period: the lead's first touch, then its conversions' touches up to the win.
 * A first deal brings a customer; every deal brings its value.
 */
function customerJourneys(input: MoneyInput, { start, end }: { start: Date; end: Date }): JourneyGroup[] {
  const journeys: JourneyGroup[] = []
  for (const lead of input.wonLeads) {
    for (const deal of dealsFromHistory(lead.changes.filter((c) => c.at < end))) {
      if (deal.wonAt < start || deal.wonAt >= end) continue
      const touches = (input.touches.get(lead.leadId) ?? []).filter((t) => t.at <= deal.wonAt).map((t) => t.touch)
      const channels = journeyChannels([lead.firstTouch ?? { channel: lead.channel }, ...touches])
      journeys.push({ channels, leads: 0, customers: deal.isFirst ? 1 : 0, revenue: deal.value ?? 0 })
    }
  }
  return journeys
}

/** The period's new leads as journeys: first touch, then the converting visit's touch unless it repeats the first. */
export function leadJourneys(rows: readonly LeadJourneyRow[]): JourneyGroup[] {
  return rows.map((r) => ({
    channels: r.same_source || !r.conversion_channel ? [r.first_channel] : [r.first_channel, r.conversion_channel],
    leads: r.leads,
    customers: 0,
    revenue: 0,
  }))
}

export { attribute }
