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

test('the demo has a soft and a hard form on its pages, and leads at every stage with their history', async () => {
  await seedDemo(db, {})
  const { forms, leads, conversions, leadStageChanges, pages } = await import('#db/schema')
  const demoForms = await db.select({ id: forms.id, definition: forms.definition }).from(forms).where(eq(forms.workspaceId, DEMO_WORKSPACE_ID))
  expect(new Set(demoForms.map((f) => f.definition.conversionType))).toEqual(new Set(['soft', 'hard']))
  const demoPages = await db.select({ slug: pages.slug, publishedVersionId: pages.publishedVersionId }).from(pages).where(eq(pages.workspaceId, DEMO_WORKSPACE_ID))
  expect(demoPages.every((p) => p.publishedVersionId)).toBe(true)
  const stages = await db.select({ stage: leads.stage, n: sql<number>`count(*)::int` }).from(leads).where(eq(leads.workspaceId, DEMO_WORKSPACE_ID)).groupBy(leads.stage)
  expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['lead', 'mql', 'sql', 'opportunity', 'customer', 'lost']))
  const [counts] = await db
    .select({ conversions: sql<number>`count(*)::int`, hard: sql<number>`count(*) filter (where ${conversions.conversionType} = 'hard')::int` })
    .from(conversions)
    .where(eq(conversions.workspaceId, DEMO_WORKSPACE_ID))
  expect(counts!.hard).toBeGreaterThan(0)
  expect(counts!.conversions).toBeGreaterThan(counts!.hard)
  const customers = await db.select({ id: leads.id, dealValue: leads.dealValue }).from(leads).where(and(eq(leads.workspaceId, DEMO_WORKSPACE_ID), eq(leads.stage, 'customer')))
  expect(customers.every((c) => (c.dealValue ?? 0) > 0)).toBe(true)
  const history = await db.select({ n: sql<number>`count(*)::int` }).from(leadStageChanges).where(eq(leadStageChanges.leadId, customers[0]!.id))
  expect(history[0]!.n).toBe(4) // lead → mql → sql → opportunity → customer
  // Seeding again adds nothing.
  const before = await db.select({ n: sql<number>`count(*)::int` }).from(leads).where(eq(leads.workspaceId, DEMO_WORKSPACE_ID))
  await seedDemo(db, {})
  expect(await db.select({ n: sql<number>`count(*)::int` }).from(leads).where(eq(leads.workspaceId, DEMO_WORKSPACE_ID))).toEqual(before)
})
