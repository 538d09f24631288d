import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { DAY_MS } from '#app/time/days'
import { leadReachedStage, STAGE_COUNTS } from './results/lead-stages.server'
import { STAGE_HISTORY_DAYS, type StageHistory } from './stage-plan'

/**
 * The page's stage rates before any experiment (decision 082): its visitors first seen in the last 90 days and on or
 * before the day `maturityDays` before today, days in the workspace's zone (so their leads had the time an
 * experiment's mature visitors have: the cut is the results' maturity cutoff day, decision 087), and how many of them
 * converted on the page with a lead that is hot or reached each stage or beyond — the furthest stage the lead ever
 * reached, and the same counts, as experiment_leads and the results (leadReachedStage, STAGE_COUNTS). A visitor
 * with several leads counts once, at its furthest.
 */
export async function getStageHistory({ workspaceId, pageId, maturityDays, now = new Date() }: { workspaceId: string; pageId: string; maturityDays: number; now?: Date }): Promise<StageHistory> {
  const since = new Date(now.getTime() - STAGE_HISTORY_DAYS * DAY_MS)
  const [row] = await queryRows<{ visitors: number } & Omit<StageHistory, 'visitors' | 'maturityDays'>>(
    db,
    sql`with cut as (
        -- The first instant after the cutoff day, in the workspace's zone.
        select ((${now.toISOString()}::timestamptz at time zone timezone)::date - ${maturityDays}::int + 1)::timestamp at time zone timezone as mature_before
        from workspaces where id = ${workspaceId}
      ), mature as (
        select visitor_id from page_views
        where workspace_id = ${workspaceId} and page_id = ${pageId} and viewed_at >= ${since.toISOString()}
        group by visitor_id having min(viewed_at) < (select mature_before from cut)
      ), outcomes as (
        select c.visitor_id, bool_or(l.hot_at is not null) as is_hot, max(${leadReachedStage('l')}) as reached
        from conversions c join leads l on l.id = c.lead_id
        where c.workspace_id = ${workspaceId} and c.page_id = ${pageId} and c.visitor_id in (select visitor_id from mature)
        group by c.visitor_id
      )
      select (select count(*) from mature)::int as visitors, ${STAGE_COUNTS} from outcomes`,
  )
  return { visitors: row?.visitors ?? 0, maturityDays, hot: row?.hot ?? 0, mql: row?.mql ?? 0, sql: row?.sql ?? 0, opportunity: row?.opportunity ?? 0, customer: row?.customer ?? 0 }
}
