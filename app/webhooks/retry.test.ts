import { expect, test } from 'vitest'
import { MAX_ATTEMPTS, nominalRetryDelayMs, RETRY_WINDOW_MS, retryDelayMs } from './retry'

test('doubles from 30 s and stops growing at 6 h', () => {
  const minutes = [1, 2, 3, 4, 10, 11, 12, 20].map((n) => nominalRetryDelayMs(n) / 60_000)
  expect(minutes).toEqual([0.5, 1, 2, 4, 256, 360, 360, 360])
})

test('jitter only lengthens a delay, by at most 25 %', () => {
  expect(retryDelayMs(3, () => 0)).toBe(120_000)
  expect(retryDelayMs(3, () => 0.999)).toBeLessThan(150_000)
  expect(retryDelayMs(3, () => 0.999)).toBeGreaterThan(149_000)
})

test('the last attempt comes at least 24 h after the first, and not needlessly later', () => {
  const waits = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => nominalRetryDelayMs(i + 1))
  const total = waits.reduce((a, b) => a + b, 0)
  expect(MAX_ATTEMPTS).toBe(14)
  expect(total).toBeGreaterThanOrEqual(RETRY_WINDOW_MS)
  expect(total - waits.at(-1)!).toBeLessThan(RETRY_WINDOW_MS)
})
