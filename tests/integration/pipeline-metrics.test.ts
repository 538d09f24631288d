import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { writeExperimentConversions } from '#app/experiments/counting.server'
import { countVariantTotals, getExperiment } from '#app/experiments/experiment.server'
import { resultsCsv } from '#app/experiments/results/csv'
import { getExperimentResults, summarizeExperiments } from '#app/experiments/results/queries.server'
import { changeLeadStage } from '#app/leads/stage.server'
import { loader as resultsApi } from '#app/routes/api.v1.experiments.$id.results'
import { DAY_MS } from '#app/time/days'
import { writePageViews } from '#app/visitors/page-views.server'
import { experimentEvents, experimentLeads, leads, type LeadStage } from '#db/schema'
import { apiKeyCaller } from '#tests/factories/accounts'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'
import { insertConversion, insertLead } from '#tests/factories/lead-rows'

// Lead metrics in experiments (decision 060), end to end over the database: visitors exposed on known days through
// the page-view writer, their conversions counted by the real counting function, their leads moved through the
// funnel by the stage API's function. Every expected figure is counted by hand from the table below, not read back.

const NOW = new Date()
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY_MS)

/** A visitor: variant, days since exposure, and what its lead became (none: no conversion). */
type Plan = { variant: 'A' | 'B'; age: number; lead?: { stages: LeadStage[]; deal?: number; hot?: boolean } }
const VISITORS: Plan[] = [
  // A, exposed 20 days ago (mature at 14 days): 10 visitors, 4 with leads
  { variant: 'A', age: 20, lead: { stages: ['mql', 'sql', 'opportunity', 'customer'], deal: 1000, hot: true } },
  { variant: 'A', age: 20, lead: { stages: ['mql', 'sql'] } },
  { variant: 'A', age: 20, lead: { stages: ['mql', 'lost'] } },
  { variant: 'A', age: 20, lead: { stages: ['opportunity'], deal: 500 } },
  ...Array.from({ length: 6 }, () => ({ variant: 'A' as const, age: 20 })),
  // B, exposed 20 days ago: 10 visitors, 3 with leads
  { variant: 'B', age: 20, lead: { stages: ['customer'], deal: 3000, hot: true } },
  { variant: 'B', age: 20, lead: { stages: ['opportunity'], deal: 200 } },
  { variant: 'B', age: 20, lead: { stages: [], hot: true } },
  ...Array.from({ length: 7 }, () => ({ variant: 'B' as const, age: 20 })),
  // exposed 2 days ago: not mature, on either side
  { variant: 'A', age: 2, lead: { stages: ['customer'], deal: 9999, hot: true } },
  { variant: 'B', age: 2, lead: { stages: ['sql'] } },
  ...Array.from({ length: 4 }, () => ({ variant: 'A' as const, age: 2 })),
  ...Array.from({ length: 4 }, () => ({ variant: 'B' as const, age: 2 })),
]

// By hand, over the mature visitors (age 20):
const MATURE = { A: 10, B: 10 }
const STAGES = { hot: { A: 1, B: 2 }, mql: { A: 4, B: 2 }, sql: { A: 3, B: 2 }, opportunity: { A: 2, B: 2 }, customer: { A: 1, B: 1 } }
const PIPELINE = { A: { total: 1500, sumOfSquares: 1000 ** 2 + 500 ** 2 }, B: { total: 3200, sumOfSquares: 3000 ** 2 + 200 ** 2 } }

let setup: Awaited<ReturnType<typeof seed>>

async function seed() {
  const { owner, api } = await experimentApi()
  const page = await publishExperimentPage(owner)
  const created = await api.create({
    pageId: page.pageId,
    name: 'Pipeline',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
    primaryMetric: 'pipeline',
    secondaryMetrics: ['sql', 'hot'],
  })
  expect(created.status).toBe(201)
  const id = created.body.id as string
  expect((await api.act(id, 'start')).body).toMatchObject({ status: 'running' })
  for (const v of VISITORS) {
    const visitorId = randomUUID()
    const at = daysAgo(v.age)
    await writePageViews([
      {
        workspaceId: owner.workspaceId,
        pageId: page.pageId,
        variantKey: v.variant,
        visitorId,
        device: 'desktop',
        channel: 'direct',
        path: '/p/x',
        viewedAt: at,
        exposure: { experimentId: id, channel: 'direct' },
      },
    ])
    if (!v.lead) continue
    const lead = await insertLead({ workspaceId: owner.workspaceId, ...(v.lead.hot ? { hotAt: at } : {}) })
    const conversion = await insertConversion({ workspaceId: owner.workspaceId, leadId: lead.id, formId: page.formId, pageId: page.pageId, variantKey: v.variant, experimentId: id, visitorId })
    const convertedAt = new Date(at.getTime() + 60_000)
    const row = (metric: string) => ({ experimentId: id, visitorId, metric, variantKey: v.variant, conversionId: conversion.id, device: 'desktop', channel: 'direct', convertedAt })
    await writeExperimentConversions([row('any'), row('soft'), row(`form:${page.formId}`)])
    for (const stage of v.lead.stages) {
      const dealValue = stage === 'opportunity' || stage === 'customer' ? v.lead.deal : undefined
      const moved = await changeLeadStage(db, { workspaceId: owner.workspaceId, leadId: lead.id, toStage: stage, dealValue, changedBy: null, source: 'api' })
      expect(moved.ok).toBe(true)
    }
  }
  return { owner, api, page, id }
}

beforeAll(async () => {
  setup = await seed()
}, 120_000)

async function results(metric: string | null, now = NOW) {
  const found = await getExperimentResults({ workspaceId: setup.owner.workspaceId, id: setup.id, metric, now })
  if (!found.ok) throw new Error(JSON.stringify(found.errors))
  return found.results
}

describe('stage metrics', () => {
  test.each(Object.entries(STAGES))('%s: each variant counts its mature visitors whose lead got there', async (stage, expected) => {
    const r = await results(stage)
    expect(r.metric).toMatchObject({ key: stage, isPrimary: false })
    expect(r.variants.map((v) => [v.key, v.visitors, v.conversions])).toEqual([
      ['A', MATURE.A, expected.A],
      ['B', MATURE.B, expected.B],
    ])
    expect(r.maturity).toEqual({ maturityDays: 14, cutoffDay: new Date(NOW.getTime() - 14 * DAY_MS).toISOString().slice(0, 10), matureVisitors: 20, visitors: 30 })
    // By day and by segment are conversion figures: none for lead metrics.
    expect(r.daily).toEqual([])
    expect(r.breakdowns).toEqual({ device: [], channel: [] })
  })

  test('a lead that turns hot later follows (the trigger on leads)', async () => {
    const [row] = await db
      .select({ leadId: experimentLeads.leadId })
      .from(experimentLeads)
      .where(sql`${experimentLeads.experimentId} = ${setup.id} and ${experimentLeads.variantKey} = 'A' and ${experimentLeads.reached} = 2`)
    await db.update(leads).set({ hotAt: new Date() }).where(eq(leads.id, row!.leadId))
    expect((await results('hot')).variants.map((v) => v.conversions)).toEqual([STAGES.hot.A + 1, STAGES.hot.B])
    await db.update(leads).set({ hotAt: null }).where(eq(leads.id, row!.leadId))
    // Hot for good, like the lead: a reset hot_at does not take it back.
    expect((await results('hot')).variants.map((v) => v.conversions)).toEqual([STAGES.hot.A + 1, STAGES.hot.B])
    await db.update(experimentLeads).set({ isHot: false }).where(eq(experimentLeads.leadId, row!.leadId))
  })
})

describe('pipeline', () => {
  test('visitors, total and mean per variant, by hand; the comparison and decision are analyzeMean’s', async () => {
    const r = await results('pipeline')
    expect(r.variants).toEqual([])
    expect(r.pipeline.variants.map((v) => [v.key, v.visitors, v.total, v.mean])).toEqual([
      ['A', 10, PIPELINE.A.total, PIPELINE.A.total / 10],
      ['B', 10, PIPELINE.B.total, PIPELINE.B.total / 10],
    ])
    const b = r.pipeline.variants[1]!.vsControl!
    expect(b.absoluteLift).toBeCloseTo(320 - 150, 9)
    expect(b.relativeLift).toBeCloseTo(320 / 150 - 1, 9)
    // The page's decision is the pipeline's: 10 visitors per arm is far too few to call.
    expect(r.decision.status).toBe('collecting')
    expect(r.decision).toMatchObject(r.pipeline.decision)
  })

  test('the CSV of ?metric=pipeline has the pipeline columns, with the same values', async () => {
    const csv = resultsCsv(await results('pipeline'), 'variants')
      .trim()
      .split(/\r?\n/)
    expect(csv[0]!.split(',').slice(0, 7)).toEqual(['metric', 'variant', 'is_control', 'weight', 'visitors', 'total', 'mean'])
    expect(csv[1]!.split(',').slice(0, 7)).toEqual(['pipeline', 'A', 'true', '0.5', '10', '1500', '150'])
    expect(csv[2]!.split(',').slice(0, 7)).toEqual(['pipeline', 'B', 'false', '0.5', '10', '3200', '320'])
  })

  test('the sum of squares reaches the statistics: the list, auto-ship and declarations read it through countVariantTotals', async () => {
    const totals = await countVariantTotals({ experimentIds: [setup.id], metrics: ['', 'pipeline', 'sql'], workspaceId: setup.owner.workspaceId, now: NOW })
    const get = (key: string, metric: string) => totals.find((t) => t.variantKey === key && t.metric === metric)?.count
    expect(['A', 'B'].map((k) => [get(k, ''), get(k, 'mature:'), get(k, 'pipeline'), get(k, 'pipeline:squares'), get(k, 'sql')])).toEqual([
      [15, 10, PIPELINE.A.total, PIPELINE.A.sumOfSquares, STAGES.sql.A],
      [15, 10, PIPELINE.B.total, PIPELINE.B.sumOfSquares, STAGES.sql.B],
    ])
    const found = await getExperiment({ workspaceId: setup.owner.workspaceId, id: setup.id })
    const summary = (await summarizeExperiments({ workspaceId: setup.owner.workspaceId, experiments: [found!.experiment] })).get(setup.id)!
    expect(summary).toMatchObject({ visitors: 20, conversions: null, leading: { key: 'B' } })
    expect(summary.variants).toEqual([
      { key: 'A', visitors: 10, conversions: null, rate: 150 },
      { key: 'B', visitors: 10, conversions: null, rate: 320 },
    ])
  })
})

describe('maturity', () => {
  test('later, the newer visitors count too, on both sides', async () => {
    const later = new Date(NOW.getTime() + 13 * DAY_MS)
    const sqlLater = await results('sql', later)
    expect(sqlLater.variants.map((v) => [v.visitors, v.conversions])).toEqual([
      [15, STAGES.sql.A + 1],
      [15, STAGES.sql.B + 1],
    ])
    const pipelineLater = await results('pipeline', later)
    expect(pipelineLater.pipeline.variants.map((v) => [v.visitors, v.total])).toEqual([
      [15, PIPELINE.A.total + 9999],
      [15, PIPELINE.B.total],
    ])
    expect(pipelineLater.maturity.matureVisitors).toBe(30)
  })

  test('maturityDays is set per experiment, shown by the API, and refused by name outside 0–90', async () => {
    const base = {
      pageId: setup.page.pageId,
      name: 'Maturity',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    }
    const zero = await setup.api.create({ ...base, maturityDays: 0 })
    expect(zero.status).toBe(201)
    expect((await setup.api.get(zero.body.id as string)).body).toMatchObject({ maturityDays: 0 })
    for (const bad of [91, -1, 1.5, 'soon']) {
      const refused = await setup.api.create({ ...base, maturityDays: bad })
      expect(refused.status).toBe(400)
      expect(Object.keys(refused.body.errors as object)).toEqual(['maturityDays'])
    }
  })
})

describe('changing the maturity', () => {
  test('PATCH { maturityDays } moves the cutoff at once, audited; outside 0–90 a 400 naming it; not once concluded', async () => {
    const { api } = setup
    expect((await api.patch(setup.id, { maturityDays: 1 })).body).toMatchObject({ maturityDays: 1 })
    expect((await results('sql')).variants.map((v) => [v.visitors, v.conversions])).toEqual([
      [15, STAGES.sql.A + 1],
      [15, STAGES.sql.B + 1],
    ])
    expect(await api.patch(setup.id, { maturityDays: 91 })).toMatchObject({ status: 400, body: { errors: { maturityDays: [expect.any(String)] } } })
    expect((await api.patch(setup.id, { maturityDays: 14 })).body).toMatchObject({ maturityDays: 14 })
    const events = await db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, setup.id)).orderBy(experimentEvents.createdAt)
    expect(events.filter((e) => e.action === 'maturity').map((e) => e.detail)).toEqual([
      { from: 14, to: 1, apiKeyId: expect.any(String) },
      { from: 1, to: 14, apiKeyId: expect.any(String) },
    ])
    // Another page: one running experiment per page.
    const otherPage = await publishExperimentPage(setup.owner)
    const other = await api.create({
      pageId: otherPage.pageId,
      name: 'Done',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    })
    const otherId = other.body.id as string
    expect((await api.act(otherId, 'start')).body).toMatchObject({ status: 'running' })
    expect((await api.act(otherId, 'stop')).body).toMatchObject({ status: 'concluded' })
    expect(await api.patch(otherId, { maturityDays: 3 })).toMatchObject({ status: 409, body: { errors: { maturityDays: [expect.any(String)] } } })
  })
})

describe('the API', () => {
  test('primaryMetric, secondaryMetrics and ?metric= take the lead metrics; an unknown key is a 400 naming it', async () => {
    const base = {
      pageId: setup.page.pageId,
      name: 'Keys',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    }
    for (const metric of ['hot', 'mql', 'sql', 'opportunity', 'customer', 'pipeline']) expect((await setup.api.create({ ...base, primaryMetric: metric, secondaryMetrics: [metric] })).status).toBe(201)
    const primary = await setup.api.create({ ...base, primaryMetric: 'revenue' })
    expect(primary.status).toBe(400)
    expect(primary.body.errors).toEqual({ primaryMetric: [expect.stringContaining('"revenue"')] })
    const secondary = await setup.api.create({ ...base, secondaryMetrics: ['sql', 'leads'] })
    expect(secondary.status).toBe(400)
    expect(secondary.body.errors).toEqual({ 'secondaryMetrics.1': [expect.stringContaining('"leads"')] })

    const call = await apiKeyCaller({ workspaceId: setup.owner.workspaceId, createdBy: setup.owner.userId, name: 'results' })
    const get = (query: string) => call(resultsApi, `/api/v1/experiments/${setup.id}/results${query}`, { params: { id: setup.id } })
    const ok = await get('?metric=opportunity')
    expect(ok.status).toBe(200)
    expect((ok.body.variants as { conversions: number }[]).map((v) => v.conversions)).toEqual([STAGES.opportunity.A, STAGES.opportunity.B])
    const unknown = await get('?metric=revenue')
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors).toEqual({ metric: [expect.stringContaining('"revenue"')] })
  })

  test('two workspaces cannot see each other’s numbers', async () => {
    const other = await experimentApi()
    const theirs = await getExperimentResults({ workspaceId: other.owner.workspaceId, id: setup.id, metric: 'pipeline', now: NOW })
    expect(theirs).toMatchObject({ ok: false, status: 404 })
    expect(await countVariantTotals({ experimentIds: [setup.id], metrics: ['', 'pipeline', 'sql'], workspaceId: other.owner.workspaceId, now: NOW })).toEqual([])
    const call = await apiKeyCaller({ workspaceId: other.owner.workspaceId, createdBy: other.owner.userId, name: 'nosy' })
    const response = await call(resultsApi, `/api/v1/experiments/${setup.id}/results?metric=pipeline`, { params: { id: setup.id } })
    expect(response.status).toBe(404)
    expect(JSON.stringify(response.body)).not.toContain('3200')
  })
})
