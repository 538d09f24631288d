import { sql } from 'drizzle-orm'
import { createApiKey, hashApiKey } from '#app/api-keys/api-key.server'
import { hashPassword } from '#app/auth/password.server'
import type { Database } from '#app/db.server'
import { createPage, publishPage } from '#app/pages/queries.server'
import { DEMO_PAGES } from './demo-pages'
import { apiKeys, memberships, pages, users, workspaces } from './schema'

export const DEMO_WORKSPACE_ID = '00000000-0000-4000-8000-00000000d3e0'
export const DEMO_LOGIN = { email: 'demo@splitform.dev', password: 'splitform-demo' }

/**
 * The demo workspace and its owner. Idempotent: every row has a fixed key and is inserted only when absent,
 * so running it at every start changes nothing the second time (and never resets the demo password).
 */
export async function seedDemo(db: Database, { demoApiKey }: { demoApiKey?: string }) {
  await db
    .insert(workspaces)
    .values({ id: DEMO_WORKSPACE_ID, name: 'Acme (demo)' })
    .onConflictDoNothing({ target: workspaces.id })
  const [existing] = await db.select({ id: users.id }).from(users).where(sql`${users.email} = ${DEMO_LOGIN.email}`)
  const userId =
    existing?.id ??
    (
      await db
        .insert(users)
        .values({ email: DEMO_LOGIN.email, name: 'Demo Marketer', passwordHash: await hashPassword(DEMO_LOGIN.password) })
        .returning({ id: users.id })
    )[0]!.id
  await db.insert(memberships).values({ workspaceId: DEMO_WORKSPACE_ID, userId, role: 'owner' }).onConflictDoNothing()
  if (demoApiKey) {
    const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(sql`${apiKeys.keyHash} = ${hashApiKey(demoApiKey)}`)
    if (!key) await createApiKey({ workspaceId: DEMO_WORKSPACE_ID, name: 'DEMO_API_KEY', createdBy: userId, key: demoApiKey })
  }
  await seedDemoPages(db, userId)
  return { workspaceId: DEMO_WORKSPACE_ID, userId }
}


// One published page per starter template; a page whose slug exists is left as the marketer made it.
async function seedDemoPages(db: Database, userId: string) {
  for (const page of DEMO_PAGES) {
    const [existing] = await db.select({ id: pages.id }).from(pages).where(sql`${pages.slug} = ${page.slug}`)
    if (existing) continue
    const created = await createPage({ workspaceId: DEMO_WORKSPACE_ID, ...page })
    if (created.ok) await publishPage({ workspaceId: DEMO_WORKSPACE_ID, pageId: created.page.id, userId })
  }
}
