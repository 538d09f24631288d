import { sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { createBatchWriter, type BatchWriter } from '#app/events/batch-writer.server'

// What an experiment counts: exposures and conversions, never a counter row updated per request. An exposure
// (one per experiment and visitor) rides on the page view that first serves the visitor their variant and is
// written, with its daily rollup, by the page-view statement (app/visitors/page-views.server.ts). Conversions are
// written here, like page views: pushed in the request path, written in batches by one statement that inserts the
// events (repeats skipped) and adds the rows it really inserted to the daily rollup, so the rollup always equals the events.

// Conversions: a visitor converts at most once per metric (the experiment_conversions primary key). Counter
// rows updated per submission would serialise at ~3k/s (STACK.md). The same statement adds each newly converted
// visitor's lead to experiment_leads (one row per experiment, variant and lead) for the lead-quality figures.
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

export async function writeExperimentConversions(rows: ExperimentConversionRow[]) {
  const json = JSON.stringify(rows.map((r) => [r.experimentId, r.visitorId, r.metric, r.variantKey, r.conversionId, r.device, r.channel, r.convertedAt]))
  await db.execute(sql`with rows as (
      select (r->>0)::uuid as experiment_id, (r->>1)::uuid as visitor_id, r->>2 as metric, r->>3 as variant_key, (r->>4)::uuid as conversion_id,
        r->>5 as device, r->>6 as channel, (r->>7)::timestamptz as converted_at
      from jsonb_array_elements(${json}::jsonb) as r
    ), first_rows as (
      -- The same visitor converting twice in one batch: the first conversion is the one that counts.
      select distinct on (experiment_id, visitor_id, metric) * from rows order by experiment_id, visitor_id, metric, converted_at
    ), inserted as (
      insert into experiment_conversions (experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at)
      select experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at from first_rows
      on conflict (experiment_id, metric, visitor_id) do nothing
      returning experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at
    ), converted_leads as (
      -- The leads of the newly converted visitors, locked so a stage change in flight lands wholly before this
      -- statement (and is read here) or after it (and its trigger finds the row this statement adds).
      select l.id, l.stage, l.deal_value from leads l
      where l.id in (select c.lead_id from inserted i join conversions c on c.id = i.conversion_id where i.metric = 'any')
      for share
    ), leads_added as (
      insert into experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value)
      select i.experiment_id, i.variant_key, l.id,
        greatest(lead_stage_rank(l.stage), coalesce((select max(lead_stage_rank(h.to_stage)) from lead_stage_changes h where h.lead_id = l.id), 0)),
        l.stage = 'lost', case when l.stage in ('opportunity', 'customer') then coalesce(l.deal_value, 0) else 0 end
      from inserted i join conversions c on c.id = i.conversion_id join converted_leads l on l.id = c.lead_id
      where i.metric = 'any'
      on conflict do nothing
    )
    -- A conversion counts in its visitor's exposure segment (device and channel of the first view), so each
    -- segment's rate is its own visitors' rate; the conversion's own segment only when the exposure is not written yet.
    insert into experiment_daily (experiment_id, day, variant_key, device, channel, metric, count)
    select i.experiment_id, to_char(i.converted_at at time zone 'UTC', 'YYYY-MM-DD'), i.variant_key, coalesce(e.device, r.device), coalesce(e.channel, r.channel), i.metric, count(*)::int
    from inserted i join first_rows r on r.experiment_id = i.experiment_id and r.visitor_id = i.visitor_id and r.metric = i.metric
    left join exposures e on e.experiment_id = i.experiment_id and e.visitor_id = i.visitor_id
    group by 1, 2, 3, 4, 5, 6
    on conflict (experiment_id, day, variant_key, device, channel, metric) do update set count = experiment_daily.count + excluded.count`)
}

const conversionWriter: BatchWriter<ExperimentConversionRow> = createBatchWriter<ExperimentConversionRow>({ name: 'experiment_conversions', write: writeExperimentConversions })

export const recordExperimentConversion = conversionWriter.push
export const flushExperimentConversions = conversionWriter.flush
export const closeExperimentConversions = conversionWriter.close
