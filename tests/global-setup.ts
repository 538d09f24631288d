import postgres from 'postgres'

// Drops the per-worker databases that tests/setup.ts created on a real server.
export default function setup() {
  return async function teardown() {
    const serverUrl = process.env.DATABASE_URL
    if (!serverUrl) return
    const base = new URL(serverUrl).pathname.slice(1) || 'splitform'
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${base}\\_w%`}`
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`)
    await admin.end()
  }
}
