// Migration 0006 builds sessions and rollups from the page views recorded before it, with the same rules as
// writePageViews: checked on a database of its own (tests/migration-database.ts: on the tests' PostgreSQL server,
// else in-memory PGlite), migrated to 0005, given page views and a conversion, then migrated to 0006.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { queryRows } from '#app/db.server'
import { openMigrationDatabase } from '#tests/migration-database'
import { expectRollupsToMatch, makeViews, random } from '#tests/kpi-rollup-reference'

const MIGRATIONS = path.resolve('db/migrations')
const before0006 = mkdtempSync(path.join(tmpdir(), 'splitform-0005-'))
afterAll(() => rmSync(before0006, { recursive: true, force: true }))

// Two migrations and ~80 rollup queries: 5–25 s on a busy 2-core machine (PGlite).
test('migration 0006 backfills sessions, converted sessions and every rollup from the views already recorded', { timeout: 60_000 }, async () => {
  cpSync(MIGRATIONS, before0006, { recursive: true })
  const journal = JSON.parse(readFileSync(path.join(before0006, 'meta/_journal.json'), 'utf8'))
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 6)
  writeFileSync(path.join(before0006, 'meta/_journal.json'), JSON.stringify(journal))

  const { db, migrate, close } = await openMigrationDatabase('m0006')
  try {
    await migrate(before0006)
    const [workspace] = await queryRows<{ id: string }>(db, sql`insert into workspaces (name) values ('Backfill') returning id`)
    const pageIds = [crypto.randomUUID(), crypto.randomUUID()]
    const start = Date.UTC(2026, 2, 1, 12)
    const views = makeViews(random(11), pageIds, start)
    for (const v of views) {
      await db.execute(sql`insert into page_views (workspace_id, page_id, variant_key, visitor_id, device, channel, path, viewed_at)
        values (${workspace!.id}, ${v.pageId}, ${v.variantKey}, ${v.visitorId}, ${v.device}, ${v.channel}, '/p/x', ${new Date(v.at).toISOString()}::timestamptz)`)
    }
    // A conversion 5 minutes after the first view: its session is converted.
    const first = [...views].sort((a, b) => a.at - b.at)[0]!
    const [lead] = await queryRows<{ id: string }>(
      db,
      sql`insert into leads (workspace_id, channel, first_seen_at, last_conversion_at, last_activity_at)
      values (${workspace!.id}, 'direct', now(), now(), now()) returning id`,
    )
    await db.execute(sql`insert into conversions (workspace_id, lead_id, form_id, page_id, variant_key, conversion_type, visitor_id, idempotency_key, touch, device, created_at)
      values (${workspace!.id}, ${lead!.id}, ${crypto.randomUUID()}, ${first.pageId}, 'A', 'soft', ${first.visitorId}, 'k', '{"channel":"direct"}', 'desktop', ${new Date(first.at + 5 * 60_000).toISOString()}::timestamptz)`)

    await migrate(MIGRATIONS)

    await expectRollupsToMatch(db, workspace!.id, views, start)
    const converted = await queryRows<{ visitor_id: string; converted_at: Date | string }>(db, sql`select visitor_id, converted_at from visitor_sessions where converted_at is not null`)
    expect(converted.map((r) => [r.visitor_id, new Date(r.converted_at).getTime()])).toEqual([[first.visitorId, first.at + 5 * 60_000]])
    const [funnel] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from lead_funnel where lead_id = ${lead!.id}`)
    expect(funnel!.n).toBe(1)
  } finally {
    await close()
  }
})
