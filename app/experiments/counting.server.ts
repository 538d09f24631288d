import { sql, type SQL } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'

// What an experiment counts: exposures and conversions, never a counter row updated per request. An exposure
// (one per experiment and visitor) rides on the page view that first serves the visitor their variant and is
// written, with its daily rollup, by the page-view statement (app/visitors/page-views.server.ts).
//
// A conversion of an experiment's visitor is counted in the statement that records the conversion
// (experimentConversionCtes, spliced into app/conversions/record.server.ts): it is durable exactly when the visitor
// gets the acknowledgement, so no crash, outage or shutdown can lose it (an in-memory batch lost up to a quarter of
// them under kill -9). A visitor converts at most once per metric (`any`, `soft|hard`, `form:<id>`: the
// experiment_conversions primary key; a repeat, or a second conversion racing the first, inserts nothing), and the
// visitor's first conversion adds its lead to experiment_leads for the lead-quality figures. It also writes the
// visitor's exposure if the page view carrying it is not written (yet, or ever: kill -9), so a converted visitor is
// always among the variant's visitors.
//
// The daily rollup is not updated there: concurrent conversions of one variant on one day would all update the same
// experiment_daily row and serialise on its lock (~3k/s with a 35 ms p99, STACK.md). Instead the statement queues
// the conversion (experiment_conversion_queue), the rollup follower adds queued rows to experiment_daily a batch at
// a time (catchUpExperimentConversionRollups, in the same transaction that dequeues them), and every reader adds
// the rows still queued (pendingConversionRows), in one statement, so the counts are exact at any moment, follower
// behind or not.

/** What the conversion statement needs to count a conversion in its visitor's experiment. */
export type ExperimentConversionInput = {
  experimentId: string
  visitorId: string
  variantKey: string
  conversionType: 'soft' | 'hard'
  formId: string
  device: string
  channel: string
  /** The app's clock, like a page view's time (the conversion row's created_at is the database's). */
  convertedAt: Date
}

/**
 * The CTEs that count a conversion in its experiment, for the statement that records it: they read its CTEs
 * `conversion` (id) and `lead` (id, stage, deal_value, as RETURNING gave them) and add nothing when
 * those are empty (a refused submission). The metrics go in a fixed order, so two conversions of one visitor meet
 * on `any` first and the second waits there for the first to commit, holding nothing the first needs.
 */
export function experimentConversionCtes(c: ExperimentConversionInput) {
  const convertedAt = c.convertedAt.toISOString()
  return sql`, experiment_converted as (
    insert into experiment_conversions (experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at)
    select ${c.experimentId}::uuid, ${c.visitorId}::uuid, m.metric, ${c.variantKey}::text, conversion.id, ${convertedAt}::timestamptz
    from conversion cross join (values (1, 'any'), (2, ${c.conversionType}::text), (3, ${`form:${c.formId}`}::text)) as m(ord, metric)
    order by m.ord
    on conflict (experiment_id, metric, visitor_id) do nothing
    returning metric
  ), experiment_exposed as (
    -- A converting visitor was exposed (the assignment cookie is set only with an exposure), but the page view that
    -- carries the exposure may not be written yet, or ever (it waits in memory up to a second, and kill -9 loses
    -- that second): then the conversion writes it, so the visitor counts among the variant's visitors too.
    insert into exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at)
    select ${c.experimentId}::uuid, ${c.visitorId}::uuid, ${c.variantKey}::text, ${c.device}::text, ${c.channel}::text, ${convertedAt}::timestamptz from conversion
    on conflict (experiment_id, visitor_id) do nothing
    returning visitor_id
  ), experiment_segment as (
    -- The visitor counts in the segment of its exposure (device and channel of the first view), so each segment's
    -- rate is its own visitors' rate: the exposure already written, else the one this statement writes. (One that a
    -- page view commits while this statement runs is not seen here: that conversion counts in its own segment.)
    select coalesce(e.device, ${c.device}::text) as device, coalesce(e.channel, ${c.channel}::text) as channel
    from (values (1)) as one left join exposures e on e.experiment_id = ${c.experimentId}::uuid and e.visitor_id = ${c.visitorId}::uuid
  ), experiment_queued as (
    -- Metric '' is a visitor, as in experiment_daily.
    insert into experiment_conversion_queue (experiment_id, conversion_id, visitor_id, variant_key, device, channel, converted_at, metrics)
    select ${c.experimentId}::uuid, conversion.id, ${c.visitorId}::uuid, ${c.variantKey}::text, s.device, s.channel, ${convertedAt}::timestamptz, q.metrics
    from conversion, experiment_segment s, (select array(select metric from experiment_converted union all select '' from experiment_exposed) as metrics) q
    where cardinality(q.metrics) > 0
  ), experiment_lead as (
    -- The lead as this statement left it (its row stays locked until commit, so a stage change waits and then
    -- finds this row for its trigger), with the furthest stage its history reached.
    insert into experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value)
    select ${c.experimentId}::uuid, ${c.variantKey}::text, lead.id,
      greatest(lead_stage_rank(lead.stage), coalesce((select max(lead_stage_rank(h.to_stage)) from lead_stage_changes h where h.lead_id = lead.id), 0)),
      lead.stage = 'lost', case when lead.stage in ('opportunity', 'customer') then coalesce(lead.deal_value, 0) else 0 end
    from lead where exists (select 1 from experiment_converted where metric = 'any')
    on conflict do nothing
  )`
}

export type ExperimentConversionRow = {
  experimentId: string
  visitorId: string
  metric: string
  variantKey: string
  conversionId: string
  device: string
  channel: string
  convertedAt: Date
}

/**
 * Experiment conversions of conversions already stored, in bulk (the demo history, tests), by the same rules as
 * the live statement; the rollups are caught up before it returns. The live path never calls this.
 */
export async function writeExperimentConversions(rows: ExperimentConversionRow[]) {
  const json = JSON.stringify(rows.map((r) => [r.experimentId, r.visitorId, r.metric, r.variantKey, r.conversionId, r.device, r.channel, r.convertedAt]))
  await db.execute(sql`with rows as (
      select (r->>0)::uuid as experiment_id, (r->>1)::uuid as visitor_id, r->>2 as metric, r->>3 as variant_key, (r->>4)::uuid as conversion_id,
        r->>5 as device, r->>6 as channel, (r->>7)::timestamptz as converted_at
      from jsonb_array_elements(${json}::jsonb) as r
    ), first_rows as (
      -- The same visitor converting twice in one call: the first conversion is the one that counts.
      select distinct on (experiment_id, visitor_id, metric) * from rows order by experiment_id, visitor_id, metric, converted_at
    ), inserted as (
      insert into experiment_conversions (experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at)
      select experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at from first_rows
      on conflict (experiment_id, metric, visitor_id) do nothing
      returning experiment_id, visitor_id, metric, conversion_id
    ), queued as (
      -- In the segment of the visitor's exposure, as the live statement counts it.
      insert into experiment_conversion_queue (experiment_id, conversion_id, visitor_id, variant_key, device, channel, converted_at, metrics)
      select i.experiment_id, i.conversion_id, min(r.visitor_id::text)::uuid, min(r.variant_key), min(coalesce(e.device, r.device)), min(coalesce(e.channel, r.channel)),
        min(r.converted_at), array_agg(i.metric)
      from inserted i join first_rows r on r.experiment_id = i.experiment_id and r.visitor_id = i.visitor_id and r.metric = i.metric
      left join exposures e on e.experiment_id = i.experiment_id and e.visitor_id = i.visitor_id
      group by i.experiment_id, i.conversion_id
    ), converted_leads as (
      select l.id, l.stage, l.deal_value from leads l
      where l.id in (select c.lead_id from inserted i join conversions c on c.id = i.conversion_id where i.metric = 'any')
      for share
    )
    insert into experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value)
    select distinct on (r.experiment_id, r.variant_key, l.id) r.experiment_id, r.variant_key, l.id,
      greatest(lead_stage_rank(l.stage), coalesce((select max(lead_stage_rank(h.to_stage)) from lead_stage_changes h where h.lead_id = l.id), 0)),
      l.stage = 'lost', case when l.stage in ('opportunity', 'customer') then coalesce(l.deal_value, 0) else 0 end
    from inserted i join first_rows r on r.experiment_id = i.experiment_id and r.visitor_id = i.visitor_id and r.metric = i.metric
    join conversions c on c.id = i.conversion_id join converted_leads l on l.id = c.lead_id
    where i.metric = 'any'
    on conflict do nothing`)
  await catchUpExperimentConversionRollups()
}

/**
 * The queued (not yet rolled up) experiment conversions matching `where` (over the queue, as `q`), counted per
 * experiment, day, variant, segment and metric like experiment_daily rows: a reader puts them UNION ALL beside
 * experiment_daily, in the same statement, so a batch the follower moves at that moment is counted once, on one side
 * or the other. The queue row carries its segment, so this reads the queue alone, and it groups before unnesting
 * the metrics and formats each group's day once: with 10,000 queued conversions the results' rollup query took
 * 20–35 ms instead of 75–90 ms (a hash of 10,000 rows rather than 30,000; measured here).
 */
export function pendingConversionRows(where: SQL) {
  return sql`select g.experiment_id, to_char(g.day, 'YYYY-MM-DD') as day, g.variant_key, g.device, g.channel, m.metric, g.count
    from (
      select q.experiment_id, (q.converted_at at time zone 'UTC')::date as day, q.variant_key, q.device, q.channel, q.metrics, count(*)::int as count
      from experiment_conversion_queue q where ${where}
      group by 1, 2, 3, 4, 5, 6
    ) g cross join unnest(g.metrics) as m(metric)`
}

export const CONVERSION_ROLLUP_BATCH_ROWS = 1000

/**
 * Moves up to `batchSize` queued conversions converted by `upTo` into experiment_daily, in one statement (dequeue
 * and count commit together). `wait`: also wait for rows another process is moving (else they are skipped). The
 * groups are upserted in key order, so two processes never take their rollup rows' locks in opposite orders.
 */
async function catchUpBatch({ upTo, batchSize, wait }: { upTo: string; batchSize: number; wait: boolean }) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with picked as (
      select experiment_id, conversion_id from experiment_conversion_queue where converted_at <= ${upTo}::timestamptz
      limit ${batchSize} for update ${wait ? sql`` : sql`skip locked`}
    ), taken as (
      delete from experiment_conversion_queue q using picked p where q.experiment_id = p.experiment_id and q.conversion_id = p.conversion_id
      returning q.*
    ), counted as (
      insert into experiment_daily (experiment_id, day, variant_key, device, channel, metric, count)
      select t.experiment_id, to_char(t.converted_at at time zone 'UTC', 'YYYY-MM-DD'), t.variant_key, t.device, t.channel, m.metric, count(*)::int
      from taken t cross join unnest(t.metrics) as m(metric)
      group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
      on conflict (experiment_id, day, variant_key, device, channel, metric) do update set count = experiment_daily.count + excluded.count
    )
    select count(*)::int as n from taken`,
  )
  return row?.n ?? 0
}

/**
 * Adds the queued experiment conversions to experiment_daily, a batch at a time, until every one queued when it
 * started is counted (or `maxBatches` batches are done). `wait: true` (the default: the demo seed, tests) also waits
 * for rows another process is moving right now, so that when it returns experiment_daily alone holds every
 * conversion stored before the call; `wait: false` skips them (the follower). Returns how many it moved.
 */
export async function catchUpExperimentConversionRollups({
  maxBatches = Infinity,
  batchSize = CONVERSION_ROLLUP_BATCH_ROWS,
  wait = true,
}: { maxBatches?: number; batchSize?: number; wait?: boolean } = {}) {
  // Waiting, conversions stored after this moment are left for the next call, so a steady stream cannot keep it
  // going (the bulk writer's times come from the caller: the latest queued one counts too).
  const [mark] = wait ? await queryRows<{ upTo: string }>(db, sql`select greatest(now(), (select max(converted_at) from experiment_conversion_queue))::text as "upTo"`) : [{ upTo: 'infinity' }]
  const upTo = mark!.upTo
  let counted = 0
  for (let batches = 0; batches < maxBatches; batches++) {
    const n = await catchUpBatch({ upTo, batchSize, wait: false })
    counted += n
    if (n > 0) continue
    if (!wait) break
    const [left] = await queryRows<{ queued: boolean }>(db, sql`select exists (select 1 from experiment_conversion_queue where converted_at <= ${upTo}::timestamptz) as queued`)
    if (!left?.queued) break
    counted += await catchUpBatch({ upTo, batchSize, wait: true })
  }
  return counted
}
