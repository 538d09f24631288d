// The dashboard's consent section from the route's real loader: page views written with their consent as the live
// path writes them (and queued for the rollup follower), rendered to HTML. And after the views have expired under
// the workspace's retention, the same figures from the rollups, not a new workspace's guide.
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { catchUpPageViewRollups } from '#app/kpis/rollup-queue.server'
import * as dashboard from '#app/routes/_app.dashboard/route'
import { deleteExpiredPageViews } from '#app/workers/page-view-retention.server'
import type { ViewConsent } from '#db/enums'
import { createOwner } from '#tests/factories/accounts'
import { insertPage } from '#tests/factories/lead-rows'
import { cellsOf, elementWith, renderRoute, textOf } from '#tests/render-route'

const DAY = '2026-03-10'

async function writeViews(workspaceId: string, pageId: string, counts: [variant: string, consent: ViewConsent, n: number][]) {
  const rows = counts.flatMap(([v, c, n]) => Array.from({ length: n }, () => ({ v, c, id: randomUUID() })))
  await db.execute(sql`with inserted as (
      insert into page_views (workspace_id, page_id, variant_key, visitor_id, device, channel, path, viewed_at, consent)
      select ${workspaceId}::uuid, ${pageId}::uuid, v, id, 'desktop', 'direct', '/p/x', ${`${DAY}T12:00:00Z`}::timestamptz, c
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(v text, c text, id uuid)
      returning id
    ) insert into page_view_rollup_queue (page_view_id) select id from inserted`)
  await catchUpPageViewRollups()
}

const render = (cookie: string) => renderRoute({ id: 'routes/_app.dashboard', path: `/dashboard?period=custom&from=${DAY}&to=${DAY}&compare=none`, pattern: 'dashboard', module: dashboard, cookie })

test('a workspace in consent mode sees its consent rate per page and variant, and the views counted cookieless; expired views leave the figures as they were', async () => {
  const owner = await createOwner({ name: 'Consuela Consent' })
  const page = await insertPage({ workspaceId: owner.workspaceId, name: 'Pricing' })
  await writeViews(owner.workspaceId, page.id, [
    ['A', 'granted', 30],
    ['A', 'pending', 60],
    ['A', 'denied', 10],
    ['B', 'granted', 20],
    ['B', 'pending', 70],
    ['B', 'denied', 10],
  ])
  const check = async () => {
    const { status, html } = await render(owner.cookie)
    expect(status).toBe(200)
    expect(textOf(elementWith(html, 'data-testid="consent-rate"')!)).toBe('Consent rate 25.0%')
    expect(textOf(elementWith(html, 'data-testid="consent-cookieless-views"')!)).toBe('Views counted cookieless 150')
    const table = elementWith(html, 'data-testid="consent-pages"')!
    expect(cellsOf(elementWith(table, `data-page-id="${page.id}"`)!).slice(0, 4)).toEqual(['Pricing', '200', '25.0%', '150'])
    expect(cellsOf(elementWith(table, 'data-variant="A"')!)).toEqual(['Variant A', '100', '30.0%', '70'])
    expect(cellsOf(elementWith(table, 'data-variant="B"')!)).toEqual(['Variant B', '100', '20.0%', '80'])
  }
  await check()
  // Thirteen months on, the views are gone and the rollups are what the dashboard reads.
  await deleteExpiredPageViews({ now: new Date('2027-05-01T00:00:00Z') })
  const [left] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from page_views where workspace_id = ${owner.workspaceId}`)
  expect(left?.n).toBe(0)
  await check()
})
