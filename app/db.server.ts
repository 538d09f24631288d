import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql, type SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import * as schema from '#db/schema'
import { getEnv } from '#app/env.server'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction handle; helpers accept `Database | Transaction` as their `db`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'db/migrations')
const MIGRATION_LOCK_ID = 7_331_001

type Connection = { kind: 'postgres'; db: Database; client: postgres.Sql; url: string } | { kind: 'pglite'; db: Database; client: PGlite; dataDir: string }

// One connection per process. Both drivers connect lazily, so creating it at import is cheap.
let connection: Connection | undefined

function connect(): Connection {
  if (connection) return connection
  const env = getEnv()
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, {
      max: 10,
      idle_timeout: 30,
      connect_timeout: 5,
      // The driver waits before reconnecting, growing with every failed attempt of any connection up to 20 s; the
      // background workers fail every second while the database is away, so it would stay unused for up to 20 s
      // after it came back. Capped at 2 s (with the driver's jitter): healthz turns 200 within seconds.
      backoff: reconnectDelaySeconds,
      onnotice: () => {},
    })
    const db = drizzlePostgres(client, { schema }) as unknown as Database
    connection = { kind: 'postgres', db, client, url: env.DATABASE_URL }
  } else {
    const dataDir = env.DATA_DIR
    // PGlite does not create parent folders (docs/stack.md pitfall 5).
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
    const client = new PGlite(dataDir.startsWith('memory://') ? undefined : dataDir)
    const db = drizzlePglite(client, { schema }) as unknown as Database
    connection = { kind: 'pglite', db, client, dataDir }
  }
  return connection
}

/** Seconds before a connection's next attempt after `retries` failed ones: 50 ms doubling, at most 2 s, jittered. */
export function reconnectDelaySeconds(retries: number) {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 2)
}

/** The database, whichever driver the environment picked. Nothing else knows which one is in use. */
export const db: Database = connect().db

export function describeDatabase() {
  const c = connect()
  return c.kind === 'postgres' ? `PostgreSQL at ${new URL(c.url).host}${new URL(c.url).pathname}` : `embedded PGlite in ${c.dataDir}`
}

/** Applies pending migrations. Several processes may start at once: an advisory lock serialises them. */
export async function migrateDatabase() {
  const c = connect()
  if (c.kind === 'pglite') {
    await migratePglite(c.db as never, { migrationsFolder: MIGRATIONS_FOLDER })
    return
  }
  const lockClient = postgres(c.url, { max: 1, onnotice: () => {} })
  try {
    await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_ID})`
    await migratePostgres(drizzlePostgres(lockClient), { migrationsFolder: MIGRATIONS_FOLDER })
    await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`
  } finally {
    await lockClient.end({ timeout: 5 })
  }
}

/**
 * Rows of a raw SQL statement, whichever driver runs it (postgres-js returns the rows, PGlite `{ rows }`).
 * For the few hot statements written by hand: one round trip where the query builder would need several.
 */
export async function queryRows<T>(db: Database | Transaction, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as T[] | { rows: T[] }
  return Array.isArray(result) ? result : result.rows
}

/**
 * Whether `error` (or an error it wraps: drizzle wraps the driver's) is a unique violation, optionally of one
 * named constraint. Both drivers report the SQLSTATE as `code`; the constraint is in `constraint_name`
 * (postgres-js), `constraint` (PGlite) or at least the message.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint_name?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e && typeof e === 'object'; e = e.cause as typeof e) {
    if (e.code === '23505' && (!constraint || `${e.constraint_name ?? e.constraint ?? e.message}`.includes(constraint))) return true
  }
  return false
}

/** True when a trivial query answers within the timeout. Never throws. */
export async function pingDatabase(timeoutMs = 2000) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  const ping = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  )
  try {
    return await Promise.race([ping, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Closes the connections; queries still running get up to `timeoutSeconds` before their connections are cut. */
export async function closeDatabase({ timeoutSeconds = 5 }: { timeoutSeconds?: number } = {}) {
  const c = connection
  connection = undefined
  if (!c) return
  if (c.kind === 'postgres') await c.client.end({ timeout: timeoutSeconds })
  else await c.client.close()
}
