import { mean } from '#app/kpis/formulas'
import { DAY_MS } from '#app/time/days'

// Deals from a lead's stage history. Each move into Customer from another stage wins a deal; the deal's value is
// the last value recorded while the lead stays a customer (a new value on the same stage corrects it, it does
// not add a deal). A lead moved back to Opportunity and won again has won a second deal (an upsell, a renewal).

export type StageChange = { fromStage: string; toStage: string; dealValue: number | null; at: Date }
export type Deal = { wonAt: Date; value: number | null; isFirst: boolean }

/** The deals in a lead's history, oldest first; `changes` in time order. */
export function dealsFromHistory(changes: readonly StageChange[]): Deal[] {
  const deals: Deal[] = []
  for (const change of changes) {
    if (change.toStage !== 'customer') continue
    const current = deals.at(-1)
    if (change.fromStage === 'customer' && current) current.value = change.dealValue
    else deals.push({ wonAt: change.at, value: change.dealValue, isFirst: deals.length === 0 })
  }
  return deals
}

export type LeadHistory = { leadId: string; createdAt: Date; changes: StageChange[] }

/**
 * The money side of a period [start, end) from the histories of leads that won a deal: new customers (first deal
 * won in the period), revenue and average value of the deals won in it, each new customer's lifetime value
 * (all its deals up to the period's end, summed) and the sales cycle (days from lead to first deal).
 */
export function summarizeDeals(histories: readonly LeadHistory[], { start, end }: { start: Date; end: Date }) {
  const inPeriod = (d: Date) => d >= start && d < end
  let wins = 0
  let revenue = 0
  const values: number[] = []
  const lifetimeValues: number[] = []
  const cycles: number[] = []
  const newCustomerIds: string[] = []
  for (const history of histories) {
    const deals = dealsFromHistory(history.changes.filter((c) => c.at < end))
    for (const deal of deals.filter((d) => inPeriod(d.wonAt))) {
      wins++
      if (deal.value !== null) {
        revenue += deal.value
        values.push(deal.value)
      }
    }
    const first = deals[0]
    if (first && inPeriod(first.wonAt)) {
      newCustomerIds.push(history.leadId)
      lifetimeValues.push(deals.reduce((sum, d) => sum + (d.value ?? 0), 0))
      cycles.push((first.wonAt.getTime() - history.createdAt.getTime()) / DAY_MS)
    }
  }
  return {
    wins,
    newCustomers: newCustomerIds.length,
    newCustomerIds,
    revenue: Math.round(revenue * 100) / 100,
    averageDealValue: mean(values),
    customerLifetimeValue: mean(lifetimeValues),
    averageSalesCycleDays: mean(cycles),
  }
}
