import postgres from 'postgres'

/** A fresh database on the PostgreSQL server (DATABASE_URL, else the local one) for one benchmark run. */
export async function createBenchDatabase(name: string) {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const dbName = `splitform_bench_${name}_${process.pid}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database "${dbName}"`)
  const url = new URL(serverUrl)
  url.pathname = `/${dbName}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`)
      await admin.end()
    },
  }
}
