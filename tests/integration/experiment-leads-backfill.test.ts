// Migration 0013 gives the experiment_leads rows already there their visitor, exposure day and hot flag, and 0014
// makes the trigger on leads follow hot_at: checked on a database of its own (tests/migration-database.ts: on the
// tests' PostgreSQL server, else in-memory PGlite), migrated to 0012, given rows as 0007/0009 wrote them, then
// migrated to the end.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { queryRows } from '#app/db.server'
import { openMigrationDatabase } from '#tests/migration-database'

const MIGRATIONS = path.resolve('db/migrations')
const before0013 = mkdtempSync(path.join(tmpdir(), 'splitform-0012-'))
afterAll(() => rmSync(before0013, { recursive: true, force: true }))

test('migration 0013 backfills visitor, exposure day and hot flag; 0014’s trigger follows hot_at', { timeout: 60_000 }, async () => {
  cpSync(MIGRATIONS, before0013, { recursive: true })
  const journal = JSON.parse(readFileSync(path.join(before0013, 'meta/_journal.json'), 'utf8'))
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 13)
  writeFileSync(path.join(before0013, 'meta/_journal.json'), JSON.stringify(journal))

  const { db, migrate, close } = await openMigrationDatabase('m0013')
  try {
    await migrate(before0013)
    const [workspace] = await queryRows<{ id: string }>(db, sql`insert into workspaces (name) values ('Backfill') returning id`)
    const experiment = crypto.randomUUID()
    const lead = async (hot: boolean, createdAt: string) =>
      (
        await queryRows<{ id: string }>(
          db,
          sql`insert into leads (workspace_id, channel, first_seen_at, last_conversion_at, last_activity_at, hot_at, created_at)
          values (${workspace!.id}, 'direct', now(), now(), now(), ${hot ? sql`now()` : sql`null`}, ${createdAt}::timestamptz) returning id`,
        )
      )[0]!.id
    const conversion = async (leadId: string, visitor: string, at: string) =>
      (
        await queryRows<{ id: string }>(
          db,
          sql`insert into conversions (workspace_id, lead_id, form_id, page_id, variant_key, experiment_id, conversion_type, visitor_id, idempotency_key, touch, device, created_at)
          values (${workspace!.id}, ${leadId}, ${crypto.randomUUID()}, ${crypto.randomUUID()}, 'A', ${experiment}, 'hard', ${visitor}, ${crypto.randomUUID()}, '{"channel":"direct"}', 'desktop', ${at}::timestamptz) returning id`,
        )
      )[0]!.id
    const row = (leadId: string) =>
      db.execute(sql`insert into experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value) values (${experiment}, 'A', ${leadId}, 0, false, 0)`)

    // 1: a visitor exposed on 2026-03-01 (late evening UTC) who converted two days later; its lead is hot.
    const visitor = crypto.randomUUID()
    const hot = await lead(true, '2026-03-03T09:00:00Z')
    const c1 = await conversion(hot, visitor, '2026-03-03T09:00:00Z')
    await db.execute(
      sql`insert into exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at) values (${experiment}, ${visitor}, 'A', 'desktop', 'direct', '2026-03-01T23:30:00Z')`,
    )
    await db.execute(
      sql`insert into experiment_conversions (experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at) values (${experiment}, ${visitor}, 'any', 'A', ${c1}, '2026-03-03T09:00:00Z')`,
    )
    await row(hot)
    // 2: no experiment conversion left for it: the day of the lead's first conversion in the experiment.
    const cold = await lead(false, '2026-03-05T10:00:00Z')
    await conversion(cold, crypto.randomUUID(), '2026-03-06T10:00:00Z')
    await conversion(cold, crypto.randomUUID(), '2026-03-07T10:00:00Z')
    await row(cold)
    // 3: no conversion at all: the lead's own day.
    const bare = await lead(false, '2026-03-09T10:00:00Z')
    await row(bare)

    await migrate(MIGRATIONS)

    const rows = await queryRows<{ lead_id: string; visitor_id: string | null; exposure_day: string; is_hot: boolean }>(
      db,
      sql`select lead_id, visitor_id, exposure_day::text as exposure_day, is_hot from experiment_leads`,
    )
    const of = (id: string) => rows.find((r) => r.lead_id === id)
    expect(of(hot)).toEqual({ lead_id: hot, visitor_id: visitor, exposure_day: '2026-03-01', is_hot: true })
    expect(of(cold)).toEqual({ lead_id: cold, visitor_id: null, exposure_day: '2026-03-06', is_hot: false })
    expect(of(bare)).toEqual({ lead_id: bare, visitor_id: null, exposure_day: '2026-03-09', is_hot: false })

    await db.execute(sql`update leads set hot_at = now() where id = ${cold}`)
    const [after] = await queryRows<{ is_hot: boolean }>(db, sql`select is_hot from experiment_leads where lead_id = ${cold}`)
    expect(after!.is_hot).toBe(true)
  } finally {
    await close()
  }
})
