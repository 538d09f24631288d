import { expect, test } from 'vitest'
import {
  formatAmount,
  formatBytes,
  formatChance,
  formatConfidence,
  formatCount,
  formatDateTime,
  formatDay,
  formatHistoryLift,
  formatInterval,
  formatLift,
  formatLiftRange,
  formatPercent,
  formatPoints,
  formatPValue,
  formatPValueStatement,
  formatRoundedPercent,
  formatShare,
  formatSignedRoundedPercent,
  formatLiftInterval,
  isLiftBounded,
  UNBOUNDED_LIFT_TEXT,
} from './format'

test('the same value in a table and in a sentence: fixed digits there, rounded for reading here', () => {
  expect(formatPercent(0.5)).toBe('50.00%')
  expect(formatShare(0.5)).toBe('50%')
  expect(formatRoundedPercent(0.5)).toBe('50%')
  expect(formatPercent(1 / 3)).toBe('33.33%')
  expect(formatShare(1 / 3)).toBe('33.33%')
  expect(formatRoundedPercent(1 / 3)).toBe('33%')
  expect(formatLift(0.123)).toBe('+12.3%')
  expect(formatSignedRoundedPercent(0.123)).toBe('+12%')
  expect(formatPValue(0.03)).toBe('0.0300')
  expect(formatPValueStatement(0.03)).toBe('p = 0.03')
  expect(formatPValue(0.00001)).toBe('< 0.0001')
  expect(formatPValueStatement(0.00001)).toBe('p < 0.0001')
})

test('counts are whole unless fractions are asked for', () => {
  expect(formatCount(12345)).toBe('12,345')
  expect(formatCount(12.6)).toBe('13')
  expect(formatCount(1234.25, 1)).toBe('1,234.3')
  expect(formatCount(7, 1)).toBe('7')
})

test('table formats: null is a dash, negative lifts take a real minus sign', () => {
  expect(formatPercent(null)).toBe('–')
  expect(formatPercent(0.1234, 0)).toBe('12%')
  expect(formatLift(-0.04)).toBe('−4.0%')
  expect(formatLift(0)).toBe('0.0%')
  expect(formatLift(undefined)).toBe('–')
  expect(formatInterval([0.01, 0.02], (x) => formatPercent(x))).toBe('1.00% to 2.00%')
  expect(formatInterval(null, (x) => formatPercent(x))).toBe('–')
  expect(formatChance(0.9999)).toBe('> 99.9%')
  expect(formatChance(0.0001)).toBe('< 0.1%')
  expect(formatChance(0.5)).toBe('50.0%')
  expect(formatPoints(0.0012)).toBe('0.12 pp')
  expect(formatAmount(12500)).toBe('12,500')
  expect(formatAmount(12.5)).toBe('12.5')
  expect(formatAmount(1234.5678, 0)).toBe('1,235')
  expect(formatBytes(512)).toBe('512 B')
  expect(formatBytes(340 * 1024)).toBe('340 KB')
  expect(formatBytes(4.2 * 1024 * 1024)).toBe('4.2 MB')
})

test('the history keeps its own lift style', () => {
  expect(formatHistoryLift(0.6)).toBe('+60.0 %')
  expect(formatHistoryLift(-0.042)).toBe('−4.2 %')
  expect(formatHistoryLift(0)).toBe('+0.0 %')
})

test('sentence formats: unsigned where the words carry the sign, capped where digits would be noise', () => {
  expect(formatRoundedPercent(-0.0123)).toBe('1.2%')
  expect(formatRoundedPercent(0.00123)).toBe('0.12%')
  expect(formatSignedRoundedPercent(-0.0123)).toBe('-1.2%')
  expect(formatSignedRoundedPercent(0.00001)).toBe('0%')
  expect(formatConfidence(0.95)).toBe('95%')
  expect(formatConfidence(0.999)).toBe('99.9%')
  expect(formatLiftRange([-0.03, 0.12])).toBe('-3% to +12%')
  expect(formatLiftRange([0.05, 11], 'and')).toBe('+5% and more than +1,000%')
  expect(formatLiftRange(null)).toBe('not available yet')
})

test('a lift interval without a finite bound, or past +1,000%, is said in words (issue 16)', () => {
  expect(formatLiftInterval([-0.03, 0.12])).toBe('−3.0% to +12.0%')
  expect(formatLiftInterval([-0.5, 10])).toBe('−50.0% to +1000.0%')
  // The "−100.0% to +2750181578057686.0%".
  expect(formatLiftInterval([-0.99999, 27501815780576.86])).toBe('too few conversions to bound the lift')
  expect(formatLiftInterval(null)).toBe(UNBOUNDED_LIFT_TEXT)
  expect(isLiftBounded([-0.5, 10.01])).toBe(false)
})

test('dates are UTC', () => {
  expect(formatDateTime('2026-11-22T14:05:59Z')).toBe('2026-11-22 14:05 UTC')
  expect(formatDateTime(null)).toBe('never')
  expect(formatDay(new Date('2026-11-22T23:59:00Z'))).toBe('2026-11-22')
  expect(formatDay(undefined)).toBe('–')
})
