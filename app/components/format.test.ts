import { expect, test } from 'vitest'
import {
  describeCurrency,
  formatAmount,
  formatMoney,
  moneyHeading,
  formatBytes,
  formatChance,
  formatConfidence,
  formatCount,
  formatDateTime,
  formatDay,
  formatDuration,
  formatHistoryLift,
  formatInterval,
  formatLift,
  formatLiftRange,
  formatLargePercent,
  formatPercent,
  formatPoints,
  formatPValue,
  formatPValueStatement,
  formatRelativeChange,
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
  // The admin's dates: the reader's language, the workspace's time zone (23:30 UTC is the next day in Stockholm).
  expect(formatDateTime('2026-12-06T23:30:00Z', 'never', 'en', 'Europe/Stockholm')).toBe('7 Dec 2026, 00:30')
  expect(formatDateTime('2026-12-06T23:30:00Z', 'aldrig', 'sv', 'Europe/Stockholm')).toBe('7 dec. 2026 00:30')
  expect(formatDateTime('2026-12-06T23:30:00Z', 'never', 'en')).toBe('6 Dec 2026, 23:30')
  expect(formatDateTime(null, 'aldrig', 'sv', 'Europe/Stockholm')).toBe('aldrig')
  expect(formatDay(new Date('2026-11-22T23:59:00Z'))).toBe('2026-11-22')
  expect(formatDay(undefined)).toBe('–')
})

test('money is neutral until the workspace has a currency: grouped digits, no symbol', () => {
  expect(formatAmount(12500, 0)).toBe('12,500')
  expect(formatAmount(1234567.891)).toBe('1,234,567.89')
  expect(formatAmount(null)).toBe('–')
  expect(formatAmount(12500)).not.toMatch(/[$€£¤]|kr|SEK/)
})

test('a percentage that runs to thousands (ROI) drops its tenths from 100 % on', () => {
  expect(formatLargePercent(168.97)).toBe('16,897%')
  expect(formatLargePercent(0.371)).toBe('37.1%')
  expect(formatLargePercent(0.99949)).toBe('99.9%')
  expect(formatLargePercent(0.9996)).toBe('100%')
  expect(formatLargePercent(-1)).toBe('−100%')
  expect(formatLargePercent(-0.25)).toBe('−25.0%')
  expect(formatLargePercent(-0.0001)).toBe('0.0%')
  expect(formatLargePercent(null)).toBe('–')
  expect(formatLargePercent(Infinity)).toBe('–')
})

test('a relative change is a percentage up to tenfold, then a multiple', () => {
  expect(formatRelativeChange(0.25)).toBe('25.0%')
  expect(formatRelativeChange(-0.033)).toBe('3.3%')
  expect(formatRelativeChange(1.857)).toBe('185.7%')
  expect(formatRelativeChange(4999)).toBe('5,000×')
  expect(formatRelativeChange(11.5)).toBe('12.5×')
})

test('durations in the unit that fits them', () => {
  const minutes = (n: number) => n / 1440
  expect(formatDuration(0)).toBe('0 seconds')
  expect(formatDuration(minutes(0.5))).toBe('30 seconds')
  expect(formatDuration(minutes(1))).toBe('1 minute')
  expect(formatDuration(minutes(5))).toBe('5 minutes')
  expect(formatDuration(minutes(59.7))).toBe('1.0 hours')
  expect(formatDuration(minutes(65))).toBe('1.1 hours')
  expect(formatDuration(23.97 / 24)).toBe('1.0 days')
  expect(formatDuration(23.94 / 24)).toBe('23.9 hours')
  expect(formatDuration(1)).toBe('1.0 days')
  expect(formatDuration(3.25)).toBe('3.3 days')
  expect(formatDuration(21.5)).toBe('21.5 days')
  expect(formatDuration(1234.4)).toBe('1,234 days')
  expect(formatDuration(null)).toBe('–')
  expect(formatDuration(NaN)).toBe('–')
})

test('a lift interval never reads below −100%: no rate or amount here can fall further (issue 16)', () => {
  expect(formatLiftRange([-1.52, 10.5])).toBe('-100% to more than +1,000%')
  expect(formatLiftInterval([-1.52, 0.3])).toBe(formatLiftInterval([-1, 0.3]))
})

test("money in the workspace's currency: the code, not a sign shared by four crowns", () => {
  expect(formatMoney(12500, 'SEK')).toBe('SEK 12,500')
  expect(formatMoney(12.5, 'EUR')).toBe('EUR 12.50')
  expect(formatMoney(null, 'SEK')).toBe('–')
  expect(moneyHeading('Revenue', 'DKK')).toBe('Revenue (DKK)')
  expect(describeCurrency('SEK')).toBe('Swedish Krona (SEK)')
  expect(formatDay('2026-11-22T23:30:00Z')).toBe('2026-11-22')
  expect(formatDay('2026-11-22T23:30:00Z', '–', 'Europe/Stockholm')).toBe('2026-11-23')
})

test("money and the dashboard's figures in the reader's language: Swedish writes 12 500 SEK, 12,5 % and 3,3 dagar", () => {
  const nbsp = '\u00a0'
  expect(formatMoney(12500, 'SEK', 'sv')).toBe(`12${nbsp}500${nbsp}SEK`)
  expect(formatMoney(12.5, 'EUR', 'sv')).toBe(`12,50${nbsp}EUR`)
  expect(formatMoney(-1200, 'SEK', 'sv')).toBe(`−1${nbsp}200${nbsp}SEK`)
  expect(formatMoney(12500, 'SEK', 'en')).toBe('SEK 12,500')
  expect(formatAmount(12500.5, 0, 'sv')).toBe(`12${nbsp}501`)
  expect(describeCurrency('SEK', 'sv')).toBe('svensk krona (SEK)')
  expect(formatPercent(0.1234, 1, 'sv')).toBe(`12,3${nbsp}%`)
  expect(formatPercent(0.1234, 1)).toBe('12.3%')
  expect(formatPoints(0.012, 1, 'sv')).toBe(`1,2${nbsp}p.e.`)
  expect(formatLargePercent(168.97, 'sv')).toBe(`16${nbsp}897${nbsp}%`)
  expect(formatLargePercent(-0.371, 'sv')).toBe(`−37,1${nbsp}%`)
  expect(formatRelativeChange(0.25, 'sv')).toBe(`25,0${nbsp}%`)
  expect(formatDuration(3.25, 'sv')).toBe(`3,3${nbsp}dagar`)
  expect(formatDuration(1 / 24, 'sv')).toBe(`1,0${nbsp}timmar`)
  expect(formatDuration(1 / 86400, 'sv')).toBe(`1${nbsp}sekund`)
})

test('Danish writes 12.500 DKK, 12,5 %, 1,2 pct.-point and 3,3 dage; its dates as da-DK does', () => {
  const nbsp = '\u00a0'
  expect(formatMoney(12500, 'DKK', 'da')).toBe(`12.500${nbsp}DKK`)
  expect(formatMoney(12.5, 'EUR', 'da')).toBe(`12,50${nbsp}EUR`)
  expect(formatCount(1234567, 0, 'da')).toBe('1.234.567')
  expect(formatAmount(12500.5, 0, 'da')).toBe('12.501')
  expect(describeCurrency('DKK', 'da')).toBe('dansk krone (DKK)')
  expect(formatPercent(0.1234, 1, 'da')).toBe(`12,3${nbsp}%`)
  expect(formatPoints(0.012, 1, 'da')).toBe(`1,2${nbsp}pct.-point`)
  expect(formatLargePercent(168.97, 'da')).toBe(`16.897${nbsp}%`)
  expect(formatSignedRoundedPercent(-0.0123, 'da')).toBe(`−1,2${nbsp}%`)
  expect(formatPValueStatement(0.031, 'da')).toBe('p = 0,031')
  expect(formatDuration(3.25, 'da')).toBe(`3,3${nbsp}dage`)
  expect(formatDuration(1 / 24, 'da')).toBe(`1,0${nbsp}timer`)
  expect(formatDuration(3 / 1440, 'da')).toBe(`3${nbsp}minutter`)
  expect(formatDuration(1 / 86400, 'da')).toBe(`1${nbsp}sekund`)
  expect(formatDateTime('2026-12-06T23:30:00Z', 'aldrig', 'da', 'Europe/Copenhagen')).toBe('7. dec. 2026, 00.30')
})
