import { sql } from 'drizzle-orm'
import { queryRows, type Transaction } from '#app/db.server'
import { jsonBatch } from '#app/events/json-batch'
import { ASKED_CONSENTS, COOKIELESS_CONSENTS } from '#app/kpis/consent'

// The marketing dashboard's rollups, updated for each batch of queued page views (app/kpis/rollup-queue.server.ts,
// a few seconds behind the live writes), so they equal the page views and the dashboard never scans raw views. Migration 0006 builds the same
// tables from the views recorded before it, with the same rules.
//
// Sessions: a visitor's page views in one workspace with less than 30 minutes between one and the next. A batch
// rebuilds, for each of its visitors, the sessions its views touch from page_views itself (the visitor's
// overlapping sessions are deleted and their views re-read through the (visitor_id, viewed_at) index), so views
// that arrive late or out of order (several processes, a seed writing history) give the same sessions as views
// written in time order. A per-(workspace, visitor) advisory lock, also taken by the trigger that marks a
// session converted, serialises the batches of one visitor across processes.
//
// Distinct visitors over any period cannot be summed from daily distinct counts. visitor_days records which days
// a visitor was seen (in the workspace, on a page and variant, entering on a page); visitor_daily counts those
// rows per day and gap (days since the same visitor's previous such day), so the visitors of [a, b] are
// sum(visitors) where day in [a, b] and (gap = 0 or gap > day − a): each visitor counted once, on their first
// day in the period. Exact, and a sum over a few thousand rollup rows at any volume.
//
// Every day here is a day in the workspace's time zone (workspaces.timezone, read in the batch's transaction), so
// a view at 23:30 UTC counts on the next day in Stockholm. Changing the zone re-queues the workspace's views
// (rebuildWorkspaceRollups, app/kpis/rollup-queue.server.ts; decision 072).

export const SESSION_GAP = sql`interval '30 minutes'`
/** Advisory lock class of the per-visitor lock (the trigger of migration 0006 uses the same). */
const VISITOR_LOCK_CLASS = 7_331_002
/** visitor_daily.gap for "no earlier day within the longest period" (MAX_PERIOD_DAYS = 366). */
const GAP_CAP = 366
const NIL_UUID = '00000000-0000-0000-0000-000000000000'
const ASKED = sql.raw(ASKED_CONSENTS.map((c) => `'${c}'`).join(', '))
const COOKIELESS = sql.raw(COOKIELESS_CONSENTS.map((c) => `'${c}'`).join(', '))

/** The page views a batch updates the rollups for, as the rollup follower builds it from page_views (`build('pv')`). */
export const rollupBatch = jsonBatch([
  ['workspace_id', 'uuid'],
  ['page_id', 'uuid'],
  ['variant_key', 'text'],
  ['visitor_id', 'uuid'],
  ['device', 'text'],
  ['channel', 'text'],
  ['viewed_at', 'timestamptz'],
  ['consent', 'text'],
])

/** The days each visitor's rebuilt sessions span, from rebuildSessions to updateVisitorDays. */
const spanBatch = jsonBatch([
  ['workspace_id', 'uuid'],
  ['visitor_id', 'uuid'],
  ['first_day', 'date'],
  ['last_day', 'date'],
])

/** Updates sessions and rollups for a batch of page views already inserted (and dequeued in `tx`), encoded as rollupBatch. */
export async function maintainPageViewRollups(tx: Transaction, json: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${VISITOR_LOCK_CLASS}, hashtext(k)) from (
      select distinct workspace_id::text || visitor_id::text as k from (${rollupBatch.select(json)}) as views order by 1
    ) as keys`)
  const spans = await rebuildSessions(tx, json)
  await updateVisitorDays(
    tx,
    json,
    spanBatch.encode(spans, (s) => [s.workspace_id, s.visitor_id, s.first_day, s.last_day]),
  )
}

type Span = { workspace_id: string; visitor_id: string; first_day: string; last_day: string }

/** Rebuilds the sessions the batch's views touch; returns the days each visitor's rebuilt sessions span. */
function rebuildSessions(tx: Transaction, json: string) {
  return queryRows<Span>(
    tx,
    sql`with batch as (
      select workspace_id, visitor_id, min(viewed_at) as lo, max(viewed_at) as hi from (${rollupBatch.select(json)}) as views group by 1, 2
    ), old as (
      delete from visitor_sessions s using batch b
      where s.workspace_id = b.workspace_id and s.visitor_id = b.visitor_id
        and s.last_seen_at > b.lo - ${SESSION_GAP} and s.started_at < b.hi + ${SESSION_GAP}
      returning s.*
    ), span as (
      select b.workspace_id, b.visitor_id, least(b.lo, min(o.started_at)) as lo, greatest(b.hi, max(o.last_seen_at)) as hi
      from batch b left join old o on o.workspace_id = b.workspace_id and o.visitor_id = b.visitor_id
      group by b.workspace_id, b.visitor_id, b.lo, b.hi
    ), marked as (
      select pv.workspace_id, pv.visitor_id, pv.page_id, pv.variant_key, pv.device, pv.channel, pv.viewed_at, pv.id,
        case when pv.viewed_at - lag(pv.viewed_at) over w < ${SESSION_GAP} then 0 else 1 end as starts
      from span s join page_views pv on pv.visitor_id = s.visitor_id and pv.workspace_id = s.workspace_id and pv.viewed_at between s.lo and s.hi
      window w as (partition by pv.workspace_id, pv.visitor_id order by pv.viewed_at, pv.id)
    ), numbered as (
      select *, sum(starts) over (partition by workspace_id, visitor_id order by viewed_at, id) as n from marked
    ), rebuilt as (
      select workspace_id, visitor_id, min(viewed_at) as started_at, max(viewed_at) as last_seen_at, count(*)::int as page_views,
        (array_agg(page_id order by viewed_at, id))[1] as entry_page_id, (array_agg(variant_key order by viewed_at, id))[1] as entry_variant_key,
        (array_agg(device order by viewed_at, id))[1] as device, (array_agg(channel order by viewed_at, id))[1] as channel
      from numbered group by workspace_id, visitor_id, n
    ), inserted as (
      -- Runs after \`old\` has deleted: its rows come through \`span\`, an aggregate over all of \`old\`.
      insert into visitor_sessions (workspace_id, visitor_id, started_at, last_seen_at, page_views, entry_page_id, entry_variant_key, device, channel, converted_at)
      select s.*, (select min(c.created_at) from conversions c
          where c.workspace_id = s.workspace_id and c.visitor_id = s.visitor_id and c.created_at >= s.started_at and c.created_at < s.last_seen_at + ${SESSION_GAP})
      from rebuilt s
      returning *
    ), zones as (
      select w.id as workspace_id, w.timezone from workspaces w where w.id in (select workspace_id from batch)
    ), delta as (
      select workspace_id, (started_at at time zone timezone)::date as day, entry_page_id, entry_variant_key, device, channel, 1 as sessions, (page_views = 1)::int as single_page from inserted join zones using (workspace_id)
      union all
      select workspace_id, (started_at at time zone timezone)::date, entry_page_id, entry_variant_key, device, channel, -1, -(page_views = 1)::int from old join zones using (workspace_id)
    ), counted as (
      insert into session_daily as d (workspace_id, day, entry_page_id, entry_variant_key, device, channel, sessions, single_page)
      select workspace_id, day, entry_page_id, entry_variant_key, device, channel, sum(sessions)::int, sum(single_page)::int
      from delta group by 1, 2, 3, 4, 5, 6 having sum(sessions) <> 0 or sum(single_page) <> 0
      order by 1, 2, 3, 4, 5, 6
      on conflict (workspace_id, day, entry_page_id, entry_variant_key, device, channel)
      do update set sessions = d.sessions + excluded.sessions, single_page = d.single_page + excluded.single_page
    )
    select workspace_id, visitor_id, (lo at time zone timezone)::date::text as first_day, (hi at time zone timezone)::date::text as last_day from span join zones using (workspace_id)`,
  )
}

/**
 * Counts the batch's views per day, page and variant; records the days the batch's visitors were seen ('all', with
 * the device and channel of the day's first view, 'page') and entered on a page ('entry', from the rebuilt sessions
 * of `spansJson`), and moves visitor_daily by the difference each change makes to the (day, gap, device, channel)
 * of the changed visitor's days.
 */
async function updateVisitorDays(tx: Transaction, json: string, spansJson: string) {
  const key = (a: string, b: string) => sql.raw(['workspace_id', 'visitor_id', 'kind', 'page_id', 'variant_key', 'day'].map((c) => `${a}.${c} = ${b}.${c}`).join(' and '))
  await tx.execute(sql`with views as (
      select v.*, w.timezone from (${rollupBatch.select(json)}) as v join workspaces w on w.id = v.workspace_id
    ), spans as (
      select p.*, w.timezone from (${spanBatch.select(spansJson)}) as p join workspaces w on w.id = p.workspace_id
    ), seen as (
      select distinct on (workspace_id, visitor_id, kind, page_id, variant_key, day) workspace_id, visitor_id, kind, page_id, variant_key, day, device, channel, viewed_at as first_at
      from (
        select workspace_id, visitor_id, 'all' as kind, ${NIL_UUID}::uuid as page_id, '' as variant_key, (viewed_at at time zone timezone)::date as day, device, channel, viewed_at from views
        union all
        select workspace_id, visitor_id, 'page', page_id, variant_key, (viewed_at at time zone timezone)::date, '', '', viewed_at from views
      ) v
      order by workspace_id, visitor_id, kind, page_id, variant_key, day, viewed_at
    ), entered as (
      -- Entry pages of every session starting on the rebuilt days (not only the rebuilt sessions).
      select s.workspace_id, s.visitor_id, 'entry' as kind, s.entry_page_id as page_id, '' as variant_key, (s.started_at at time zone p.timezone)::date as day,
        '' as device, '' as channel, min(s.started_at) as first_at
      from spans p join visitor_sessions s on s.workspace_id = p.workspace_id and s.visitor_id = p.visitor_id
        and s.started_at >= p.first_day::timestamp at time zone p.timezone and s.started_at < (p.last_day + 1)::timestamp at time zone p.timezone
      group by 1, 2, 3, 4, 5, 6
    ), entered_before as (
      select d.* from spans p join visitor_days d on d.workspace_id = p.workspace_id and d.visitor_id = p.visitor_id and d.kind = 'entry' and d.day between p.first_day and p.last_day
    ), removed as (
      delete from visitor_days d using entered_before x
      where ${key('d', 'x')} and not exists (select 1 from entered e where ${key('e', 'x')})
      returning d.*
    ), added as (
      -- A view earlier in its day than the one recorded (views arrive out of order) takes over the day's device and channel.
      insert into visitor_days as d (workspace_id, visitor_id, kind, page_id, variant_key, day, device, channel, first_at)
      select * from seen union all select * from entered e where not exists (select 1 from entered_before x where ${key('e', 'x')})
      on conflict (workspace_id, visitor_id, kind, page_id, variant_key, day)
      do update set device = excluded.device, channel = excluded.channel, first_at = excluded.first_at where d.kind = 'all' and excluded.first_at < d.first_at
      returning *
    ), changed as (
      select distinct workspace_id, visitor_id, kind, page_id, variant_key from added
      union select workspace_id, visitor_id, kind, page_id, variant_key from removed
    ), before as (
      select d.* from changed c join visitor_days d using (workspace_id, visitor_id, kind, page_id, variant_key)
    ), after as (
      select * from before b where not exists (select 1 from removed r where ${key('r', 'b')}) and not exists (select 1 from added a where ${key('a', 'b')})
      union all select * from added
    ), viewed as (
      -- The consent counts: app/kpis/consent.ts says what each means.
      insert into page_view_daily as d (workspace_id, day, page_id, variant_key, views, asked_views, consented_views, cookieless_views)
      select workspace_id, (viewed_at at time zone timezone)::date, page_id, variant_key, count(*)::int,
        count(*) filter (where consent in (${ASKED})), count(*) filter (where consent = 'granted'), count(*) filter (where consent in (${COOKIELESS}))
      from views group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (workspace_id, day, page_id, variant_key) do update set views = d.views + excluded.views,
        asked_views = d.asked_views + excluded.asked_views, consented_views = d.consented_views + excluded.consented_views,
        cookieless_views = d.cookieless_views + excluded.cookieless_views
    ), delta as (
      select workspace_id, kind, page_id, variant_key, day, device, channel, day - lag(day) over w as gap, 1 as visitors
      from after window w as (partition by workspace_id, visitor_id, kind, page_id, variant_key order by day)
      union all
      select workspace_id, kind, page_id, variant_key, day, device, channel, day - lag(day) over w, -1
      from before window w as (partition by workspace_id, visitor_id, kind, page_id, variant_key order by day)
    )
    insert into visitor_daily as d (workspace_id, kind, page_id, variant_key, day, gap, device, channel, visitors)
    select workspace_id, kind, page_id, variant_key, day, case when gap <= ${GAP_CAP} then gap else 0 end as gap_days, device, channel, sum(visitors)::int
    from delta group by 1, 2, 3, 4, 5, 6, 7, 8 having sum(visitors) <> 0
    order by 1, 5, 2, 3, 4, 6, 7, 8
    on conflict (workspace_id, day, kind, page_id, variant_key, gap, device, channel) do update set visitors = d.visitors + excluded.visitors`)
}
