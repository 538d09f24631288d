import { sql } from 'drizzle-orm'
import { createApiKey, hashApiKey } from '#app/api-keys/api-key.server'
import { hashPassword } from '#app/auth/password.server'
import type { Database } from '#app/db.server'
import { apiKeys, memberships, users, workspaces } from './schema'

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
  return { workspaceId: DEMO_WORKSPACE_ID, userId }
}
