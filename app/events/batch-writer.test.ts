import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createBatchWriter, retryDelayMs } from './batch-writer.server'
import { isTransientDatabaseError } from './transient-error'

// Fake timers: the waits, retries and deadlines run on vitest's clock, so no test sleeps.
let errors: { mock: { calls: unknown[][] }; mockRestore: () => void }
beforeEach(() => {
  vi.useFakeTimers()
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.useRealTimers()
  errors.mockRestore()
})

/** An error like the driver's when PostgreSQL is away. */
const connectionClosed = () => Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' })

/** A writer whose database is down until `up()`; it records every batch it was handed and every row it stored. */
function flakyDatabase() {
  let isUp = false
  const attempts: number[][] = []
  const stored: number[] = []
  return {
    attempts,
    stored,
    up: () => void (isUp = true),
    down: () => void (isUp = false),
    write: async (rows: number[]) => {
      attempts.push(rows)
      if (!isUp) throw connectionClosed()
      stored.push(...rows)
    },
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

test('a batch goes out at maxRows, or maxWaitMs after its first row', async () => {
  const batches: number[][] = []
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 3, maxWaitMs: 50, write: async (rows) => void batches.push(rows) })
  ;[1, 2, 3, 4].forEach(writer.push)
  await vi.advanceTimersByTimeAsync(0)
  expect(batches).toEqual([[1, 2, 3]])
  await vi.advanceTimersByTimeAsync(49)
  expect(batches).toEqual([[1, 2, 3]])
  await vi.advanceTimersByTimeAsync(1)
  expect(batches).toEqual([[1, 2, 3], [4]])
  expect(writer.stats()).toMatchObject({ queued: 0, written: 4, shed: 0, failedBatches: 0 })
})

test('a batch that fails while the database is away is retried with growing delays until written, in order', async () => {
  const db = flakyDatabase()
  const delays: number[] = []
  const writer = createBatchWriter<number>({
    name: 'test',
    maxRows: 2,
    maxWaitMs: 10,
    write: db.write,
    retryDelay: (attempt) => (delays.push(attempt), 100 * attempt),
  })
  ;[1, 2, 3].forEach(writer.push)
  await vi.advanceTimersByTimeAsync(0) // [1, 2] is full: tried at once, fails
  expect(db.attempts).toEqual([[1, 2]])
  await vi.advanceTimersByTimeAsync(100) // first retry
  await vi.advanceTimersByTimeAsync(200) // second retry
  expect(db.attempts.length).toBe(3)
  expect(delays).toEqual([1, 2, 3])
  ;[4, 5].forEach(writer.push) // pushed during the outage: kept behind the failed batch
  db.up()
  await vi.advanceTimersByTimeAsync(300)
  expect(db.stored).toEqual([1, 2, 3, 4, 5])
  expect(writer.stats()).toEqual({ queued: 0, written: 5, shed: 0, rejected: 0, failedBatches: 3 })
  expect(errors.mock.calls.some((c) => /failed .*kept and retried/.test(String(c[0])))).toBe(true)
  // The backoff resets once a write succeeds.
  db.down()
  writer.push(6)
  await vi.advanceTimersByTimeAsync(10)
  expect(delays.at(-1)).toBe(1)
})

test('during an outage memory is bounded: only rows past maxQueued are shed, counted and logged; pushes never wait', async () => {
  const db = flakyDatabase()
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 10, maxWaitMs: 10, maxQueued: 25, write: db.write, retryDelay: () => 50 })
  for (const i of range(0, 1000)) writer.push(i)
  expect(writer.stats()).toMatchObject({ queued: 25, shed: 975 })
  expect(errors.mock.calls.some((c) => String(c[0]).includes('shed 975 rows'))).toBe(false) // logged on the first shed row…
  expect(errors.mock.calls.some((c) => String(c[0]).includes('shed 1 rows so far'))).toBe(true) // …then at most once a minute
  await vi.advanceTimersByTimeAsync(1000) // many failed attempts: nothing below the bound is dropped
  expect(writer.stats()).toMatchObject({ queued: 25, written: 0, shed: 975 })
  db.up()
  await vi.advanceTimersByTimeAsync(50)
  expect(db.stored).toEqual(range(0, 25))
  expect(writer.stats()).toMatchObject({ queued: 0, written: 25, shed: 975 })
})

test('a row the database refuses for good is set aside alone; the rows around it are written once', async () => {
  const stored: number[] = []
  const write = async (rows: number[]) => {
    if (rows.includes(7)) throw Object.assign(new Error('violates foreign key constraint'), { code: '23503' })
    stored.push(...rows)
  }
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 10, write })
  for (const i of range(0, 10)) writer.push(i)
  await writer.flush()
  expect(stored.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9])
  expect(writer.stats()).toMatchObject({ queued: 0, written: 9, rejected: 1, shed: 0 })
  expect(errors.mock.calls.some((c) => String(c[0]).includes('refused a row for good'))).toBe(true)
})

test('when the database goes away halfway through a bisection, the rows already written are not written again', async () => {
  let isUp = true
  const stored: number[] = []
  const write = async (rows: number[]) => {
    if (rows.includes(1)) throw Object.assign(new Error('bad value'), { code: '22P02' })
    if (!isUp) throw connectionClosed()
    stored.push(...rows)
    if (rows.includes(2)) isUp = false // the outage starts right after [2, 3] went in
  }
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 8, write, retryDelay: () => 100 })
  for (const i of range(0, 8)) writer.push(i)
  await writer.flush()
  expect(stored).toEqual([0, 2, 3])
  expect(writer.stats()).toMatchObject({ queued: 4, written: 3, rejected: 1 })
  isUp = true
  await vi.advanceTimersByTimeAsync(100)
  expect(stored).toEqual([0, 2, 3, 4, 5, 6, 7])
  expect(writer.stats()).toMatchObject({ queued: 0, written: 7, rejected: 1, shed: 0 })
})

test('close writes what is queued, retrying through an outage, and nothing is accepted afterwards', async () => {
  const db = flakyDatabase()
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 100, maxWaitMs: 60_000, write: db.write, retryDelay: () => 200 })
  ;[1, 2, 3].forEach(writer.push)
  let closed = false
  let unwritten: number | undefined
  void writer.close({ deadline: Date.now() + 5000 }).then((n) => ((closed = true), (unwritten = n)))
  await vi.advanceTimersByTimeAsync(1000)
  expect(closed).toBe(false)
  expect(db.attempts.length).toBe(6) // at 0, 200, 400, 600, 800 and 1000 ms
  db.up()
  await vi.advanceTimersByTimeAsync(200)
  expect(closed).toBe(true)
  expect(unwritten).toBe(0)
  expect(db.stored).toEqual([1, 2, 3])
  writer.push(4)
  expect(writer.stats()).toMatchObject({ queued: 0, written: 3, shed: 1 })
})

test('close gives up at its deadline, counting and logging what is left as shed', async () => {
  const db = flakyDatabase()
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 100, write: db.write, retryDelay: () => 300 })
  ;[1, 2, 3].forEach(writer.push)
  const started = Date.now()
  const closing = writer.close({ deadline: started + 1000 })
  await vi.advanceTimersByTimeAsync(1000)
  expect(await closing).toBe(3)
  expect(Date.now() - started).toBe(1000)
  expect(writer.stats()).toMatchObject({ queued: 0, written: 0, shed: 3 })
  expect(errors.mock.calls.some((c) => String(c[0]).includes('shed 3 rows'))).toBe(true)
})

test('close does not outlive its deadline when a write hangs', async () => {
  const writer = createBatchWriter<number>({ name: 'test', write: () => new Promise<void>(() => {}) })
  writer.push(1)
  const closing = writer.close({ deadline: Date.now() + 500 })
  await vi.advanceTimersByTimeAsync(500)
  await closing
  expect(writer.stats()).toMatchObject({ shed: 1 })
})

test('retry delays grow from about 100 ms and stay under 2 s', () => {
  for (let i = 0; i < 50; i++) {
    expect(retryDelayMs(1)).toBeGreaterThanOrEqual(50)
    expect(retryDelayMs(1)).toBeLessThanOrEqual(100)
    expect(retryDelayMs(30)).toBeGreaterThanOrEqual(1000)
    expect(retryDelayMs(30)).toBeLessThanOrEqual(2000)
  }
})

test('connection failures are transient; constraint and data errors are not', () => {
  const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: insert …'), { cause })
  expect(isTransientDatabaseError(connectionClosed())).toBe(true)
  expect(isTransientDatabaseError(wrapped(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toBe(true)
  expect(isTransientDatabaseError(wrapped(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })))).toBe(true)
  expect(isTransientDatabaseError(wrapped(Object.assign(new Error('the database system is starting up'), { code: '57P03' })))).toBe(true)
  expect(isTransientDatabaseError(wrapped(Object.assign(new Error('deadlock detected'), { code: '40P01' })))).toBe(true)
  expect(isTransientDatabaseError(wrapped(Object.assign(new Error('duplicate key'), { code: '23505' })))).toBe(false)
  expect(isTransientDatabaseError(wrapped(Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' })))).toBe(false)
  expect(isTransientDatabaseError(new TypeError('x is not a function'))).toBe(false)
})
