import { lt, sql } from 'drizzle-orm'
import { closeDatabase, db, describeDatabase, migrateDatabase } from '#app/db.server'
import { getEnv, isEmbeddedDatabase } from '#app/env.server'
import { startAutoShip, stopAutoShip } from '#app/experiments/auto-ship.server'
import { startPageViewRollupFollower, stopPageViewRollupFollower } from '#app/kpis/rollup-queue.server'
import { closePageViews } from '#app/visitors/page-views.server'
import { pruneWebhookDeliveries, startWebhookWorker, stopWebhookWorker } from '#app/webhooks/outbox.server'
import { rateLimits, sessions } from '#db/schema'
import { DEMO_LOGIN, seedDemo } from '#db/seed'

const MAINTENANCE_EVERY_MS = 60 * 60 * 1000
let maintenanceTimer: NodeJS.Timeout | undefined

/** Called once by the server entry before it accepts requests: migrate, seed, start periodic work. */
export async function startServices() {
  const env = getEnv()
  await migrateDatabase()
  const seeded = isEmbeddedDatabase() || env.SEED_DEMO === '1'
  if (seeded) await seedDemo(db, { demoApiKey: env.DEMO_API_KEY })
  maintenanceTimer = setInterval(() => void runMaintenance(), MAINTENANCE_EVERY_MS)
  maintenanceTimer.unref()
  startWebhookWorker()
  startAutoShip()
  // Page views are written raw; the dashboard's rollups follow a few seconds behind (app/kpis/rollup-queue.server.ts).
  startPageViewRollupFollower()
  return {
    database: describeDatabase(),
    demoLogin: seeded ? DEMO_LOGIN : null,
    port: env.PORT,
    trustProxyHops: env.trustProxyHops,
  }
}

/** Called on SIGTERM/SIGINT after the HTTP server stopped accepting and drained. */
export async function stopServices() {
  clearInterval(maintenanceTimer)
  // Before the database closes: a delivery being sent must get its outcome recorded, a rollup batch committed.
  await Promise.all([stopWebhookWorker(), stopAutoShip(), stopPageViewRollupFollower()])
  // Page views still in memory are written before the database closes (ARCHITECTURE.md: flushed on shutdown); their
  // rollups are caught up by the next process to start (the queue is in the database).
  await closePageViews()
  await closeDatabase()
}

// Expired rows only: safe to run in every process at once.
export async function runMaintenance() {
  try {
    await db.delete(sessions).where(lt(sessions.expiresAt, new Date()))
    await db.delete(rateLimits).where(lt(rateLimits.windowStart, sql`now() - interval '1 day'`))
    await pruneWebhookDeliveries()
  } catch (error) {
    console.error('maintenance failed (will retry next hour):', error)
  }
}
