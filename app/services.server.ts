import { closeDatabase, db, describeDatabase, migrateDatabase } from '#app/db.server'
import { getEnv, isEmbeddedDatabase } from '#app/env.server'
import { closePageViews } from '#app/visitors/page-views.server'
import { startWorkers, stopWorkers } from '#app/workers/registry.server'
import { DEMO_LOGIN, seedDemo } from '#app/demo/seed.server'

/** Called once by the server entry before it accepts requests: migrate, seed, start the background workers. */
export async function startServices() {
  const env = getEnv()
  await migrateDatabase()
  const seeded = isEmbeddedDatabase() || env.SEED_DEMO === '1'
  if (seeded) await seedDemo(db, { demoApiKey: env.DEMO_API_KEY })
  // Webhook deliveries, the rollup follower, auto-ship and maintenance: app/workers/registry.server.ts.
  startWorkers()
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
  // Before the database closes: a delivery being sent must get its outcome recorded, a rollup batch committed, and
  // the page views and conversions still in memory written (docs/architecture.md: flushed on shutdown); their rollups are
  // caught up by the next process to start (the queue is in the database).
  const [unwritten, unfinished] = await Promise.all([flushEvents({ deadline }), stopWorkers({ deadline })])
  // Safe to cut off: a delivery stays leased and is sent again later, a rollup batch rolls back and stays queued.
  if (unfinished.length > 0) console.error(`[workers] still running at the shutdown deadline: ${unfinished.join(', ')}`)
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
