import { expect, test, vi } from 'vitest'
import { createBatchWriter } from './batch-writer.server'

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('a batch goes out at maxRows, or maxWaitMs after its first row', async () => {
  const batches: number[][] = []
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 3, maxWaitMs: 50, write: async (rows) => void batches.push(rows) })
  ;[1, 2, 3, 4].forEach(writer.push)
  await later(0)
  expect(batches).toEqual([[1, 2, 3]])
  await later(80)
  expect(batches).toEqual([[1, 2, 3], [4]])
  expect(writer.stats()).toMatchObject({ queued: 0, written: 4, shed: 0 })
})

test('while the database stalls the queue is bounded: rows beyond it are shed and counted, pushes never wait', async () => {
  let release: () => void = () => {}
  const stalled = new Promise<void>((resolve) => (release = resolve))
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  const written: number[] = []
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 10, maxWaitMs: 10, maxQueued: 25, write: async (rows) => { await stalled; written.push(...rows) } })
  const started = performance.now()
  for (let i = 0; i < 1000; i++) writer.push(i)
  expect(performance.now() - started).toBeLessThan(50) // no push waited for the stalled write
  const { queued, shed } = writer.stats()
  expect(queued).toBeLessThanOrEqual(25)
  expect(shed).toBeGreaterThan(900)
  expect(errors.mock.calls.some((c) => String(c[0]).includes('shed'))).toBe(true)
  release()
  await writer.close()
  expect(written.length + writer.stats().shed).toBe(1000) // every row either written or counted as shed
  errors.mockRestore()
})

test('a failed batch is counted and logged, and later batches still go out', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  let calls = 0
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 2, write: async () => { if (calls++ === 0) throw new Error('database away') } })
  ;[1, 2, 3, 4].forEach(writer.push)
  await writer.flush()
  expect(writer.stats()).toMatchObject({ written: 2, shed: 2, failedBatches: 1 })
  errors.mockRestore()
})

test('close writes what is queued, and nothing is accepted afterwards', async () => {
  const written: number[] = []
  const writer = createBatchWriter<number>({ name: 'test', maxRows: 100, maxWaitMs: 60_000, write: async (rows) => void written.push(...rows) })
  ;[1, 2, 3].forEach(writer.push)
  await writer.close()
  expect(written).toEqual([1, 2, 3])
  vi.spyOn(console, 'error').mockImplementation(() => {})
  writer.push(4)
  expect(writer.stats().shed).toBe(1)
})
