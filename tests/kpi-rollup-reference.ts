// A plain recomputation of the KPI sessions and rollups from page views, to check what writePageViews keeps
// (tests/integration/kpi-rollups.test.ts) and what migration 0006 backfills (kpi-backfill.test.ts) against.
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { queryRows, type Database } from '#app/db.server'
import { DAY_MS as DAY, dayOf, UTC } from '#app/time/days'
import type { PageViewRow } from '#app/visitors/page-views.server'

export const MINUTE = 60_000

export type View = { visitorId: string; pageId: string; variantKey: string; device: string; channel: string; at: number }

/** What the rollups should hold for `views`, with days counted in `timeZone` (the workspace's). */
export function expected(views: View[], timeZone = UTC) {
  const byVisitor = new Map<string, View[]>()
  for (const v of views) byVisitor.set(v.visitorId, [...(byVisitor.get(v.visitorId) ?? []), v])
  const sessions: { visitorId: string; startedAt: number; lastSeenAt: number; pageViews: number; entryPageId: string; device: string; channel: string }[] = []
  for (const [visitorId, list] of byVisitor) {
    list.sort((a, b) => a.at - b.at)
    for (const v of list) {
      const last = sessions.at(-1)
      if (last && last.visitorId === visitorId && v.at - last.lastSeenAt < 30 * MINUTE) {
        last.lastSeenAt = v.at
        last.pageViews++
      } else sessions.push({ visitorId, startedAt: v.at, lastSeenAt: v.at, pageViews: 1, entryPageId: v.pageId, device: v.device, channel: v.channel })
    }
  }
  const day = (t: number) => dayOf(t, timeZone)
  const count = (keys: string[]) => Object.fromEntries([...new Set(keys)].sort().map((k) => [k, keys.filter((x) => x === k).length]))
  // Distinct visitors of a period, straight from the views, for every period inside the data.
  const distinct = (from: string, to: string, pick: (v: View) => string | null) =>
    new Set(
      views
        .filter((v) => day(v.at) >= from && day(v.at) <= to)
        .map((v) => (pick(v) === null ? null : `${pick(v)}|${v.visitorId}`))
        .filter(Boolean),
    ).size
  return {
    sessions: sessions.map((s) => `${s.visitorId} ${new Date(s.startedAt).toISOString()} ${new Date(s.lastSeenAt).toISOString()} ${s.pageViews} ${s.entryPageId}`).sort(),
    sessionDaily: count(sessions.map((s) => `${day(s.startedAt)} ${s.entryPageId} ${s.device} ${s.channel} ${s.pageViews === 1}`)),
    views: count(views.map((v) => `${day(v.at)} ${v.pageId} ${v.variantKey}`)),
    distinct,
    // Visitors by the device and channel of their first view in the period.
    firstViewDims: (from: string, to: string) => {
      const first = new Map<string, View>()
      for (const v of [...views].sort((a, b) => a.at - b.at)) if (day(v.at) >= from && day(v.at) <= to && !first.has(v.visitorId)) first.set(v.visitorId, v)
      return count([...first.values()].map((v) => `${v.device} ${v.channel}`))
    },
    entryVisitors: (from: string, to: string) => new Set(sessions.filter((s) => day(s.startedAt) >= from && day(s.startedAt) <= to).map((s) => `${s.entryPageId}|${s.visitorId}`)).size,
  }
}

async function actual(db: Database, workspaceId: string) {
  const sessions = await queryRows<{ line: string }>(
    db,
    sql`select visitor_id || ' ' || to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ' ' || to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ' ' || page_views || ' ' || entry_page_id as line
      from visitor_sessions where workspace_id = ${workspaceId}`,
  )
  const daily = await queryRows<{ key: string; n: number }>(
    db,
    sql`select day::text || ' ' || entry_page_id || ' ' || device || ' ' || channel || ' ' || (k.single = 1)::text as key, sum(n)::int as n
      from session_daily, lateral (values (1, single_page), (0, sessions - single_page)) as k(single, n) where workspace_id = ${workspaceId}
      group by 1 having sum(n) <> 0`,
  )
  const views = await queryRows<{ key: string; n: number }>(
    db,
    sql`select day::text || ' ' || page_id || ' ' || variant_key as key, views as n from page_view_daily where workspace_id = ${workspaceId} and views <> 0`,
  )
  return {
    sessions: sessions.map((r) => r.line).sort(),
    sessionDaily: Object.fromEntries(daily.map((r) => [r.key, r.n]).sort(([a], [b]) => String(a).localeCompare(String(b)))),
    views: Object.fromEntries(views.map((r) => [r.key, r.n]).sort(([a], [b]) => String(a).localeCompare(String(b)))),
  }
}

async function rollupVisitorDims(db: Database, workspaceId: string, from: string, to: string) {
  const rows = await queryRows<{ key: string; n: number }>(
    db,
    sql`select device || ' ' || channel as key, sum(visitors)::int as n from visitor_daily
      where workspace_id = ${workspaceId} and kind = 'all' and day between ${from}::date and ${to}::date and (gap = 0 or gap > day - ${from}::date)
      group by 1 having sum(visitors) <> 0 order by 1`,
  )
  return Object.fromEntries(rows.map((r) => [r.key, r.n]))
}

/** Distinct visitors of [from, to] from the rollup, as the dashboard reads it. */
async function rollupVisitors(db: Database, workspaceId: string, kind: string, from: string, to: string) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(visitors), 0)::int as n from visitor_daily
      where workspace_id = ${workspaceId} and kind = ${kind} and day between ${from}::date and ${to}::date and (gap = 0 or gap > day - ${from}::date)`,
  )
  return row!.n
}

export function toRows(workspaceId: string, views: View[]): PageViewRow[] {
  return views.map((v) => ({ workspaceId, pageId: v.pageId, variantKey: v.variantKey, visitorId: v.visitorId, device: v.device, channel: v.channel, path: '/p/x', viewedAt: new Date(v.at) }))
}

// A small deterministic generator, so a failure can be replayed.
export function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export function makeViews(rand: () => number, pageIds: string[], start: number) {
  const visitors = Array.from({ length: 12 }, () => randomUUID())
  const views: View[] = []
  for (const visitorId of visitors) {
    const device = rand() < 0.5 ? 'mobile' : 'desktop'
    let at = start + Math.floor(rand() * 5 * DAY)
    for (let i = 0, n = 1 + Math.floor(rand() * 9); i < n; i++) {
      // Gaps around the 30-minute boundary, within a day, and across days.
      const r = rand()
      at += 1 + (r < 0.3 ? Math.floor(rand() * 29 * MINUTE) : r < 0.45 ? 30 * MINUTE - 1 + Math.floor(rand() * 3) : r < 0.8 ? Math.floor(rand() * 6 * 3600_000) : Math.floor(rand() * 3 * DAY))
      views.push({ visitorId, pageId: pageIds[Math.floor(rand() * pageIds.length)]!, variantKey: rand() < 0.5 ? 'A' : 'B', device, channel: rand() < 0.5 ? 'direct' : 'email', at })
    }
  }
  return views
}

/**
 * Every rollup of `workspaceId` in `db` against a recomputation from `views`, for every period within 12 days of
 * `start`, with days in `timeZone` (the workspace's).
 */
export async function expectRollupsToMatch(db: Database, workspaceId: string, views: View[], start: number, timeZone = UTC) {
  const want = expected(views, timeZone)
  const got = await actual(db, workspaceId)
  expect(got.sessions).toEqual(want.sessions)
  expect(got.sessionDaily).toEqual(want.sessionDaily)
  expect(got.views).toEqual(want.views)
  const days = Array.from({ length: 12 }, (_, i) => dayOf(start + (i - 1) * DAY, timeZone))
  for (const from of days) {
    for (const to of days.filter((d) => d >= from)) {
      expect(await rollupVisitors(db, workspaceId, 'all', from, to), `all ${from}..${to}`).toBe(want.distinct(from, to, () => ''))
      expect(await rollupVisitors(db, workspaceId, 'page', from, to), `page ${from}..${to}`).toBe(want.distinct(from, to, (v) => `${v.pageId}/${v.variantKey}`))
      expect(await rollupVisitors(db, workspaceId, 'entry', from, to), `entry ${from}..${to}`).toBe(want.entryVisitors(from, to))
      expect(await rollupVisitorDims(db, workspaceId, from, to), `device and channel ${from}..${to}`).toEqual(want.firstViewDims(from, to))
    }
  }
}
