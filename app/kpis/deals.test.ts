import { describe, expect, test } from 'vitest'
import { dealsFromHistory, summarizeDeals, type LeadHistory, type StageChange } from './deals'

const change = (fromStage: string, toStage: string, day: string, dealValue: number | null = null): StageChange => ({ fromStage, toStage, dealValue, at: new Date(`${day}T12:00:00Z`) })

describe('deals from a stage history', () => {
  test('each move into Customer wins a deal; a new value on Customer corrects it', () => {
    expect(
      dealsFromHistory([
        change('lead', 'mql', '2026-02-12'),
        change('mql', 'opportunity', '2026-02-20', 2000),
        change('opportunity', 'customer', '2026-03-05', 2500),
        change('customer', 'customer', '2026-03-06', 3000),
      ]),
    ).toEqual([{ wonAt: new Date('2026-03-05T12:00:00Z'), value: 3000, isFirst: true }])
  })

  test('moved back to Opportunity and won again: a second deal (an upsell), not the first', () => {
    const deals = dealsFromHistory([change('opportunity', 'customer', '2026-01-10', 800), change('customer', 'opportunity', '2026-03-01', 500), change('opportunity', 'customer', '2026-03-09', 600)])
    expect(deals.map((d) => [d.value, d.isFirst])).toEqual([
      [800, true],
      [600, false],
    ])
  })

  test('a win without a value is a deal of unknown value; no win, no deal', () => {
    expect(dealsFromHistory([change('sql', 'customer', '2026-03-01')])).toEqual([{ wonAt: new Date('2026-03-01T12:00:00Z'), value: null, isFirst: true }])
    expect(dealsFromHistory([change('lead', 'sql', '2026-03-01'), change('sql', 'lost', '2026-03-02')])).toEqual([])
  })
})

describe('the deals of a period', () => {
  const march = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') }
  const history = (leadId: string, created: string, changes: StageChange[]): LeadHistory => ({ leadId, createdAt: new Date(`${created}T12:00:00Z`), changes })
  const histories = [
    history('L0', '2026-02-10', [change('opportunity', 'customer', '2026-03-05', 2500), change('customer', 'customer', '2026-03-06', 3000)]),
    history('L1', '2026-03-02', [change('opportunity', 'customer', '2026-03-22', 1200), change('opportunity', 'customer', '2026-03-29', 300), change('opportunity', 'customer', '2026-04-03', 999)]),
    history('L4', '2025-12-01', [change('opportunity', 'customer', '2026-01-10', 800), change('opportunity', 'customer', '2026-03-09', 600)]),
  ]

  test('new customers, revenue, average deal, lifetime value and cycle', () => {
    expect(summarizeDeals(histories, march)).toEqual({
      wins: 4, // L0, L1 twice, L4's upsell
      newCustomers: 2,
      newCustomerIds: ['L0', 'L1'],
      revenue: 5100,
      averageDealValue: 1275,
      customerLifetimeValue: 2250, // L0 3,000; L1 1,200 + 300 (April's deal is after the period)
      averageSalesCycleDays: 21.5, // 23 and 20 days
    })
  })

  test('a period without wins has nothing to average', () => {
    expect(summarizeDeals(histories, { start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-03-01T00:00:00Z') })).toEqual({
      wins: 0,
      newCustomers: 0,
      newCustomerIds: [],
      revenue: 0,
      averageDealValue: null,
      customerLifetimeValue: null,
      averageSalesCycleDays: null,
    })
  })

  test('wins without a value count as wins, not in the averages', () => {
    const result = summarizeDeals([history('A', '2026-03-01', [change('sql', 'customer', '2026-03-03')]), history('B', '2026-03-01', [change('sql', 'customer', '2026-03-11', 100)])], march)
    expect(result).toMatchObject({ wins: 2, newCustomers: 2, revenue: 100, averageDealValue: 100, customerLifetimeValue: 50, averageSalesCycleDays: 6 })
  })
})
