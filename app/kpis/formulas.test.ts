import { describe, expect, test } from 'vitest'
import { customerAcquisitionCost, mean, median, pipelineVelocity, rate, returnOnInvestment, spendInPeriod, timeToConversionBucket, winRate } from './formulas'

describe('rates and averages', () => {
  test('a rate is null when there is nothing to divide by', () => {
    expect(rate(3, 24)).toBe(0.125)
    expect(rate(0, 24)).toBe(0)
    expect(rate(3, 0)).toBeNull()
    expect(rate(null, 4)).toBeNull()
    expect(rate(4, null)).toBeNull()
  })

  test('median: the middle value, the mean of the two middle ones for an even count, null for none', () => {
    expect(median([16, 2, 1])).toBe(2)
    expect(median([4, 5, 0, 9])).toBe(4.5)
    expect(median([7])).toBe(7)
    expect(median([])).toBeNull()
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2]) // not sorted in place
  })

  test('mean', () => {
    expect(mean([23, 20])).toBe(21.5)
    expect(mean([])).toBeNull()
  })
})

describe('spend over a period', () => {
  const monthly = [
    { month: '2026-01', amount: 3100 },
    { month: '2026-02', amount: 2800 },
    { month: '2026-03', amount: 3100 },
    { month: '2026-03', amount: 620 },
  ]
  test('a whole month takes all of it', () => expect(spendInPeriod(monthly, { from: '2026-03-01', to: '2026-03-31' })).toBe(3720))
  test('a period across months takes each month by its share of days', () => {
    // 3 of January's 31 days (300) and all of February (2,800).
    expect(spendInPeriod(monthly, { from: '2026-01-29', to: '2026-02-28' })).toBe(3100)
    // 14 of February's 28 days (1,400) and 10 of March's 31 (1,200).
    expect(spendInPeriod(monthly, { from: '2026-02-15', to: '2026-03-10' })).toBe(1400 + 1200)
  })
  test('months without spend count as nothing; rounded to cents', () => {
    expect(spendInPeriod(monthly, { from: '2025-06-01', to: '2025-06-30' })).toBe(0)
    expect(spendInPeriod([{ month: '2026-01', amount: 100 }], { from: '2026-01-01', to: '2026-01-01' })).toBe(3.23) // 100/31
  })
})

describe('money', () => {
  test('CAC = spend / new customers', () => {
    expect(customerAcquisitionCost(3720, 2)).toBe(1860)
    expect(customerAcquisitionCost(3100, 0)).toBeNull()
    expect(customerAcquisitionCost(0, 4)).toBe(0)
  })

  test('ROI = (revenue − spend) / spend', () => {
    expect(returnOnInvestment(5100, 3720)).toBeCloseTo(1380 / 3720, 12)
    expect(returnOnInvestment(0, 3100)).toBe(-1)
    expect(returnOnInvestment(5100, 0)).toBeNull()
  })

  test('win rate = won / (won + lost)', () => {
    expect(winRate(4, 1)).toBe(0.8)
    expect(winRate(0, 3)).toBe(0)
    expect(winRate(0, 0)).toBeNull()
  })

  test('pipeline velocity = opportunities × win rate × average deal value / average cycle days', () => {
    expect(pipelineVelocity({ opportunities: 2, winRate: 0.8, averageDealValue: 1275, averageSalesCycleDays: 21.5 })).toBeCloseTo(2040 / 21.5, 12)
    expect(pipelineVelocity({ opportunities: 10, winRate: 0.25, averageDealValue: 4000, averageSalesCycleDays: 50 })).toBe(200)
    expect(pipelineVelocity({ opportunities: 0, winRate: 0.5, averageDealValue: 100, averageSalesCycleDays: 10 })).toBe(0)
    expect(pipelineVelocity({ opportunities: 2, winRate: null, averageDealValue: 1275, averageSalesCycleDays: 21.5 })).toBeNull()
    expect(pipelineVelocity({ opportunities: 2, winRate: 0.8, averageDealValue: null, averageSalesCycleDays: 21.5 })).toBeNull()
    expect(pipelineVelocity({ opportunities: 2, winRate: 0.8, averageDealValue: 1275, averageSalesCycleDays: 0 })).toBeNull()
  })
})

test('time from first visit to conversion falls in buckets with their lower bounds included', () => {
  const minutes = (n: number) => n / 1440
  expect(timeToConversionBucket(minutes(3))).toBe('under_1h')
  expect(timeToConversionBucket(minutes(60))).toBe('1h_1d')
  expect(timeToConversionBucket(minutes(65))).toBe('1h_1d')
  expect(timeToConversionBucket(1)).toBe('1d_7d')
  expect(timeToConversionBucket(6.99)).toBe('1d_7d')
  expect(timeToConversionBucket(7)).toBe('7d_30d')
  expect(timeToConversionBucket(30)).toBe('over_30d')
  expect(timeToConversionBucket(53.9)).toBe('over_30d')
})
