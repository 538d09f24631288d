import { afterEach, expect, test, vi } from 'vitest'
import { settlesBy } from './deadline'

afterEach(() => void vi.useRealTimers())

test('true when the work settles first, false when the deadline comes first', async () => {
  vi.useFakeTimers()
  let finish!: () => void
  const slow = new Promise<void>((resolve) => (finish = resolve))
  const answer = settlesBy(slow, Date.now() + 1000)
  await vi.advanceTimersByTimeAsync(999)
  finish()
  expect(await answer).toBe(true)

  const never = new Promise<void>(() => {})
  const late = settlesBy(never, Date.now() + 1000)
  await vi.advanceTimersByTimeAsync(1000)
  expect(await late).toBe(false)
})

test('with no deadline, waits for the work', async () => {
  expect(await settlesBy(Promise.resolve(), Infinity)).toBe(true)
})
