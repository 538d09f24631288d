// Consent reporting from real page views (issue 19): the rollup follower counts each view's consent into
// page_view_daily (asked, consented, cookieless), and the dashboard's report reads the consent rate per page and
// variant, and the views and conversions counted cookieless, from there.
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { getKpiReport } from '#app/kpis/queries.server'
import { catchUpPageViewRollups } from '#app/kpis/rollup-queue.server'
import { DEFAULT_CALENDAR } from '#app/workspaces/locale'
import type { ViewConsent } from '#db/enums'
import { pageViews, workspaces } from '#db/schema'
import { insertConversion, insertForm, insertLead, insertPage, insertWorkspace } from '#tests/factories/lead-rows'

const DAY = '2026-03-10'
const at = (hour: number) => new Date(`${DAY}T${String(hour).padStart(2, '0')}:00:00Z`)

/** Views as the live path writes them: the rows and their ids queued for the follower, in one statement. */
async function writeViews(rows: { workspaceId: string; pageId: string; variantKey: string; consent: ViewConsent; visitorId?: string; hour?: number }[]) {
  await db.execute(sql`with inserted as (
      insert into page_views (workspace_id, page_id, variant_key, visitor_id, device, channel, path, viewed_at, consent)
      select w, p, v, id, 'desktop', 'direct', '/p/x', t, c from jsonb_to_recordset(${JSON.stringify(
        rows.map((r) => ({ w: r.workspaceId, p: r.pageId, v: r.variantKey, id: r.visitorId ?? randomUUID(), t: at(r.hour ?? 12).toISOString(), c: r.consent })),
      )}::jsonb) as x(w uuid, p uuid, v text, id uuid, t timestamptz, c text)
      returning id
    ) insert into page_view_rollup_queue (page_view_id) select id from inserted`)
}

const times = <T>(n: number, row: T) => Array.from({ length: n }, () => row)

async function consentMode(workspaceId: string, mode: 'consent' | 'cookieless' | 'cookies') {
  await db
    .update(workspaces)
    .set({ privacy: sql`jsonb_set(privacy, '{mode}', ${JSON.stringify(mode)}::jsonb)` })
    .where(eq(workspaces.id, workspaceId))
}

const report = (workspaceId: string) => getKpiReport({ workspaceId, calendar: DEFAULT_CALENDAR, query: { from: DAY, to: DAY, model: 'first', compare: 'none' } })

test('the follower counts asked, consented and cookieless views per day, page and variant, and only once', async () => {
  const workspaceId = await insertWorkspace('Consent rollups')
  await consentMode(workspaceId, 'consent')
  const page = await insertPage({ workspaceId })
  const base = { workspaceId, pageId: page.id }
  await writeViews([
    ...times(6, { ...base, variantKey: 'A', consent: 'granted' as const }),
    ...times(3, { ...base, variantKey: 'A', consent: 'pending' as const }),
    ...times(1, { ...base, variantKey: 'A', consent: 'denied' as const }),
    ...times(2, { ...base, variantKey: 'B', consent: 'granted' as const }),
    ...times(2, { ...base, variantKey: 'B', consent: 'denied' as const }),
    ...times(4, { ...base, variantKey: 'B', consent: 'cookieless' as const }),
    ...times(5, { ...base, variantKey: 'B', consent: 'cookies' as const }),
  ])
  await catchUpPageViewRollups()
  await catchUpPageViewRollups()
  const rows = await queryRows<{ variant_key: string; views: number; asked_views: number; consented_views: number; cookieless_views: number }>(
    db,
    sql`select variant_key, views, asked_views, consented_views, cookieless_views from page_view_daily where workspace_id = ${workspaceId} order by variant_key`,
  )
  expect(rows).toEqual([
    { variant_key: 'A', views: 10, asked_views: 10, consented_views: 6, cookieless_views: 4 },
    { variant_key: 'B', views: 13, asked_views: 4, consented_views: 2, cookieless_views: 6 },
  ])

  // The dashboard: a rate per page and per variant, and the cookieless views.
  const { consent } = await report(workspaceId)
  expect(consent).toMatchObject({ mode: 'consent', askedViews: { value: 14 }, consentedViews: { value: 8 }, consentRate: { value: 8 / 14 }, cookielessViews: { value: 10 } })
  expect(consent!.pages).toHaveLength(1)
  expect(consent!.pages[0]!.variants).toEqual([
    { key: 'A', asked: 10, consented: 6, cookieless: 4, consentRate: 0.6 },
    { key: 'B', asked: 4, consented: 2, cookieless: 6, consentRate: 0.5 },
  ])
})

test('conversions count as cookieless when they carry the id of a view counted cookieless; no section in cookies mode without such views', async () => {
  const workspaceId = await insertWorkspace('Cookieless conversions')
  await consentMode(workspaceId, 'consent')
  const page = await insertPage({ workspaceId })
  const form = await insertForm({ workspaceId })
  const [viewId, deniedViewId, visitorId] = [randomUUID(), randomUUID(), randomUUID()]
  await writeViews([
    { workspaceId, pageId: page.id, variantKey: 'A', consent: 'pending', visitorId: viewId },
    { workspaceId, pageId: page.id, variantKey: 'A', consent: 'denied', visitorId: deniedViewId },
    { workspaceId, pageId: page.id, variantKey: 'A', consent: 'granted', visitorId },
  ])
  await catchUpPageViewRollups()
  for (const id of [viewId, deniedViewId, visitorId]) {
    const lead = await insertLead({ workspaceId, email: `${id}@example.com` })
    await insertConversion({ workspaceId, leadId: lead.id, formId: form.id, pageId: page.id, visitorId: id, createdAt: at(13) })
  }
  const { consent } = await report(workspaceId)
  expect(consent!.cookielessConversions.value).toBe(2)
  expect(consent!.consentRate.value).toBeCloseTo(1 / 3, 10)

  const plain = await insertWorkspace('Cookies only')
  await consentMode(plain, 'cookies')
  const plainPage = await insertPage({ workspaceId: plain })
  await writeViews([{ workspaceId: plain, pageId: plainPage.id, variantKey: 'A', consent: 'cookies' }])
  await catchUpPageViewRollups()
  expect((await report(plain)).consent).toBeNull()
  // Cookieless mode: nothing asked, every view cookieless.
  await consentMode(plain, 'cookieless')
  await writeViews([{ workspaceId: plain, pageId: plainPage.id, variantKey: 'A', consent: 'cookieless' }])
  await catchUpPageViewRollups()
  expect((await report(plain)).consent).toMatchObject({ mode: 'cookieless', askedViews: { value: 0 }, consentRate: { value: null }, cookielessViews: { value: 1 } })
})

test('migration 0024 added the columns with a default, so rows written without them read zero', async () => {
  const columns = await queryRows<{ column_name: string; column_default: string }>(
    db,
    sql`select column_name, column_default from information_schema.columns where table_name = 'page_view_daily' and column_name like '%_views' order by 1`,
  )
  expect(columns).toEqual([
    { column_name: 'asked_views', column_default: '0' },
    { column_name: 'consented_views', column_default: '0' },
    { column_name: 'cookieless_views', column_default: '0' },
  ])
  expect(pageViews.consent.default).toBe('cookies')
})
