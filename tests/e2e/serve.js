// Starts the production server for the e2e run on a database of its own: with DATABASE_URL, a fresh
// `<name>_e2e` database on that server; otherwise a fresh PGlite folder. Then hands over to server.js.
import { rmSync } from 'node:fs'
import postgres from 'postgres'

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL)
  const name = `${url.pathname.slice(1) || 'splitform'}_e2e`
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists "${name}" with (force)`)
  await admin.unsafe(`create database "${name}"`)
  await admin.end()
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  process.env.SESSION_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-e2e-1234'
  process.env.SEED_DEMO ??= '1'
} else {
  process.env.DATA_DIR = '.data-e2e'
  rmSync(process.env.DATA_DIR, { recursive: true, force: true })
}
// Cheap password hashes (scrypt N=2^12, as in vitest): at N=2^17 each sign-up and login spends ~0.4 s of a core
// behind a gate of one hash at a time, and the run's logins queued behind each other past their expect timeouts.
process.env.TEST_PASSWORD_HASH ??= 'cheap'
// One trusted proxy hop: each test account's browser sends an address of its own (tests/e2e/fixtures.ts).
process.env.TRUST_PROXY ??= '1'
// A browser that asks for en-XA gets the admin in pseudo-localisation (tests/e2e/pseudo-locale.spec.ts).
process.env.PSEUDO_LOCALE ??= '1'
// A workspace's consent tool may load from a server of the test's own on 127.0.0.1 (tests/e2e/consent-tool.spec.ts).
process.env.CMP_PRIVATE_ORIGINS ??= 'allow'
// …and that loopback host is no consent-tool vendor's: the operator's extension allows it (decision 097).
process.env.CMP_ALLOWED_HOSTS ??= '127.0.0.1'
process.env.DEMO_API_KEY ??= 'e2e_demo_key_0123456789abcdef'
await import('../../server.js')
