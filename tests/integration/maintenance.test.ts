import { randomUUID } from 'node:crypto'
import { eq, inArray, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '#app/db.server'
import { runMaintenance } from '#app/workers/maintenance.server'
import { rateLimits, sessions } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'

test('maintenance deletes expired sessions and stale rate-limit windows, and nothing else', async () => {
  const owner = await createOwner()
  const [expired, live] = [`expired-${randomUUID()}`, `live-${randomUUID()}`]
  await db.insert(sessions).values([
    { idHash: expired, userId: owner.userId, workspaceId: owner.workspaceId, expiresAt: new Date(Date.now() - 1000) },
    { idHash: live, userId: owner.userId, workspaceId: owner.workspaceId, expiresAt: new Date(Date.now() + 3_600_000) },
  ])
  const [stale, fresh] = [`test:stale:${randomUUID()}`, `test:fresh:${randomUUID()}`]
  await db.insert(rateLimits).values([
    { key: stale, windowStart: sql`now() - interval '2 days'`, count: 3 },
    { key: fresh, windowStart: sql`now()`, count: 1 },
  ])

  await runMaintenance()

  const sessionIds = (
    await db
      .select({ id: sessions.idHash })
      .from(sessions)
      .where(inArray(sessions.idHash, [expired, live]))
  ).map((r) => r.id)
  expect(sessionIds).toEqual([live])
  expect(await db.select().from(rateLimits).where(eq(rateLimits.key, stale))).toHaveLength(0)
  expect(await db.select().from(rateLimits).where(eq(rateLimits.key, fresh))).toHaveLength(1)
})
