import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { leads, pageViewDaily, pageViews } from '#db/schema'

/**
 * Whether anything was ever recorded in the workspace: a brand-new one gets a guide instead of zeros. The rollups
 * count too: page views past the workspace's retention are deleted, their rollups kept.
 */
export async function hasAnyActivity({ workspaceId }: { workspaceId: string }) {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`
    select exists (select 1 from ${pageViews} where ${pageViews.workspaceId} = ${workspaceId})
        or exists (select 1 from ${leads} where ${leads.workspaceId} = ${workspaceId})
        or exists (select 1 from ${pageViewDaily} where ${pageViewDaily.workspaceId} = ${workspaceId}) as found`,
  )
  return Boolean(row?.found)
}
