import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { createExperiment } from '#app/experiments/experiment.server'
import { createPage, createVariant, publishPage, updatePage } from '#app/pages/queries.server'
import { loader as indexLoader } from '#app/routes/_app.experiments._index'
import { action as detailAction, loader as detailLoader } from '#app/routes/_app.experiments.$id/route'
import { action as createAction, loader as newLoader } from '#app/routes/_app.experiments.new/route'
import { planSample, type PageTraffic, type SamplePlan, type StagePlan } from '#app/routes/_app.experiments.new/plan'
import { planPipelineVisitors } from '#app/experiments/pipeline-plan'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { StagePlanExplanation } from '#app/routes/_app.experiments.new/create-form'
import { action as createByApi } from '#app/routes/api.v1.experiments'
import { computeMeanSampleSize } from '#app/statistics/mean'
import { computeSampleSize } from '#app/statistics/sample-size'
import { DAY_MS as DAY } from '#app/time/days'
import { conversions, experimentDaily, experimentEvents, experiments, leads, leadStageChanges, pageViews } from '#db/schema'
import { apiKeyCaller, BASE_URL, callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { publishFormPage } from '#tests/factories/published-forms'

type Fn = (args: never) => unknown
type Owner = Awaited<ReturnType<typeof createOwner>>
type Errors = { fieldErrors: Record<string, string[]>; formErrors: string[] }

/** A form post with repeated names (ticked checkboxes), as a browser without JavaScript sends it. */
async function post(fn: Fn, path: string, cookie: string, fields: [string, string][], params: Record<string, string> = {}) {
  const request = new Request(new URL(path, BASE_URL), { method: 'POST', headers: { Cookie: cookie, Origin: BASE_URL }, body: new URLSearchParams(fields) })
  const result = await (fn as (a: unknown) => Promise<unknown>)({ request, params, context: { clientIp: '203.0.113.7' } }).catch((e: unknown) => e)
  return readResult(result)
}

/** A published page with a form and variants A and B; B is published too unless `publishB` is false. */
async function pageWithVariants(owner: Owner, { publishB = true } = {}) {
  const page = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId })
  await createVariant({ workspaceId: owner.workspaceId, pageId: page.pageId, name: 'Short form' })
  if (publishB) await publishPage({ workspaceId: owner.workspaceId, pageId: page.pageId, userId: owner.userId })
  return page
}

const createFields = (pageId: string, extra: [string, string][] = []): [string, string][] => [
  ['pageId', pageId],
  ['name', 'Shorter demo form'],
  ['hypothesis', 'Three fields instead of six get more demo requests'],
  ['variants', 'A'],
  ['variants', 'B'],
  ['weight_A', '50'],
  ['weight_B', '50'],
  ['control', 'A'],
  ['coverage', '50'],
  ['primaryMetric', 'any'],
  ['confidence', '95'],
  ['minRuntimeDays', '7'],
  ['plannedVisitorsPerVariant', '1234'],
  ['mde', '10'],
  ...extra,
]

async function createViaForm(owner: Owner, pageId: string, extra: [string, string][] = [], fields = createFields(pageId, extra)) {
  const result = await post(createAction, '/experiments/new', owner.cookie, fields)
  expect(result.status).toBe(302)
  return result.headers.get('Location')!.replace('/experiments/', '')
}

const act = (owner: { cookie: string }, id: string, form: Record<string, string>) => callRoute(detailAction, `/experiments/${id}`, { cookie: owner.cookie, form, params: { id } }).then(readResult)

const statusOf = async (id: string) => (await db.select().from(experiments).where(eq(experiments.id, id)))[0]!

describe('creating an experiment from the form', () => {
  test('flat fields as typed (percentages, form metrics, ticked variants) become the experiment, audited', async () => {
    const owner = await createOwner({ name: 'Cora Creator' })
    const page = await pageWithVariants(owner)
    const fields = createFields(page.pageId, [
      ['secondaryMetrics', 'hard'],
      ['secondaryMetrics', `form:${page.formId}`],
      ['autoShip', 'on'],
    ])
    const id = await createViaForm(
      owner,
      page.pageId,
      [],
      fields.map(([k, v]): [string, string] => [k, k === 'primaryMetric' ? `form:${page.formId}` : v]),
    )
    expect(await statusOf(id)).toMatchObject({
      workspaceId: owner.workspaceId,
      pageId: page.pageId,
      name: 'Shorter demo form',
      hypothesis: 'Three fields instead of six get more demo requests',
      status: 'draft',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
      controlKey: 'A',
      coverage: 0.5,
      primaryMetric: { formId: page.formId },
      secondaryMetrics: ['hard', { formId: page.formId }],
      confidence: 0.95,
      minRuntimeDays: 7,
      plannedVisitorsPerVariant: 1234,
      autoShip: true,
      createdBy: owner.userId,
    })
    const events = await db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, id))
    expect(events).toMatchObject([{ action: 'create', userId: owner.userId, actor: 'member' }])
  })

  test('without optional fields the schema defaults apply: control A, no auto-ship, no planned sample', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    const optional = ['control', 'plannedVisitorsPerVariant', 'hypothesis', 'autoShip']
    const id = await createViaForm(
      owner,
      page.pageId,
      [],
      createFields(page.pageId).filter(([k]) => !optional.includes(k)),
    )
    expect(await statusOf(id)).toMatchObject({ controlKey: 'A', autoShip: false, plannedVisitorsPerVariant: null, hypothesis: '', secondaryMetrics: [] })
  })

  test('lead metrics and the lead maturity from the form (14 days when left empty); a maturity outside 0–90 is a 400 naming it', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    const withPipeline = createFields(page.pageId, [
      ['secondaryMetrics', 'sql'],
      ['secondaryMetrics', 'hot'],
      ['maturityDays', '30'],
    ]).map(([k, v]): [string, string] => [k, k === 'primaryMetric' ? 'pipeline' : v])
    expect(await statusOf(await createViaForm(owner, page.pageId, [], withPipeline))).toMatchObject({ primaryMetric: 'pipeline', secondaryMetrics: ['sql', 'hot'], maturityDays: 30 })
    expect(await statusOf(await createViaForm(owner, page.pageId, [['maturityDays', '']]))).toMatchObject({ maturityDays: 14 })
    const result = await post(createAction, '/experiments/new', owner.cookie, createFields(page.pageId, [['maturityDays', '91']]))
    expect(result.status).toBe(400)
    expect((result.body as { errors: Errors }).errors.fieldErrors).toEqual({ maturityDays: ['Use at most 90 days'] })
  })

  test('weights that do not add up to 100% are a 400 naming variants, and nothing is created', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    const fields = createFields(page.pageId).map(([k, v]): [string, string] => [k, k === 'weight_B' ? '30' : v])
    const result = await post(createAction, '/experiments/new', owner.cookie, fields)
    expect(result.status).toBe(400)
    const { errors, sent } = result.body as { errors: Errors; sent: Record<string, unknown> }
    // The form speaks percent, as its weight fields do (issue 17); the API names fractions and percent.
    expect(errors.fieldErrors.variants).toEqual(['Ticked variants must add up to 100 % (they add up to 80 %)'])
    // What was typed comes back, so a browser without JavaScript shows the form as it was left.
    expect(sent).toMatchObject({ name: 'Shorter demo form', variants: ['A', 'B'], weight_A: '50', weight_B: '30', coverage: '50' })
    expect(await db.select().from(experiments).where(eq(experiments.workspaceId, owner.workspaceId))).toHaveLength(0)
  })

  test('one ticked variant, a missing name, a control that is not ticked: each named', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    const onlyB = createFields(page.pageId)
      .filter(([k, v]) => !(k === 'variants' && v === 'A') && k !== 'name')
      .map(([k, v]): [string, string] => [k, k === 'weight_B' ? '100' : v])
    const first = await post(createAction, '/experiments/new', owner.cookie, onlyB)
    expect(first.status).toBe(400)
    expect((first.body as { errors: Errors }).errors.fieldErrors).toMatchObject({ variants: ['An experiment needs at least 2 variants'], name: ['Name is required'] })

    const controlC = createFields(page.pageId).map(([k, v]): [string, string] => [k, k === 'control' ? 'C' : v])
    const second = await post(createAction, '/experiments/new', owner.cookie, controlC)
    expect(second.status).toBe(400)
    expect((second.body as { errors: Errors }).errors.fieldErrors).toEqual({ control: ['The control must be one of the variants'] })
    expect(await db.select().from(experiments).where(eq(experiments.workspaceId, owner.workspaceId))).toHaveLength(0)
  })

  test('a page of another workspace is a 404 on pageId; a variant the page lacks is a 400 on variants', async () => {
    const owner = await createOwner()
    const other = await createOwner({ name: 'Someone else' })
    const theirs = await pageWithVariants(other)
    const result = await post(createAction, '/experiments/new', owner.cookie, createFields(theirs.pageId))
    expect(result.status).toBe(404)
    expect((result.body as { errors: Errors }).errors.fieldErrors.pageId?.[0]).toMatch(/No such page/)

    const mine = await pageWithVariants(owner)
    const weights: Record<string, string> = { weight_A: '60', weight_B: '20' }
    const withC = createFields(mine.pageId, [
      ['variants', 'C'],
      ['weight_C', '20'],
    ]).map(([k, v]): [string, string] => [k, weights[k] ?? v])
    const missing = await post(createAction, '/experiments/new', owner.cookie, withC)
    expect(missing.status).toBe(400)
    expect((missing.body as { errors: Errors }).errors.fieldErrors.variants?.[0]).toMatch(/no variant C/)
    expect(await db.select().from(experiments).where(eq(experiments.workspaceId, owner.workspaceId))).toHaveLength(0)
  })

  test('viewers cannot open the form or post it (403)', async () => {
    const owner = await createOwner()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const page = await pageWithVariants(owner)
    expect((await readResult(await callRoute(newLoader, '/experiments/new', { cookie: viewer.cookie }))).status).toBe(403)
    expect((await post(createAction, '/experiments/new', viewer.cookie, createFields(page.pageId))).status).toBe(403)
    expect(await db.select().from(experiments).where(eq(experiments.workspaceId, owner.workspaceId))).toHaveLength(0)
  })
})

describe('the form loader', () => {
  const touch = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/x', channel: 'direct', hasClickId: false }

  async function seedTraffic(owner: Owner, page: { pageId: string; formId: string }) {
    const now = Date.now()
    const visitors = Array.from({ length: 200 }, () => randomUUID())
    const view = (pageId: string, visitorId: string, ago: number) => ({
      workspaceId: owner.workspaceId,
      pageId,
      variantKey: 'A',
      visitorId,
      device: 'desktop',
      channel: 'direct',
      path: '/p/x',
      viewedAt: new Date(now - ago),
    })
    await db.insert(pageViews).values([
      // 200 visitors over the last 9.5 days (so 10 days of traffic, 20 a day), 40 of them twice.
      ...visitors.map((v, i) => view(page.pageId, v, (i / 199) * 9.5 * DAY)),
      ...visitors.slice(0, 40).map((v) => view(page.pageId, v, DAY)),
      // Neither counts: older than 30 days, or another page.
      ...Array.from({ length: 50 }, () => view(page.pageId, randomUUID(), 40 * DAY)),
      ...Array.from({ length: 30 }, () => view(randomUUID(), randomUUID(), DAY)),
    ])
    const conversion = (visitorId: string | null, conversionType: 'soft' | 'hard', ago = DAY) => ({
      workspaceId: owner.workspaceId,
      formId: page.formId,
      pageId: page.pageId,
      variantKey: 'A',
      conversionType,
      visitorId,
      idempotencyKey: randomUUID(),
      touch,
      device: 'desktop',
      createdAt: new Date(now - ago),
    })
    await db.insert(conversions).values([
      // 20 converted visitors: 15 soft, 4 hard, one without a visitor id; one visitor converts twice.
      ...visitors.slice(0, 15).map((v) => conversion(v, 'soft')),
      ...visitors.slice(15, 19).map((v) => conversion(v, 'hard')),
      conversion(null, 'soft'),
      conversion(visitors[0]!, 'soft'),
      // Too old to count.
      ...visitors.slice(50, 60).map((v) => conversion(v, 'hard', 35 * DAY)),
    ])
  }

  test("prefills the planned sample from the page's last 30 days, and falls back to 5% without traffic", async () => {
    const owner = await createOwner()
    const busy = await pageWithVariants(owner)
    const quiet = await pageWithVariants(owner)
    await seedTraffic(owner, busy)

    const result = await readResult(await callRoute(newLoader, `/experiments/new?page=${busy.pageId}`, { cookie: owner.cookie }))
    expect(result.status).toBe(200)
    const body = result.body as { page: { id: string; variants: { key: string; isPublished: boolean }[] }; traffic: PageTraffic; plan: SamplePlan }
    expect(body.page.id).toBe(busy.pageId)
    expect(body.page.variants).toEqual([
      { key: 'A', name: 'Control', isPublished: true },
      { key: 'B', name: 'Short form', isPublished: true },
    ])
    expect(body.traffic).toEqual({
      visitors: 200,
      days: 10,
      converted: { any: 20, soft: 16, hard: 4, [`form:${busy.formId}`]: 20 },
      pipeline: null,
      // The 50 visitors of 40 days ago are mature (90 days back, at least 14 days ago); the 200 recent ones are not yet.
      stages: { visitors: 50, maturityDays: 14, hot: 0, mql: 0, sql: 0, opportunity: 0, customer: 0 },
    })
    const expected = computeSampleSize({ baselineRate: 0.1, relativeMde: 0.1, alpha: 0.05, variants: 2, dailyVisitors: 20 })
    expect(body.plan).toEqual({
      kind: 'rate',
      baselineRate: 0.1,
      isMeasured: true,
      converted: 20,
      visitors: 200,
      dailyVisitors: 20,
      visitorsPerVariant: expected.visitorsPerVariant,
      days: expected.days,
    })
    expect(expected.visitorsPerVariant).not.toBe(computeSampleSize({ baselineRate: 0.05, relativeMde: 0.1 }).visitorsPerVariant)

    // What the browser recomputes when the marketer picks hard conversions and half the traffic.
    const hard = planSample({ traffic: body.traffic, metric: 'hard', relativeMde: 0.2, confidence: 0.99, variants: 2, coverage: 0.5 })
    const hardExpected = computeSampleSize({ baselineRate: 0.02, relativeMde: 0.2, alpha: 0.01, variants: 2, dailyVisitors: 10 })
    expect(hard).toMatchObject({ baselineRate: 0.02, isMeasured: true, dailyVisitors: 10, visitorsPerVariant: hardExpected.visitorsPerVariant, days: hardExpected.days })

    const fallback = (await readResult(await callRoute(newLoader, `/experiments/new?page=${quiet.pageId}`, { cookie: owner.cookie }))).body as { plan: SamplePlan }
    expect(fallback.plan).toEqual({
      kind: 'rate',
      baselineRate: 0.05,
      isMeasured: false,
      converted: 0,
      visitors: 0,
      dailyVisitors: null,
      visitorsPerVariant: computeSampleSize({ baselineRate: 0.05, relativeMde: 0.1 }).visitorsPerVariant,
      days: null,
    })
  })

  test('offers only published, unarchived pages of the workspace, with their variant counts', async () => {
    const owner = await createOwner()
    const single = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId })
    const pair = await pageWithVariants(owner, { publishB: false })
    const archived = await pageWithVariants(owner)
    await updatePage({ workspaceId: owner.workspaceId, id: archived.pageId, changes: { archivedAt: new Date() } })
    const draft = await createPage({ workspaceId: owner.workspaceId, name: 'Draft', slug: `draft-${randomUUID().slice(0, 8)}`, template: 'blank' })
    const other = await pageWithVariants(await createOwner())

    const body = (await readResult(await callRoute(newLoader, '/experiments/new', { cookie: owner.cookie }))).body as {
      pages: { id: string; variants: { key: string; isPublished: boolean }[] }[]
      page: { id: string } | null
    }
    const ids = body.pages.map((p) => p.id)
    expect(ids.sort()).toEqual([single.pageId, pair.pageId].sort())
    expect(ids).not.toContain(draft.ok ? draft.page.id : '')
    expect(ids).not.toContain(other.pageId)
    // The first page with two variants is chosen; B is there but not published yet.
    expect(body.page?.id).toBe(pair.pageId)
    expect(body.pages.find((p) => p.id === pair.pageId)?.variants.map((v) => [v.key, v.isPublished])).toEqual([
      ['A', true],
      ['B', false],
    ])
  })
})

describe('the experiment page', () => {
  test('start needs the variants published (409), then pause, resume, coverage, winner; every change audited', async () => {
    const owner = await createOwner({ name: 'Lifecycle Owner' })
    const page = await pageWithVariants(owner, { publishB: false })
    const id = await createViaForm(owner, page.pageId)

    const early = await act(owner, id, { intent: 'start' })
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({ intent: 'start', errors: { fieldErrors: { variants: ['Publish the page with variant B first'] } } })
    expect((await statusOf(id)).status).toBe('draft')

    await publishPage({ workspaceId: owner.workspaceId, pageId: page.pageId, userId: owner.userId })
    expect(await act(owner, id, { intent: 'start' })).toMatchObject({ status: 200, body: { done: 'start' } })
    expect(await statusOf(id)).toMatchObject({ status: 'running', startedAt: expect.any(Date) })

    expect(await act(owner, id, { intent: 'coverage', coverage: '80' })).toMatchObject({ status: 200, body: { done: 'coverage' } })
    const lower = await act(owner, id, { intent: 'coverage', coverage: '60' })
    expect(lower.status).toBe(409)
    expect(lower.body).toMatchObject({ intent: 'coverage', errors: { fieldErrors: { coverage: [expect.stringMatching(/can only rise/)] } } })
    const tooHigh = await act(owner, id, { intent: 'coverage', coverage: '150' })
    expect(tooHigh.status).toBe(400)
    expect((tooHigh.body as { errors: Errors }).errors.fieldErrors.coverage).toEqual(['Coverage is at most 1 (100%)'])
    expect((await statusOf(id)).coverage).toBe(0.8)

    expect(await act(owner, id, { intent: 'pause' })).toMatchObject({ status: 200, body: { done: 'pause' } })
    expect(await act(owner, id, { intent: 'pause' })).toMatchObject({ status: 409, body: { intent: 'pause', errors: { fieldErrors: { status: ['Cannot pause an experiment that is paused'] } } } })
    expect(await act(owner, id, { intent: 'resume' })).toMatchObject({ status: 200, body: { done: 'resume' } })
    expect((await statusOf(id)).status).toBe('running')

    expect(await act(owner, id, { intent: 'winner', variantKey: 'Z' })).toMatchObject({
      status: 400,
      body: { intent: 'winner', errors: { fieldErrors: { variantKey: [expect.stringMatching(/no variant Z/)] } } },
    })
    expect(await act(owner, id, { intent: 'winner', variantKey: 'B' })).toMatchObject({ status: 200, body: { done: 'winner' } })
    expect(await statusOf(id)).toMatchObject({ status: 'concluded', winnerKey: 'B', concludedAt: expect.any(Date) })
    expect((await act(owner, id, { intent: 'start' })).status).toBe(409)
    expect((await act(owner, id, { intent: 'explode' })).status).toBe(400)

    const events = await db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, id))
    expect(events.map((e) => e.action).sort()).toEqual(['coverage', 'create', 'pause', 'resume', 'start', 'winner'])
    expect(events.every((e) => e.userId === owner.userId && e.actor === 'member')).toBe(true)
    expect(events.find((e) => e.action === 'coverage')?.detail).toEqual({ from: 0.5, to: 0.8 })
    expect(events.find((e) => e.action === 'winner')?.detail).toMatchObject({ variantKey: 'B', evidence: { metric: 'any', variants: [{ key: 'A' }, { key: 'B' }] } })

    // The history the page shows: newest first, with the member's name.
    const shown = (await readResult(await callRoute(detailLoader, `/experiments/${id}`, { cookie: owner.cookie, params: { id } }))).body as {
      events: { action: string; userName: string | null }[]
    }
    expect(shown.events).toHaveLength(6)
    expect(shown.events[0]).toMatchObject({ action: 'winner', userName: 'Lifecycle Owner' })
    expect(shown.events.at(-1)).toMatchObject({ action: 'create', userName: 'Lifecycle Owner' })
  })

  test('stop concludes without a winner; a second experiment cannot start while one runs on the page', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    const first = await createViaForm(owner, page.pageId)
    const second = await createViaForm(owner, page.pageId)
    expect((await act(owner, first, { intent: 'start' })).status).toBe(200)
    const blocked = await act(owner, second, { intent: 'start' })
    expect(blocked.status).toBe(409)
    expect(blocked.body).toMatchObject({ intent: 'start', errors: { fieldErrors: { status: [expect.stringMatching(/already running/)] } } })
    expect(await act(owner, first, { intent: 'stop' })).toMatchObject({ status: 200, body: { done: 'stop' } })
    expect(await statusOf(first)).toMatchObject({ status: 'concluded', winnerKey: null })
    expect((await act(owner, second, { intent: 'start' })).status).toBe(200)
    const actions = (await db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, first))).map((e) => e.action).sort()
    expect(actions).toEqual(['create', 'start', 'stop'])
  })

  test('lists and shows visitors per variant from the daily rollups, and converted visitors for the primary metric', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    const id = await createViaForm(owner, page.pageId)
    expect((await act(owner, id, { intent: 'start' })).status).toBe(200)
    await db
      .update(experiments)
      .set({ startedAt: new Date(Date.now() - 3.5 * 24 * 60 * 60 * 1000) })
      .where(eq(experiments.id, id))
    const rollup = (day: string, variantKey: string, metric: string, count: number, device = 'desktop') => ({ experimentId: id, day, variantKey, device, channel: 'direct', metric, count })
    await db
      .insert(experimentDaily)
      .values([
        rollup('2026-01-01', 'A', '', 10),
        rollup('2026-01-02', 'A', '', 5),
        rollup('2026-01-02', 'A', '', 7, 'mobile'),
        rollup('2026-01-01', 'B', '', 12),
        rollup('2026-01-02', 'A', 'any', 3),
        rollup('2026-01-02', 'B', 'hard', 9),
      ])

    const list = (await readResult(await callRoute(indexLoader, '/experiments', { cookie: owner.cookie }))).body as {
      experiments: {
        id: string
        status: string
        daysRunning: number | null
        coverage: number
        variants: { key: string; weight: number; visitors: number; isControl: boolean }[]
        winnerKey: string | null
        page: { id: string }
      }[]
    }
    expect(list.experiments).toEqual([
      expect.objectContaining({
        id,
        status: 'running',
        daysRunning: 3,
        coverage: 0.5,
        winnerKey: null,
        page: expect.objectContaining({ id: page.pageId }),
        variants: [
          { key: 'A', weight: 0.5, isControl: true, visitors: 22 },
          { key: 'B', weight: 0.5, isControl: false, visitors: 12 },
        ],
      }),
    ])

    const detail = (await readResult(await callRoute(detailLoader, `/experiments/${id}`, { cookie: owner.cookie, params: { id } }))).body as {
      experiment: Record<string, unknown>
      results: { variants: { key: string; visitors: number; conversions: number; hard: { conversions: number } }[] }
    }
    expect(detail.results.variants.map(({ key, visitors, conversions, hard }) => ({ key, visitors, conversions, hard: hard.conversions }))).toEqual([
      { key: 'A', visitors: 22, conversions: 3, hard: 0 },
      { key: 'B', visitors: 12, conversions: 0, hard: 9 },
    ])
    expect(detail.experiment).toMatchObject({ primaryMetric: 'Any conversion', daysRunning: 3, status: 'running' })
    expect(detail.experiment).not.toHaveProperty('seed')
  })

  test('an empty workspace lists no experiments', async () => {
    const owner = await createOwner()
    const body = (await readResult(await callRoute(indexLoader, '/experiments', { cookie: owner.cookie }))).body
    expect(body).toEqual({ experiments: [] })
  })

  test('viewers see the experiment but their posts are 403; editors may act', async () => {
    const owner = await createOwner()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    const page = await pageWithVariants(owner)
    const id = await createViaForm(owner, page.pageId)

    expect((await readResult(await callRoute(detailLoader, `/experiments/${id}`, { cookie: viewer.cookie, params: { id } }))).status).toBe(200)
    const listed = (await readResult(await callRoute(indexLoader, '/experiments', { cookie: viewer.cookie }))).body as { experiments: { id: string }[] }
    expect(listed.experiments.map((e) => e.id)).toEqual([id])
    const posts: Record<string, string>[] = [{ intent: 'start' }, { intent: 'coverage', coverage: '90' }, { intent: 'winner', variantKey: 'A' }]
    for (const form of posts) {
      expect((await act(viewer, id, form)).status).toBe(403)
    }
    expect(await statusOf(id)).toMatchObject({ status: 'draft', coverage: 0.5 })

    expect(await act(editor, id, { intent: 'start' })).toMatchObject({ status: 200, body: { done: 'start' } })
    const events = await db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, id))
    expect(events.find((e) => e.action === 'start')?.userId).toBe(editor.userId)
  })

  test("another workspace's experiment is a 404 to look at and to act on", async () => {
    const owner = await createOwner()
    const stranger = await createOwner({ name: 'Stranger' })
    const page = await pageWithVariants(owner)
    const created = await createExperiment({
      workspaceId: owner.workspaceId,
      input: {
        pageId: page.pageId,
        name: 'Private',
        hypothesis: '',
        variants: [
          { key: 'A', weight: 0.5 },
          { key: 'B', weight: 0.5 },
        ],
        coverage: 1,
        primaryMetric: 'any',
        secondaryMetrics: [],
        confidence: 0.95,
        minRuntimeDays: 7,
        autoShip: false,
      },
      actor: { userId: owner.userId, actor: 'member' },
    })
    if (!created.ok) throw new Error(JSON.stringify(created.errors))
    const id = created.experiment.id

    expect((await readResult(await callRoute(detailLoader, `/experiments/${id}`, { cookie: stranger.cookie, params: { id } }))).status).toBe(404)
    expect((await act(stranger, id, { intent: 'start' })).status).toBe(404)
    expect((await act(stranger, id, { intent: 'winner', variantKey: 'A' })).status).toBe(404)
    expect((await statusOf(id)).status).toBe('draft')
    expect((await readResult(await callRoute(detailLoader, '/experiments/not-an-id', { cookie: owner.cookie, params: { id: 'not-an-id' } }))).status).toBe(404)
    const strangers = (await readResult(await callRoute(indexLoader, '/experiments', { cookie: stranger.cookie }))).body as { experiments: unknown[] }
    expect(strangers.experiments).toEqual([])
  })
})

describe('planning pipeline per visitor (a mean metric)', () => {
  const touch = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/x', channel: 'direct', hasClickId: false }

  /** `visitors` distinct visitors on the page within 90 days, and one lead per deal value converting there (at opportunity). */
  async function seedPipeline(owner: Owner, page: { pageId: string; formId: string }, visitors: number, dealValues: number[], ago = 20 * DAY) {
    const now = Date.now()
    const ids = Array.from({ length: visitors }, () => randomUUID())
    const at = new Date(now - ago)
    await db
      .insert(pageViews)
      .values(ids.map((visitorId) => ({ workspaceId: owner.workspaceId, pageId: page.pageId, variantKey: 'A', visitorId, device: 'desktop', channel: 'direct', path: '/p/x', viewedAt: at })))
    for (const [i, dealValue] of dealValues.entries()) {
      const [lead] = await db
        .insert(leads)
        .values({ workspaceId: owner.workspaceId, channel: 'direct', firstSeenAt: at, lastConversionAt: at, lastActivityAt: at, stage: 'opportunity', dealValue })
        .returning({ id: leads.id })
      await db.insert(conversions).values({
        workspaceId: owner.workspaceId,
        formId: page.formId,
        pageId: page.pageId,
        variantKey: 'A',
        conversionType: 'hard',
        visitorId: ids[i]!,
        leadId: lead!.id,
        idempotencyKey: randomUUID(),
        touch,
        device: 'desktop',
        createdAt: at,
      })
    }
  }

  // 12 deals among 1,000 visitors: by hand, mean = Σx/n and the spread s² = (Σx² − Σx·mean)/(n − 1), zeros included.
  const DEALS = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000, 11_000, 12_000]
  const SUM = DEALS.reduce((a, b) => a + b, 0)
  const SQUARES = DEALS.reduce((a, b) => a + b * b, 0)
  const MEAN = SUM / 1000
  const SPREAD = Math.sqrt((SQUARES - SUM * MEAN) / 999)

  test("the plan is the mean metric's, from the page's last 90 days, else the workspace's, else typed", async () => {
    const owner = await createOwner()
    const busy = await pageWithVariants(owner)
    const other = await pageWithVariants(owner)
    await seedPipeline(owner, busy, 1000, DEALS)
    // Older than 90 days, or not at Opportunity or Customer: neither counts.
    await seedPipeline(owner, busy, 10, [50_000], 100 * DAY)

    const body = (await readResult(await callRoute(newLoader, `/experiments/new?page=${busy.pageId}`, { cookie: owner.cookie }))).body as { traffic: PageTraffic }
    expect(body.traffic.pipeline).toMatchObject({ scope: 'page', visitors: 1000, deals: 12 })
    expect(body.traffic.pipeline!.mean).toBeCloseTo(MEAN, 9)
    expect(body.traffic.pipeline!.standardDeviation).toBeCloseTo(SPREAD, 9)
    // The deal values' shape (decision 078): the share of visitors with a deal, the spread of ln(deal value).
    const logs = DEALS.map(Math.log)
    const logMean = logs.reduce((a, b) => a + b, 0) / logs.length
    expect(body.traffic.pipeline!.dealShape!.dealRate).toBe(12 / 1000)
    expect(body.traffic.pipeline!.dealShape!.logSd).toBeCloseTo(Math.sqrt(logs.reduce((a, x) => a + (x - logMean) ** 2, 0) / 11), 9)
    const plan = planSample({ traffic: body.traffic, metric: 'pipeline', relativeMde: 0.2, confidence: 0.95, variants: 2, coverage: 1 })
    const expected = computeMeanSampleSize({ mean: MEAN, standardDeviation: SPREAD, relativeMde: 0.2, alpha: 0.05 }).visitorsPerVariant
    expect(plan).toMatchObject({ kind: 'pipeline', visitorsPerVariant: expected, history: { scope: 'page' } })
    // A heavily skewed history plans for its shape (decision 078), as the API's plan from history does; the same
    // mean and spread typed by hand plan without it.
    const skewed: PageTraffic = { ...body.traffic, pipeline: { ...body.traffic.pipeline!, dealShape: { dealRate: 0.03, logSd: 1.5 } } }
    const skewedPlan = planSample({ traffic: skewed, metric: 'pipeline', relativeMde: 0.3, confidence: 0.95, variants: 2, coverage: 1 })
    const shaped = planPipelineVisitors({ mean: MEAN, standardDeviation: SPREAD, relativeMde: 0.3, confidence: 0.95, variants: 2, dealShape: { dealRate: 0.03, logSd: 1.5 } })
    expect(skewedPlan.visitorsPerVariant).toBe(shaped)
    expect(shaped).not.toBe(planPipelineVisitors({ mean: MEAN, standardDeviation: SPREAD, relativeMde: 0.3, confidence: 0.95, variants: 2 }))
    expect(
      planSample({ traffic: skewed, metric: 'pipeline', relativeMde: 0.3, confidence: 0.95, variants: 2, coverage: 1, pipeline: { mean: MEAN, standardDeviation: SPREAD } }).visitorsPerVariant,
    ).toBe(planPipelineVisitors({ mean: MEAN, standardDeviation: SPREAD, relativeMde: 0.3, confidence: 0.95, variants: 2 }))
    // Not the conversion plan any more: a rate plan at the page's rate would be another number.
    expect(expected).not.toBe(planSample({ traffic: body.traffic, metric: 'any', relativeMde: 0.2, confidence: 0.95, variants: 2, coverage: 1 }).visitorsPerVariant)
    // What the marketer types replaces the history.
    expect(
      planSample({ traffic: body.traffic, metric: 'pipeline', relativeMde: 0.2, confidence: 0.95, variants: 2, coverage: 1, pipeline: { mean: 10, standardDeviation: 400 } }).visitorsPerVariant,
    ).toBe(computeMeanSampleSize({ mean: 10, standardDeviation: 400, relativeMde: 0.2 }).visitorsPerVariant)

    // A page without deals of its own plans from the workspace's: every page's visitors of the 90 days (its 5 and
    // the busy page's 1,000; not the 10 of 100 days ago).
    await db.insert(pageViews).values(
      Array.from({ length: 5 }, () => ({
        workspaceId: owner.workspaceId,
        pageId: other.pageId,
        variantKey: 'A',
        visitorId: randomUUID(),
        device: 'desktop',
        channel: 'direct',
        path: '/p/x',
        viewedAt: new Date(),
      })),
    )
    const otherBody = (await readResult(await callRoute(newLoader, `/experiments/new?page=${other.pageId}`, { cookie: owner.cookie }))).body as { traffic: PageTraffic }
    expect(otherBody.traffic.pipeline).toMatchObject({ scope: 'workspace', visitors: 1005, deals: 12 })

    // A workspace without deals: no figures, no plan until they are typed.
    const newcomer = await createOwner()
    const fresh = await pageWithVariants(newcomer)
    const freshBody = (await readResult(await callRoute(newLoader, `/experiments/new?page=${fresh.pageId}`, { cookie: newcomer.cookie }))).body as { traffic: PageTraffic }
    expect(freshBody.traffic.pipeline).toBeNull()
    expect(planSample({ traffic: freshBody.traffic, metric: 'pipeline', relativeMde: 0.1, confidence: 0.95, variants: 2, coverage: 1 })).toMatchObject({
      kind: 'pipeline',
      mean: null,
      standardDeviation: null,
      visitorsPerVariant: null,
    })
  })

  test('the form stores the mean plan (also without JavaScript), and a bad mean or spread is a 400 naming it', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    const fields = createFields(page.pageId).map(([k, v]): [string, string] => (k === 'primaryMetric' ? [k, 'pipeline'] : k === 'plannedVisitorsPerVariant' ? [k, ''] : [k, v]))
    const id = await createViaForm(owner, page.pageId, [], [...fields, ['pipelineMean', '12.5'], ['pipelineSpread', '150']])
    const [stored] = await db.select({ planned: experiments.plannedVisitorsPerVariant }).from(experiments).where(eq(experiments.id, id))
    expect(stored!.planned).toBe(computeMeanSampleSize({ mean: 12.5, standardDeviation: 150, relativeMde: 0.1 }).visitorsPerVariant)

    const bad = await post(createAction, '/experiments/new', owner.cookie, [...fields, ['pipelineMean', '-3'], ['pipelineSpread', 'lots']])
    expect(bad.status).toBe(400)
    const errors = (bad.body as { errors: Errors }).errors.fieldErrors
    expect(errors.pipelineMean).toEqual(['Enter the pipeline per visitor as an amount above 0, e.g. 12.5'])
    expect(errors.pipelineSpread).toEqual(['Enter the spread per visitor as an amount above 0, e.g. 150'])
  })

  test("the API plans a pipeline experiment without a plan from the workspace's history; a given plan stays", async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    await seedPipeline(owner, page, 1000, DEALS)
    const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const body = {
      pageId: page.pageId,
      name: 'Pipeline',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
      primaryMetric: 'pipeline',
      confidence: 0.9,
    }
    const planned = async (extra: Record<string, unknown>) => {
      const result = await call(createByApi, '/api/v1/experiments', { method: 'POST', body: { ...body, ...extra } })
      expect(result.status).toBe(201)
      const [row] = await db
        .select({ planned: experiments.plannedVisitorsPerVariant })
        .from(experiments)
        .where(eq(experiments.id, (result.body as { id: string }).id))
      return row!.planned
    }
    expect(await planned({})).toBe(computeMeanSampleSize({ mean: MEAN, standardDeviation: SPREAD, relativeMde: 0.1, alpha: 0.1 }).visitorsPerVariant)
    expect(await planned({ plannedVisitorsPerVariant: 4321 })).toBe(4321)
    // A conversion metric keeps what it was given: nothing.
    expect(await planned({ primaryMetric: 'any' })).toBeNull()
  })
})

describe("planning a stage metric from the page's own history (decision 082)", () => {
  const touch = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/x', channel: 'direct', hasClickId: false }
  type Stage = 'lead' | 'mql' | 'sql' | 'opportunity' | 'customer' | 'lost'

  /**
   * 2,000 visitors first seen 20 days ago (mature at 14 days; 300 of them back 2 days ago), 500 first seen 5 days
   * ago (not mature) and 300 seen 100 days ago (outside the window). Leads of mature visitors: 150 at MQL, 100 at
   * SQL, 20 customers (hot), 10 lost after SQL (a stage change to SQL), 5 hot at lead; one SQL visitor has a second
   * lead at MQL (it counts once, at its furthest). 100 immature and 50 outside visitors have SQL leads: not counted.
   * By hand: hot 25, MQL 280, SQL 130, opportunity 20, customer 20, of 2,000.
   */
  async function seedStages(owner: Owner, page: { pageId: string; formId: string }) {
    const now = Date.now()
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID())
    const mature = ids(2000)
    const young = ids(500)
    const old = ids(300)
    const view = (visitorId: string, ago: number) => ({
      workspaceId: owner.workspaceId,
      pageId: page.pageId,
      variantKey: 'A',
      visitorId,
      device: 'desktop',
      channel: 'direct',
      path: '/p/x',
      viewedAt: new Date(now - ago),
    })
    await db
      .insert(pageViews)
      .values([...mature.map((v) => view(v, 20 * DAY)), ...mature.slice(0, 300).map((v) => view(v, 2 * DAY)), ...young.map((v) => view(v, 5 * DAY)), ...old.map((v) => view(v, 100 * DAY))])
    const at = new Date(now - 19 * DAY)
    const plan: [string, Stage, boolean][] = [
      ...mature.slice(0, 150).map((v): [string, Stage, boolean] => [v, 'mql', false]),
      ...mature.slice(150, 250).map((v): [string, Stage, boolean] => [v, 'sql', false]),
      [mature[150]!, 'mql', false],
      ...mature.slice(250, 270).map((v): [string, Stage, boolean] => [v, 'customer', true]),
      ...mature.slice(270, 280).map((v): [string, Stage, boolean] => [v, 'lost', false]),
      ...mature.slice(280, 285).map((v): [string, Stage, boolean] => [v, 'lead', true]),
      ...young.slice(0, 100).map((v): [string, Stage, boolean] => [v, 'sql', false]),
      ...old.slice(0, 50).map((v): [string, Stage, boolean] => [v, 'sql', false]),
    ]
    const rows = await db
      .insert(leads)
      .values(plan.map(([, stage, hot]) => ({ workspaceId: owner.workspaceId, channel: 'direct', firstSeenAt: at, lastConversionAt: at, lastActivityAt: at, stage, hotAt: hot ? at : null })))
      .returning({ id: leads.id })
    await db.insert(conversions).values(
      plan.map(([visitorId], i) => ({
        workspaceId: owner.workspaceId,
        formId: page.formId,
        pageId: page.pageId,
        variantKey: 'A',
        conversionType: 'hard' as const,
        visitorId,
        leadId: rows[i]!.id,
        idempotencyKey: randomUUID(),
        touch,
        device: 'desktop',
        createdAt: at,
      })),
    )
    const lost = rows.slice(271, 281)
    await db.insert(leadStageChanges).values(lost.map(({ id }) => ({ workspaceId: owner.workspaceId, leadId: id, fromStage: 'mql' as const, toStage: 'sql' as const, source: 'api', createdAt: at })))
  }

  test('the form and the API plan at the stage rate among mature visitors; too little history asks for a baseline', async () => {
    const owner = await createOwner()
    const page = await pageWithVariants(owner)
    await seedStages(owner, page)
    const body = (await readResult(await callRoute(newLoader, `/experiments/new?page=${page.pageId}`, { cookie: owner.cookie }))).body as { traffic: PageTraffic }
    expect(body.traffic.stages).toEqual({ visitors: 2000, maturityDays: 14, hot: 25, mql: 280, sql: 130, opportunity: 20, customer: 20 })

    const sqlPlan = planSample({ traffic: body.traffic, metric: 'sql', relativeMde: 0.2, confidence: 0.95, variants: 2, coverage: 1 })
    expect(sqlPlan).toMatchObject({ kind: 'stage', stage: 'sql', baselineRate: 130 / 2000, isMeasured: true })
    expect(sqlPlan.visitorsPerVariant).toBe(computeSampleSize({ baselineRate: 0.065, relativeMde: 0.2 }).visitorsPerVariant)
    expect(planSample({ traffic: body.traffic, metric: 'mql', relativeMde: 0.1, confidence: 0.95, variants: 2, coverage: 1 })).toMatchObject({ baselineRate: 0.14, isMeasured: true })

    // 20 customers are too few: no plan at 5%, none at all until a baseline is typed, then that one's.
    const thin = planSample({ traffic: body.traffic, metric: 'customer', relativeMde: 0.2, confidence: 0.95, variants: 2, coverage: 1 })
    expect(thin).toMatchObject({ kind: 'stage', baselineRate: null, isMeasured: false, visitorsPerVariant: null, days: null })
    const typed = planSample({ traffic: body.traffic, metric: 'customer', relativeMde: 0.2, confidence: 0.95, variants: 2, coverage: 1, stageBaseline: 0.01 })
    expect(typed).toMatchObject({ baselineRate: 0.01, isMeasured: false, visitorsPerVariant: computeSampleSize({ baselineRate: 0.01, relativeMde: 0.2 }).visitorsPerVariant })
    const html = renderToStaticMarkup(createElement(StagePlanExplanation, { plan: thin as StagePlan, metric: 'Customers' }))
    expect(html).toContain('Too little history to plan Customers on: 20 of 2,000')
    expect(html).toContain('at least 100')
    expect(html).toContain('until then there is no plan')
    expect(renderToStaticMarkup(createElement(StagePlanExplanation, { plan: sqlPlan as StagePlan, metric: 'SQLs' }))).toContain('own rate for SQLs, among')

    // The API, with no plan given: the same rate, at its default 10% lift; too thin a stage stays unplanned.
    const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const planned = async (primaryMetric: string, extra: Record<string, unknown> = {}) => {
      const result = await call(createByApi, '/api/v1/experiments', {
        method: 'POST',
        body: {
          pageId: page.pageId,
          name: 'Stages',
          variants: [
            { key: 'A', weight: 0.5 },
            { key: 'B', weight: 0.5 },
          ],
          primaryMetric,
          ...extra,
        },
      })
      expect(result.status).toBe(201)
      const [row] = await db
        .select({ planned: experiments.plannedVisitorsPerVariant })
        .from(experiments)
        .where(eq(experiments.id, (result.body as { id: string }).id))
      return row!.planned
    }
    expect(await planned('sql')).toBe(computeSampleSize({ baselineRate: 0.065, relativeMde: 0.1 }).visitorsPerVariant)
    expect(await planned('customer')).toBeNull()
    // At 30 days' maturity none of the 20-day-old visitors count: too little history.
    expect(await planned('sql', { maturityDays: 30 })).toBeNull()
  })
})
