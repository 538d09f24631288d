import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { db, queryRows, type Transaction } from '#app/db.server'
import { catchUpExperimentConversionRollups } from '#app/experiments/counting.server'
import { EVERY_MS, followerPause } from '#app/kpis/follower-pace'
import { maintainPageViewRollups, rollupBatch } from '#app/kpis/rollups.server'
import { catchUpInBatches } from '#app/workers/catch-up.server'
import { createPeriodicWorker } from '#app/workers/periodic'

// The live path writes page views raw: the views and their ids in page_view_rollup_queue, in one statement
// (app/visitors/page-views.server.ts). The KPI sessions and rollups follow here, a batch of queued views at a
// time in id order, with the same SQL that used to run in the write's transaction (maintainPageViewRollups). A
// batch is taken FOR UPDATE SKIP LOCKED and deleted from the queue in the transaction that updates the rollups, so
// several processes can catch up at once and each view is counted exactly once. The rollups rebuild a visitor's
// sessions from page_views itself, so views that are written but not yet caught up (or caught up out of order) do
// not change the result.
//
// The follower (createRollupFollower, run by every app process) catches up every second, paced: after each
// batch it waits twice as long as the batch took (eight times while the process is busy serving pages), so under a
// traffic peak the rollups use at most about a third (a ninth) of one connection's time, and the dashboard runs
// behind until the peak is over. The same follower, paced as one, moves queued experiment conversions into
// experiment_daily (app/experiments/counting.server.ts); the experiment results count the queued ones meanwhile.

export const ROLLUP_BATCH_ROWS = 1000

/**
 * Takes up to `batchSize` queued views (ids <= `upTo`), updates the rollups for them and dequeues them, in one
 * transaction. `wait`: also wait for rows another transaction holds (else they are skipped). Returns the count.
 */
async function catchUpBatch({ upTo, batchSize, wait }: { upTo: number; batchSize: number; wait: boolean }) {
  return db.transaction(async (tx) => {
    // The batch as maintainPageViewRollups reads it (rollupBatch).
    const [batch] = await queryRows<{ json: string; n: number }>(
      tx,
      sql`with picked as (
        select page_view_id from page_view_rollup_queue where page_view_id <= ${upTo}
        order by page_view_id limit ${batchSize} for update ${wait ? sql`` : sql`skip locked`}
      ), taken as (
        delete from page_view_rollup_queue q using picked p where q.page_view_id = p.page_view_id returning q.page_view_id
      )
      select coalesce(jsonb_agg(${rollupBatch.build('pv')} order by pv.id), '[]'::jsonb)::text as json,
        count(pv.id)::int as n
      from taken t join page_views pv on pv.id = t.page_view_id`,
    )
    if (batch && batch.n > 0) await maintainPageViewRollups(tx, batch.json)
    return batch?.n ?? 0
  })
}

/**
 * Updates the rollups for the queued page views, a batch at a time, until every view queued when it started is
 * counted (or `maxBatches` batches are done). `wait: true` (the default) also waits for views another process is
 * counting right now, so that when it returns the rollups include every view written before the call;
 * `wait: false` skips them (the follower). Returns how many views this call counted.
 */
export async function catchUpPageViewRollups({ maxBatches = Infinity, batchSize = ROLLUP_BATCH_ROWS, wait = true }: { maxBatches?: number; batchSize?: number; wait?: boolean } = {}) {
  const [mark] = await queryRows<{ upTo: number | string | null }>(db, sql`select max(page_view_id) as "upTo" from page_view_rollup_queue`)
  if (mark?.upTo == null) return 0
  const upTo = Number(mark.upTo)
  return catchUpInBatches({
    maxBatches,
    wait,
    takeBatch: ({ wait }) => catchUpBatch({ upTo, batchSize, wait }),
    queued: sql`select 1 from page_view_rollup_queue where page_view_id <= ${upTo}`,
  })
}

/**
 * Starts over the KPI rollups of one workspace, in `tx`, after its time zone changed from `oldTimeZone` (decision
 * 072): its sessions and daily rollups are deleted and its page views queued again, so the follower (below) counts
 * them anew, by the days of the zone `tx` has just written; meanwhile the dashboard shows the views counted so far.
 *
 * Days whose raw views retention has deleted (app/workers/page-view-retention.server.ts, decision 085) cannot be
 * recounted, so they are kept: when the rollups hold a day before the oldest remaining view's day D0 (in the old
 * zone, D0 itself partly deleted), every rollup row up to D0 stays, as do the sessions started before `cut`, the
 * old zone's midnight ending D0, and only the views from `cut` on are queued again. The kept rows cover exactly the
 * views before `cut`, so no view or session is counted twice or lost; the kept days stay the old zone's days. (The
 * cut is the old zone's midnight, not the new one's: only then do the kept day rows hold exactly the views before
 * it.) One approximation: a session running across `cut` whose start falls on a later day in the new zone also gets
 * its entry-page visitor-day on that day (visitor_days 'entry'), besides the kept one. Without such days everything
 * is rebuilt.
 *
 * The queue table is locked against the follower and the live path until `tx` commits: a batch counted by the old
 * zone after the delete, or a view queued between the delete and the re-queue, would be counted wrong or twice.
 */
export async function rebuildWorkspaceRollups(tx: Transaction, { workspaceId, oldTimeZone }: { workspaceId: string; oldTimeZone: string }) {
  await tx.execute(sql`lock table page_view_rollup_queue in share row exclusive mode`)
  const [kept] = await queryRows<{ keepThrough: string | null; expired: boolean }>(
    tx,
    sql`with first as (
      select (min(viewed_at) at time zone ${oldTimeZone})::date as day from page_views where workspace_id = ${workspaceId}
    ) select first.day::text as "keepThrough",
      exists (select 1 from page_view_daily d where d.workspace_id = ${workspaceId} and (first.day is null or d.day < first.day)) as expired
    from first`,
  )
  // No expired day: a full rebuild. Expired days but no raw view left: nothing to recount, everything stays.
  if (kept?.expired && kept.keepThrough === null) return 0
  const keepThrough = kept?.expired ? kept.keepThrough : null
  const cut = keepThrough === null ? null : sql`(${keepThrough}::date + 1)::timestamp at time zone ${oldTimeZone}`
  await tx.execute(sql`delete from visitor_sessions where workspace_id = ${workspaceId} ${cut ? sql`and started_at >= ${cut}` : sql``}`)
  for (const table of ['session_daily', 'visitor_days', 'visitor_daily', 'page_view_daily']) {
    await tx.execute(sql`delete from ${sql.identifier(table)} where workspace_id = ${workspaceId} ${keepThrough ? sql`and day > ${keepThrough}::date` : sql``}`)
  }
  const [queued] = await queryRows<{ n: number }>(
    tx,
    sql`with queued as (
      insert into page_view_rollup_queue (page_view_id)
      select id from page_views where workspace_id = ${workspaceId} ${cut ? sql`and viewed_at >= ${cut}` : sql``}
      on conflict do nothing returning 1
    ) select count(*)::int as n from queued`,
  )
  return queued?.n ?? 0
}

// ── The follower ────────────────────────────────────────────────────────────────────────────────────

/**
 * The follower: one batch of each queue a round, then the pause its pace asks for (app/kpis/follower-pace.ts).
 * Every process runs one (app/workers/registry.server.ts); the row locks share the queues between them.
 */
export function createRollupFollower({ everyMs = EVERY_MS, batchSize = ROLLUP_BATCH_ROWS }: { everyMs?: number; batchSize?: number } = {}) {
  let loopSince = performance.eventLoopUtilization()
  return createPeriodicWorker({
    name: 'rollup follower',
    everyMs,
    runAtStart: true,
    async run() {
      const started = performance.now()
      const views = await catchUpPageViewRollups({ maxBatches: 1, batchSize, wait: false })
      const conversions = await catchUpExperimentConversionRollups({ maxBatches: 1, batchSize, wait: false })
      const tookMs = performance.now() - started
      const loopNow = performance.eventLoopUtilization()
      const loopUtilization = performance.eventLoopUtilization(loopNow, loopSince).utilization
      loopSince = loopNow
      return { pauseMs: followerPause({ counted: Math.max(views, conversions), batchSize, tookMs, loopUtilization, everyMs }) }
    },
  })
}
