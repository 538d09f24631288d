import { sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { createBatchWriter, type BatchWriter } from '#app/events/batch-writer.server'

// Exposures are written like page views: pushed in the request path, written in batches. One statement per
// batch inserts the exposures (one per experiment and visitor: a visitor seen again is skipped) and adds the
// rows it really inserted to the daily rollup, so the rollup always equals the exposures table.

export type ExposureRow = { experimentId: string; visitorId: string; variantKey: string; device: string; channel: string; exposedAt: Date }

async function insertExposures(rows: ExposureRow[]) {
  const json = JSON.stringify(rows.map((r) => [r.experimentId, r.visitorId, r.variantKey, r.device, r.channel, r.exposedAt]))
  await db.execute(sql`with inserted as (
      insert into exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at)
      select (r->>0)::uuid, (r->>1)::uuid, r->>2, r->>3, r->>4, (r->>5)::timestamptz from jsonb_array_elements(${json}::jsonb) as r
      on conflict (experiment_id, visitor_id) do nothing
      returning experiment_id, variant_key, device, channel, exposed_at
    )
    insert into experiment_daily (experiment_id, day, variant_key, device, channel, metric, count)
    select experiment_id, to_char(exposed_at at time zone 'UTC', 'YYYY-MM-DD'), variant_key, device, channel, '', count(*)::int
    from inserted group by 1, 2, 3, 4, 5
    on conflict (experiment_id, day, variant_key, device, channel, metric) do update set count = experiment_daily.count + excluded.count`)
}

const writer: BatchWriter<ExposureRow> = createBatchWriter<ExposureRow>({ name: 'exposures', write: insertExposures })

export const recordExposure = writer.push
export const flushExposures = writer.flush
export const closeExposures = writer.close
export const exposureStats = writer.stats
