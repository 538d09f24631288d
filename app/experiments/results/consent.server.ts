import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import type { ConsentVariantRow } from '#app/experiments/results/consent'

/**
 * The consent counts of the experiment's page per variant over its days (first day to the day it concluded, or
 * today; none before it starts), days in the workspace's time zone as page_view_daily counts them; the section is
 * built from them with the experiment's variants (buildExperimentConsent, consent.ts). The experiment's row is read
 * in the same statement, by id and workspace, so this runs beside the results' other reads, not after them.
 */
export function readExperimentConsentRows({ workspaceId, experimentId }: { workspaceId: string; experimentId: string }) {
  return queryRows<ConsentVariantRow>(
    db,
    sql`select v.variant_key as key, sum(v.asked_views)::int as views, sum(v.consented_views)::int as consented, sum(v.cookieless_views)::int as cookieless
      from experiments x join workspaces w on w.id = x.workspace_id
        join page_view_daily v on v.workspace_id = w.id and v.page_id = x.page_id
          and v.day between (x.started_at at time zone w.timezone)::date and (coalesce(x.concluded_at, now()) at time zone w.timezone)::date
      where x.id = ${experimentId} and x.workspace_id = ${workspaceId}
      group by 1`,
  )
}
