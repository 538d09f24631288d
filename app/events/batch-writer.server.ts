// Events (page views now, exposures next) are written in batches from memory, never in the request path: a
// request pushes a row and moves on. A batch goes out when it reaches `maxRows` or `maxWaitMs` after its first
// row. The queue is bounded: while PostgreSQL is slow or away, rows beyond `maxQueued` are shed and counted
// (logged once a minute), so requests never wait and memory never grows without limit. On shutdown, `close()`
// writes what is left.

export type BatchWriter<T> = {
  push: (row: T) => void
  /** Writes everything queued now; resolves when it is written (or failed and was counted as shed). */
  flush: () => Promise<void>
  close: () => Promise<void>
  stats: () => { queued: number; written: number; shed: number; failedBatches: number }
}

export function createBatchWriter<T>({
  name,
  write,
  maxRows = 1000,
  maxWaitMs = 1000,
  maxQueued = 100_000,
}: {
  name: string
  write: (rows: T[]) => Promise<void>
  maxRows?: number
  maxWaitMs?: number
  maxQueued?: number
}): BatchWriter<T> {
  let queue: T[] = []
  // Rows handed to a write that has not finished: they count against the bound too, or a stalled database
  // would let them pile up in the promise chain.
  let pending = 0
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()
  let written = 0
  let shed = 0
  let failedBatches = 0
  let lastShedLog = 0
  let closed = false

  function noteShed(count: number) {
    shed += count
    const now = Date.now()
    if (now - lastShedLog > 60_000) {
      lastShedLog = now
      console.error(`[events] ${name}: shed ${shed} rows so far (queue full or database unavailable)`)
    }
  }

  function schedule() {
    if (timer || closed) return
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, maxWaitMs)
    timer.unref()
  }

  async function writeBatches(rows: T[]) {
    for (let i = 0; i < rows.length; i += maxRows) {
      const batch = rows.slice(i, i + maxRows)
      try {
        await write(batch)
        written += batch.length
      } catch (error) {
        failedBatches += 1
        noteShed(batch.length)
        console.error(`[events] ${name}: writing ${batch.length} rows failed:`, error instanceof Error ? error.message : error)
      } finally {
        pending -= batch.length
      }
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    const rows = queue
    queue = []
    pending += rows.length
    // One batch in flight at a time keeps the database from being flooded by a burst.
    writing = writing.then(() => (rows.length ? writeBatches(rows) : undefined))
    return writing
  }

  return {
    push(row) {
      if (closed) return noteShed(1)
      if (queue.length + pending >= maxQueued) return noteShed(1)
      queue.push(row)
      if (queue.length >= maxRows) void flush()
      else schedule()
    },
    flush,
    async close() {
      closed = true
      await flush()
    },
    stats: () => ({ queued: queue.length + pending, written, shed, failedBatches }),
  }
}
