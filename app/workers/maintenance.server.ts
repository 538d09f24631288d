import { lt, sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { pruneMailMessages } from '#app/mail/outbox.server'
import { pruneWebhookDeliveries } from '#app/webhooks/outbox.server'
import { deleteExpiredPageViews } from '#app/workers/page-view-retention.server'
import { createPeriodicWorker } from '#app/workers/periodic'
import { rateLimits, sessions } from '#db/schema'

const EVERY_MS = 60 * 60 * 1000

/**
 * Deletes what has expired: sessions, rate-limit windows over a day old, finished webhook deliveries and mail after
 * 30 days, page views past their workspace's retention (page-view-retention.server.ts). `hasMore`: page views are
 * left for the next round, which then follows at once.
 */
export async function runMaintenance() {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()))
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, sql`now() - interval '1 day'`))
  await pruneWebhookDeliveries()
  await pruneMailMessages()
  const { hasMore } = await deleteExpiredPageViews()
  return { hasMore }
}

/** Hourly, in every process: it deletes expired rows only, so processes running it at once do no harm. */
export function createMaintenanceWorker() {
  return createPeriodicWorker({ name: 'maintenance', everyMs: EVERY_MS, run: runMaintenance })
}
