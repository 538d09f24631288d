import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { summarizeExperiments } from '#app/experiments/results/queries.server'
import type { ExperimentResults, Segment } from '#app/experiments/results/shape'
import { listExperiments } from '#app/experiments/experiment.server'
import { loader as resultsApi } from '#app/routes/api.v1.experiments.$id.results'
import { analyze } from '#app/statistics/analyze'
import { computeRelativeLiftInterval, computeWilsonInterval, type Interval } from '#app/statistics/intervals'
import { normalQuantile } from '#app/statistics/normal'
import { computeRho, computeSequentialMultiplier } from '#app/statistics/sequential'
import { conversions, exposures } from '#db/schema'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'
import { startVisitorServer } from '#tests/factories/published-forms'
import { seedResultsTraffic, SOURCES, type MetricCounts, type ResultsFixture } from '#tests/factories/results-traffic'

// Every figure of GET /api/v1/experiments/:id/results (JSON and CSV) against the fixture's hand-worked counts;
// intervals and tests recomputed here with the statistics module's own functions.

let server: Awaited<ReturnType<typeof startVisitorServer>>
let fixture: ResultsFixture
beforeAll(async () => {
  server = await startVisitorServer()
  fixture = await seedResultsTraffic(server.url)
}, 120_000)
afterAll(() => server?.close())

const Z = normalQuantile(0.975)
const KEYS = ['A', 'B']

let call: Awaited<ReturnType<typeof apiKeyCaller>>
const callResults = async (id: string, query = '') => {
  call ??= await apiKeyCaller({ workspaceId: fixture.owner.workspaceId, createdBy: fixture.owner.userId, name: 'results' })
  return call(resultsApi, `/api/v1/experiments/${id}/results${query}`, { params: { id } })
}
const getResults = (query = '') => callResults(fixture.experimentId, query)

const closeTo = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 12)
const sameInterval = (actual: Interval | null | undefined, expected: Interval | null) => {
  if (expected === null) return expect(actual).toBeNull()
  closeTo(actual![0], expected[0])
  closeTo(actual![1], expected[1])
}
const wilson = (visitors: number, conversions: number) => (visitors ? computeWilsonInterval({ visitors, conversions }, Z) : null)
const katz = (t: { visitors: number; conversions: number }, c: { visitors: number; conversions: number }, m: number) => (t.visitors && c.visitors ? computeRelativeLiftInterval(t, c, m) : null)
const zero = (): MetricCounts => ({ '': 0 })

function metricKeys() {
  return ['any', 'soft', 'hard', `form:${fixture.page.softFormId}`, `form:${fixture.page.hardFormId}`]
}

/** The variant table, the decision and the SRM check for one metric, against the hand counts and analyze(). */
function checkVariants(results: ExperimentResults, metric: string) {
  const e = fixture.expected
  const counts = KEYS.map((key) => ({ key, visitors: e.variants[key]![''] ?? 0, conversions: e.variants[key]![metric] ?? 0 }))
  expect(counts.every((c) => c.visitors > 0)).toBe(true)
  const totalVisitors = counts.reduce((s, c) => s + c.visitors, 0)
  const dailyVisitors = totalVisitors / e.days.length
  const analysis = analyze({ variants: counts, control: 'A', confidence: 0.95, weights: [0.5, 0.5], plannedVisitorsPerVariant: 100, dailyVisitors })
  expect(results.metric.key).toBe(metric)
  // Every exposure identified (decision 083): the unit is the visitor.
  expect(results.unit).toBe('visitor')
  results.variants.forEach((v, i) => {
    const c = counts[i]!
    expect(v).toMatchObject({ key: c.key, visitors: c.visitors, conversions: c.conversions, isControl: c.key === 'A', weight: 0.5 })
    closeTo(v.rate, c.conversions / c.visitors)
    sameInterval(v.ci, wilson(c.visitors, c.conversions))
    expect(v.soft.conversions).toBe(e.variants[c.key]!.soft)
    expect(v.hard.conversions).toBe(e.variants[c.key]!.hard)
    closeTo(v.hard.rate, e.variants[c.key]!.hard! / c.visitors)
    sameInterval(v.hard.ci, wilson(c.visitors, e.variants[c.key]!.hard!))
    const { weight: _w, isControl: _c, isWinner: _iw, soft: _s, hard: _h, cookieless, ...stats } = v
    // Seeded through the identified path: nothing counted cookieless.
    expect(cookieless).toEqual({ exposures: 0, conversions: 0 })
    expect(stats).toEqual(analysis.variants[i])
  })
  const b = results.variants[1]!.vsControl!
  closeTo(b.relativeLift, counts[1]!.conversions / counts[1]!.visitors / (counts[0]!.conversions / counts[0]!.visitors) - 1)
  sameInterval(b.relativeLiftCi, katz(counts[1]!, counts[0]!, Z))
  expect(results.decision).toMatchObject(analysis.decision)
  expect(results.srm.pValue).toBe(analysis.srm.pValue)
  expect(results.srm.variants.map((s) => [s.key, s.visitors, s.expectedShare])).toEqual([
    ['A', counts[0]!.visitors, 0.5],
    ['B', counts[1]!.visitors, 0.5],
  ])
  closeTo(results.srm.variants[0]!.observedShare, counts[0]!.visitors / totalVisitors)
}

/** The cumulative series: per day and cumulative counts, Wilson bands, the sequential lift interval. */
function checkDaily(results: ExperimentResults, metric: string) {
  const e = fixture.expected
  expect(results.daily.map((d) => d.day)).toEqual(e.days)
  const running = { A: { visitors: 0, conversions: 0 }, B: { visitors: 0, conversions: 0 } } as Record<string, { visitors: number; conversions: number }>
  const rho = computeRho(0.05, 2 * 100)
  for (const point of results.daily) {
    for (const key of KEYS) {
      const today = e.byDay[point.day]![key] ?? zero()
      running[key]!.visitors += today['']!
      running[key]!.conversions += today[metric] ?? 0
    }
    point.variants.forEach((v) => {
      const today = e.byDay[point.day]![v.key] ?? zero()
      const total = running[v.key]!
      expect(v).toMatchObject({ visitors: today[''], conversions: today[metric] ?? 0, cumulativeVisitors: total.visitors, cumulativeConversions: total.conversions })
      closeTo(v.rate, total.conversions / total.visitors)
      sameInterval(v.ci, wilson(total.visitors, total.conversions))
      if (v.key === 'A') return expect(v.relativeLift).toBeNull()
      const c = running.A!
      sameInterval(v.relativeLiftCi, katz(total, c, computeSequentialMultiplier(total.visitors + c.visitors, rho, 0.05)))
    })
  }
  expect(results.daily.at(-1)!.variants[1]!.relativeLiftCi).toEqual(results.variants[1]!.vsControl!.sequentialRelativeLiftCi)
}

function checkSegments(segments: Segment[], expected: Record<string, Record<string, MetricCounts>>, order: string[], metric: string) {
  expect(segments.map((s) => s.segment)).toEqual(order)
  for (const segment of segments) {
    const rows = expected[segment.segment] ?? {}
    const of = (key: string) => ({ visitors: rows[key]?.[''] ?? 0, conversions: rows[key]?.[metric] ?? 0 })
    expect(segment.visitors).toBe(of('A').visitors + of('B').visitors)
    expect(segment.conversions).toBe(of('A').conversions + of('B').conversions)
    segment.variants.forEach((v) => {
      const c = of(v.key)
      expect([v.key, v.visitors, v.conversions]).toEqual([v.key, c.visitors, c.conversions])
      if (c.visitors) closeTo(v.rate, c.conversions / c.visitors)
      else expect(v.rate).toBeNull()
      sameInterval(v.ci, wilson(c.visitors, c.conversions))
      if (v.key !== 'A') sameInterval(v.relativeLiftCi, katz(c, of('A'), Z))
    })
  }
}

const DEVICE_ORDER = ['mobile', 'tablet', 'desktop']
const CHANNEL_ORDER = ['organic_search', 'paid_search', 'social', 'email', 'referral', 'direct']

describe('GET /api/v1/experiments/:id/results', () => {
  test('the fixture counted what it should: only real visitors exposed, only their conversions in the experiment', async () => {
    expect(fixture.visitors).toHaveLength(48)
    expect(await db.$count(exposures, eq(exposures.experimentId, fixture.experimentId))).toBe(48)
    const rows = await db.select({ experimentId: conversions.experimentId }).from(conversions).where(eq(conversions.pageId, fixture.page.pageId))
    // Every soft submission (repeats included, the double click once) and every hard one; the previews' are outside it.
    const submitted = fixture.visitors.reduce((n, v) => n + (v.soft ? 1 + (v.index % 12 === 0 ? 1 : 0) : 0) + (v.hard ? 1 : 0), 0)
    expect(rows.filter((r) => r.experimentId === fixture.experimentId)).toHaveLength(submitted)
    expect(rows.filter((r) => r.experimentId === null).length).toBeGreaterThanOrEqual(3)
    expect(new Set(fixture.visitors.map((v) => v.channel))).toEqual(new Set(SOURCES.map((s) => s.channel)))
    expect(fixture.expected.days).toHaveLength(3)
  })

  test('JSON, primary metric: experiment, variants, decision, SRM, progress, daily, breakdowns, lead quality', async () => {
    const response = await getResults()
    expect(response.status).toBe(200)
    expect(response.headers.get('Server-Timing')).toMatch(/^results;dur=/)
    const results = response.body as ExperimentResults
    expect(results.experiment).toMatchObject({
      id: fixture.experimentId,
      status: 'running',
      control: 'A',
      primaryMetric: 'any',
      plannedVisitorsPerVariant: 100,
      minRuntimeDays: 1,
      autoShip: false,
      winner: null,
    })
    // Conversions, then the lead metrics (issue 16, tested in pipeline-metrics.test.ts), then the forms.
    expect(results.metrics.map((m) => m.key)).toEqual([
      'any',
      'soft',
      'hard',
      'hot',
      'mql',
      'sql',
      'opportunity',
      'customer',
      'pipeline',
      ...[`form:${fixture.page.softFormId}`, `form:${fixture.page.hardFormId}`].sort(),
    ])
    expect(results.metrics.find((m) => m.formId === fixture.page.hardFormId)!.label).toBe('Form: Demo request')
    checkVariants(results, 'any')
    checkDaily(results, 'any')
    checkSegments(results.breakdowns.device, fixture.expected.byDevice, DEVICE_ORDER, 'any')
    checkSegments(results.breakdowns.channel, fixture.expected.byChannel, CHANNEL_ORDER, 'any')

    const visitors = (key: string) => fixture.expected.variants[key]!['']!
    expect(results.progress).toMatchObject({
      plannedVisitorsPerVariant: 100,
      daysRunning: 2,
      minRuntimeDays: 1,
      minRuntimeReached: true,
      variants: KEYS.map((key) => ({ key, visitors: visitors(key), planned: 100, share: visitors(key) / 100 })),
    })
    closeTo(results.progress.dailyVisitors, (visitors('A') + visitors('B')) / 3)
    expect(results.decision.status).toBe('collecting')
    expect(results.decision.action).toMatchObject({ kind: 'keep_collecting' })
    expect(results.decision.action.text).toMatch(/^Keep collecting: about [\d,]+ more visitors, about \d+ days?\.$/)

    for (const q of results.leadQuality) {
      const e = fixture.expected.leadQuality[q.key]!
      const counts = fixture.expected.variants[q.key]!
      expect(q).toMatchObject({ visitors: counts[''], convertedVisitors: counts.any, hardConversions: counts.hard, leads: e.leads, lost: e.lost, pipelineValue: e.pipelineValue })
      expect(q.reached).toEqual({ mql: e.mql, sql: e.sql, opportunity: e.opportunity, customer: e.customer })
      closeTo(q.hardShare, counts.hard! / counts.any!)
      closeTo(q.pipelineValuePer1000Visitors, (e.pipelineValue / counts['']!) * 1000)
      closeTo(q.reachedShare.sql, e.sql / e.leads)
    }
    // The moves reach every stage somewhere, and one shared email makes a variant's leads fewer than its converters.
    const total = (field: 'sql' | 'customer' | 'lost') => KEYS.reduce((s, k) => s + fixture.expected.leadQuality[k]![field], 0)
    expect([total('sql'), total('customer'), total('lost')]).toEqual([4, 1, 3])
    expect(KEYS.reduce((s, k) => s + fixture.expected.variants[k]!.any! - fixture.expected.leadQuality[k]!.leads, 0)).toBe(3)
  })

  test('the metric switcher: soft, hard and each form change every figure', async () => {
    for (const metric of metricKeys().slice(1)) {
      const param = metric.startsWith('form:') ? metric.slice(5) : metric
      const response = await getResults(`?metric=${param}`)
      expect(response.status).toBe(200)
      const results = response.body as ExperimentResults
      checkVariants(results, metric)
      checkDaily(results, metric)
      checkSegments(results.breakdowns.device, fixture.expected.byDevice, DEVICE_ORDER, metric)
      checkSegments(results.breakdowns.channel, fixture.expected.byChannel, CHANNEL_ORDER, metric)
    }
    // The form metrics equal the soft and hard ones here: one soft and one hard form on the page.
    const soft = (await getResults(`?metric=${fixture.page.softFormId}`)).body as ExperimentResults
    expect(soft.variants.map((v) => v.conversions)).toEqual(KEYS.map((k) => fixture.expected.variants[k]!.soft))
  })

  test('CSV: the same numbers, one table per file', async () => {
    const json = (await getResults()).body as ExperimentResults
    const csv = await getResults('?format=csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('Content-Disposition')).toBe(`attachment; filename="experiment-${fixture.experimentId}-any-variants.csv"`)
    const table = (body: unknown) => {
      const [header, ...rows] = String(body)
        .replace('\uFEFF', '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(','))
      return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])))
    }
    const variants = table(csv.body)
    expect(variants).toHaveLength(2)
    variants.forEach((row, i) => {
      const v = json.variants[i]!
      expect(row).toMatchObject({
        metric: 'any',
        variant: v.key,
        is_control: String(v.isControl),
        visitors: String(fixture.expected.variants[v.key]!['']),
        conversions: String(fixture.expected.variants[v.key]!.any),
        rate: String(v.rate),
        rate_ci_low: String(v.ci![0]),
        rate_ci_high: String(v.ci![1]),
        probability_to_be_best: String(v.probabilityToBeBest),
        expected_loss: String(v.expectedLoss),
        soft_conversions: String(v.soft.conversions),
        hard_conversions: String(v.hard.conversions),
      })
    })
    expect(variants[1]).toMatchObject({ sequential_p_value: String(json.variants[1]!.vsControl!.sequentialPValue), relative_lift_ci_low: String(json.variants[1]!.vsControl!.relativeLiftCi![0]) })

    const daily = table((await getResults('?format=csv&table=daily')).body)
    expect(daily).toHaveLength(3 * 2)
    expect(daily.map((r) => [r.day, r.variant, Number(r.visitors), Number(r.cumulative_visitors)])).toEqual(
      json.daily.flatMap((d) => d.variants.map((v) => [d.day, v.key, v.visitors, v.cumulativeVisitors])),
    )
    const channel = table((await getResults(`?format=csv&table=channel&metric=hard`)).body)
    expect(channel).toHaveLength(6 * 2)
    for (const row of channel) expect(Number(row.conversions)).toBe(fixture.expected.byChannel[row.segment!]?.[row.variant!]?.hard ?? 0)
    const device = table((await getResults('?format=csv&table=device')).body)
    expect(device.map((r) => r.segment)).toEqual(['mobile', 'mobile', 'tablet', 'tablet', 'desktop', 'desktop'])
    const quality = table((await getResults('?format=csv&table=lead_quality')).body)
    expect(quality.map((r) => [r.variant, Number(r.leads), Number(r.sql), Number(r.pipeline_value)])).toEqual(
      KEYS.map((k) => [k, fixture.expected.leadQuality[k]!.leads, fixture.expected.leadQuality[k]!.sql, fixture.expected.leadQuality[k]!.pipelineValue]),
    )
  })

  test('bad input is a 400 naming the parameter; other workspaces are 404; no key is 401', async () => {
    expect(await getResults('?metric=revenue')).toMatchObject({ status: 400, body: { errors: { metric: [expect.stringContaining('Unknown metric "revenue"')] } } })
    const stranger = randomUUID()
    expect(await getResults(`?metric=${stranger}`)).toMatchObject({ status: 400, body: { errors: { metric: [expect.stringContaining(stranger)] } } })
    expect(await getResults('?format=xml')).toMatchObject({ status: 400, body: { errors: { format: [expect.any(String)] } } })
    expect(await getResults('?format=csv&table=everything')).toMatchObject({ status: 400, body: { errors: { table: [expect.any(String)] } } })
    expect(await getResults('?table=daily')).toMatchObject({ status: 400, body: { errors: { table: [expect.any(String)] } } })

    const other = await createOwner({ name: 'Other' })
    const otherCall = await apiKeyCaller({ workspaceId: other.workspaceId, createdBy: other.userId })
    expect(await otherCall(resultsApi, `/api/v1/experiments/${fixture.experimentId}/results`, { params: { id: fixture.experimentId } })).toMatchObject({
      status: 404,
      body: { error: 'No such experiment' },
    })
    expect((await callResults('not-an-id')).status).toBe(404)
    expect((await callResults(randomUUID())).status).toBe(404)
    const anonymous = await otherCall(resultsApi, `/api/v1/experiments/${fixture.experimentId}/results`, { params: { id: fixture.experimentId }, auth: false })
    expect(anonymous.status).toBe(401)
  })
})

describe('summarizeExperiments (the experiments list)', () => {
  test('rollup totals on the primary metric, the leader and its lift, the decision; only the workspace’s own', async () => {
    const rows = await listExperiments({ workspaceId: fixture.owner.workspaceId })
    const summaries = await summarizeExperiments({ workspaceId: fixture.owner.workspaceId, experiments: rows.map((r) => r.experiment) })
    const summary = summaries.get(fixture.experimentId)!
    const e = fixture.expected.variants
    expect(summary.variants.map((v) => [v.key, v.visitors, v.conversions])).toEqual(KEYS.map((k) => [k, e[k]![''], e[k]!.any]))
    expect(summary).toMatchObject({ visitors: 48, conversions: e.A!.any! + e.B!.any!, srmDetected: false, decision: { status: 'collecting' } })
    const rate = (k: string) => e[k]!.any! / e[k]!['']!
    const leader = rate('B') > rate('A') ? 'B' : 'A'
    expect(summary.leading!.key).toBe(leader)
    if (leader === 'B') closeTo(summary.leading!.relativeLift, rate('B') / rate('A') - 1)
    else expect(summary.leading!.relativeLift).toBeNull()
    // Another workspace's call never sees these rollups, even when handed the experiment.
    const other = await createOwner({ name: 'Nosy' })
    const nosy = await summarizeExperiments({ workspaceId: other.workspaceId, experiments: rows.map((r) => r.experiment) })
    expect(nosy.get(fixture.experimentId)!.visitors).toBe(0)
  })
})
