// The KPI rollups kept from the page views (writePageViews, or the live path's queue caught up later) must equal what
// the page views say, however the views arrive: in time order, shuffled across batches, or late. Checked against a
// plain recomputation from the views.
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { catchUpPageViewRollups } from '#app/kpis/rollup-queue.server'
import { flushPageViews, queuePageView, writePageViews } from '#app/visitors/page-views.server'
import { expectRollupsToMatch, makeViews, MINUTE, random, toRows, type View } from '#tests/kpi-rollup-reference'
import { insertConversion, insertForm, insertLead, insertPage, insertWorkspace } from '#tests/factories/lead-rows'
import { updateWorkspace } from '#app/workspaces/workspace.server'
import { visitorSessions, workspaces } from '#db/schema'

describe('KPI rollups kept by writePageViews', () => {
  test.each([1, 2, 3, 4, 5])('equal a recomputation from the views, whatever order the batches come in (seed %i)', async (seed) => {
    const workspaceId = await insertWorkspace('Rollups')
    const pages = [await insertPage({ workspaceId }), await insertPage({ workspaceId })]
    const rand = random(seed)
    const start = Date.UTC(2026, 2, 1, 12)
    const views = makeViews(
      rand,
      pages.map((p) => p.id),
      start,
    )
    // Shuffled, then written in batches of random sizes: later views often land before earlier ones.
    const shuffled = [...views].sort(() => rand() - 0.5)
    for (let i = 0; i < shuffled.length;) {
      const size = 1 + Math.floor(rand() * 7)
      await writePageViews(toRows(workspaceId, shuffled.slice(i, i + size)))
      i += size
    }
    await expectRollupsToMatch(db, workspaceId, views, start)
  })

  test('a conversion marks the session it falls in, whether its page views are written before or after it', async () => {
    const workspaceId = await insertWorkspace('Rollups conversions')
    const page = await insertPage({ workspaceId })
    const form = await insertForm({ workspaceId })
    const t0 = Date.UTC(2026, 2, 10, 9)
    const early = randomUUID() // views written first, then the conversion
    const late = randomUUID() // conversion first, its views written later
    const outside = randomUUID() // converts 30 minutes after its last view: a new, viewless moment, no session
    const view = (visitorId: string, at: number): View => ({ visitorId, pageId: page.id, variantKey: 'A', device: 'desktop', channel: 'direct', at })
    await writePageViews(toRows(workspaceId, [view(early, t0), view(outside, t0)]))
    for (const [visitorId, at] of [
      [early, t0 + 5 * MINUTE],
      [late, t0 + 10 * MINUTE],
      [outside, t0 + 30 * MINUTE],
    ] as const) {
      const lead = await insertLead({ workspaceId })
      await insertConversion({ workspaceId, leadId: lead.id, formId: form.id, pageId: page.id, visitorId, createdAt: new Date(at) })
    }
    await writePageViews(toRows(workspaceId, [view(late, t0 + 2 * MINUTE)]))
    const rows = await db.select({ visitorId: visitorSessions.visitorId, convertedAt: visitorSessions.convertedAt }).from(visitorSessions).where(eq(visitorSessions.workspaceId, workspaceId))
    const converted = Object.fromEntries(rows.map((r) => [r.visitorId, r.convertedAt?.getTime() ?? null]))
    expect(converted).toEqual({ [early]: t0 + 5 * MINUTE, [late]: t0 + 10 * MINUTE, [outside]: null })
    // A later view that extends the session keeps it converted.
    await writePageViews(toRows(workspaceId, [view(early, t0 + 20 * MINUTE)]))
    const [again] = await db
      .select({ convertedAt: visitorSessions.convertedAt, pageViews: visitorSessions.pageViews })
      .from(visitorSessions)
      .where(sql`${visitorSessions.visitorId} = ${early}`)
    expect(again).toEqual({ convertedAt: new Date(t0 + 5 * MINUTE), pageViews: 2 })
  })
})

const queued = async (workspaceId: string) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from page_view_rollup_queue q join page_views pv on pv.id = q.page_view_id where pv.workspace_id = ${workspaceId}`))[0]!.n
const rolledUp = async (workspaceId: string) => (await queryRows<{ n: number }>(db, sql`select coalesce(sum(views), 0)::int as n from page_view_daily where workspace_id = ${workspaceId}`))[0]!.n

describe('KPI rollups caught up from the queue', () => {
  test('the live path writes views raw and queued; catching up, partly between writes, gives the recomputed rollups', async () => {
    const workspaceId = await insertWorkspace('Rollup queue')
    const pages = [await insertPage({ workspaceId }), await insertPage({ workspaceId })]
    const rand = random(21)
    const start = Date.UTC(2026, 2, 1, 12)
    const views = makeViews(
      rand,
      pages.map((p) => p.id),
      start,
    )
    const shuffled = [...views].sort(() => rand() - 0.5)
    const half = Math.floor(shuffled.length / 2)
    for (const row of toRows(workspaceId, shuffled.slice(0, half))) queuePageView(row)
    await flushPageViews({ rollups: 'follower' })
    // Written, queued, not yet counted.
    expect(await queued(workspaceId)).toBe(half)
    expect(await rolledUp(workspaceId)).toBe(0)
    expect(await db.select().from(visitorSessions).where(eq(visitorSessions.workspaceId, workspaceId))).toEqual([])
    // Some caught up, then more views arrive (later ones often before earlier ones), then the rest.
    await catchUpPageViewRollups({ maxBatches: 2, batchSize: 5 })
    for (const row of toRows(workspaceId, shuffled.slice(half))) queuePageView(row)
    await flushPageViews({ rollups: 'follower' })
    await catchUpPageViewRollups({ maxBatches: 3, batchSize: 4 })
    await catchUpPageViewRollups({ batchSize: 3 })
    expect(await queued(workspaceId)).toBe(0)
    await expectRollupsToMatch(db, workspaceId, views, start)
  })

  test('two catch-ups at once count each view exactly once', async () => {
    const workspaceId = await insertWorkspace('Rollup queue, concurrent')
    const pages = [await insertPage({ workspaceId }), await insertPage({ workspaceId })]
    const rand = random(22)
    const start = Date.UTC(2026, 2, 1, 12)
    const views = Array.from({ length: 8 }, () =>
      makeViews(
        rand,
        pages.map((p) => p.id),
        start,
      ),
    ).flat()
    const shuffled = [...views].sort(() => rand() - 0.5)
    await writePageViews(toRows(workspaceId, shuffled), { rollups: 'follower' })
    expect(await queued(workspaceId)).toBe(views.length)
    // On PostgreSQL each runs on its own connection: SKIP LOCKED shares the batches, the per-visitor lock orders them.
    const counted = await Promise.all([catchUpPageViewRollups({ batchSize: 20 }), catchUpPageViewRollups({ batchSize: 20 })])
    expect(counted[0] + counted[1]).toBeGreaterThanOrEqual(views.length)
    expect(await queued(workspaceId)).toBe(0)
    expect(await rolledUp(workspaceId)).toBe(views.length)
    await expectRollupsToMatch(db, workspaceId, views, start)
  })
})

describe("KPI rollups in the workspace's time zone", () => {
  const STOCKHOLM = 'Europe/Stockholm'
  const insertZonedWorkspace = async (name: string, timezone: string) => {
    const workspaceId = await insertWorkspace(name)
    await db.update(workspaces).set({ timezone }).where(eq(workspaces.id, workspaceId))
    return workspaceId
  }
  const viewsPerDay = async (workspaceId: string) =>
    Object.fromEntries(
      (await queryRows<{ day: string; n: number }>(db, sql`select day::text, sum(views)::int as n from page_view_daily where workspace_id = ${workspaceId} group by 1 order by 1`)).map((r) => [
        r.day,
        r.n,
      ]),
    )

  // Both clock changes of 2026 (the 23-hour 29 March and the 25-hour 25 October) fall inside the views' days.
  test.each([Date.UTC(2026, 2, 26, 12), Date.UTC(2026, 9, 22, 12)])('equal a recomputation by Stockholm days (from %i)', async (start) => {
    const workspaceId = await insertZonedWorkspace('Rollups, Stockholm', STOCKHOLM)
    const pages = [await insertPage({ workspaceId }), await insertPage({ workspaceId })]
    const views = makeViews(
      random(start % 997),
      pages.map((p) => p.id),
      start,
    )
    await writePageViews(toRows(workspaceId, views))
    await expectRollupsToMatch(db, workspaceId, views, start, STOCKHOLM)
  })

  test('a view at 23:30 UTC counts on the next Stockholm day, and each clock-change day counts exactly its own views', async () => {
    const workspaceId = await insertZonedWorkspace('Rollups, local days', STOCKHOLM)
    const page = await insertPage({ workspaceId })
    const at = (iso: string): View => ({ visitorId: randomUUID(), pageId: page.id, variantKey: 'A', device: 'desktop', channel: 'direct', at: Date.parse(iso) })
    const views = [
      at('2026-11-22T23:30:00Z'), // 00:30 on 23 November in Stockholm
      // 29 March: 23 hours, 23:00Z on the 28th to 22:00Z on the 29th.
      at('2026-03-28T22:59:59Z'),
      at('2026-03-28T23:00:00Z'),
      at('2026-03-29T01:30:00Z'),
      at('2026-03-29T21:59:59Z'),
      at('2026-03-29T22:00:00Z'),
      // 25 October: 25 hours, 22:00Z on the 24th to 23:00Z on the 25th.
      at('2026-10-24T21:59:59Z'),
      at('2026-10-24T22:00:00Z'),
      at('2026-10-25T00:30:00Z'),
      at('2026-10-25T01:30:00Z'),
      at('2026-10-25T22:59:59Z'),
      at('2026-10-25T23:00:00Z'),
    ]
    await writePageViews(toRows(workspaceId, views))
    expect(await viewsPerDay(workspaceId)).toEqual({
      '2026-03-28': 1,
      '2026-03-29': 3,
      '2026-03-30': 1,
      '2026-10-24': 1,
      '2026-10-25': 4,
      '2026-10-26': 1,
      '2026-11-23': 1,
    })
  })

  test('changing the zone re-queues the views and the follower counts them by the new days; other workspaces are untouched', async () => {
    const workspaceId = await insertWorkspace('Rollups, moved to Stockholm')
    const other = await insertWorkspace('Rollups, stays in UTC')
    const start = Date.UTC(2026, 2, 27, 12)
    const views = makeViews(random(31), [(await insertPage({ workspaceId })).id], start)
    const otherViews = makeViews(random(32), [(await insertPage({ workspaceId: other })).id], start)
    await writePageViews([...toRows(workspaceId, views), ...toRows(other, otherViews)])
    await expectRollupsToMatch(db, workspaceId, views, start)

    expect(await updateWorkspace({ workspaceId, changes: { timezone: STOCKHOLM } })).toEqual({ requeued: views.length, experimentsRecounted: 0 })
    expect(await rolledUp(workspaceId)).toBe(0) // started over: the follower counts them again
    await catchUpPageViewRollups()
    await expectRollupsToMatch(db, workspaceId, views, start, STOCKHOLM)
    await expectRollupsToMatch(db, other, otherViews, start)
    // The same zone again, or a rename, leaves the rollups as they are.
    expect(await updateWorkspace({ workspaceId, changes: { timezone: STOCKHOLM, name: 'Renamed' } })).toEqual({ requeued: 0, experimentsRecounted: 0 })
    expect(await rolledUp(workspaceId)).toBe(views.length)
  })
})
