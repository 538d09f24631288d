import { sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { createBatchWriter, type BatchWriter } from '#app/events/batch-writer.server'
import { catchUpPageViewRollups } from '#app/kpis/rollup-queue.server'
import type { pageViews } from '#db/schema'

export type PageViewRow = typeof pageViews.$inferInsert

/**
 * The live path: one statement writes the batch's views and queues their ids for the KPI rollups, which the
 * rollup follower updates a few seconds later (app/kpis/rollup-queue.server.ts). One batch as one JSON parameter:
 * the query builder would bind 13 parameters per row (13,000 for a full batch) and spend tens of milliseconds of
 * the event loop building them (measured here).
 */
export async function insertPageViews(rows: PageViewRow[]) {
  const json = JSON.stringify(
    rows.map((r) => [r.workspaceId, r.pageId, r.variantKey, r.visitorId, r.device, r.channel, r.utmSource ?? null, r.utmMedium ?? null, r.utmCampaign ?? null, r.referrer ?? null, r.path, r.viewedAt]),
  )
  await db.execute(sql`with inserted as (
    insert into page_views (workspace_id, page_id, variant_key, visitor_id, device, channel, utm_source, utm_medium, utm_campaign, referrer, path, viewed_at)
    select (r->>0)::uuid, (r->>1)::uuid, r->>2, (r->>3)::uuid, r->>4, r->>5, r->>6, r->>7, r->>8, r->>9, r->>10, (r->>11)::timestamptz
    from jsonb_array_elements(${json}::jsonb) as r
    returning id
  )
  insert into page_view_rollup_queue (page_view_id) select id from inserted`)
}

/**
 * Writes page views and brings the KPI rollups up to date before returning (the demo seed, tests, benches): when
 * it resolves, the rollups include these views and every view queued before them.
 */
export async function writePageViews(rows: PageViewRow[]) {
  await insertPageViews(rows)
  await catchUpPageViewRollups()
}

const writer: BatchWriter<PageViewRow> = createBatchWriter<PageViewRow>({ name: 'page_views', write: insertPageViews })

/** Queues one page view; written within a second, never in the request path. */
export const recordPageView = writer.push
/** Writes the page views held in memory now, without waiting for their rollups (the follower's job). */
export const flushRawPageViews = writer.flush
/** Writes the page views held in memory now and brings the KPI rollups up to date (tests, scripts). */
export async function flushPageViews() {
  await writer.flush()
  await catchUpPageViewRollups()
}
/** On shutdown: writes what is in memory; views still queued for the rollups are caught up by the next start. */
export const closePageViews = writer.close
export const pageViewStats = writer.stats
