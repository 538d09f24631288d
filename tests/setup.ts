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
