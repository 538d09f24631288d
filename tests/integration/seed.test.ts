import { and, eq, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { findApiCaller } from '#app/api-keys/api-key.server'
import { verifyLogin } from '#app/auth/queries.server'
import { db } from '#app/db.server'
import { apiKeys, memberships, users, workspaces } from '#db/schema'
import { DEMO_LOGIN, DEMO_WORKSPACE_ID, seedDemo } from '#db/seed'

test('the demo seed is idempotent and registers DEMO_API_KEY exactly', async () => {
  const demoApiKey = 'seed_test_key_0123456789abcdefgh'
  const first = await seedDemo(db, { demoApiKey })
  const second = await seedDemo(db, { demoApiKey })
  expect(second).toEqual(first)

  const count = async (table: typeof workspaces | typeof users | typeof memberships | typeof apiKeys, where: ReturnType<typeof eq>) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]!.n
  expect(await count(workspaces, eq(workspaces.id, DEMO_WORKSPACE_ID))).toBe(1)
  expect(await count(users, eq(users.email, DEMO_LOGIN.email))).toBe(1)
  expect(await count(memberships, and(eq(memberships.workspaceId, DEMO_WORKSPACE_ID), eq(memberships.role, 'owner'))!)).toBe(1)
  expect(await count(apiKeys, eq(apiKeys.workspaceId, DEMO_WORKSPACE_ID))).toBe(1)

  expect(await verifyLogin(DEMO_LOGIN)).toBe(first.userId)
  const caller = await findApiCaller(new Request('http://x/', { headers: { Authorization: `Bearer ${demoApiKey}` } }))
  expect(caller?.workspace.id).toBe(DEMO_WORKSPACE_ID)
})
