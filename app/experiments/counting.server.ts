import { sql, type SQL } from 'drizzle-orm'
import { db, queryRows, type Transaction } from '#app/db.server'
import { jsonBatch } from '#app/events/json-batch'
import { catchUpInBatches } from '#app/workers/catch-up.server'

// What an experiment counts: exposures and conversions, never a counter row updated per request. An exposure
// (one per experiment and visitor) rides on the page view that first serves the visitor their variant and is
// written, with its daily rollup, by the page-view statement (app/visitors/page-views.server.ts).
//
// A conversion of an experiment's visitor is counted by the statement that records the conversion, which calls
// count_experiment_conversion (migration 0009; experimentConversionCall, in app/conversions/record.server.ts): it is
// durable exactly when the visitor gets the acknowledgement, so no crash, outage or shutdown can lose it (an
// in-memory batch lost up to a quarter of them under kill -9). A visitor converts at most once per metric (`any`,
// `soft|hard`, `form:<id>`: the experiment_conversions primary key; a repeat, or a second conversion racing the
// first, adds nothing), the visitor's first conversion adds its lead to experiment_leads for the lead-quality
// figures, and the visitor's exposure is written too if the page view carrying it is not (yet, or ever: kill -9), so
// a converted visitor is always among the variant's visitors. The function is PL/pgSQL so that its statements'
// plans are cached per connection (drizzle's execute does not prepare; as CTEs of the conversion statement they were
// planned on every submission, ~0.45 ms of PostgreSQL's CPU each, measured).
//
// The daily rollup is not updated there: concurrent conversions of one variant on one day would all update the same
// experiment_daily row and serialise on its lock (~3k/s with a 35 ms p99, docs/stack.md). Instead the function queues
// the conversion (experiment_conversion_queue, in its exposure's segment), the rollup follower adds queued rows to
// experiment_daily a batch at a time (catchUpExperimentConversionRollups, in the statement that dequeues them), and
// every reader adds the rows still queued (pendingConversionRows), in one statement, so the counts are exact at any
// moment, follower behind or not.

// An experiment's days are its workspace's (decision 087): every statement that gives an exposure or a conversion
// its day reads the zone from workspaces, through the experiment, in its own snapshot. A counting row of an
// experiment deleted meanwhile (no foreign keys here, so a batch never fails on one) falls back to UTC.

/** The time zone of the experiment whose id is `experimentId` (an SQL expression), or UTC without one. */
export const experimentZone = (experimentId: SQL) => sql`coalesce((select zw.timezone from experiments zx join workspaces zw on zw.id = zx.workspace_id where zx.id = ${experimentId}), 'UTC')`

/** The yyyy-mm-dd day `instant` (an SQL timestamptz) falls on in the zone `zone` (an SQL expression). */
export const dayIn = (instant: SQL, zone: SQL) => sql`to_char(${instant} at time zone ${zone}, 'YYYY-MM-DD')`

/**
 * The last exposure day an experiment's lead metrics count at `now` (maturityCutoffDay in SQL): `maturity_days`
 * before today in its workspace's zone, for the experiments row aliased `experiment` (an SQL identifier).
 */
export const maturityCutoffSql = (experiment: SQL, now: Date) =>
  sql`to_char((${now.toISOString()}::timestamptz at time zone (select zw.timezone from workspaces zw where zw.id = ${experiment}.workspace_id))::date - ${experiment}.maturity_days, 'YYYY-MM-DD')`

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
  /** The visitor id is a page view's own (counted cookieless): an exposure the call writes is flagged so. */
  cookieless?: boolean
}

/**
 * The call that counts a conversion in its experiment, for the select list of the statement that records it: it
 * reads that statement's CTEs `conversion` (id) and `lead` (id) and counts nothing when the conversion was refused
 * (a volatile function sees the rows the statement wrote before the call, its lead among them).
 */
export function experimentConversionCall(c: ExperimentConversionInput) {
  const metrics = sql`array['any', ${c.conversionType}::text, ${`form:${c.formId}`}::text]`
  return sql`case when conversion.id is not null then count_experiment_conversion(${c.experimentId}::uuid, ${c.visitorId}::uuid, ${c.variantKey}::text,
    ${metrics}, conversion.id, lead.id, ${c.device}::text, ${c.channel}::text, ${c.convertedAt.toISOString()}::timestamptz${c.cookieless ? sql`, true` : sql``}) end`
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

const experimentConversionBatch = jsonBatch([
  ['experiment_id', 'uuid'],
  ['visitor_id', 'uuid'],
  ['metric', 'text'],
  ['variant_key', 'text'],
  ['conversion_id', 'uuid'],
  ['device', 'text'],
  ['channel', 'text'],
  ['converted_at', 'timestamptz'],
])

/**
 * Experiment conversions of conversions already stored, in bulk (the demo history, tests), counted by the same
 * function as live ones; the rollups are caught up before it returns. The live path never calls this.
 */
export async function writeExperimentConversions(rows: ExperimentConversionRow[]) {
  const json = experimentConversionBatch.encode(rows, (r) => [r.experimentId, r.visitorId, r.metric, r.variantKey, r.conversionId, r.device, r.channel, r.convertedAt])
  await db.execute(sql`with rows as (${experimentConversionBatch.select(json)}), first_rows as (
      -- The same visitor converting twice in one call: the first conversion is the one that counts, whatever order
      -- the calls below run in.
      select distinct on (experiment_id, visitor_id, metric) * from rows order by experiment_id, visitor_id, metric, converted_at
    ), by_conversion as (
      -- The metrics in the live order (any, soft|hard, form:<id>).
      select experiment_id, conversion_id, min(visitor_id::text)::uuid as visitor_id, min(variant_key) as variant_key, min(device) as device,
        min(channel) as channel, min(converted_at) as converted_at,
        array_agg(metric order by metric <> 'any', metric like 'form:%', metric) as metrics
      from first_rows group by experiment_id, conversion_id
    )
    select count(count_experiment_conversion(b.experiment_id, b.visitor_id, b.variant_key, b.metrics, b.conversion_id, c.lead_id, b.device, b.channel, b.converted_at))
    from by_conversion b left join conversions c on c.id = b.conversion_id`)
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
      select q.experiment_id, (q.converted_at at time zone ${experimentZone(sql`q.experiment_id`)})::date as day, q.variant_key, q.device, q.channel, q.metrics, count(*)::int as count
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
      select t.experiment_id, ${dayIn(sql`t.converted_at`, experimentZone(sql`t.experiment_id`))}, t.variant_key, t.device, t.channel, m.metric, count(*)::int
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
  return catchUpInBatches({
    maxBatches,
    wait,
    takeBatch: ({ wait }) => catchUpBatch({ upTo, batchSize, wait }),
    queued: sql`select 1 from experiment_conversion_queue where converted_at <= ${upTo}::timestamptz`,
  })
}

/**
 * The lock a zone change holds on the workspace's experiment days (exclusive, lockExperimentDays) and that the
 * conversion function takes shared before it reads the zone for a lead's exposure day (migration 0024): an advisory
 * transaction lock, so a change waits only for that workspace's conversions in flight, and they only for it.
 */
export async function lockExperimentDays(tx: Transaction, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(87, hashtext(${workspaceId}::text))`)
}

/**
 * Counts the workspace's experiments' days again in its zone `timeZone` (decision 087), inside the transaction that
 * changes the zone (app/workspaces/workspace.server.ts updateWorkspace), which took lockExperimentDays before it
 * locked the workspace row: experiment_daily is deleted and recounted from exposures and experiment_conversions,
 * and the leads' exposure days follow. The counts do not change, only the days they fall on.
 * experiment_daily is locked (`share row exclusive`, as the KPI rebuild locks its queue) until the transaction
 * commits: a page-view batch or a conversion follower batch that read the old zone finishes first and is recounted
 * here, and one after reads the new zone (a statement takes its locks before its snapshot). The batches of every
 * workspace wait meanwhile, in the background (docs/experiments.md has the cost); no visitor's request does.
 * Conversions still queued for experiment_daily are left to the follower (and counted by the readers meanwhile), so
 * none counts twice. Returns how many of the workspace's experiments it recounted.
 */
export async function rebuildExperimentDays(tx: Transaction, { workspaceId, timeZone }: { workspaceId: string; timeZone: string }) {
  await tx.execute(sql`lock table experiment_daily in share row exclusive mode`)
  const ids = sql`select id from experiments where workspace_id = ${workspaceId}`
  await tx.execute(sql`delete from experiment_daily where experiment_id in (${ids})`)
  // A queued conversion's metrics are still to be added (the visitor's '' among them when the conversion wrote
  // the exposure): the rows they name are left out here.
  await tx.execute(sql`insert into experiment_daily (experiment_id, day, variant_key, device, channel, metric, count)
    select experiment_id, to_char(day, 'YYYY-MM-DD'), variant_key, device, channel, metric, count(*)::int from (
      select e.experiment_id, (e.exposed_at at time zone ${timeZone})::date as day, e.variant_key, e.device, e.channel, '' as metric
      from exposures e where e.experiment_id in (${ids})
        and not exists (select 1 from experiment_conversion_queue q where q.experiment_id = e.experiment_id and q.visitor_id = e.visitor_id and '' = any (q.metrics))
      union all
      select c.experiment_id, (c.converted_at at time zone ${timeZone})::date, c.variant_key, e.device, e.channel, c.metric
      from experiment_conversions c join exposures e on e.experiment_id = c.experiment_id and e.visitor_id = c.visitor_id
      where c.experiment_id in (${ids})
        and not exists (select 1 from experiment_conversion_queue q where q.experiment_id = c.experiment_id and q.conversion_id = c.conversion_id and c.metric = any (q.metrics))
    ) counted
    group by experiment_id, day, variant_key, device, channel, metric`)
  await tx.execute(sql`update experiment_leads l set exposure_day = to_char(e.exposed_at at time zone ${timeZone}, 'YYYY-MM-DD')
    from exposures e
    where l.experiment_id in (${ids}) and e.experiment_id = l.experiment_id and e.visitor_id = l.visitor_id
      and l.exposure_day <> to_char(e.exposed_at at time zone ${timeZone}, 'YYYY-MM-DD')`)
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from (${ids}) x`)
  return row?.n ?? 0
}
