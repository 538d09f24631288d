import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import type { PrivacyMode } from '#db/enums'
import type { CookielessInput } from './unit'

/**
 * The experiment's cookieless exposures per variant (from the partial index exposures_cookieless_idx: nothing to read
 * for an experiment without any), its converted cookieless views per variant and metric (only when it has cookieless
 * exposures), and its workspace's privacy mode, in one statement.
 */
export async function readCookielessCounts(experimentId: string): Promise<CookielessInput> {
  const rows = await queryRows<{ variant_key: string | null; metric: string | null; count: number }>(
    db,
    sql`with x as (
        select variant_key, count(*)::int as count from exposures where experiment_id = ${experimentId} and cookieless group by 1
      ), c as (
        select c.variant_key, c.metric, count(*)::int as count from experiment_conversions c
        where c.experiment_id = ${experimentId} and exists (select 1 from x)
          and exists (select 1 from exposures e where e.experiment_id = c.experiment_id and e.visitor_id = c.visitor_id and e.cookieless)
        group by 1, 2
      )
      select variant_key, '' as metric, count from x
      union all select variant_key, metric, count from c
      union all select null, w.privacy->>'mode', 0 from experiments e join workspaces w on w.id = e.workspace_id where e.id = ${experimentId}`,
  )
  const mode = rows.find((r) => r.variant_key === null)?.metric as PrivacyMode | undefined
  return { rows: rows.filter((r) => r.variant_key !== null).map((r) => ({ variantKey: r.variant_key!, metric: r.metric!, count: Number(r.count) })), mode: mode ?? null }
}
