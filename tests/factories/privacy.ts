import { eq, sql } from 'drizzle-orm'
import { changed } from '#app/changes/signal'
import { db } from '#app/db.server'
import type { PrivacyMode } from '#db/enums'
import { workspaces } from '#db/schema'

/**
 * Sets a workspace's privacy mode (and optionally its cookie lifetime) as the settings would, and tells this
 * process's published-page cache (other processes read it within a second).
 */
export async function setPrivacyMode(workspaceId: string, mode: PrivacyMode, { cookieDays }: { cookieDays?: number } = {}) {
  const patch = { mode, ...(cookieDays ? { cookieDays } : {}) }
  await db
    .update(workspaces)
    .set({ privacy: sql`${workspaces.privacy} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(workspaces.id, workspaceId))
  changed({ kind: 'privacy', workspaceId })
}
