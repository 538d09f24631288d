import { db } from '#app/db.server'
import { createBatchWriter, type BatchWriter } from '#app/events/batch-writer.server'
import { pageViews } from '#db/schema'

export type PageViewRow = typeof pageViews.$inferInsert

let writer: BatchWriter<PageViewRow> | undefined

function getWriter() {
  writer ??= createBatchWriter<PageViewRow>({
    name: 'page_views',
    write: async (rows) => {
      await db.insert(pageViews).values(rows)
    },
  })
  return writer
}

/** Queues one page view; written within a second, never in the request path. */
export function recordPageView(row: PageViewRow) {
  getWriter().push(row)
}

/** Writes queued page views now (graceful shutdown, tests). */
export async function flushPageViews() {
  await writer?.flush()
}

export async function closePageViews() {
  await writer?.close()
  writer = undefined
}

export const pageViewStats = () => writer?.stats() ?? { queued: 0, written: 0, shed: 0, failedBatches: 0 }
