import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { assignVariant, BUCKETING_VERSION } from '#app/experiments/bucketing'
import { catchUpExperimentConversionRollups } from '#app/experiments/counting.server'
import { flushPageViews, pageViewStats } from '#app/visitors/page-views.server'
import { changed } from '#app/changes/signal'
import { conversions, experimentConversions, experimentDaily, experiments, exposures, pageViews } from '#db/schema'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'
import { BROWSER_UA, hiddenFieldsOf, loopbackAddress, postFrom, startVisitorServer } from '#tests/factories/published-forms'

let server: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (server = await startVisitorServer()))
afterAll(() => server.close())

const address = loopbackAddress() // this file's own per-IP submission limit
const variantOf = (html: string) => /data-variant="([A-Z]+)"/.exec(html)?.[1]
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ')

async function visit(slug: string, { cookie = '', headers = {}, query = '' }: { cookie?: string; headers?: Record<string, string>; query?: string } = {}) {
  const response = await fetch(`${server.url}/p/${slug}${query}`, { headers: { 'User-Agent': BROWSER_UA, ...(cookie ? { Cookie: cookie } : {}), ...headers } })
  const html = await response.text()
  return { html, variant: variantOf(html), setCookies: response.headers.getSetCookie(), cookie: [cookie, cookiesOf(response)].filter(Boolean).join('; ') }
}

async function runningExperiment(weights = [0.5, 0.5], extra: Record<string, unknown> = {}) {
  const { owner, api } = await experimentApi()
  const page = await publishExperimentPage(owner, { variants: weights.length })
  const variants = weights.map((weight, i) => ({ key: String.fromCharCode(65 + i), weight }))
  const created = await api.create({ pageId: page.pageId, name: 'Headline test', variants, ...extra })
  expect(created.status).toBe(201)
  const id = created.body.id as string
  expect((await api.act(id, 'start')).body).toMatchObject({ status: 'running' })
  return { owner, api, page, id }
}

async function exposuresOf(experimentId: string) {
  await flushPageViews({ rollups: 'follower' })
  const rows = await db.select().from(exposures).where(eq(exposures.experimentId, experimentId))
  const [rollup] = await db
    .select({ n: sql<number>`coalesce(sum(${experimentDaily.count}), 0)::int` })
    .from(experimentDaily)
    .where(and(eq(experimentDaily.experimentId, experimentId), eq(experimentDaily.metric, '')))
  return { rows, rollup: rollup!.n }
}

describe('API', () => {
  test('create (draft), start, pause, resume, stop; every action audited', async () => {
    const { api, owner } = await experimentApi()
    const page = await publishExperimentPage(owner)
    const created = await api.create({
      pageId: page.pageId,
      name: 'CTA colour',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    })
    expect(created).toMatchObject({ status: 201, body: { id: expect.any(String), status: 'draft' } })
    const id = created.body.id as string
    expect((await api.get(id)).body).toMatchObject({ status: 'draft', control: 'A', coverage: 1, primaryMetric: 'any', autoShip: false, minRuntimeDays: 7, confidence: 0.95 })
    expect((await api.act(id, 'pause')).status).toBe(409)
    expect((await api.act(id, 'start')).body).toMatchObject({ status: 'running', startedAt: expect.any(String) })
    expect((await api.act(id, 'pause')).body).toMatchObject({ status: 'paused' })
    expect((await api.act(id, 'resume')).body).toMatchObject({ status: 'running' })
    expect((await api.act(id, 'stop')).body).toMatchObject({ status: 'concluded', winner: null })
    expect((await api.act(id, 'explode')).status).toBe(404)
    const { experimentEvents } = await import('#db/schema')
    const audit = await db.select({ action: experimentEvents.action, actor: experimentEvents.actor }).from(experimentEvents).where(eq(experimentEvents.experimentId, id))
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'pause', 'resume', 'start', 'stop'])
    expect(audit.every((a) => a.actor === 'api')).toBe(true)
  })

  test('bad input is a 400 naming the field; other workspaces and bad ids are 404', async () => {
    const { api, owner } = await experimentApi()
    const page = await publishExperimentPage(owner)
    const bad = await api.create({
      pageId: page.pageId,
      name: '',
      variants: [
        { key: 'A', weight: 0.6 },
        { key: 'B', weight: 0.6 },
      ],
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.errors!)).toEqual(expect.arrayContaining(['name', 'variants']))
    const unknown = await api.create({
      pageId: page.pageId,
      name: 'x',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'C', weight: 0.5 },
      ],
    })
    expect(unknown).toMatchObject({ status: 400, body: { errors: { 'variants.1.key': [expect.stringContaining('no variant C')] } } })
    expect(
      (
        await api.create({
          pageId: page.pageId,
          name: 'x',
          variants: [
            { key: 'A', weight: 0.5 },
            { key: 'B', weight: 0.5 },
          ],
          control: 'Z',
        })
      ).body.errors,
    ).toHaveProperty('control')
    const other = await experimentApi()
    expect(
      (
        await other.api.create({
          pageId: page.pageId,
          name: 'x',
          variants: [
            { key: 'A', weight: 0.5 },
            { key: 'B', weight: 0.5 },
          ],
        })
      ).status,
    ).toBe(404)
    const mine = await api.create({
      pageId: page.pageId,
      name: 'mine',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    })
    expect((await other.api.get(mine.body.id as string)).status).toBe(404)
    expect((await other.api.act(mine.body.id as string, 'start')).status).toBe(404)
    expect((await api.get('not-a-uuid')).status).toBe(404)
  })

  test('one running experiment per page; start needs the variants published', async () => {
    const { api, owner } = await experimentApi()
    const page = await publishExperimentPage(owner)
    const body = {
      pageId: page.pageId,
      name: 'one',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    }
    const first = await api.create(body)
    const second = await api.create({ ...body, name: 'two' })
    expect((await api.act(first.body.id as string, 'start')).status).toBe(200)
    expect(await api.act(second.body.id as string, 'start')).toMatchObject({ status: 409, body: { errors: { status: [expect.stringContaining('already running')] } } })
    const { createVariant } = await import('#app/pages/queries.server')
    await createVariant({ workspaceId: owner.workspaceId, pageId: page.pageId, name: 'Draft only' }) // C, never published
    const third = await api.create({
      ...body,
      name: 'three',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'C', weight: 0.5 },
      ],
    })
    await api.act(first.body.id as string, 'stop')
    expect(await api.act(third.body.id as string, 'start')).toMatchObject({ status: 409, body: { errors: { variants: [expect.stringContaining('C')] } } })
  })

  test('coverage may rise while running, never fall; weights cannot be patched', async () => {
    const { api, id } = await runningExperiment([0.5, 0.5], { coverage: 0.2 })
    expect((await api.patch(id, { coverage: 0.6 })).body).toMatchObject({ coverage: 0.6 })
    expect((await api.patch(id, { coverage: 0.3 })).status).toBe(409)
    const weights = await api.patch(id, { coverage: 0.7, variants: [{ key: 'A', weight: 1 }] })
    expect(weights.status).toBe(400)
    expect(JSON.stringify(weights.body)).toContain('weights cannot change while running')
  })
})

describe('serving', () => {
  test('a fresh visitor gets a variant with a sticky cookie, keeps it, and is counted once', async () => {
    const { page, id } = await runningExperiment()
    const first = await visit(page.slug)
    expect(['A', 'B']).toContain(first.variant)
    expect(first.setCookies.some((c) => c.startsWith('sf_vid='))).toBe(true)
    expect(first.setCookies.find((c) => c.startsWith('sf_x_'))).toMatch(new RegExp(`=${first.variant}; Max-Age=\\d+; Path=/; HttpOnly; SameSite=Lax`))
    for (let i = 0; i < 3; i++) expect((await visit(page.slug, { cookie: first.cookie })).variant).toBe(first.variant)
    const { rows, rollup } = await exposuresOf(id)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.variantKey).toBe(first.variant)
    expect(rollup).toBe(1)
  })

  test('many visitors: both variants served, exposures equal the distinct visitors, rollups equal exposures', async () => {
    const { page, id } = await runningExperiment()
    const seen = new Map<string, string>()
    for (let i = 0; i < 60; i++) {
      const v = await visit(page.slug)
      seen.set(v.cookie, v.variant!)
      await visit(page.slug, { cookie: v.cookie }) // a reload counts nothing new
    }
    expect(new Set(seen.values())).toEqual(new Set(['A', 'B']))
    const { rows, rollup } = await exposuresOf(id)
    expect(rows).toHaveLength(60)
    expect(rollup).toBe(60)
  })

  test('stickiness survives a change of weights in the database; new visitors follow the new weights', async () => {
    const { page, id } = await runningExperiment()
    const visitors = await Promise.all(Array.from({ length: 20 }, () => visit(page.slug)))
    await db
      .update(experiments)
      .set({
        variants: [
          { key: 'A', weight: 0.0001 },
          { key: 'B', weight: 0.9999 },
        ],
      })
      .where(eq(experiments.id, id))
    changed({ kind: 'experiment', pageSlug: page.slug })
    for (const v of visitors) expect((await visit(page.slug, { cookie: v.cookie })).variant).toBe(v.variant)
    const fresh = await Promise.all(Array.from({ length: 10 }, () => visit(page.slug)))
    expect(fresh.every((v) => v.variant === 'B')).toBe(true)
  })

  test('bots, prefetches, previews, HEAD requests and members are served but not counted', async () => {
    const { page, id } = await runningExperiment()
    const bot = await visit(page.slug, { headers: { 'User-Agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } })
    expect(bot.variant).toBe('A')
    expect(bot.setCookies).toEqual([])
    await visit(page.slug, { headers: { 'Sec-Purpose': 'prefetch' } })
    await visit(page.slug, { headers: { Purpose: 'prefetch' } })
    expect((await visit(page.slug, { query: '?variant=B' })).variant).toBe('B')
    await visit(page.slug, { cookie: `sf_session=whatever; sf_vid=${randomUUID()}` })
    await fetch(`${server.url}/p/${page.slug}`, { method: 'HEAD', headers: { 'User-Agent': BROWSER_UA } })
    expect((await exposuresOf(id)).rows).toHaveLength(0)
  })

  test('coverage: visitors outside it see the control, uncounted and without an assignment cookie', async () => {
    const { page, id } = await runningExperiment([0.5, 0.5], { coverage: 0.3 })
    const visits = await Promise.all(Array.from({ length: 60 }, () => visit(page.slug)))
    const assigned = visits.filter((v) => v.setCookies.some((c) => c.startsWith('sf_x_')))
    expect(assigned.length).toBeGreaterThan(5)
    expect(assigned.length).toBeLessThan(40)
    expect(visits.filter((v) => !v.setCookies.some((c) => c.startsWith('sf_x_'))).every((v) => v.variant === 'A')).toBe(true)
    expect((await exposuresOf(id)).rows).toHaveLength(assigned.length)
  })

  test('a new experiment stores the bucketing version it was created with, and each visitor gets that version’s assignment', async () => {
    const { page, id } = await runningExperiment([0.3, 0.3, 0.4], { coverage: 0.7 })
    const [row] = await db.select().from(experiments).where(eq(experiments.id, id))
    expect(row!.bucketingVersion).toBe(BUCKETING_VERSION)
    const visits = await Promise.all(Array.from({ length: 30 }, () => visit(page.slug)))
    for (const v of visits) {
      const visitorId = /(?:^|; )sf_vid=([^;]+)/.exec(v.cookie)![1]!
      const assignment = assignVariant(row!, visitorId)
      expect(v.variant).toBe(assignment.variantKey)
      expect(v.setCookies.some((c) => c.startsWith('sf_x_'))).toBe(assignment.inExperiment)
    }
  })

  test('a visitor seen again without the assignment cookie, or twice in one batch, is exposed once and every view lands', async () => {
    const { page, id } = await runningExperiment()
    const first = await visit(page.slug)
    await flushPageViews({ rollups: 'follower' })
    const vidOnly = first.cookie
      .split('; ')
      .filter((c) => c.startsWith('sf_vid='))
      .join('; ')
    // The same batch: the returning visitor without their sf_x cookie (already in PostgreSQL), a new visitor's two
    // parallel first views (both unknown), and fresh visitors around them.
    const twin = `sf_vid=${randomUUID()}`
    const again = await Promise.all([
      visit(page.slug, { cookie: vidOnly }),
      visit(page.slug, { cookie: twin }),
      visit(page.slug, { cookie: twin }),
      ...Array.from({ length: 5 }, () => visit(page.slug)),
    ])
    expect(again[0]!.variant).toBe(first.variant)
    expect(again[1]!.variant).toBe(again[2]!.variant)
    const before = pageViewStats()
    const { rows, rollup } = await exposuresOf(id)
    expect(rows).toHaveLength(1 + 1 + 5)
    expect(rollup).toBe(rows.length)
    expect(pageViewStats()).toMatchObject({ shed: before.shed, failedBatches: before.failedBatches })
    const [views] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(pageViews)
      .where(eq(pageViews.pageId, page.pageId))
    expect(views!.n).toBe(1 + 8)
  })

  test('paused: everyone sees the control, nobody is counted; a declared winner is served to everyone', async () => {
    const { page, id, api } = await runningExperiment([0.0001, 0.9999])
    expect((await visit(page.slug)).variant).toBe('B')
    await api.act(id, 'pause')
    const during = await Promise.all(Array.from({ length: 5 }, () => visit(page.slug)))
    expect(during.every((v) => v.variant === 'A')).toBe(true)
    expect((await exposuresOf(id)).rows).toHaveLength(1)
    await api.act(id, 'resume')
    expect((await api.act(id, 'winner', { variantKey: 'Z' })).status).toBe(400)
    expect((await api.act(id, 'winner', { variantKey: 'A' })).body).toMatchObject({ status: 'concluded', winner: 'A' })
    const after = await Promise.all(Array.from({ length: 5 }, () => visit(page.slug)))
    expect(after.every((v) => v.variant === 'A' && !v.setCookies.some((c) => c.startsWith('sf_x_')))).toBe(true)
  })
})

describe('conversions in an experiment', () => {
  test('carry the experiment and variant; a visitor counts as converted once per metric', async () => {
    const { page, id } = await runningExperiment()
    const first = await visit(page.slug)
    const post = (email: string) =>
      postFrom(address, `${server.url}/p/${page.slug}`, {
        headers: { 'User-Agent': BROWSER_UA, Cookie: first.cookie, Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...hiddenFieldsOf(first.html), _idem: randomUUID(), email, consent: true }),
      }).then((r) => r.json() as Promise<{ conversionId: string }>)
    const one = await post(`a-${randomUUID()}@example.com`)
    const two = await post(`b-${randomUUID()}@example.com`)
    await catchUpExperimentConversionRollups()
    const rows = await db.select({ experimentId: conversions.experimentId, variantKey: conversions.variantKey }).from(conversions).where(eq(conversions.pageId, page.pageId))
    expect(rows).toEqual([
      { experimentId: id, variantKey: first.variant },
      { experimentId: id, variantKey: first.variant },
    ])
    const converted = await db
      .select({ metric: experimentConversions.metric, conversionId: experimentConversions.conversionId })
      .from(experimentConversions)
      .where(eq(experimentConversions.experimentId, id))
    expect(converted.map((c) => c.metric).sort()).toEqual(['any', `form:${page.formId}`, 'soft'])
    expect(converted.every((c) => c.conversionId === one.conversionId)).toBe(true)
    expect(two.conversionId).not.toBe(one.conversionId)
    const rollup = await db
      .select({ metric: experimentDaily.metric, count: experimentDaily.count, variantKey: experimentDaily.variantKey })
      .from(experimentDaily)
      .where(and(eq(experimentDaily.experimentId, id), sql`${experimentDaily.metric} <> ''`))
    expect(rollup.map((r) => [r.metric, r.count, r.variantKey]).sort()).toEqual(
      [
        ['any', 1, first.variant],
        [`form:${page.formId}`, 1, first.variant],
        ['soft', 1, first.variant],
      ].sort(),
    )
  })

  test('a visitor the experiment never counted converts outside it', async () => {
    const { page } = await runningExperiment([0.5, 0.5], { coverage: 0.01 })
    let outside = await visit(page.slug)
    for (let i = 0; i < 20 && outside.setCookies.some((c) => c.startsWith('sf_x_')); i++) outside = await visit(page.slug)
    const response = await postFrom(address, `${server.url}/p/${page.slug}`, {
      headers: { 'User-Agent': BROWSER_UA, Cookie: outside.cookie, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...hiddenFieldsOf(outside.html), email: `c-${randomUUID()}@example.com`, consent: true }),
    })
    const { conversionId } = (await response.json()) as { conversionId: string }
    const [row] = await db.select({ experimentId: conversions.experimentId }).from(conversions).where(eq(conversions.id, conversionId))
    expect(row!.experimentId).toBeNull()
  })
})
