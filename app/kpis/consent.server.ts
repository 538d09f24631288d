import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { COOKIELESS_CONSENTS, type ConsentViewRow, type CookielessConversionRow } from '#app/kpis/consent'
import { periodsSql, type LabelledPeriod } from '#app/kpis/traffic.server'
import { readPrivacySettings } from '#app/privacy/settings'
import type { PrivacySettingsJson } from '#db/schema'

const COOKIELESS = sql.raw(COOKIELESS_CONSENTS.map((c) => `'${c}'`).join(', '))

/**
 * What the dashboard's consent section is built from (app/kpis/consent.ts): the workspace's privacy mode, the consent
 * counts of page_view_daily per period, page and variant, and the conversions counted cookieless per period.
 */
export async function readConsentFacts(workspaceId: string, periods: readonly LabelledPeriod[]) {
  const p = periodsSql(periods)
  const [settings, views, conversions] = await Promise.all([
    queryRows<{ privacy: Partial<PrivacySettingsJson> | null }>(db, sql`select privacy from workspaces where id = ${workspaceId}`),
    queryRows<ConsentViewRow>(
      db,
      sql`select p.label, v.page_id, v.variant_key, sum(v.asked_views)::int as asked, sum(v.consented_views)::int as consented, sum(v.cookieless_views)::int as cookieless
        from ${p} join page_view_daily v on v.workspace_id = ${workspaceId} and v.day between p.first_day and p.last_day
        group by 1, 2, 3 having sum(v.asked_views) + sum(v.cookieless_views) > 0`,
    ),
    // A conversion counted cookieless carries the id of the page view it came from (the signed token in the form),
    // so a page view with that id and a cookieless consent marks it. One index probe per conversion of the period
    // (page_views_visitor_idx); conversions older than the page views' retention are no longer told apart.
    queryRows<CookielessConversionRow>(
      db,
      sql`select p.label, count(*)::int as conversions
        from ${p} join conversions c on c.workspace_id = ${workspaceId} and c.created_at >= p.start_at and c.created_at < p.end_at
        where c.visitor_id is not null
          and exists (select 1 from page_views pv where pv.visitor_id = c.visitor_id and pv.workspace_id = ${workspaceId} and pv.consent in (${COOKIELESS}))
        group by 1`,
    ),
  ])
  return { mode: readPrivacySettings(settings[0]?.privacy).mode, views, conversions }
}
