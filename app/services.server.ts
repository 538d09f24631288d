import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { closeDatabase, db, describeDatabase, migrateDatabase, queryRows } from '#app/db.server'
import { getEnv, isEmbeddedDatabase } from '#app/env.server'
import { closePageViews } from '#app/visitors/page-views.server'
import { startWorkers, stopWorkers } from '#app/workers/registry.server'
import { DEMO_LOGIN, seedDemo } from '#app/demo/seed.server'

type Log = (line: string) => void

/** Every `everyMs` while a long step runs, a line saying it still runs (a first start on PGlite takes a while). */
function keepSaying(log: Log, what: string, everyMs = 5000) {
  const startedAt = Date.now()
  const timer = setInterval(() => log(`${what} still working (${Math.round((Date.now() - startedAt) / 1000)} s)`), everyMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    return ((Date.now() - startedAt) / 1000).toFixed(1)
  }
}

/** The migrations in db/migrations and how many of them this database has: drizzle-kit's journal and table. */
async function countMigrations() {
  const journal = JSON.parse(await readFile(path.resolve('db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] }
  // A new database has no migrations table yet: none applied.
  const applied = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`).then(
    ([row]) => Number(row?.count ?? 0),
    () => 0,
  )
  return { applied: Math.min(applied, journal.entries.length), total: journal.entries.length }
}

/**
 * A callback for a share from 0 to 1 that logs `what` and the percentage each time it passes another `step` %
 * ("Seeding demo data… 40 %"), so a first start says how far along it is without a line per batch.
 */
export function logPercentSteps(log: Log, what: string, step = 20) {
  let last = 0
  return (share: number) => {
    const percent = Math.floor((share * 100) / step) * step
    if (percent > last) {
      last = percent
      log(`${what} ${percent} %`)
    }
  }
}

/**
 * Called once by the server entry before it accepts requests: migrate, seed, start the background workers. Says
 * what it does and how far along it is on `log` (issue 17: a first `npm start` was silent for ~40 s).
 */
export async function startServices({ log = (line: string) => console.log(line) }: { log?: Log } = {}) {
  const env = getEnv()
  const { applied, total } = await countMigrations()
  const isBehind = applied < total
  if (isBehind) log(`Migrating database… ${applied}/${total}`)
  const migrated = keepSaying(log, 'Migrating database…')
  await migrateDatabase().finally(migrated)
  log(isBehind ? `Migrating database… ${total}/${total} (${migrated()} s)` : `Database up to date (${total} migrations).`)
  const seeded = isEmbeddedDatabase() || env.SEED_DEMO === '1'
  if (seeded) {
    log('Seeding demo data…')
    const seeding = keepSaying(log, 'Seeding demo data…')
    await seedDemo(db, { demoApiKey: env.DEMO_API_KEY, onProgress: logPercentSteps(log, 'Seeding demo data…') }).finally(seeding)
    log(`Seeding demo data… done (${seeding()} s)`)
  }
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
