import { settlesBy } from '#app/time/deadline'

// The one way this app runs something in the background: a periodic worker calls `run` over and over in this
// process, one run (a round, in the logs) at a time, with a pause between runs. Every app process runs the same
// workers, so a run must be safe next to the same run in another process (row locks, SKIP LOCKED: see each
// worker). The registry (app/workers/registry.server.ts) lists them all; docs/background-work.md says what each does.
//
// - Pause: `everyMs` after a run, spread by `jitter` so that processes started together do not poll in step. A run
//   can ask for its own pause instead (`{ pauseMs }`: the rollup follower paces itself by how long its batch took).
// - Backpressure: a run that reports more work waiting (`{ hasMore: true }`) is followed at once by the next, up to
//   `maxRunsInARow` runs back to back; then the regular pause, so that a backlog never holds a connection for good.
// - Errors: a run that throws is logged, never rethrown, and the next waits twice as long as the one before
//   (everyMs, 2 × everyMs, … up to `maxBackoffMs`): a database outage costs a log line per try, not a busy loop,
//   and the worker picks up again on its own once the database is back.
// - Never two runs of one worker at once: the next is scheduled only when a run has settled, and a worker started
//   again after a stop first waits for a run the stop left behind.
// - Wake: `wake()` runs the worker now rather than after its pause (at once after the run in flight, if any), for
//   work that should not wait for the next poll: an outbox woken when its caller committed a row. A worker backing
//   off after failures is not woken: the work waits in the database until the backoff is over.
// - Stop: no new run; waits for the run in flight up to a deadline, so that what it does is committed (or
//   abandoned, when it runs past the deadline) before the database closes.

/** What a run may say about what comes next. Nothing: the regular pause. */
export type RunOutcome = void | { hasMore: boolean } | { pauseMs: number }

export type PeriodicWorkerOptions = {
  /** Says which worker a log line is about: "[workers] <name> round failed". */
  name: string
  run: () => Promise<RunOutcome>
  /** The regular pause between runs. */
  everyMs: number
  /** Run once at start, rather than after the first pause. */
  runAtStart?: boolean
  /** Each regular or backoff pause is spread by up to ± this fraction of it. */
  jitter?: number
  maxRunsInARow?: number
  maxBackoffMs?: number
  /** Tests pass a fixed one to get pauses they can predict. */
  random?: () => number
}

export type PeriodicWorker = {
  name: string
  start: () => void
  /**
   * Runs no more and waits for the run in flight, up to `deadline` (epoch ms; none: as long as it takes). True when
   * no run is left in flight; false when the deadline came first (the run goes on, but nothing follows it).
   */
  stop: (options?: { deadline?: number }) => Promise<boolean>
  /** Runs now rather than after the pause; during a run, the next follows it at once. Nothing when stopped. */
  wake: () => void
}

const DEFAULT_JITTER = 0.1
const DEFAULT_MAX_RUNS_IN_A_ROW = 10
const DEFAULT_MAX_BACKOFF_MS = 5_000

export function createPeriodicWorker({
  name,
  run,
  everyMs,
  runAtStart = false,
  jitter = DEFAULT_JITTER,
  maxRunsInARow = DEFAULT_MAX_RUNS_IN_A_ROW,
  maxBackoffMs = Math.max(everyMs, DEFAULT_MAX_BACKOFF_MS),
  random = Math.random,
}: PeriodicWorkerOptions): PeriodicWorker {
  let timer: NodeJS.Timeout | undefined
  // The latest run, settled or not; it never rejects.
  let inFlight: Promise<void> = Promise.resolve()
  // Which start the scheduled runs belong to: a run scheduled before a stop must not go on after a new start.
  let generation = 0
  let isStarted = false
  let failures = 0
  let runsInARow = 0
  let isWoken = false

  const spread = (ms: number) => Math.max(0, Math.round(ms * (1 + jitter * (2 * random() - 1))))

  function schedule(ms: number, current: number) {
    timer = setTimeout(() => runNext(current), ms)
    timer.unref() // background work alone must not keep the process alive
  }

  function runNext(current: number) {
    timer = undefined
    inFlight = inFlight.then(async () => {
      if (current !== generation) return // stopped (and maybe started again) while the previous run finished
      isWoken = false
      const pause = await runOnce()
      if (current === generation) schedule(isWoken && failures === 0 ? 0 : pause, current)
    })
  }

  /** One run; returns the pause before the next. */
  async function runOnce(): Promise<number> {
    try {
      const outcome = await run()
      if (failures > 0) console.error(`[workers] ${name} is running again after ${failures} failed rounds`)
      failures = 0
      if (outcome && 'pauseMs' in outcome) {
        runsInARow = 0
        return outcome.pauseMs
      }
      if (outcome?.hasMore && ++runsInARow < maxRunsInARow) return 0
      runsInARow = 0
      return spread(everyMs)
    } catch (error) {
      failures += 1
      runsInARow = 0
      const pause = spread(Math.min(maxBackoffMs, everyMs * 2 ** (failures - 1)))
      // The first failure in a row with its stack; the repeats of an outage with their message only.
      const detail = failures === 1 || !(error instanceof Error) ? error : error.message
      console.error(`[workers] ${name} round failed (${failures} in a row; trying again in ${pause} ms):`, detail)
      return pause
    }
  }

  return {
    name,
    start() {
      if (isStarted) return
      isStarted = true
      schedule(runAtStart ? 0 : spread(everyMs), ++generation)
    },
    async stop({ deadline = Infinity } = {}) {
      isStarted = false
      generation += 1
      clearTimeout(timer)
      timer = undefined
      return settlesBy(inFlight, deadline)
    },
    wake() {
      if (!isStarted || failures > 0) return
      if (!timer) {
        isWoken = true // a run is in flight (or about to start): the next follows it at once
        return
      }
      clearTimeout(timer)
      runNext(generation)
    },
  }
}
