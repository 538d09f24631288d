import { isTransientDatabaseError } from '#app/events/transient-error'
import { settlesBy } from '#app/time/deadline'

// Events (page views with the exposures they carry, experiment conversions) are written in batches from memory,
// never in the request path: a request pushes a row and moves on. A batch goes out when `maxRows` are queued or
// `maxWaitMs` after its first row, one batch at a time so a burst never floods the database.
//
// Nothing is dropped while there is room. A batch that fails because the database is away or busy goes back to
// the front of the queue and is tried again with growing delays (capped at a few seconds) until it is written.
// Memory stays bounded: only once `maxQueued` rows wait are further rows shed, counted and logged (about once a
// minute), so requests never wait and a long outage cannot exhaust memory. A row the database refuses for good
// (a constraint, bad data) must not block the rows behind it: the failing batch is halved until that row is
// found, and only it is set aside (counted as rejected, logged). On shutdown, `close()` keeps trying until
// everything is written or its deadline passes.

export type BatchWriterStats = {
  /** Rows waiting, the batch being written included. */
  queued: number
  written: number
  /** Rows not kept: pushed past `maxQueued`, after close, or still unwritten at close's deadline. */
  shed: number
  /** Rows the database refused for good (not a transient failure). */
  rejected: number
  /** Write attempts that failed (each is retried or bisected). */
  failedBatches: number
}

export type BatchWriter<T> = {
  push: (row: T) => void
  /** Writes what is queued now. Resolves once it is written, or once an attempt failed: the rows then stay queued and are retried. */
  flush: () => Promise<void>
  /**
   * Stops accepting rows and retries until everything is written or `deadline` (epoch ms) passes; what is left then
   * is shed and logged. Resolves with the number of rows left unwritten (0 when all went in).
   */
  close: (options?: { deadline?: number }) => Promise<number>
  stats: () => BatchWriterStats
}

/** The delay before retry number `attempt` (1, 2, …): 100 ms doubling, at most 2 s, with jitter so processes spread out. */
export function retryDelayMs(attempt: number) {
  return Math.round((0.5 + Math.random() / 2) * Math.min(100 * 2 ** (attempt - 1), 2000))
}

const FAILURE_LOG_EVERY_MS = 10_000
const SHED_LOG_EVERY_MS = 60_000

export function createBatchWriter<T>({
  name,
  write,
  maxRows = 1000,
  maxWaitMs = 1000,
  maxQueued = 100_000,
  isRetryable = isTransientDatabaseError,
  retryDelay = retryDelayMs,
}: {
  name: string
  write: (rows: T[]) => Promise<void>
  maxRows?: number
  maxWaitMs?: number
  maxQueued?: number
  isRetryable?: (error: unknown) => boolean
  retryDelay?: (attempt: number) => number
}): BatchWriter<T> {
  let rows: T[] = [] // oldest first; a batch that failed goes back to the front
  let due = 0 // how many of the oldest rows must go out now, full batch or not (their wait is over, or flush asked)
  let inFlight = 0
  let running: Promise<void> | undefined
  let waitTimer: NodeJS.Timeout | undefined
  let retryTimer: NodeJS.Timeout | undefined
  let failures = 0 // consecutive failed attempts: the backoff grows with them
  let closed = false
  const counts = { written: 0, shed: 0, rejected: 0, failedBatches: 0 }
  const lastLogged = { shed: -Infinity, failure: -Infinity, rejected: -Infinity }

  // At most one line per kind and interval: an outage fails every attempt, and a full queue sheds every push.
  function log(kind: keyof typeof lastLogged, everyMs: number, message: () => string) {
    if (Date.now() - lastLogged[kind] < everyMs) return
    lastLogged[kind] = Date.now()
    console.error(`[events] ${name}: ${message()}`)
  }
  // The driver's own error, not the query wrapped around it: a failed batch's message would carry all its rows.
  const describe = (error: unknown) => {
    let e = error
    while (e instanceof Error && e.cause) e = e.cause
    return (e instanceof Error ? e.message : String(e)).slice(0, 300)
  }

  function noteShed(count: number, { now = false } = {}) {
    counts.shed += count
    log('shed', now ? 0 : SHED_LOG_EVERY_MS, () => `shed ${counts.shed} rows so far (${rows.length + inFlight} queued, at most ${maxQueued}; database unavailable or too slow)`)
  }

  function scheduleWait() {
    if (waitTimer || retryTimer || closed || !rows.length) return
    waitTimer = setTimeout(() => {
      waitTimer = undefined
      due = rows.length
      void run()
    }, maxWaitMs)
    waitTimer.unref()
  }

  /** How many rows from the front of `batch` are settled (written, or refused for good); the rest failed transiently. */
  async function settle(batch: T[]): Promise<number> {
    try {
      await write(batch)
      counts.written += batch.length
      return batch.length
    } catch (error) {
      counts.failedBatches += 1
      if (isRetryable(error)) {
        log('failure', FAILURE_LOG_EVERY_MS, () => `writing ${batch.length} rows failed (${rows.length + inFlight} queued, kept and retried): ${describe(error)}`)
        return 0
      }
      if (batch.length === 1) {
        counts.rejected += 1
        log('rejected', FAILURE_LOG_EVERY_MS, () => `the database refused a row for good, set aside (${counts.rejected} so far): ${describe(error)}`)
        return 1
      }
      const half = Math.ceil(batch.length / 2)
      const first = await settle(batch.slice(0, half))
      return first < half ? first : half + (await settle(batch.slice(half)))
    }
  }

  // Writes full batches, and the due rows whatever their number, until none is left or an attempt fails.
  async function writeLoop() {
    while (rows.length >= maxRows || (due > 0 && rows.length > 0)) {
      const batch = rows.splice(0, maxRows)
      inFlight = batch.length
      const settled = await settle(batch)
      inFlight = 0
      due = Math.max(0, due - settled)
      if (settled < batch.length) {
        rows = batch.slice(settled).concat(rows)
        failures += 1
        clearTimeout(waitTimer) // the retry writes the waiting rows too
        waitTimer = undefined
        // close() runs its own retries against its deadline.
        if (!closed) {
          retryTimer = setTimeout(() => {
            retryTimer = undefined
            due = rows.length
            void run()
          }, retryDelay(failures))
          retryTimer.unref()
        }
        return
      }
      if (failures > 0) console.error(`[events] ${name}: writing again after ${failures} failed attempts`)
      failures = 0
    }
    scheduleWait()
  }

  function run(): Promise<void> {
    running ??= writeLoop().finally(() => (running = undefined))
    return running
  }

  function flush(): Promise<void> {
    clearTimeout(waitTimer)
    waitTimer = undefined
    clearTimeout(retryTimer)
    retryTimer = undefined
    due = rows.length
    return run()
  }

  async function close({ deadline = Infinity }: { deadline?: number } = {}) {
    closed = true
    for (;;) {
      const finished = await settlesBy(flush(), deadline)
      if (!rows.length && !inFlight) return 0
      const left = deadline - Date.now()
      if (!finished || left <= 0) break
      await new Promise((resolve) => setTimeout(resolve, Math.min(retryDelay(failures), left)))
    }
    // The deadline passed with rows unwritten: they are lost with this process; say how many.
    const lost = rows.length + inFlight
    rows = []
    noteShed(lost, { now: true })
    return lost
  }

  return {
    push(row) {
      if (closed || rows.length + inFlight >= maxQueued) return noteShed(1)
      rows.push(row)
      if (rows.length >= maxRows && !retryTimer) void run()
      else scheduleWait()
    },
    flush,
    close,
    stats: () => ({ queued: rows.length + inFlight, ...counts }),
  }
}
