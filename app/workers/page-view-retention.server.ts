import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { readPrivacySettings } from '#app/privacy/settings'
import { workspaces } from '#db/schema'

// Retention of raw page views (issue 19, decision 085): a workspace keeps its page views for `retentionMonths`
// (its privacy settings, 13 by default), counted back in calendar months from now; older ones are deleted by the
// hourly maintenance (app/workers/maintenance.server.ts). The rollups built from them (page_view_daily,
// visitor_daily, session_daily, visitor_sessions) are kept, so the dashboard's past stays as it was. A view still
// queued for the rollups is left until the rollup follower has counted it.
//
// In batches, oldest first, each its own short statement (FOR UPDATE SKIP LOCKED), so a backlog (the first run
// after a workspace shortens its retention) never holds locks for long, and processes running it at once share
// the work instead of waiting for each other.

export const RETENTION_BATCH_ROWS = 5000
/** Batches per workspace a round; the rest waits for the next round (the maintenance worker runs again at once). */
export const RETENTION_MAX_BATCHES = 20

/**
 * Deletes the page views older than each workspace's retention, up to `maxBatches` batches per workspace.
 * Returns how many it deleted and whether any workspace has more to delete.
 */
export async function deleteExpiredPageViews({ now = new Date(), batchSize = RETENTION_BATCH_ROWS, maxBatches = RETENTION_MAX_BATCHES } = {}) {
  const rows = await db.select({ id: workspaces.id, privacy: workspaces.privacy }).from(workspaces)
  let deleted = 0
  let hasMore = false
  for (const workspace of rows) {
    const months = readPrivacySettings(workspace.privacy).retentionMonths
    for (let batch = 0; ; batch++) {
      if (batch === maxBatches) {
        hasMore = true
        break
      }
      const n = await deleteBatch({ workspaceId: workspace.id, months, now, batchSize })
      deleted += n
      if (n < batchSize) break
    }
  }
  return { deleted, hasMore }
}

async function deleteBatch({ workspaceId, months, now, batchSize }: { workspaceId: string; months: number; now: Date; batchSize: number }) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with doomed as (
      select pv.id from page_views pv
      where pv.workspace_id = ${workspaceId} and pv.viewed_at < ${now.toISOString()}::timestamptz - make_interval(months => ${months}::int)
        and not exists (select 1 from page_view_rollup_queue q where q.page_view_id = pv.id)
      order by pv.viewed_at limit ${batchSize} for update skip locked
    ), gone as (
      delete from page_views p using doomed d where p.id = d.id returning 1
    ) select count(*)::int as n from gone`,
  )
  return row?.n ?? 0
}
