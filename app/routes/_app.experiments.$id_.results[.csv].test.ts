import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { createExperiment } from '#app/experiments/experiment.server'
import { experimentDaily } from '#db/schema'
import { callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { publishExperimentPage } from '#tests/factories/experiments'
import { loader } from './_app.experiments.$id_.results[.csv]'

// The results page's CSV downloads: the API's tables through a member's session, scoped to the workspace.

async function seed() {
  const owner = await createOwner({ name: 'Cass Csv' })
  const page = await publishExperimentPage(owner)
  const created = await createExperiment({
    workspaceId: owner.workspaceId,
    input: {
      pageId: page.pageId,
      name: 'Download test',
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
  const row = (day: string, variantKey: string, device: string, metric: string, count: number) => ({ experimentId: id, day, variantKey, device, channel: 'direct', metric, count })
  await db
    .insert(experimentDaily)
    .values([
      row('2026-11-01', 'A', 'mobile', '', 120),
      row('2026-11-01', 'A', 'mobile', 'any', 6),
      row('2026-11-01', 'B', 'desktop', '', 80),
      row('2026-11-01', 'B', 'desktop', 'any', 9),
      row('2026-11-01', 'B', 'desktop', 'hard', 2),
    ])
  return { owner, id }
}

const download = (cookie: string, id: string, query = '') => callRoute(loader as never, `/experiments/${id}/results.csv${query}`, { cookie, params: { id } }).then(readResult)
const linesOf = (body: unknown) => String(body).replace('\uFEFF', '').trim().split('\r\n')

describe('GET /experiments/:id/results.csv', () => {
  test('a member gets each table as a CSV attachment, on the metric asked for', async () => {
    const { owner, id } = await seed()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const variants = await download(viewer.cookie, id)
    expect(variants.status).toBe(200)
    expect(variants.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(variants.headers.get('Content-Disposition')).toBe(`attachment; filename="experiment-${id}-any-variants.csv"`)
    expect(variants.headers.get('Cache-Control')).toBe('private, no-store')
    const [header, a, b] = linesOf(variants.body)
    expect(header!.split(',').slice(0, 6)).toEqual(['metric', 'variant', 'is_control', 'weight', 'visitors', 'conversions'])
    expect(a!.split(',').slice(0, 6)).toEqual(['any', 'A', 'true', '0.5', '120', '6'])
    expect(b!.split(',').slice(0, 6)).toEqual(['any', 'B', 'false', '0.5', '80', '9'])

    const device = await download(owner.cookie, id, '?table=device&metric=hard')
    expect(device.headers.get('Content-Disposition')).toBe(`attachment; filename="experiment-${id}-hard-device.csv"`)
    expect(linesOf(device.body).filter((l) => l.startsWith('hard,desktop,B,'))).toEqual([expect.stringMatching(/^hard,desktop,B,80,2,0\.025,/)])
    for (const table of ['daily', 'channel', 'lead_quality']) expect((await download(owner.cookie, id, `?table=${table}`)).status).toBe(200)
  })

  test('404 for another workspace’s experiment, 400 naming the field for a bad table or metric', async () => {
    const { id } = await seed()
    const stranger = await createOwner({ name: 'Stranger' })
    const foreign = await download(stranger.cookie, id)
    expect(foreign.status).toBe(404)
    expect(String(foreign.body)).not.toContain('metric,variant')
    const { owner, id: mine } = await seed()
    const table = await download(owner.cookie, mine, '?table=everything')
    expect(table.status).toBe(400)
    expect(table.body).toMatch(/^table: Unknown table "everything"/)
    const metric = await download(owner.cookie, mine, '?metric=revenue')
    expect(metric.status).toBe(400)
    expect(metric.body).toMatch(/^metric: Unknown metric "revenue"/)
  })

  test('without a session: to the login page', async () => {
    const { id } = await seed()
    const anonymous = await callRoute(loader as never, `/experiments/${id}/results.csv`, { params: { id } }).then(readResult)
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/)
  })
})
