import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { HELD, runAutoShip } from '#app/experiments/auto-ship.server'
import { declareWinner } from '#app/experiments/experiment.server'
import { getExperimentResults } from '#app/experiments/results/queries.server'
import { DAY_MS } from '#app/time/days'
import { experimentDaily, experimentEvents, experimentLeads, experiments, leads, workspaces } from '#db/schema'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'

// The auto-ship job: running experiments that allow it, past their minimum runtime, with a `winner` decision on
// the primary metric, are concluded with that winner, once, by the auto-ship rule, audited with the evidence.

/**
 * A running experiment started `daysAgo` days ago, with rollups of `counts` (visitors, conversions) per variant,
 * and optionally `quality` per variant: visitors with a hard conversion (rollup rows) and leads, of which `sql`
 * reached SQL (real leads and experiment_leads rows, as the trigger on leads would leave them).
 */
async function runningExperiment({
  daysAgo,
  counts,
  quality = [],
  autoShip = true,
  minRuntimeDays = 7,
}: {
  daysAgo: number
  counts: [number, number][]
  quality?: { hard: number; leads: number; sql: number }[]
  autoShip?: boolean
  minRuntimeDays?: number
}) {
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
  for (const [i, q] of quality.entries()) {
    const variantKey = 'AB'[i]!
    await db.insert(experimentDaily).values({ experimentId: id, day, variantKey, device: 'desktop', channel: 'direct', metric: 'hard', count: q.hard })
    const now = new Date()
    const made = await db
      .insert(leads)
      .values(
        Array.from({ length: q.leads }, (_, n) => ({
          workspaceId: owner.workspaceId,
          email: `guardrail-${randomUUID()}@example.com`,
          stage: n < q.sql ? ('sql' as const) : ('lead' as const),
          channel: 'direct',
          firstSeenAt: now,
          lastConversionAt: now,
          lastActivityAt: now,
        })),
      )
      .returning({ id: leads.id })
    await db.insert(experimentLeads).values(made.map((lead, n) => ({ experimentId: id, variantKey, leadId: lead.id, reached: n < q.sql ? 2 : 0, isLost: false, pipelineValue: 0, exposureDay: day })))
  }
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

  // B wins on form fills (5 % against 8 %), but far fewer of its visitors become SQLs (3 % against 1 %).
  test('the quality guardrail holds a winner whose SQL rate is significantly worse: not shipped, still running, the evidence audited once', async () => {
    const quality = [
      { hard: 100, leads: 250, sql: 150 },
      { hard: 110, leads: 400, sql: 50 },
    ]
    const { id, owner } = await runningExperiment({ daysAgo: 8, counts: WINNING, quality })
    expect((await runAutoShip()).map((s) => s.experimentId)).not.toContain(id)
    expect(await runAutoShip()).not.toContainEqual(expect.objectContaining({ experimentId: id }))
    expect(await stateOf(id)).toMatchObject({ status: 'running', winnerKey: null, winnerEvents: [] })
    const held = (await db.select().from(experimentEvents).where(eq(experimentEvents.experimentId, id))).filter((e) => e.action === HELD)
    expect(held).toHaveLength(1)
    expect(held[0]).toMatchObject({ actor: 'auto', userId: null, workspaceId: owner.workspaceId })
    const detail = held[0]!.detail as {
      variantKey: string
      failing: string[]
      evidence: { decision: string; guardrail: { verdict: string; checks: { check: string; isWorse: boolean; sequentialPValue: number; control: object; variant: object }[] } }
    }
    expect(detail).toMatchObject({ variantKey: 'B', failing: ['sql_rate'], evidence: { decision: 'winner', guardrail: { verdict: 'blocked', control: 'A', variantKey: 'B' } } })
    const [hard, sqlRate] = detail.evidence.guardrail.checks
    expect(hard).toMatchObject({ check: 'hard_rate', isWorse: false, control: { visitors: 5000, count: 100, rate: 0.02 }, variant: { visitors: 5000, count: 110, rate: 0.022 } })
    expect(sqlRate).toMatchObject({ check: 'sql_rate', isWorse: true, control: { visitors: 5000, count: 150, rate: 0.03 }, variant: { visitors: 5000, count: 50, rate: 0.01 } })
    expect(sqlRate!.sequentialPValue).toBeLessThan(0.05)
    // The results say the same: the guardrail blocks B, and the next step is not "auto-ship will declare it".
    const results = await getExperimentResults({ workspaceId: owner.workspaceId, id, metric: null })
    expect(results.ok && results.results.guardrail).toMatchObject({ verdict: 'blocked', variantKey: 'B' })
    expect(results.ok && results.results.decision.action.text).not.toContain('Auto-ship will declare it')
  })

  test('a member may still declare the winner the guardrail holds back: the winner record carries the guardrail, blocked', async () => {
    const quality = [
      { hard: 100, leads: 250, sql: 150 },
      { hard: 110, leads: 400, sql: 50 },
    ]
    const { id, owner } = await runningExperiment({ daysAgo: 8, counts: WINNING, quality, autoShip: false })
    const declared = await declareWinner({ workspaceId: owner.workspaceId, id, variantKey: 'B', actor: { userId: owner.userId, actor: 'member' } })
    expect(declared.ok).toBe(true)
    const state = await stateOf(id)
    expect(state).toMatchObject({ status: 'concluded', winnerKey: 'B' })
    const evidence = (state.winnerEvents[0]!.detail as { evidence: { guardrail: { verdict: string; checks: { check: string; isWorse: boolean }[] } } }).evidence
    expect(evidence.guardrail.verdict).toBe('blocked')
    expect(evidence.guardrail.checks.map((c) => [c.check, c.isWorse])).toEqual([
      ['hard_rate', false],
      ['sql_rate', true],
    ])
  })

  test('a winner whose leads are as good ships, with the guardrail evidence "passed" in the winner record', async () => {
    const quality = [
      { hard: 100, leads: 250, sql: 50 },
      { hard: 160, leads: 400, sql: 55 },
    ]
    const { id } = await runningExperiment({ daysAgo: 8, counts: WINNING, quality })
    expect(await runAutoShip()).toContainEqual({ experimentId: id, variantKey: 'B' })
    const state = await stateOf(id)
    expect(state).toMatchObject({ status: 'concluded', winnerKey: 'B' })
    const evidence = (state.winnerEvents[0]!.detail as { evidence: { guardrail: { verdict: string; checks: { check: string; isWorse: boolean; variant: { count: number } }[] } } }).evidence
    expect(evidence.guardrail.verdict).toBe('passed')
    expect(evidence.guardrail.checks.map((c) => [c.check, c.isWorse, c.variant.count])).toEqual([
      ['hard_rate', false, 160],
      ['sql_rate', false, 55],
    ])
  })

  test('not before the minimum runtime', async () => {
    const { id } = await runningExperiment({ daysAgo: 6, counts: WINNING })
    expect((await runAutoShip()).map((s) => s.experimentId)).not.toContain(id)
    expect(await stateOf(id)).toMatchObject({ status: 'running', winnerKey: null, winnerEvents: [] })
    // Its minimum runtime ends a day later: then it ships.
    expect((await runAutoShip(new Date(Date.now() + 1.1 * DAY_MS))).map((s) => s.experimentId)).toContain(id)
  })

  test('the minimum runtime ends on the workspace’s calendar: across the spring change a week is 167 hours in Stockholm', async () => {
    const { id, owner } = await runningExperiment({ daysAgo: 30, counts: WINNING })
    await db.update(workspaces).set({ timezone: 'Europe/Stockholm' }).where(eq(workspaces.id, owner.workspaceId))
    await db
      .update(experiments)
      .set({ startedAt: new Date('2026-03-25T08:00:00Z') })
      .where(eq(experiments.id, id)) // 09:00 CET
    expect((await runAutoShip(new Date('2026-04-01T06:59:00Z'))).map((s) => s.experimentId)).not.toContain(id)
    // 09:00 CEST a week on: 6 days 23 hours later, when 7 × 24 hours have not passed yet.
    expect((await runAutoShip(new Date('2026-04-01T07:00:00Z'))).map((s) => s.experimentId)).toContain(id)
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
