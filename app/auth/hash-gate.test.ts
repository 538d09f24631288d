import { describe, expect, test } from 'vitest'
import { createHashGate, HashBusyError } from './hash-gate'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('createHashGate', () => {
  test('runs at most `concurrency` tasks at once and the rest in arrival order', async () => {
    const gate = createHashGate({ concurrency: 2, maxQueue: 10, expectedTaskMs: 100 })
    const tasks = Array.from({ length: 5 }, () => deferred())
    const started: number[] = []
    const done = tasks.map((t, i) =>
      gate.run(async () => {
        started.push(i)
        await t.promise
        return i
      }),
    )
    await Promise.resolve()
    expect(started).toEqual([0, 1])
    expect(gate.stats()).toEqual({ running: 2, queued: 3 })
    tasks[1]!.resolve()
    await done[1]
    await new Promise((r) => setTimeout(r, 0))
    expect(started).toEqual([0, 1, 2])
    for (const t of tasks) t.resolve()
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4])
    expect(gate.stats()).toEqual({ running: 0, queued: 0 })
  })

  test('refuses beyond the queue with a Retry-After estimate, and recovers', async () => {
    const gate = createHashGate({ concurrency: 1, maxQueue: 2, expectedTaskMs: 1500 })
    const block = deferred()
    const accepted = [gate.run(() => block.promise), gate.run(async () => 'a'), gate.run(async () => 'b')]
    const refused = await gate.run(async () => 'c').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(HashBusyError)
    // One running and two queued, one at a time, 1.5 s each: 4.5 s → 5.
    expect((refused as HashBusyError).retryAfterSeconds).toBe(5)
    block.resolve()
    await Promise.all(accepted)
    expect(await gate.run(async () => 'later')).toBe('later')
  })

  test('a failing task frees its place', async () => {
    const gate = createHashGate({ concurrency: 1, maxQueue: 0, expectedTaskMs: 10 })
    await expect(
      gate.run(async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await gate.run(async () => 'next')).toBe('next')
  })
})
