// Runs before each test file in every worker. Files share their worker's modules (isolate: false), so the
// database is created and migrated once per worker: PGlite in memory by default, or, when DATABASE_URL is
// set, a fresh database of its own on that server (named after the worker, dropped by global-setup).
import postgres from 'postgres'
import { afterAll } from 'vitest'
import { stopSpawnedServers } from '#tests/server-process'

declare global {
  var __splitformTestDb: Promise<void> | undefined
}

async function prepareDatabase() {
  process.env.RATE_LIMITS ??= 'on'
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    process.env.DATA_DIR = 'memory://'
  } else {
    const url = new URL(serverUrl)
    const name = `${url.pathname.slice(1) || 'splitform'}_w${process.env.VITEST_POOL_ID ?? '1'}`
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
    // A commit does not wait for its WAL to reach the disk (fdatasync: ~8 ms a commit on the shared CI disk, and
    // the suite commits thousands of times). Only a crash of PostgreSQL itself could lose such a commit, and the
    // tests check the app, not that: the fault suite crashes a cluster of its own, which keeps the default. Every
    // session on this database gets it, the tests' and those of the servers they start.
    await admin.unsafe(`alter database "${name}" set synchronous_commit = off`)
    await admin.end()
    url.pathname = `/${name}`
    process.env.TEST_SERVER_DATABASE_URL = serverUrl
    process.env.DATABASE_URL = url.toString()
    process.env.SESSION_SECRET ??= 'test-secret-test-secret-test-secret-0123'
  }
  const { migrateDatabase } = await import('#app/db.server')
  await migrateDatabase()
}

globalThis.__splitformTestDb ??= prepareDatabase()
await globalThis.__splitformTestDb

// A server a test file started and left running goes with that file, not with the worker (tests/server-process.ts).
afterAll(stopSpawnedServers)
