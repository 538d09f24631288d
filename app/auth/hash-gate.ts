// A concurrency gate for password hashing. scrypt at OWASP's setting takes ~0.36 s of a core and 128 MB, and
// runs on libuv's thread pool: 16 logins at once kept both cores of a small server busy and /healthz waited
// 5.5 s (issue 14). The gate runs at most `concurrency` hashes at once and lets at most `maxQueue` more wait;
// beyond that a request is refused at once (the caller answers 503 with Retry-After) rather than queued for
// longer than a person would wait.

export class HashBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Password checks are busy; retry in ${retryAfterSeconds} s`)
  }
}

export type HashGate = {
  run<T>(task: () => Promise<T>): Promise<T>
  stats(): { running: number; queued: number }
}

export function createHashGate({ concurrency, maxQueue, expectedTaskMs }: { concurrency: number; maxQueue: number; expectedTaskMs: number }): HashGate {
  let running = 0
  const waiting: (() => void)[] = []
  // The average task time, so Retry-After says roughly how long the queue takes to drain.
  let averageMs = expectedTaskMs

  const release = () => {
    running--
    const next = waiting.shift()
    if (next) {
      running++
      next()
    }
  }

  return {
    async run(task) {
      if (running >= concurrency) {
        if (waiting.length >= maxQueue) {
          const drainSeconds = ((waiting.length + running) / concurrency) * (averageMs / 1000)
          throw new HashBusyError(Math.max(1, Math.ceil(drainSeconds)))
        }
        await new Promise<void>((resolve) => waiting.push(resolve))
      } else {
        running++
      }
      const started = performance.now()
      try {
        return await task()
      } finally {
        averageMs = averageMs * 0.8 + (performance.now() - started) * 0.2
        release()
      }
    },
    stats: () => ({ running, queued: waiting.length }),
  }
}
