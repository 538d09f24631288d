import { expect, test } from 'vitest'
import { reconnectDelaySeconds } from '#app/db.server'

test('the reconnect delay starts at tens of milliseconds and never exceeds 2 s, however many attempts failed', () => {
  const delays = (retries: number) => Array.from({ length: 200 }, () => reconnectDelaySeconds(retries))
  expect(Math.max(...delays(0))).toBeLessThanOrEqual(0.05)
  expect(Math.min(...delays(0))).toBeGreaterThanOrEqual(0.025)
  for (const retries of [5, 10, 50, 1000]) {
    expect(Math.max(...delays(retries))).toBeLessThanOrEqual(2)
    expect(Math.min(...delays(retries))).toBeGreaterThanOrEqual(retries >= 6 ? 1 : 0)
  }
})
