import { monthsIn } from '#app/kpis/period'
import type { TimeToConversionBucket } from '#app/kpis/shape'

// The dashboard's arithmetic, pure. A ratio with nothing to divide by is null ("no data"), never 0 or Infinity.

/** numerator / denominator; null when either is unknown or the denominator is 0. */
export function rate(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null
  return numerator / denominator
}

/** The middle value (the mean of the two middle ones for an even count, like SQL percentile_cont(0.5)); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length
}

/**
 * Spend over a period from monthly figures: each month's amount times the share of its days inside the period
 * (a 30-day period from 16 Jan to 14 Feb takes 16/31 of January and 14/28 of February).
 */
export function spendInPeriod(monthly: readonly { month: string; amount: number }[], period: { from: string; to: string }) {
  const byMonth = new Map<string, number>()
  for (const row of monthly) byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.amount)
  let total = 0
  for (const m of monthsIn(period)) total += ((byMonth.get(m.month) ?? 0) * m.daysInPeriod) / m.daysInMonth
  return Math.round(total * 100) / 100
}

/** Customer acquisition cost: spend / new customers. */
export function customerAcquisitionCost(spend: number, newCustomers: number) {
  return rate(spend, newCustomers)
}

/** Return on marketing investment: (revenue − spend) / spend. */
export function returnOnInvestment(revenue: number, spend: number) {
  return rate(revenue - spend, spend)
}

/** won / (won + lost) */
export function winRate(won: number, lost: number) {
  return rate(won, won + lost)
}

/**
 * Pipeline velocity, money per day: (opportunities × win rate × average deal value) / average sales-cycle days.
 * Unknown when any part is, or when the cycle is not positive.
 */
export function pipelineVelocity(input: { opportunities: number; winRate: number | null; averageDealValue: number | null; averageSalesCycleDays: number | null }) {
  const { opportunities, winRate, averageDealValue, averageSalesCycleDays } = input
  if (winRate === null || averageDealValue === null || averageSalesCycleDays === null || averageSalesCycleDays <= 0) return null
  return (opportunities * winRate * averageDealValue) / averageSalesCycleDays
}

const HOUR = 1 / 24

/** The bucket of a time from first visit to conversion, in days; lower bounds included. */
export function timeToConversionBucket(days: number): TimeToConversionBucket {
  if (days < HOUR) return 'under_1h'
  if (days < 1) return '1h_1d'
  if (days < 7) return '1d_7d'
  if (days < 30) return '7d_30d'
  return 'over_30d'
}
