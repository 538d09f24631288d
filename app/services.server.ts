import { lt, sql } from 'drizzle-orm'
import { closeDatabase, db, describeDatabase, migrateDatabase } from '#app/db.server'
import { getEnv, isEmbeddedDatabase } from '#app/env.server'
import { startAutoShip, stopAutoShip } from '#app/experiments/auto-ship.server'
import { startPageViewRollupFollower, stopPageViewRollupFollower } from '#app/kpis/rollup-queue.server'
import { closePageViews } from '#app/visitors/page-views.server'
import { pruneWebhookDeliveries, startWebhookWorker, stopWebhookWorker } from '#app/webhooks/outbox.server'
import { rateLimits, sessions } from '#db/schema'
import { DEMO_LOGIN, seedDemo } from '#app/demo/seed.server'

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
    // For server.js's last resort after an uncaught exception.
    flushEvents,
  }
}

/**
 * Called on SIGTERM/SIGINT after the HTTP server stopped accepting and drained. Everything finishes by `deadline`
 * (epoch ms): the batches are retried until written or the deadline passes. Returns how many rows could not be
 * written (0 on a clean stop).
 */
export async function stopServices({ deadline = Date.now() + 8000 }: { deadline?: number } = {}) {
  clearInterval(maintenanceTimer)
  // Before the database closes: a delivery being sent must get its outcome recorded, a rollup batch committed, and
  // the page views and conversions still in memory written (docs/architecture.md: flushed on shutdown); their rollups are
  // caught up by the next process to start (the queue is in the database).
  const [unwritten] = await Promise.all([flushEvents({ deadline }), stopWebhookWorker(), stopAutoShip(), stopPageViewRollupFollower()])
  await closeDatabase({ timeoutSeconds: Math.max(1, Math.floor((deadline - Date.now()) / 1000)) })
  return { unwritten }
}

/**
 * Writes the events held in memory (page views with their exposures), retrying until
 * `deadline`, and accepts no more. Also the last resort after an uncaught exception (server.js). Returns how many
 * rows were left unwritten.
 */
export async function flushEvents({ deadline }: { deadline: number }) {
  // Experiment conversions are not among them: they commit with the conversion (app/experiments/counting.server.ts).
  return closePageViews({ deadline })
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
