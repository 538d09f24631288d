import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { catchUpExperimentConversionRollups } from '#app/experiments/counting.server'
import { starterFields } from '#app/forms/purposes'
import { flushPageViews } from '#app/visitors/page-views.server'
import { spamSubmissions } from '#db/schema'
import { simulateTraffic } from '#scripts/simulation/traffic'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'
import { startVisitorServer } from '#tests/factories/published-forms'

// The simulator against the real visitor path (GET and POST /p/:slug over HTTP): what it reports must be what
// the server counted, visitor by visitor.

let server: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (server = await startVisitorServer()))
afterAll(() => server.close())

test('200 simulated visitors are 200 sticky exposures, and every conversion they report is in the database', { timeout: 90_000 }, async () => {
  const { owner, api } = await experimentApi()
  // A hard form with a select and "how did you hear about us", and a minimum fill time the visitors must wait out.
  const definition = {
    purpose: 'demo_request' as const,
    conversionType: 'hard' as const,
    minFillSeconds: 1,
    fields: starterFields('demo_request'),
    success: { type: 'message' as const, message: 'Thanks!' },
  }
  const page = await publishExperimentPage(owner, { variants: 3, definition })
  const variants = [
    { key: 'A', weight: 0.34 },
    { key: 'B', weight: 0.33 },
    { key: 'C', weight: 0.33 },
  ]
  const created = await api.create({ pageId: page.pageId, name: 'Simulated', variants })
  const experimentId = created.body.id as string
  expect((await api.act(experimentId, 'start')).body).toMatchObject({ status: 'running' })

  const rates = { A: 0.2, B: 0.35, C: 0.2 }
  const report = await simulateTraffic({
    baseUrl: server.url,
    slug: page.slug,
    visitors: 200,
    rates,
    concurrency: 25,
    seed: 42,
    returnRate: 0.3,
    fillSeconds: [1, 1.6],
    spreadAddresses: process.platform === 'linux',
  })
  expect(report.errors).toEqual({})
  expect(report.warnings).toEqual([])
  expect(report.outcomes).toHaveLength(200)
  const reported = Object.values(report.byVariant)
  expect(reported.reduce((n, t) => n + t.visitors, 0)).toBe(200)
  expect(reported.reduce((n, t) => n + t.held, 0)).toBe(0)
  const converted = report.outcomes.filter((o) => o.conversionId)
  expect(converted.length).toBeGreaterThan(20)

  await flushPageViews()
  await catchUpExperimentConversionRollups()
  // One exposure per visitor, each for the variant the visitor was shown (on both views when it came back).
  const exposed = await queryRows<{ visitor_id: string; variant_key: string }>(db, sql`select visitor_id, variant_key from exposures where experiment_id = ${experimentId}`)
  expect(exposed).toHaveLength(200)
  const shown = new Map(report.outcomes.map((o) => [o.visitorId, o.variantKey]))
  expect(shown.size).toBe(200)
  for (const exposure of exposed) expect(exposure.variant_key).toBe(shown.get(exposure.visitor_id))
  const [rollup] = await queryRows<{ n: number }>(db, sql`select sum(count)::int as n from experiment_daily where experiment_id = ${experimentId} and metric = ''`)
  expect(rollup!.n).toBe(200)
  const [views] = await queryRows<{ n: number; devices: number; channels: number }>(
    db,
    sql`select count(*)::int as n, count(distinct device)::int as devices, count(distinct channel)::int as channels
    from page_views where page_id = ${page.pageId}`,
  )
  expect(views!.n).toBe(report.pageViews)
  expect(views!.n).toBeGreaterThan(200)
  expect(views!.devices).toBe(3)
  expect(views!.channels).toBeGreaterThanOrEqual(5)

  // Every reported conversion, and nothing else, recorded under the visitor's sticky variant and the experiment.
  const recorded = await queryRows<{ id: string; visitor_id: string; variant_key: string; experiment_id: string; conversion_type: string; started_at: string; created_at: string }>(
    db,
    sql`select id, visitor_id, variant_key, experiment_id, conversion_type, started_at, created_at from conversions where page_id = ${page.pageId}`,
  )
  expect(new Set(recorded.map((c) => c.id))).toEqual(new Set(converted.map((o) => o.conversionId)))
  for (const conversion of recorded) {
    expect(conversion).toMatchObject({ variant_key: shown.get(conversion.visitor_id), experiment_id: experimentId, conversion_type: 'hard' })
    expect(Date.parse(conversion.created_at) - Date.parse(conversion.started_at)).toBeGreaterThanOrEqual(1000)
  }
  expect(await db.select().from(spamSubmissions).where(eq(spamSubmissions.pageId, page.pageId))).toEqual([])
  const byVariant = await queryRows<{ variant_key: string; n: number }>(
    db,
    sql`select variant_key, sum(count)::int as n from experiment_daily where experiment_id = ${experimentId} and metric = 'hard' group by 1`,
  )
  expect(Object.fromEntries(byVariant.map((r) => [r.variant_key, r.n]))).toEqual(
    Object.fromEntries(
      Object.entries(report.byVariant)
        .filter(([, t]) => t.conversions)
        .map(([key, t]) => [key, t.conversions]),
    ),
  )
  // The leads carry what the visitors typed, including the self-reported source the form asks for.
  const [leads] = await queryRows<{ n: number; heard: number }>(db, sql`select count(*)::int as n, count(heard_about)::int as heard from leads where workspace_id = ${owner.workspaceId}`)
  expect(leads!.n).toBeGreaterThan(0)
  expect(leads!.heard).toBeGreaterThan(0)
})
