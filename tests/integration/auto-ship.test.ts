import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { runAutoShip } from '#app/experiments/auto-ship.server'
import { getExperimentResults } from '#app/experiments/results/queries.server'
import { DAY_MS } from '#app/time/days'
import { experimentDaily, experimentEvents, experiments } from '#db/schema'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'

// The auto-ship job: running experiments that allow it, past their minimum runtime, with a `winner` decision on
// the primary metric, are concluded with that winner, once, by the auto-ship rule, audited with the evidence.

/** A running experiment started `daysAgo` days ago, with rollups of `counts` (visitors, conversions) per variant. */
async function runningExperiment({ daysAgo, counts, autoShip = true, minRuntimeDays = 7 }: { daysAgo: number; counts: [number, number][]; autoShip?: boolean; minRuntimeDays?: number }) {
  const { owner, api } = await experimentApi()
  const page = await publishExperimentPage(owner)
  const created = await api.create({
    pageId: page.pageId,
    name: 'Auto',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
    autoShip,
    minRuntimeDays,
  })
  const id = created.body.id as string
  expect((await api.act(id, 'start')).status).toBe(200)
  const startedAt = new Date(Date.now() - daysAgo * DAY_MS)
  await db.update(experiments).set({ startedAt }).where(eq(experiments.id, id))
  const day = startedAt.toISOString().slice(0, 10)
  const rows = counts.flatMap(([visitors, converted], i) => {
    const variantKey = 'AB'[i]!
    return [
      { experimentId: id, day, variantKey, device: 'desktop', channel: 'direct', metric: '', count: visitors },
      { experimentId: id, day, variantKey, device: 'desktop', channel: 'direct', metric: 'any', count: converted },
    ]
  })
  await db.insert(experimentDaily).values(rows)
  return { id, owner }
}

const WINNING: [number, number][] = [
  [5000, 250],
  [5000, 400],
] // 5% against 8%: B wins clearly
const EVEN: [number, number][] = [
  [5000, 250],
  [5000, 252],
]

const stateOf = async (id: string) => {
  const [row] = await db.select({ status: experiments.status, winnerKey: experiments.winnerKey }).from(experiments).where(eq(experiments.id, id))
  const events = await db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, id))
  return { ...row!, winnerEvents: events.filter((e) => e.action === 'winner') }
}

describe('runAutoShip', () => {
  test('two runs at once ship the winner once, with one audit row by the auto-ship rule', async () => {
    const { id, owner } = await runningExperiment({ daysAgo: 8, counts: WINNING })
    const before = await getExperimentResults({ workspaceId: owner.workspaceId, id, metric: null })
    expect(before.ok && before.results.decision).toMatchObject({ status: 'winner', variant: 'B', action: { kind: 'ship' } })

    const [first, second] = await Promise.all([runAutoShip(), runAutoShip()])
    const mine = [...first, ...second].filter((s) => s.experimentId === id)
    expect(mine).toEqual([{ experimentId: id, variantKey: 'B' }])
    const state = await stateOf(id)
    expect(state).toMatchObject({ status: 'concluded', winnerKey: 'B' })
    expect(state.winnerEvents).toHaveLength(1)
    expect(state.winnerEvents[0]).toMatchObject({ actor: 'auto', userId: null, workspaceId: owner.workspaceId })
    expect(state.winnerEvents[0]!.detail).toMatchObject({
      variantKey: 'B',
      evidence: {
        metric: 'any',
        reason: expect.stringContaining('safe to ship'),
        variants: [
          { key: 'A', visitors: 5000, conversions: 250 },
          { key: 'B', visitors: 5000, conversions: 400 },
        ],
      },
    })
    // The page's results now say so, and a later run does nothing.
    const after = await getExperimentResults({ workspaceId: owner.workspaceId, id, metric: null })
    expect(after.ok && after.results.decision.action).toMatchObject({ kind: 'none', variant: 'B' })
    expect((await runAutoShip()).filter((s) => s.experimentId === id)).toEqual([])
    expect((await stateOf(id)).winnerEvents).toHaveLength(1)
  })

  test('not before the minimum runtime', async () => {
    const { id } = await runningExperiment({ daysAgo: 6, counts: WINNING })
    expect((await runAutoShip()).map((s) => s.experimentId)).not.toContain(id)
    expect(await stateOf(id)).toMatchObject({ status: 'running', winnerKey: null, winnerEvents: [] })
    // Its minimum runtime ends a day later: then it ships.
    expect((await runAutoShip(new Date(Date.now() + 1.1 * DAY_MS))).map((s) => s.experimentId)).toContain(id)
  })

  test('not when the decision is not a winner', async () => {
    const { id } = await runningExperiment({ daysAgo: 30, counts: EVEN })
    expect((await runAutoShip()).map((s) => s.experimentId)).not.toContain(id)
    expect(await stateOf(id)).toMatchObject({ status: 'running', winnerKey: null })
  })

  test('not when the experiment does not allow it, nor when it is paused', async () => {
    const manual = await runningExperiment({ daysAgo: 8, counts: WINNING, autoShip: false })
    const paused = await runningExperiment({ daysAgo: 8, counts: WINNING })
    await db.update(experiments).set({ status: 'paused' }).where(eq(experiments.id, paused.id))
    const shipped = (await runAutoShip()).map((s) => s.experimentId)
    expect(shipped).not.toContain(manual.id)
    expect(shipped).not.toContain(paused.id)
  })
})
