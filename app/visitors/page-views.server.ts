import { sql } from 'drizzle-orm'
import { db, isUniqueViolation } from '#app/db.server'
import { createBatchWriter, type BatchWriter } from '#app/events/batch-writer.server'
import { jsonBatch } from '#app/events/json-batch'
import { catchUpPageViewRollups } from '#app/kpis/rollup-queue.server'
import type { pageViews } from '#db/schema'

export type PageViewRow = typeof pageViews.$inferInsert & {
  /**
   * Set on the view that first serves a visitor their variant of a running experiment: the exposure (counted once
   * per experiment and visitor) is written by the same statement as the view, under the channel the visitor is
   * attributed to (app/experiments/serving.server.ts decides, app/visitors/visit.server.ts attaches it).
   */
  exposure?: { experimentId: string; channel: string } | null
}

const EXPOSURES_KEY = 'exposures_experiment_id_visitor_id_pk'
// After a batch meets an exposure PostgreSQL already has (a visitor whose assignment cookie expired or was
// dropped, two processes writing the same new visitor), batches skip known exposures for this long, then try the
// cheaper plain insert again.
const SKIP_KNOWN_FOR_MS = 60_000
let skipKnownExposuresUntil = 0

/**
 * The live path: one statement writes the batch's views, queues their ids for the KPI rollups (which the rollup
 * follower updates a few seconds later, app/kpis/rollup-queue.server.ts) and, for views that expose a visitor to
 * an experiment, inserts the exposures and adds them to the experiment's daily rollup. One statement rather than
 * a second writer: the shared columns are encoded, parsed and sent once (measured here, PostgreSQL's CPU per
 * exposure went from ~6 to ~3.5 µs). Exposures go in with a plain insert first: ON CONFLICT DO NOTHING
 * (speculative insertion) costs ~1 µs more a row, and a repeat is rare — when the primary key refuses one, the
 * batch, which is all or nothing, is written again skipping known exposures, so the count stays exact.
 * One batch as one JSON parameter: the query builder would bind 14 parameters per row (14,000 for a full batch)
 * and spend tens of milliseconds of the event loop building them (measured here). The view's time goes as epoch
 * milliseconds: an ISO string costs ~0.75 µs a row to format (1.27 vs 0.50 ms to encode a batch of 1,000, in one
 * stretch of the event loop) and ~0.2 µs to parse (both measured here); to_timestamp is exact to the millisecond.
 */
async function insertPageViews(rows: PageViewRow[], now: number) {
  const json = pageViewBatch.encode(rows, (r) => [
    r.workspaceId,
    r.pageId,
    r.variantKey,
    r.visitorId,
    r.device,
    r.channel,
    r.utmSource ?? null,
    r.utmMedium ?? null,
    r.utmCampaign ?? null,
    r.referrer ?? null,
    r.path,
    r.viewedAt.getTime(),
    r.exposure?.experimentId ?? null,
    r.exposure?.channel ?? null,
    r.consent ?? 'cookies',
  ])
  if (!rows.some((r) => r.exposure)) return void (await db.execute(viewsStatement(json)))
  if (now >= skipKnownExposuresUntil) {
    try {
      return void (await db.execute(viewsWithExposuresStatement(json, { skipKnown: false })))
    } catch (error) {
      if (!isUniqueViolation(error, EXPOSURES_KEY)) throw error
      skipKnownExposuresUntil = now + SKIP_KNOWN_FOR_MS
    }
  }
  await db.execute(viewsWithExposuresStatement(json, { skipKnown: true }))
}

// The live batch: one row per view, with the exposure it carries (experiment_id and exposure_channel, else null)
// and what the view knew of the visitor's consent. A view counted cookieless (consent pending, denied or
// cookieless: app/visitors/consent.ts) has its own random visitor_id, and its exposure is counted per page view.
const pageViewBatch = jsonBatch([
  ['workspace_id', 'uuid'],
  ['page_id', 'uuid'],
  ['variant_key', 'text'],
  ['visitor_id', 'uuid'],
  ['device', 'text'],
  ['channel', 'text'],
  ['utm_source', 'text?'],
  ['utm_medium', 'text?'],
  ['utm_campaign', 'text?'],
  ['referrer', 'text?'],
  ['path', 'text'],
  ['viewed_at', 'epoch_ms'],
  ['experiment_id', 'uuid?'],
  ['exposure_channel', 'text?'],
  ['consent', 'text'],
])

// The batch's views inserted into page_views and their ids queued for the rollups: the start of both statements below.
const insertAndQueueViews = (json: string) => sql`views as (${pageViewBatch.select(json)}), inserted as (
    insert into page_views (workspace_id, page_id, variant_key, visitor_id, device, channel, utm_source, utm_medium, utm_campaign, referrer, path, viewed_at, consent)
    select workspace_id, page_id, variant_key, visitor_id, device, channel, utm_source, utm_medium, utm_campaign, referrer, path, viewed_at, consent from views
    returning id
  ), queued as (
    insert into page_view_rollup_queue (page_view_id) select id from inserted
  )`

// The data-modifying parts run whether or not the main query reads them.
const viewsStatement = (json: string) => sql`with ${insertAndQueueViews(json)} select 1`

// The day is formatted after grouping (once per group, not per row): the rollup's count is the rows really inserted.
// It is the day in the experiment's workspace's zone (decision 087), read in this statement's snapshot: a zone
// change waits for the statement's transaction (rebuildExperimentDays locks experiment_daily) and recounts after it.
const viewsWithExposuresStatement = (json: string, { skipKnown }: { skipKnown: boolean }) => sql`with ${insertAndQueueViews(json)}, exposed as (
    insert into exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at, cookieless)
    select experiment_id, visitor_id, variant_key, device, exposure_channel, viewed_at, consent in ('pending', 'denied', 'cookieless') from views where experiment_id is not null
    ${skipKnown ? sql`on conflict (experiment_id, visitor_id) do nothing` : sql``}
    returning experiment_id, variant_key, device, channel, exposed_at
  ), zoned as (
    select e.experiment_id, e.variant_key, e.device, e.channel, (e.exposed_at at time zone coalesce(w.timezone, 'UTC'))::date as day
    from exposed e left join experiments x on x.id = e.experiment_id left join workspaces w on w.id = x.workspace_id
  )
  insert into experiment_daily (experiment_id, day, variant_key, device, channel, metric, count)
  select experiment_id, to_char(day, 'YYYY-MM-DD'), variant_key, device, channel, '', count(*)::int
  from zoned group by experiment_id, day, variant_key, device, channel
  on conflict (experiment_id, day, variant_key, device, channel, metric) do update set count = experiment_daily.count + excluded.count`

// One verb for putting page views in PostgreSQL, write: `writePageViews` now, from a batch in hand;
// `queuePageView` on the live path, written by the batch writer within a second; `flushPageViews` writes what
// is queued now. `rollups` says who brings the KPI rollups up to date: 'now' (the call waits for them: the demo
// seed, tests, benches) or 'follower' (the rollup follower does, a few seconds later: app/kpis/rollup-queue.server.ts).
export type RollupsBy = 'now' | 'follower'

/**
 * Writes page views (and the exposures they carry) now. With rollups 'now', when it resolves the rollups include
 * these views and every view queued before them. `now` is when the statement runs (tests move it past the window
 * in which batches skip known exposures).
 */
export async function writePageViews(rows: PageViewRow[], { rollups = 'now', now = Date.now() }: { rollups?: RollupsBy; now?: number } = {}) {
  await insertPageViews(rows, now)
  if (rollups === 'now') await catchUpPageViewRollups()
}

const writer: BatchWriter<PageViewRow> = createBatchWriter<PageViewRow>({ name: 'page_views', write: (rows) => writePageViews(rows, { rollups: 'follower' }) })

/** Queues one page view (and the exposure it carries); written within a second, never in the request path. */
export const queuePageView = writer.push
/** Writes the page views (and exposures) queued in memory now. */
export async function flushPageViews({ rollups = 'now' }: { rollups?: RollupsBy } = {}) {
  await writer.flush()
  if (rollups === 'now') await catchUpPageViewRollups()
}
/** On shutdown: writes what is in memory; views still queued for the rollups are caught up by the next start. */
export const closePageViews = writer.close
export const pageViewStats = writer.stats
