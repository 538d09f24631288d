// Retention of raw page views (issue 19): the maintenance worker deletes a workspace's page views older than its
// retentionMonths, in batches; the rollups built from them stay, views not yet counted stay until they are, and
// another workspace's views follow its own setting.
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { catchUpPageViewRollups } from '#app/kpis/rollup-queue.server'
import { writePageViews, type PageViewRow } from '#app/visitors/page-views.server'
import { runMaintenance } from '#app/workers/maintenance.server'
import { deleteExpiredPageViews } from '#app/workers/page-view-retention.server'
import { updateWorkspace } from '#app/workspaces/workspace.server'
import { workspaces } from '#db/schema'
import { insertPage, insertWorkspace } from '#tests/factories/lead-rows'

const NOW = new Date()
/** `months` calendar months (and a day) before now, as PostgreSQL counts them. */
const monthsAgo = (months: number, extraDays = 1) => {
  const d = new Date(NOW)
  d.setUTCMonth(d.getUTCMonth() - months)
  return new Date(d.getTime() - extraDays * 86_400_000)
}

async function setRetention(workspaceId: string, months: number) {
  await db
    .update(workspaces)
    .set({ privacy: sql`jsonb_set(privacy, '{retentionMonths}', ${String(months)}::jsonb)` })
    .where(eq(workspaces.id, workspaceId))
}

const view = (workspaceId: string, pageId: string, viewedAt: Date): PageViewRow => ({
  workspaceId,
  pageId,
  variantKey: 'A',
  visitorId: randomUUID(),
  device: 'desktop',
  channel: 'direct',
  path: '/p/x',
  viewedAt,
})

const countViews = async (workspaceId: string) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from page_views where workspace_id = ${workspaceId}`))[0]!.n
const rollups = async (workspaceId: string) =>
  (
    await queryRows<{ views: number; visitors: number; sessions: number }>(
      db,
      sql`select (select coalesce(sum(views), 0)::int from page_view_daily where workspace_id = ${workspaceId}) as views,
        (select coalesce(sum(visitors), 0)::int from visitor_daily where workspace_id = ${workspaceId} and kind = 'all') as visitors,
        (select coalesce(sum(sessions), 0)::int from session_daily where workspace_id = ${workspaceId}) as sessions`,
    )
  )[0]!

test('page views past the retention go, in batches; the rollups stay; another workspace keeps its own', async () => {
  const kept13 = await insertWorkspace('Retention 13 months')
  const kept24 = await insertWorkspace('Retention 24 months')
  await setRetention(kept24, 24)
  const [page13, page24] = [await insertPage({ workspaceId: kept13 }), await insertPage({ workspaceId: kept24 })]
  await writePageViews([
    ...Array.from({ length: 5 }, (_, i) => view(kept13, page13.id, monthsAgo(14, i))),
    view(kept13, page13.id, monthsAgo(12)),
    view(kept13, page13.id, NOW),
    view(kept24, page24.id, monthsAgo(14)),
    view(kept24, page24.id, monthsAgo(25)),
  ])
  const before = { kept13: await rollups(kept13), kept24: await rollups(kept24) }
  expect(before.kept13.views).toBe(7)

  // Batches of two, at most two a round: 4 of the 5 expired views go and there is more to do.
  expect(await deleteExpiredPageViews({ batchSize: 2, maxBatches: 2 })).toMatchObject({ hasMore: true })
  expect(await countViews(kept13)).toBe(3)
  await runMaintenance()
  expect(await countViews(kept13)).toBe(2)
  expect(await countViews(kept24)).toBe(1)
  const left = await queryRows<{ at: Date }>(db, sql`select viewed_at as at from page_views where workspace_id in (${kept13}, ${kept24}) order by viewed_at`)
  expect(left.map((r) => new Date(r.at).getTime())).toEqual([monthsAgo(14), monthsAgo(12), NOW].map((d) => d.getTime()))
  // The dashboard's rollups are what they were.
  expect({ kept13: await rollups(kept13), kept24: await rollups(kept24) }).toEqual(before)
})

test('a view not yet counted in the rollups is kept until the follower has counted it', async () => {
  const workspaceId = await insertWorkspace('Retention queued')
  const page = await insertPage({ workspaceId })
  await writePageViews([view(workspaceId, page.id, monthsAgo(20))], { rollups: 'follower' })
  await runMaintenance()
  expect(await countViews(workspaceId)).toBe(1)
  await catchUpPageViewRollups()
  await runMaintenance()
  expect(await countViews(workspaceId)).toBe(0)
  expect((await rollups(workspaceId)).views).toBe(1)
})

test('a time-zone change keeps the days whose raw views retention deleted and recounts the rest by the new zone', async () => {
  const workspaceId = await insertWorkspace('Retention then zone change')
  const page = await insertPage({ workspaceId })
  const ymd = (d: Date) => d.toISOString().slice(0, 10)
  const plusDays = (day: string, n: number) => ymd(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000))
  const at = (day: string, time: string) => new Date(`${day}T${time}:00Z`)
  const [day15, day14, d0, recent] = [ymd(monthsAgo(15)), ymd(monthsAgo(14)), ymd(monthsAgo(12)), ymd(monthsAgo(2))]
  // One visitor seen on D0 and again the day after: the recounted day's gap follows the kept day.
  const returning = view(workspaceId, page.id, at(d0, '10:00'))
  await writePageViews([
    view(workspaceId, page.id, at(day15, '12:00')),
    view(workspaceId, page.id, at(day15, '12:00')),
    view(workspaceId, page.id, at(day15, '23:30')),
    view(workspaceId, page.id, at(day14, '12:00')),
    view(workspaceId, page.id, at(day14, '12:10')),
    // D0, the oldest day with raw views left: kept as counted (by UTC), its 23:30 view too.
    returning,
    view(workspaceId, page.id, at(d0, '23:30')),
    // The day after D0 and a recent day are recounted: 23:30 UTC is the next day in Stockholm.
    { ...view(workspaceId, page.id, at(plusDays(d0, 1), '23:30')), visitorId: returning.visitorId },
    view(workspaceId, page.id, at(recent, '12:00')),
    view(workspaceId, page.id, at(recent, '23:30')),
  ])
  await runMaintenance()
  expect(await countViews(workspaceId)).toBe(5)

  const { requeued } = await updateWorkspace({ workspaceId, changes: { timezone: 'Europe/Stockholm' } })
  expect(requeued).toBe(3)
  await catchUpPageViewRollups()

  const perDay = async (table: string, column: string, extra = sql``) =>
    Object.fromEntries(
      (
        await queryRows<{ day: string; n: number }>(
          db,
          sql`select day::text as day, sum(${sql.identifier(column)})::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId} ${extra} group by day order by day`,
        )
      ).map((r) => [r.day, r.n]),
    )
  const expected = { [day15]: 3, [day14]: 2, [d0]: 2, [plusDays(d0, 2)]: 1, [recent]: 1, [plusDays(recent, 1)]: 1 }
  expect(await perDay('page_view_daily', 'views')).toEqual(expected)
  // Every view its own session and its own visitor-day.
  expect(await perDay('session_daily', 'sessions')).toEqual(expected)
  expect(await perDay('visitor_daily', 'visitors', sql`and kind = 'all'`)).toEqual(expected)
  // Nothing counted twice or lost at the boundary: the 5 kept views plus the 5 raw ones.
  expect(await rollups(workspaceId)).toEqual({ views: 10, visitors: 10, sessions: 10 })
  const [sessions] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from visitor_sessions where workspace_id = ${workspaceId}`)
  expect(sessions!.n).toBe(10)
  const gaps = await queryRows<{ day: string; gap: number }>(db, sql`select day::text as day, gap from visitor_daily where workspace_id = ${workspaceId} and kind = 'all' and gap <> 0`)
  expect(gaps).toEqual([{ day: plusDays(d0, 2), gap: 2 }])
})

test('a time-zone change with no view deleted by retention still recounts every day', async () => {
  const workspaceId = await insertWorkspace('Zone change, nothing expired')
  const page = await insertPage({ workspaceId })
  const day = monthsAgo(12).toISOString().slice(0, 10)
  await writePageViews([view(workspaceId, page.id, new Date(`${day}T23:30:00Z`)), view(workspaceId, page.id, NOW)])
  await runMaintenance()
  expect(await updateWorkspace({ workspaceId, changes: { timezone: 'Europe/Stockholm' } })).toMatchObject({ requeued: 2 })
  await catchUpPageViewRollups()
  const [moved] = await queryRows<{ day: string }>(db, sql`select min(day)::text as day from page_view_daily where workspace_id = ${workspaceId}`)
  expect(moved!.day).toBe(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
  expect((await rollups(workspaceId)).views).toBe(2)
})

test('a session running across the kept days boundary is counted once after a time-zone change', async () => {
  const workspaceId = await insertWorkspace('Zone change, session across the boundary')
  const page = await insertPage({ workspaceId })
  const d0 = monthsAgo(12).toISOString().slice(0, 10)
  const next = new Date(Date.parse(`${d0}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  const visitor = view(workspaceId, page.id, new Date(`${d0}T23:50:00Z`))
  await writePageViews([view(workspaceId, page.id, monthsAgo(15)), visitor, { ...visitor, viewedAt: new Date(`${next}T00:10:00Z`) }])
  await runMaintenance()
  expect(await updateWorkspace({ workspaceId, changes: { timezone: 'Europe/Stockholm' } })).toMatchObject({ requeued: 1 })
  await catchUpPageViewRollups()
  const sessions = await queryRows<{ startedAt: Date; pageViews: number }>(
    db,
    sql`select started_at as "startedAt", page_views as "pageViews" from visitor_sessions where workspace_id = ${workspaceId} order by started_at`,
  )
  expect(sessions.slice(1).map((s) => ({ ...s, startedAt: new Date(s.startedAt).toISOString() }))).toEqual([{ startedAt: `${d0}T23:50:00.000Z`, pageViews: 2 }])
  // The session stays on its kept (UTC) day; its 00:10 view is recounted on Stockholm's day.
  const [daily] = await queryRows<{ days: string }>(
    db,
    sql`select string_agg(day::text || ':' || sessions, ',' order by day) as days from session_daily where workspace_id = ${workspaceId} and day >= ${d0}::date`,
  )
  expect(daily!.days).toBe(`${d0}:1`)
  expect(await rollups(workspaceId)).toEqual({ views: 3, visitors: 3, sessions: 2 })
})
