// The page-view statement also writes exposures (app/visitors/page-views.server.ts): a plain insert first, and when
// PostgreSQL already has one of the batch's exposures (or the batch has one twice), the whole batch again skipping
// known ones. Either way every view lands and each visitor is exposed once, in the rollup too.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '#app/db.server'
import { writePageViews, type PageViewRow } from '#app/visitors/page-views.server'
import { experimentDaily, exposures, pageViews } from '#db/schema'

const workspaceId = randomUUID()
const pageId = randomUUID()
const experimentId = randomUUID()
const at = new Date('2026-11-20T23:59:59.500Z')

const view = (visitorId: string, variantKey: string, exposed: boolean, channel = 'direct'): PageViewRow => ({
  workspaceId,
  pageId,
  variantKey,
  visitorId,
  device: 'mobile',
  channel: 'direct',
  path: '/p/exposures',
  viewedAt: at,
  exposure: exposed ? { experimentId, channel } : null,
})

async function counted() {
  const [views] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pageViews)
    .where(eq(pageViews.pageId, pageId))
  const rows = await db.select().from(exposures).where(eq(exposures.experimentId, experimentId))
  const rollup = await db
    .select()
    .from(experimentDaily)
    .where(and(eq(experimentDaily.experimentId, experimentId), eq(experimentDaily.metric, '')))
  return { views: views!.n, exposures: rows, rollup }
}

test('views and the exposures they carry are written together; repeats are skipped, never a view lost', async () => {
  const [v1, v2, v3, v4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  await writePageViews([view(v1, 'B', true, 'paid_search'), view(v1, 'B', false), view(v2, 'A', false)], { rollups: 'follower' })
  let now = await counted()
  expect(now.views).toBe(3)
  expect(now.exposures).toEqual([{ experimentId, visitorId: v1, variantKey: 'B', device: 'mobile', channel: 'paid_search', exposedAt: at, cookieless: false }])
  expect(now.rollup).toEqual([{ experimentId, day: '2026-11-20', variantKey: 'B', device: 'mobile', channel: 'paid_search', metric: '', count: 1 }])

  // v1 again (its assignment cookie gone), v3 twice in one batch, v4 new: the plain insert is refused and the batch
  // is written again skipping known exposures. `now` past any window an earlier batch opened: the plain path first.
  await writePageViews([view(v1, 'B', true, 'paid_search'), view(v3, 'A', true), view(v3, 'A', true), view(v4, 'A', true)], { rollups: 'follower', now: Date.now() + 3_600_000 })
  // Straight after, inside the window: known exposures skipped from the start.
  await writePageViews([view(v4, 'A', true), view(v2, 'C', true)], { rollups: 'follower' })
  now = await counted()
  expect(now.views).toBe(3 + 4 + 2)
  expect(now.exposures.map((e) => `${e.visitorId}:${e.variantKey}`).sort()).toEqual([`${v1}:B`, `${v2}:C`, `${v3}:A`, `${v4}:A`].sort())
  expect(Object.fromEntries(now.rollup.map((r) => [`${r.variantKey}:${r.channel}`, r.count]))).toEqual({ 'B:paid_search': 1, 'A:direct': 2, 'C:direct': 1 })
})

test('a batch PostgreSQL refuses for another reason still fails (the batch writer counts it), never swallowed', async () => {
  await expect(writePageViews([{ ...view(randomUUID(), 'A', true), visitorId: 'not-a-uuid' }], { rollups: 'follower', now: Date.now() + 7_200_000 })).rejects.toThrow()
})

test("the view's time is kept to the millisecond (it travels as epoch milliseconds)", async () => {
  const times = ['2000-01-01T00:00:00.001Z', '2026-11-20T23:59:59.999Z', '2099-12-31T23:59:59.123Z'].map((t) => new Date(t))
  const visitorId = randomUUID()
  await writePageViews(
    times.map((viewedAt) => ({ ...view(visitorId, 'A', false), viewedAt })),
    { rollups: 'follower' },
  )
  const stored = await db.select({ viewedAt: pageViews.viewedAt }).from(pageViews).where(eq(pageViews.visitorId, visitorId))
  expect(stored.map((r) => r.viewedAt.toISOString()).sort()).toEqual(times.map((t) => t.toISOString()).sort())
})
