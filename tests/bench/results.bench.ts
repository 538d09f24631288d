// Experiment results on real PostgreSQL: an experiment with 1,000,000 exposures over 30 days and 50,000 converted
// visitors (each with a conversion and a lead somewhere in the funnel), next to 200,000 other conversions and
// leads of the same workspace, all loaded with COPY; the rollups (experiment_daily, experiment_leads) filled by
// the same aggregates the writers keep.
// Then the exact function GET /api/v1/experiments/:id/results calls (getExperimentResults) is timed in process
// (server time), and the route's loader behind a plain HTTP server. Target: < 50 ms.
// Run: npx tsx tests/bench/results.bench.ts (PostgreSQL from DATABASE_URL, else the local one).
import { randomUUID } from 'node:crypto'
import { register } from 'node:module'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import postgres from 'postgres'
import { createBenchDatabase } from './bench-db'
import { DAY_MS } from '#app/time/days'

// BENCH_SCALE=0.01 runs the same at a hundredth of the volume (a quick check of the script itself).
const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const EXPOSURES = Math.round(1_000_000 * SCALE)
const CONVERSIONS = { A: Math.round(23_800 * SCALE), B: Math.round(26_200 * SCALE) } // 50,000 converted visitors: 4.76% against 5.24%
const OTHER_CONVERSIONS = Math.round(200_000 * SCALE)
const DAYS = 30
const RUNS = 50
const WARM_UP = 5
const TARGET_MS = 50

// App modules import block CSS with Vite's `?raw`; under tsx these hooks do what Vite does.
register('./vite-imports.mjs', import.meta.url)
const benchDb = await createBenchDatabase('results')
process.env.DATABASE_URL = benchDb.url
process.env.SESSION_SECRET ??= 'b'.repeat(40)
// After DATABASE_URL is set: the database module connects on import.
const { closeDatabase, migrateDatabase } = await import('#app/db.server')
const { createAccount } = await import('#app/auth/user.server')
const { createApiKey } = await import('#app/api-keys/api-key.server')
const { createForm } = await import('#app/forms/form.server')
const { validateFormDefinition } = await import('#app/forms/definition')
const { createPage, createVariant, publishPage } = await import('#app/pages/queries.server')
const { createExperiment, getExperiment, transitionExperiment } = await import('#app/experiments/experiment.server')
const { computeResults } = await import('#app/experiments/results/compute')
const { getExperimentResults, readLeadOutcomes, readRollups } = await import('#app/experiments/results/queries.server')
const { readLeadStages } = await import('#app/experiments/results/lead-stages.server')
const { maturityCutoffDay } = await import('#app/experiments/results/lead-metrics')
const { loader } = await import('#app/routes/api.v1.experiments.$id.results')

const sql = postgres(benchDb.url, { max: 1, onnotice: () => {} })
const DEVICES = ['desktop', 'desktop', 'desktop', 'desktop', 'desktop', 'desktop', 'mobile', 'mobile', 'mobile', 'tablet']
const CHANNELS = ['organic_search', 'paid_search', 'social', 'email', 'referral', 'direct']
const STAGES = ['lead', 'lead', 'lead', 'lead', 'lead', 'lead', 'mql', 'sql', 'opportunity', 'customer']

/** COPY rows (arrays of text cells, null as \N) into `table (columns)`, in chunks of lines. */
async function copy(table: string, columns: string[], rows: Iterable<(string | number | null)[]>) {
  const writable = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable()
  function* lines() {
    let chunk: string[] = []
    for (const row of rows) {
      chunk.push(row.map((c) => (c === null ? '\\N' : String(c))).join('\t'))
      if (chunk.length === 10_000) {
        yield chunk.join('\n') + '\n'
        chunk = []
      }
    }
    if (chunk.length) yield chunk.join('\n') + '\n'
  }
  await pipeline(Readable.from(lines()), writable)
}

const timed = async <T>(label: string, run: () => Promise<T>) => {
  const started = performance.now()
  const result = await run()
  console.log(`${label.padEnd(60)} ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return result
}

function summarize(label: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  console.log(`${label.padEnd(60)} median ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms   min ${sorted[0]!.toFixed(1)}   max ${sorted.at(-1)!.toFixed(1)}`)
  return at(0.5)
}

try {
  await migrateDatabase()
  const account = await createAccount({ name: 'Bench', email: `bench-${randomUUID()}@example.com`, password: 'a-long-password', workspaceName: 'Bench' })
  if ('error' in account) throw new Error(account.error)
  const workspaceId = account.workspaceId!
  const formOf = async (name: string, conversionType: 'soft' | 'hard') => {
    const parsed = validateFormDefinition({
      purpose: 'other',
      conversionType,
      minFillSeconds: 0,
      fields: [{ key: 'email', type: 'email', label: 'Email', required: true }],
      success: { type: 'message', message: 'Thanks' },
    })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    return (await createForm({ workspaceId, name, definition: parsed.definition })).id
  }
  const softForm = await formOf('Guide', 'soft')
  const hardForm = await formOf('Demo', 'hard')
  const page = await createPage({ workspaceId, name: 'Bench page', slug: 'bench-results', template: 'blank', formId: softForm })
  if (!page.ok) throw new Error(page.message)
  await createVariant({ workspaceId, pageId: page.page.id })
  await publishPage({ workspaceId, pageId: page.page.id, userId: account.userId })
  const created = await createExperiment({
    workspaceId,
    input: {
      pageId: page.page.id,
      name: 'Bench',
      hypothesis: '',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
      coverage: 1,
      primaryMetric: 'any',
      secondaryMetrics: ['hard', { formId: hardForm }],
      confidence: 0.95,
      minRuntimeDays: 7,
      autoShip: false,
    },
    actor: { userId: account.userId, actor: 'member' },
  })
  if (!created.ok) throw new Error(JSON.stringify(created.errors))
  const experimentId = created.experiment.id
  await transitionExperiment({ workspaceId, id: experimentId, action: 'start', actor: { userId: account.userId, actor: 'member' } })
  const start = Date.now() - DAYS * DAY_MS
  await sql`update experiments set started_at = ${new Date(start)} where id = ${experimentId}`

  // The experiment's visitors: even ones see A, odd ones B, spread evenly over 30 days.
  const visitorIds = Array.from({ length: EXPOSURES }, () => randomUUID())
  const exposedAt = (i: number) => new Date(start + Math.floor((i / EXPOSURES) * DAYS * DAY_MS))
  const variantOf = (i: number) => (i % 2 === 0 ? 'A' : 'B')
  await timed(`COPY ${EXPOSURES.toLocaleString('en-US')} exposures`, () =>
    copy(
      'exposures',
      ['experiment_id', 'visitor_id', 'variant_key', 'device', 'channel', 'exposed_at'],
      (function* () {
        for (let i = 0; i < EXPOSURES; i++) yield [experimentId, visitorIds[i]!, variantOf(i), DEVICES[i % 10]!, CHANNELS[(i * 7 + Math.floor(i / 10)) % 6]!, exposedAt(i).toISOString()]
      })(),
    ),
  )

  // Converted visitors: every 21st A visitor and every 19th B visitor until the counts above. Each gets a lead, a
  // conversion (a quarter of them hard) and its experiment_conversions rows (any, soft|hard, form:<id>).
  const converters: { i: number; k: number }[] = []
  let a = 0
  let b = 0
  for (let i = 0; i < EXPOSURES; i++) {
    if (i % 2 === 0 && (i / 2) % 21 === 0 && a < CONVERSIONS.A) {
      converters.push({ i, k: converters.length })
      a++
    }
    if (i % 2 === 1 && ((i - 1) / 2) % 19 === 0 && b < CONVERSIONS.B) {
      converters.push({ i, k: converters.length })
      b++
    }
  }
  const total = converters.length + OTHER_CONVERSIONS
  const leadIds = Array.from({ length: total }, () => randomUUID())
  const conversionIds = Array.from({ length: total }, () => randomUUID())
  const touch = (channel: string) =>
    JSON.stringify({ utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/bench-results', channel, hasClickId: false })
  const stageOf = (k: number) => (k % 13 === 0 ? 'lost' : STAGES[k % 10]!)
  const dealOf = (k: number) => (stageOf(k) === 'opportunity' ? 10_000 : stageOf(k) === 'customer' ? 25_000 : null)
  await timed(`COPY ${total.toLocaleString('en-US')} leads`, () =>
    copy(
      'leads',
      ['id', 'workspace_id', 'email', 'stage', 'deal_value', 'hard_conversions', 'soft_conversions', 'channel', 'first_seen_at', 'last_conversion_at', 'last_activity_at'],
      (function* () {
        for (let k = 0; k < total; k++) {
          const at = new Date(start + (k % DAYS) * DAY_MS).toISOString()
          const hard = k % 4 === 0
          yield [leadIds[k]!, workspaceId, `lead-${k}@example.com`, stageOf(k), dealOf(k), hard ? 1 : 0, hard ? 0 : 1, CHANNELS[k % 6]!, at, at, at]
        }
      })(),
    ),
  )
  await timed('COPY stage history of the lost leads', () =>
    copy(
      'lead_stage_changes',
      ['workspace_id', 'lead_id', 'from_stage', 'to_stage', 'source'],
      (function* () {
        for (let k = 0; k < total; k += 13) {
          yield [workspaceId, leadIds[k]!, 'lead', 'sql', 'member']
          yield [workspaceId, leadIds[k]!, 'sql', 'lost', 'member']
        }
      })(),
    ),
  )
  // The conversions' user triggers (a per-row session mark from the KPI rollups, with an advisory lock each) are
  // off for the bulk load: there are no sessions to mark here, and 250,000 row locks in one COPY exhaust the lock
  // table. The results read nothing they write.
  await sql`alter table conversions disable trigger user`
  await timed(`COPY ${total.toLocaleString('en-US')} conversions`, () =>
    copy(
      'conversions',
      ['id', 'workspace_id', 'lead_id', 'form_id', 'page_id', 'variant_key', 'experiment_id', 'conversion_type', 'visitor_id', 'idempotency_key', 'touch', 'device', 'created_at'],
      (function* () {
        for (let k = 0; k < total; k++) {
          const c = converters[k]
          const hard = k % 4 === 0
          const at = c ? new Date(exposedAt(c.i).getTime() + 60_000).toISOString() : new Date(start + (k % DAYS) * DAY_MS).toISOString()
          yield [
            conversionIds[k]!,
            workspaceId,
            leadIds[k]!,
            hard ? hardForm : softForm,
            page.page.id,
            c ? variantOf(c.i) : 'A',
            c ? experimentId : null,
            hard ? 'hard' : 'soft',
            c ? visitorIds[c.i]! : randomUUID(),
            `bench-${k}`,
            touch(CHANNELS[k % 6]!),
            DEVICES[k % 10]!,
            at,
          ]
        }
      })(),
    ),
  )
  await sql`alter table conversions enable trigger user`
  await timed(`COPY ${(converters.length * 3).toLocaleString('en-US')} experiment_conversions`, () =>
    copy(
      'experiment_conversions',
      ['experiment_id', 'visitor_id', 'metric', 'variant_key', 'conversion_id', 'converted_at'],
      (function* () {
        for (const { i, k } of converters) {
          const hard = k % 4 === 0
          const at = new Date(exposedAt(i).getTime() + 60_000).toISOString()
          for (const metric of ['any', hard ? 'hard' : 'soft', `form:${hard ? hardForm : softForm}`]) yield [experimentId, visitorIds[i]!, metric, variantOf(i), conversionIds[k]!, at]
        }
      })(),
    ),
  )
  // The rollups, as the writers keep them (app/experiments/counting.server.ts): visitors per exposure day and
  // segment; converted visitors per conversion day in their exposure's segment.
  await timed('rollups (experiment_daily) by aggregate', async () => {
    await sql`insert into experiment_daily (experiment_id, day, variant_key, device, channel, metric, count)
      select experiment_id, to_char(exposed_at at time zone 'UTC', 'YYYY-MM-DD'), variant_key, device, channel, '', count(*)::int
      from exposures where experiment_id = ${experimentId} group by 1, 2, 3, 4, 5`
    await sql`insert into experiment_daily (experiment_id, day, variant_key, device, channel, metric, count)
      select c.experiment_id, to_char(c.converted_at at time zone 'UTC', 'YYYY-MM-DD'), c.variant_key, e.device, e.channel, c.metric, count(*)::int
      from experiment_conversions c join exposures e on e.experiment_id = c.experiment_id and e.visitor_id = c.visitor_id
      where c.experiment_id = ${experimentId} group by 1, 2, 3, 4, 5, 6`
  })
  // Each variant's leads with how far they got, as the conversion writer adds them (and migration 0007 backfills).
  await timed(
    'experiment_leads by aggregate',
    () => sql`insert into experiment_leads (experiment_id, variant_key, lead_id, reached, is_lost, pipeline_value, is_hot, visitor_id, exposure_day)
      select distinct on (ec.experiment_id, ec.variant_key, l.id) ec.experiment_id, ec.variant_key, l.id,
        greatest(lead_stage_rank(l.stage), coalesce((select max(lead_stage_rank(h.to_stage)) from lead_stage_changes h where h.lead_id = l.id), 0)),
        l.stage = 'lost', case when l.stage in ('opportunity', 'customer') then coalesce(l.deal_value, 0) else 0 end,
        l.hot_at is not null, ec.visitor_id, to_char(e.exposed_at at time zone 'UTC', 'YYYY-MM-DD')
      from experiment_conversions ec join conversions c on c.id = ec.conversion_id join leads l on l.id = c.lead_id
      join exposures e on e.experiment_id = ec.experiment_id and e.visitor_id = ec.visitor_id
      where ec.experiment_id = ${experimentId} and ec.metric = 'any'
      order by ec.experiment_id, ec.variant_key, l.id, ec.converted_at`,
  )
  // What autovacuum would have done by now on tables this size.
  await timed('vacuum analyze', () => sql`vacuum analyze`)
  const [{ rollups }] = await sql<{ rollups: number }[]>`select count(*)::int as rollups from experiment_daily where experiment_id = ${experimentId}`
  console.log(`experiment_daily rows for the experiment: ${rollups}`)

  const measure = async (label: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < WARM_UP; i++) await run()
    const ms: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      await run()
      ms.push(performance.now() - started)
    }
    return summarize(label, ms)
  }
  const first = await getExperimentResults({ workspaceId, id: experimentId, metric: null })
  if (!first.ok) throw new Error(JSON.stringify(first))
  const r = first.results
  console.log(
    `check: ${r.variants.map((v) => `${v.key} ${v.conversions}/${v.visitors}`).join(', ')}; ${r.daily.length} days; leads ${r.leadQuality.map((q) => q.leads).join('/')}; decision ${r.decision.status}`,
  )
  if (r.variants[0]!.visitors + r.variants[1]!.visitors !== EXPOSURES || r.variants[0]!.conversions + r.variants[1]!.conversions !== CONVERSIONS.A + CONVERSIONS.B)
    throw new Error('the results do not match the loaded data')

  console.log(`\n${RUNS} timed runs after ${WARM_UP} warm-up, node ${process.version}; target median < ${TARGET_MS} ms`)
  const median = await measure('getExperimentResults (primary metric, JSON object)', () => getExperimentResults({ workspaceId, id: experimentId, metric: null }))
  await measure('getExperimentResults (?metric=hard)', () => getExperimentResults({ workspaceId, id: experimentId, metric: 'hard' }))
  await measure('  of which: the rollups, grouped by day, device and channel', () => readRollups(experimentId))
  await measure('  of which: lead quality (experiment_leads)', () => readLeadStages({ experimentId }))
  const found = (await getExperiment({ workspaceId, id: experimentId }))!
  const inputs = {
    experiment: found.experiment,
    page: found.page,
    metric: 'any' as const,
    ...(await readRollups(experimentId)),
    leadStages: await readLeadStages({ experimentId }),
    leadOutcomes: await readLeadOutcomes({ experimentId, cutoffDay: maturityCutoffDay(new Date(), found.experiment.maturityDays, found.timeZone) }),
    maturityCutoff: maturityCutoffDay(new Date(), found.experiment.maturityDays, found.timeZone),
    formNames: {},
    now: new Date(),
  }
  await measure('  of which: computeResults (statistics and series, in JS)', async () => computeResults(inputs))

  // The rollup follower behind (a traffic peak, or just after an outage): conversions still queued, which the results
  // add in the same statement (app/experiments/counting.server.ts). Each queued row is a visitor's first conversion.
  for (const queued of [1_000, 10_000].map((n) => Math.round(n * SCALE))) {
    await sql`insert into experiment_conversion_queue (experiment_id, conversion_id, visitor_id, variant_key, device, channel, converted_at, metrics)
      select experiment_id, gen_random_uuid(), visitor_id, variant_key, device, channel, now(), array['any', 'soft', ${`form:${softForm}`}]
      from exposures where experiment_id = ${experimentId} limit ${queued}`
    await sql`analyze experiment_conversion_queue`
    const withQueue = await getExperimentResults({ workspaceId, id: experimentId, metric: null })
    if (!withQueue.ok || withQueue.results.variants.reduce((n, v) => n + v.conversions, 0) !== CONVERSIONS.A + CONVERSIONS.B + queued)
      throw new Error('the results do not count the queued conversions')
    await measure(`getExperimentResults, ${queued.toLocaleString('en-US')} conversions queued`, () => getExperimentResults({ workspaceId, id: experimentId, metric: null }))
    await sql`delete from experiment_conversion_queue`
  }

  // The route's loader behind a plain Node HTTP server: API key check, results, JSON encoding, the socket.
  const { key } = await createApiKey({ workspaceId, name: 'bench', createdBy: account.userId })
  const server = http.createServer(async (req, res) => {
    const request = new Request(`http://127.0.0.1${req.url}`, { headers: { Authorization: req.headers.authorization ?? '' } })
    const response = (await loader({ request, params: { id: experimentId }, context: {} } as never)) as Response
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/experiments/${experimentId}/results`
  let bytes = 0
  const serverTimes: number[] = []
  const httpMedian = await measure('HTTP GET …/results (client round trip, loader in process)', async () => {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${key}` } })
    bytes = (await response.arrayBuffer()).byteLength
    serverTimes.push(Number(/dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '')?.[1]))
  })
  summarize('  its Server-Timing (loader, before JSON encoding)', serverTimes.slice(WARM_UP))
  console.log(`  response: ${(bytes / 1024).toFixed(1)} KB of JSON`)
  await measure('HTTP GET …/results?format=csv&table=daily', () => fetch(`${url}?format=csv&table=daily`, { headers: { Authorization: `Bearer ${key}` } }).then((r) => r.arrayBuffer()))
  server.close()
  console.log(`\nresult: median ${median.toFixed(1)} ms in process, ${httpMedian.toFixed(1)} ms over HTTP: ${median < TARGET_MS ? 'target met' : 'TARGET MISSED'} (< ${TARGET_MS} ms)`)
  if (median >= TARGET_MS) process.exitCode = 1
} finally {
  await sql.end()
  await closeDatabase()
  // BENCH_KEEP=1 keeps the database to look at (EXPLAIN) afterwards.
  if (process.env.BENCH_KEEP !== '1') await benchDb.drop()
  else {
    console.log(`kept: ${benchDb.url}`)
    process.exit()
  }
}
