import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { leads, pageViews } from '#db/schema'

/** Whether anything was ever recorded in the workspace: a brand-new one gets a guide instead of zeros. */
export async function hasAnyActivity({ workspaceId }: { workspaceId: string }) {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`
    select exists (select 1 from ${pageViews} where ${pageViews.workspaceId} = ${workspaceId})
        or exists (select 1 from ${leads} where ${leads.workspaceId} = ${workspaceId}) as found`,
  )
  return Boolean(row?.found)
}
