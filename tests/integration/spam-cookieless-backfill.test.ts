// Migration 0027 stores on each held submission whether its post came from a view counted cookieless, and fills it in
// for the rows held before it from what PostgreSQL recorded of the post's visitor id: its exposure, else its latest
// page view's consent, else the workspace's mode. Checked on a database of its own (tests/migration-database.ts),
// migrated to 0026, given held rows of each kind, then migrated to 0027.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { queryRows } from '#app/db.server'
import { openMigrationDatabase } from '#tests/migration-database'

const MIGRATIONS = path.resolve('db/migrations')
const before0027 = mkdtempSync(path.join(tmpdir(), 'splitform-0026-'))
afterAll(() => rmSync(before0027, { recursive: true, force: true }))

test('migration 0027 marks the held posts of views counted cookieless, and only those', { timeout: 60_000 }, async () => {
  cpSync(MIGRATIONS, before0027, { recursive: true })
  const journal = JSON.parse(readFileSync(path.join(before0027, 'meta/_journal.json'), 'utf8'))
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < 27)
  writeFileSync(path.join(before0027, 'meta/_journal.json'), JSON.stringify(journal))

  const { db, migrate, close } = await openMigrationDatabase('m0027')
  try {
    await migrate(before0027)
    const workspace = async (mode: string) =>
      (
        await queryRows<{ id: string }>(
          db,
          sql`insert into workspaces (name, privacy) values (${mode}, ${JSON.stringify({ mode, banner: true, cookieDays: 180, retentionMonths: 13 })}::jsonb) returning id`,
        )
      )[0]!.id
    const consent = await workspace('consent')
    const cookies = await workspace('cookies')
    const experimentId = crypto.randomUUID()
    const hold = async (name: string, workspaceId: string, { visitorId = crypto.randomUUID(), inExperiment = true, restored = false } = {}) => {
      await db.execute(sql`insert into spam_submissions (workspace_id, form_id, page_id, variant_key, reason, idempotency_key, answers, touch, visitor_id, experiment_id, device, restored_at)
        values (${workspaceId}, ${crypto.randomUUID()}, ${crypto.randomUUID()}, 'B', 'honeypot', ${name}, '{}', '{"channel":"direct"}', ${visitorId},
          ${inExperiment ? experimentId : null}, 'desktop', ${restored ? sql`now()` : null})`)
      return visitorId
    }
    const view = (workspaceId: string, visitorId: string, consentOfView: string, at: string) =>
      db.execute(sql`insert into page_views (workspace_id, page_id, variant_key, visitor_id, device, channel, path, viewed_at, consent)
        values (${workspaceId}, ${crypto.randomUUID()}, 'B', ${visitorId}, 'desktop', 'direct', '/p/x', ${at}::timestamptz, ${consentOfView})`)
    const expose = (visitorId: string, cookieless: boolean) =>
      db.execute(sql`insert into exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at, cookieless)
        values (${experimentId}, ${visitorId}, 'B', 'desktop', 'direct', now(), ${cookieless})`)

    // The exposure decides first, whatever the views or the mode say.
    await expose(await hold('exposed-cookieless', cookies), true)
    const exposedSticky = await hold('exposed-sticky', consent)
    await expose(exposedSticky, false)
    await view(consent, exposedSticky, 'denied', '2026-11-01T10:00:00Z')
    // Then the latest view of the id.
    const granted = await hold('viewed-granted', consent)
    await view(consent, granted, 'pending', '2026-11-01T10:00:00Z')
    await view(consent, granted, 'granted', '2026-11-01T10:05:00Z')
    await view(consent, await hold('viewed-pending', consent), 'pending', '2026-11-01T10:00:00Z')
    // Then the mode: only `cookies` identifies every visitor.
    await hold('no-trace-consent', consent)
    await hold('no-trace-cookies', cookies)
    // Outside an experiment, or already restored: nothing to count, left false.
    await hold('no-experiment', consent, { inExperiment: false })
    await hold('restored', consent, { restored: true })

    await migrate(MIGRATIONS)

    const rows = await queryRows<{ idempotency_key: string; cookieless: boolean }>(db, sql`select idempotency_key, cookieless from spam_submissions order by idempotency_key`)
    expect(Object.fromEntries(rows.map((r) => [r.idempotency_key, r.cookieless]))).toEqual({
      'exposed-cookieless': true,
      'exposed-sticky': false,
      'viewed-granted': false,
      'viewed-pending': true,
      'no-trace-consent': true,
      'no-trace-cookies': false,
      'no-experiment': false,
      restored: false,
    })
  } finally {
    await close()
  }
})
