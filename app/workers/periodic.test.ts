import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createPeriodicWorker, type PeriodicWorker, type RunOutcome } from '#app/workers/periodic'

// Fake timers throughout: each test moves the clock itself, so no test waits for real time.

/** A run the test settles by hand, which records when each call started (fake clock ms). */
function controlledRun() {
  const started: number[] = []
  const pending: { resolve: (outcome: RunOutcome) => void; reject: (error: Error) => void }[] = []
  const run = vi.fn(
    () =>
      new Promise<RunOutcome>((resolve, reject) => {
        started.push(Date.now())
        pending.push({ resolve, reject })
      }),
  )
  return { run, started, finish: (outcome?: RunOutcome) => pending.shift()!.resolve(outcome), fail: (error = new Error('database away')) => pending.shift()!.reject(error) }
}

const noJitter = { jitter: 0, random: () => 0.5 }
let worker: PeriodicWorker | undefined
let logged: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
  logged = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(async () => {
  vi.useRealTimers() // for the stop's deadline timer
  await worker?.stop({ deadline: Date.now() })
  worker = undefined
  logged.mockRestore()
})

describe('createPeriodicWorker', () => {
  test('runs after each pause, the next pause counted from the end of the run', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 1000, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(999)
    expect(calls.started).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(calls.started).toEqual([1000])
    await vi.advanceTimersByTimeAsync(300) // the run takes 300 ms
    calls.finish()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.started).toEqual([1000, 2300])
  })

  test('runAtStart: the first run at once', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 60_000, runAtStart: true, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.started).toEqual([0])
  })

  test('never two runs at once: a slow run holds back the next, however long it takes', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 10, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(10)
    await vi.advanceTimersByTimeAsync(5000)
    expect(calls.run).toHaveBeenCalledTimes(1)
    calls.finish()
    await vi.advanceTimersByTimeAsync(10)
    expect(calls.started).toEqual([10, 5020])
  })

  test('jitter spreads each pause by up to ± its fraction', async () => {
    const calls = controlledRun()
    const draws = [0, 1]
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 1000, jitter: 0.1, random: () => draws.shift() ?? 0.5 })
    worker.start()
    await vi.advanceTimersByTimeAsync(900) // 1000 × (1 − 0.1)
    expect(calls.started).toEqual([900])
    calls.finish()
    await vi.advanceTimersByTimeAsync(1100) // 1000 × (1 + 0.1)
    expect(calls.started).toEqual([900, 2000])
  })

  test('backpressure: a run that reports more work is followed at once, up to maxRunsInARow, then the pause', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 1000, maxRunsInARow: 3, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(1000)
    for (let i = 0; i < 3; i++) {
      calls.finish({ hasMore: true })
      await vi.advanceTimersByTimeAsync(0)
    }
    expect(calls.started).toEqual([1000, 1000, 1000]) // three back to back…
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.started).toEqual([1000, 1000, 1000, 2000]) // …then the pause
    calls.finish({ hasMore: false })
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.started).toEqual([1000, 1000, 1000, 2000, 3000])
  })

  test('a run may set its own pause (no jitter on it)', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 1000, jitter: 0.5, random: () => 0.5, runAtStart: true })
    worker.start()
    await vi.advanceTimersByTimeAsync(0)
    calls.finish({ pauseMs: 80 })
    await vi.advanceTimersByTimeAsync(80)
    expect(calls.started).toEqual([0, 80])
  })

  test('a failing run is logged, not thrown; the pause doubles up to the cap, and resets once a run succeeds', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test delivery', run: calls.run, everyMs: 1000, maxBackoffMs: 5000, runAtStart: true, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(0)
    for (let i = 0; i < 5; i++) {
      calls.fail()
      await vi.advanceTimersToNextTimerAsync()
    }
    // Failures at 0, 1000, 3000, 7000, 12000 (pauses 1, 2, 4, 5 = the cap, 5 s).
    expect(calls.started.slice(0, 5)).toEqual([0, 1000, 3000, 7000, 12000])
    expect(String(logged.mock.calls[0]![0])).toMatch(/test delivery round failed \(1 in a row; trying again in 1000 ms\)/)
    expect(logged.mock.calls[0]![1]).toBeInstanceOf(Error) // the first with its stack
    expect(logged.mock.calls[1]![1]).toBe('database away') // the repeats with their message
    const resumedAt = calls.started.at(-1)!
    calls.finish() // the database is back
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.started.at(-1)).toBe(resumedAt + 1000)
    expect(String(logged.mock.calls.at(-1)![0])).toMatch(/test delivery is running again after 5 failed rounds/)
  })

  test('wake: runs at once when paused; during a run, the next follows it at once; not while stopped', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 10_000, ...noJitter })
    worker.wake() // not started: nothing
    worker.start()
    await vi.advanceTimersByTimeAsync(100)
    worker.wake()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.started).toEqual([100])
    await vi.advanceTimersByTimeAsync(50)
    worker.wake() // during the run
    calls.finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.started).toEqual([100, 150])
    calls.finish()
    await vi.advanceTimersByTimeAsync(9_999) // not woken again: the regular pause
    expect(calls.started).toEqual([100, 150])
    await vi.advanceTimersByTimeAsync(1)
    expect(calls.started).toEqual([100, 150, 10_150])
  })

  test('stop waits for the run in flight, and nothing runs after it', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 10, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(10)
    let stopped: boolean | undefined
    void worker.stop().then((s) => (stopped = s))
    await vi.advanceTimersByTimeAsync(1000)
    expect(stopped).toBeUndefined()
    calls.finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(stopped).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.run).toHaveBeenCalledTimes(1)
  })

  test('stop gives up on a run still going at the deadline; no run follows it', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 10, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(10)
    let stopped: boolean | undefined
    void worker.stop({ deadline: Date.now() + 500 }).then((s) => (stopped = s))
    await vi.advanceTimersByTimeAsync(499)
    expect(stopped).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(stopped).toBe(false)
    calls.finish()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.run).toHaveBeenCalledTimes(1)
  })

  test('stop while paused: at once; started again, the runs go on', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 1000, ...noJitter })
    worker.start()
    expect(await worker.stop({ deadline: Date.now() + 5000 })).toBe(true)
    await vi.advanceTimersByTimeAsync(5000)
    expect(calls.run).not.toHaveBeenCalled()
    worker.start()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.started).toEqual([6000])
  })

  test('started again while a run left by a stop is still going: the new run waits for it', async () => {
    const calls = controlledRun()
    worker = createPeriodicWorker({ name: 'test', run: calls.run, everyMs: 10, ...noJitter })
    worker.start()
    await vi.advanceTimersByTimeAsync(10)
    const stopping = worker.stop({ deadline: Date.now() })
    await vi.advanceTimersByTimeAsync(0)
    expect(await stopping).toBe(false)
    worker.start()
    worker.start() // a second start is a no-op
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls.run).toHaveBeenCalledTimes(1)
    calls.finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.run).toHaveBeenCalledTimes(2)
    calls.finish()
    await vi.advanceTimersByTimeAsync(10)
    expect(calls.run).toHaveBeenCalledTimes(3)
  })
})
