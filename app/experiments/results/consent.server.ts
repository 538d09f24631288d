import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { buildExperimentConsent, type ConsentVariantRow } from '#app/experiments/results/consent'
import type { Experiment } from '#db/schema'

/**
 * The consent counts of the experiment's page per variant over its days (first day to the day it concluded, or
 * today), days in the workspace's time zone as page_view_daily counts them; then the section (consent.ts).
 */
export async function readExperimentConsent({ workspaceId, experiment }: { workspaceId: string; experiment: Pick<Experiment, 'pageId' | 'startedAt' | 'concludedAt' | 'variants'> }) {
  const keys = experiment.variants.map((v) => v.key)
  if (!experiment.startedAt) return buildExperimentConsent(keys, [])
  const rows = await queryRows<ConsentVariantRow>(
    db,
    sql`select v.variant_key as key, sum(v.asked_views)::int as views, sum(v.consented_views)::int as consented, sum(v.cookieless_views)::int as cookieless
      from workspaces w join page_view_daily v on v.workspace_id = w.id and v.page_id = ${experiment.pageId}
        and v.day between (${experiment.startedAt.toISOString()}::timestamptz at time zone w.timezone)::date
        and (coalesce(${experiment.concludedAt?.toISOString() ?? null}::timestamptz, now()) at time zone w.timezone)::date
      where w.id = ${workspaceId}
      group by 1`,
  )
  return buildExperimentConsent(keys, rows)
}
