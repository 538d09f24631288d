import { sql, type SQL } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'

// How the rollup queues are drained (page views: app/kpis/rollup-queue.server.ts; experiment conversions:
// app/experiments/counting.server.ts): a batch at a time, each batch taking only rows no other transaction holds
// (SKIP LOCKED), so that several processes drain one queue at once and count each row once.

/**
 * Takes batches (`takeBatch`, which returns how many rows it counted) until one comes back empty or `maxBatches`
 * are done. `wait`: an empty batch ends it only once `queued` (a query of the rows still queued up to the batches'
 * mark) finds none: rows another transaction holds are waited for (they are gone once it commits) and whatever it
 * left is counted, so that on return every row queued up to the mark is counted. Returns how many rows this call
 * counted.
 */
export async function catchUpInBatches({ takeBatch, queued, maxBatches, wait }: { takeBatch: (options: { wait: boolean }) => Promise<number>; queued: SQL; maxBatches: number; wait: boolean }) {
  let counted = 0
  for (let batches = 0; batches < maxBatches; batches++) {
    const n = await takeBatch({ wait: false })
    counted += n
    if (n > 0) continue
    if (!wait) break
    const [left] = await queryRows<{ isQueued: boolean }>(db, sql`select exists (${queued}) as "isQueued"`)
    if (!left?.isQueued) break
    counted += await takeBatch({ wait: true })
  }
  return counted
}
