// A workspace's time-zone change on real PostgreSQL (decision 087): the experiment days recounted in the change's
// transaction (rebuildExperimentDays) for an experiment with 1,000,000 exposures over 90 days and 30,000 converted
// visitors (three metrics each), loaded with set-based SQL. Timed three times (Stockholm, New York, Stockholm);
// experiment_daily's table lock is held that long, so this is how long every workspace's exposure batches wait.
// Run: npx tsx tests/bench/zone-change.bench.ts (PostgreSQL from DATABASE_URL, else the local one).
import { createBenchDatabase } from './bench-db'

// BENCH_SCALE=0.01 runs the same at a hundredth of the volume (a quick check of the script itself).
const EXPOSURES = Math.round(1_000_000 * Number(process.env.BENCH_SCALE ?? 1))

const benchDb = await createBenchDatabase('zone_change')
process.env.DATABASE_URL = benchDb.url
// After DATABASE_URL is set: the database module connects on import.
const { closeDatabase, db, migrateDatabase, queryRows } = await import('#app/db.server')
const { rebuildExperimentDays } = await import('#app/experiments/counting.server')
const { sql } = await import('drizzle-orm')

try {
  await migrateDatabase()
  const [ws] = await queryRows<{ id: string }>(db, sql`insert into workspaces (name) values ('bench') returning id`)
  const [page] = await queryRows<{ id: string }>(db, sql`insert into pages (workspace_id, name, slug, settings) values (${ws!.id}, 'p', 'bench', '{}'::jsonb) returning id`)
  const [x] = await queryRows<{ id: string }>(
    db,
    sql`insert into experiments (workspace_id, page_id, name, variants, control_key, seed, primary_metric)
      values (${ws!.id}, ${page!.id}, 'b', '[{"key":"A","weight":0.5},{"key":"B","weight":0.5}]'::jsonb, 'A', 42, '"any"'::jsonb) returning id`,
  )
  await db.execute(sql`insert into exposures (experiment_id, visitor_id, variant_key, device, channel, exposed_at)
    select ${x!.id}, gen_random_uuid(), case when i % 2 = 0 then 'A' else 'B' end, case when i % 3 = 0 then 'mobile' else 'desktop' end, 'direct',
      timestamptz '2026-09-01' + (i::float8 / ${EXPOSURES}) * interval '90 days' from generate_series(1, ${EXPOSURES}) i`)
  await db.execute(sql`insert into experiment_conversions (experiment_id, visitor_id, metric, variant_key, conversion_id, converted_at)
    select e.experiment_id, e.visitor_id, m.metric, e.variant_key, gen_random_uuid(), e.exposed_at + interval '1 hour'
    from (select * from exposures where experiment_id = ${x!.id} limit ${Math.round(EXPOSURES * 0.03)}) e cross join (values ('any'), ('soft'), ('form:x')) m(metric)`)
  await db.execute(sql`analyze`)
  for (const zone of ['Europe/Stockholm', 'America/New_York', 'Europe/Stockholm']) {
    const start = performance.now()
    await db.transaction(async (tx) => {
      await tx.execute(sql`update workspaces set timezone = ${zone} where id = ${ws!.id}`)
      await rebuildExperimentDays(tx, { workspaceId: ws!.id, timeZone: zone })
    })
    console.log(`recount in ${zone}: ${Math.round(performance.now() - start)} ms`)
  }
  const [rows] = await queryRows<{ n: number; s: number }>(db, sql`select count(*)::int as n, sum(count)::int as s from experiment_daily`)
  console.log(`${EXPOSURES} exposures and ${Math.round(EXPOSURES * 0.03)} converted visitors: ${rows!.n} rollup rows counting ${rows!.s}`)
} finally {
  await closeDatabase()
  await benchDb.drop()
}
