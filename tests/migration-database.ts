import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import type { Database } from '#app/db.server'
import * as schema from '#db/schema'

// A database of a migration test's own, to migrate step by step (to the migration before the one under test, then
// to the end): a fresh database on the tests' PostgreSQL server when there is one, as in production, else in-memory
// PGlite. PGlite migrates in WebAssembly on the test worker's own CPU, twice per test: the two backfill tests were
// a seventh of a loaded run's file times (docs/testing.md, "How long it takes").

export type MigrationDatabase = { db: Database; migrate: (migrationsFolder: string) => Promise<void>; close: () => Promise<void> }

export async function openMigrationDatabase(label: string): Promise<MigrationDatabase> {
  const serverUrl = process.env.TEST_SERVER_DATABASE_URL
  if (!serverUrl) {
    const client = new PGlite()
    const db = drizzlePglite(client, { schema }) as unknown as Database
    return { db, migrate: (migrationsFolder) => migratePglite(db as never, { migrationsFolder }), close: () => client.close() }
  }
  // Named after the worker's database (`<name>_w<worker>_<label>`), so global-setup's teardown drops a leftover.
  const name = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_${label}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists "${name}" with (force)`)
  await admin.unsafe(`create database "${name}"`)
  await admin.unsafe(`alter database "${name}" set synchronous_commit = off`) // as the worker's (tests/setup.ts)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} })
  const db = drizzlePostgres(client, { schema }) as unknown as Database
  return {
    db,
    migrate: (migrationsFolder) => migratePostgres(db as never, { migrationsFolder }),
    close: async () => {
      await client.end()
      await admin.unsafe(`drop database if exists "${name}" with (force)`)
      await admin.end()
    },
  }
}
