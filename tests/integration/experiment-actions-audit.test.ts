import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { action as detailAction } from '#app/routes/_app.experiments.$id/route'
import { apiKeys, experimentDaily, experimentEvents, experiments } from '#db/schema'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'
import { callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'

// Viewers read; editors and owners act. Every action, from the page or the API, is one audit row naming who
// (the member, or the API key by id), when and what.

const act = (member: { cookie: string }, id: string, form: Record<string, string>) => callRoute(detailAction, `/experiments/${id}`, { cookie: member.cookie, form, params: { id } }).then(readResult)

const eventsOf = (id: string) => db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, id)).orderBy(experimentEvents.createdAt)

async function draftExperiment() {
  const { owner, api } = await experimentApi()
  const page = await publishExperimentPage(owner)
  const created = await api.create({
    pageId: page.pageId,
    name: 'Audit',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
    coverage: 0.5,
  })
  expect(created.status).toBe(201)
  return { owner, api, id: created.body.id as string }
}

const LIFECYCLE: Record<string, string>[] = [{ intent: 'start' }, { intent: 'coverage', coverage: '80' }, { intent: 'pause' }, { intent: 'resume' }, { intent: 'winner', variantKey: 'B' }]

describe('experiment actions from the page', () => {
  test('a viewer gets 403 for every action and changes nothing; no audit row is written', async () => {
    const { owner, id } = await draftExperiment()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const before = await eventsOf(id)
    for (const form of [...LIFECYCLE, { intent: 'stop' }]) expect((await act(viewer, id, form)).status, form.intent).toBe(403)
    expect(await db.select({ status: experiments.status, coverage: experiments.coverage }).from(experiments).where(eq(experiments.id, id))).toEqual([{ status: 'draft', coverage: 0.5 }])
    expect(await eventsOf(id)).toEqual(before)
  })

  test('editors and owners act; each action is audited with who, when and what', async () => {
    const { owner, id } = await draftExperiment()
    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    const ownerSession = await createOwner() // an owner of another workspace must not act here
    const started = Date.now()
    for (const [i, form] of LIFECYCLE.entries()) {
      const member = i % 2 === 0 ? editor : owner
      expect(await act(member, id, form), form.intent).toMatchObject({ status: 200, body: { done: form.intent } })
    }
    expect((await act(ownerSession, id, { intent: 'stop' })).status).toBe(404)
    const events = (await eventsOf(id)).filter((e) => e.action !== 'create')
    expect(events.map((e) => [e.action, e.actor, e.userId])).toEqual([
      ['start', 'member', editor.userId],
      ['coverage', 'member', owner.userId],
      ['pause', 'member', editor.userId],
      ['resume', 'member', owner.userId],
      ['winner', 'member', editor.userId],
    ])
    for (const e of events) expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(started - 5_000)
    expect(events.find((e) => e.action === 'coverage')!.detail).toEqual({ from: 0.5, to: 0.8 })
    // No traffic yet: the evidence says so (a member may declare against the statistics; the record shows it).
    expect(events.find((e) => e.action === 'winner')!.detail).toMatchObject({
      variantKey: 'B',
      evidence: {
        metric: 'any',
        variants: [
          { key: 'A', visitors: 0, conversions: 0 },
          { key: 'B', visitors: 0, conversions: 0 },
        ],
        significant: false,
      },
    })
  })

  test('a stop is audited too', async () => {
    const { owner, id } = await draftExperiment()
    await act(owner, id, { intent: 'start' })
    expect(await act(owner, id, { intent: 'stop' })).toMatchObject({ status: 200, body: { done: 'stop' } })
    expect((await eventsOf(id)).map((e) => [e.action, e.userId])).toEqual([
      ['create', null],
      ['start', owner.userId],
      ['stop', owner.userId],
    ])
  })
})

describe('experiment actions through the API', () => {
  test('every action is audited as the API key that made it', async () => {
    const { owner, api, id } = await draftExperiment()
    expect((await api.act(id, 'start')).status).toBe(200)
    expect((await api.patch(id, { coverage: 0.9 })).status).toBe(200)
    expect((await api.act(id, 'pause')).status).toBe(200)
    expect((await api.act(id, 'resume')).status).toBe(200)
    expect((await api.act(id, 'winner', { variantKey: 'A' })).status).toBe(200)
    const [key] = await db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, owner.workspaceId), eq(apiKeys.name, 'experiments')))
    const events = await eventsOf(id)
    expect(events.map((e) => e.action)).toEqual(['create', 'start', 'coverage', 'pause', 'resume', 'winner'])
    for (const e of events) {
      expect(e).toMatchObject({ actor: 'api', userId: null, workspaceId: owner.workspaceId })
      expect(e.detail.apiKeyId).toBe(key!.id)
    }
  })

  test('a winner declared through the API records the evidence it was declared on, from the rollups', async () => {
    const { api, id } = await draftExperiment()
    expect((await api.act(id, 'start')).status).toBe(200)
    const day = new Date().toISOString().slice(0, 10)
    const rollup = (variantKey: string, metric: string, count: number) => ({ experimentId: id, day, variantKey, device: 'desktop', channel: 'direct', metric, count })
    await db.insert(experimentDaily).values([rollup('A', '', 4000), rollup('A', 'any', 200), rollup('B', '', 4000), rollup('B', 'any', 320), rollup('B', 'hard', 90)])
    expect((await api.act(id, 'winner', { variantKey: 'B' })).status).toBe(200)
    const winner = (await eventsOf(id)).find((e) => e.action === 'winner')!
    expect(winner.detail).toMatchObject({
      variantKey: 'B',
      evidence: {
        metric: 'any',
        variants: [
          { key: 'A', visitors: 4000, conversions: 200 },
          { key: 'B', visitors: 4000, conversions: 320 },
        ],
        significant: expect.any(Boolean),
      },
    })
    const evidence = winner.detail.evidence as { relativeLift: number; sequentialPValueAdjusted: number; decision: string; reason: string }
    expect(evidence.relativeLift).toBeCloseTo(0.6, 10)
    expect(evidence.sequentialPValueAdjusted).toBeGreaterThan(0)
    expect(evidence.sequentialPValueAdjusted).toBeLessThan(0.05)
    expect(evidence.reason).toEqual(expect.any(String))
  })

  test('a refused action (409) changes nothing and writes no audit row', async () => {
    const { api, id } = await draftExperiment()
    expect((await api.act(id, 'pause')).status).toBe(409)
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create'])
  })
})
