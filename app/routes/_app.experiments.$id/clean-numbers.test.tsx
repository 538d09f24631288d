import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { createExperiment, transitionExperiment } from '#app/experiments/experiment.server'
import { analyze } from '#app/statistics/analyze'
import { experimentDaily, experiments } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'
import { publishExperimentPage } from '#tests/factories/experiments'
import { cellsOf, elementWith, renderRoute, textOf } from '#tests/render-route'
import * as route from './route'

// Issue 16, "numbers nobody should see", on the results page rendered from its real loader: each example the
// issue quotes is reproduced here and must no longer appear.

type Arm = { key: string; weight: number; visitors: number; conversions: number }

async function seedExperiment({ arms, planned, minRuntimeDays, startedDaysAgo }: { arms: Arm[]; planned: number; minRuntimeDays: number; startedDaysAgo: number }) {
  const owner = await createOwner({ name: 'Nora Numbers' })
  const page = await publishExperimentPage(owner, { variants: arms.length })
  const actor = { userId: owner.userId, actor: 'member' as const }
  const created = await createExperiment({
    workspaceId: owner.workspaceId,
    input: {
      pageId: page.pageId,
      name: 'Clean numbers',
      hypothesis: '',
      variants: arms.map(({ key, weight }) => ({ key, weight })),
      coverage: 1,
      primaryMetric: 'any',
      secondaryMetrics: [],
      confidence: 0.95,
      minRuntimeDays,
      plannedVisitorsPerVariant: planned,
      autoShip: false,
    },
    actor,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.errors))
  const id = created.experiment.id
  const started = await transitionExperiment({ workspaceId: owner.workspaceId, id, action: 'start', actor })
  if (!started.ok) throw new Error(JSON.stringify(started.errors))
  await db
    .update(experiments)
    .set({ startedAt: new Date(Date.now() - startedDaysAgo * 86_400_000) })
    .where(eq(experiments.id, id))
  // One day of traffic; an arm without visitors has no rows at all.
  const rows = arms
    .filter((arm) => arm.visitors > 0)
    .flatMap((arm) =>
      (['', 'any', 'soft', 'hard'] as const).map((metric) => ({
        experimentId: id,
        day: '2026-11-01',
        variantKey: arm.key,
        device: 'desktop',
        channel: 'direct',
        metric,
        count: metric === '' ? arm.visitors : metric === 'hard' ? 0 : arm.conversions,
      })),
    )
  if (rows.length) await db.insert(experimentDaily).values(rows)
  return { owner, id, actor }
}

const render = (id: string, cookie: string) => renderRoute({ id: 'routes/_app.experiments.$id', path: `/experiments/${id}`, pattern: 'experiments/:id', module: route, cookie })
const rowOf = (html: string, key: string) => cellsOf(elementWith(html, `data-testid="variant-row" data-variant="${key}"`)!)

// 1 against 3 conversions in 300 visitors each, planned at 1,000,000 per variant with 600 visitors a day.
const SPARSE: Arm[] = [
  { key: 'A', weight: 0.5, visitors: 300, conversions: 1 },
  { key: 'B', weight: 0.5, visitors: 300, conversions: 3 },
]

describe('the results page says in words what numbers cannot', () => {
  test('an unbounded lift interval, a plan years away and a runtime past its minimum', async () => {
    const { owner, id } = await seedExperiment({ arms: SPARSE, planned: 1_000_000, minRuntimeDays: 14, startedDaysAgo: 30.5 })
    const { status, html } = await render(id, owner.cookie)
    expect(status).toBe(200)
    // The premise: the engine's own interval for B runs past +1,000%, and the plan is thousands of days away.
    const analysis = analyze({ variants: SPARSE, plannedVisitorsPerVariant: 1_000_000, dailyVisitors: 600 })
    expect(analysis.variants[1].vsControl!.sequentialRelativeLiftCi![1]).toBeGreaterThan(10)
    expect(analysis.decision.daysNeeded).toBeGreaterThan(366)

    // "−100.0% to +2750181578057686.0%": the lift column, the lift chart's figures and the breakdowns say it in words.
    expect(rowOf(html, 'B')[4]).toBe('+200.0% too few conversions to bound the lift')
    const text = textOf(html)
    expect(text).toContain('On 2026-11-01: B +200.0% (too few conversions to bound the lift)')
    expect(text).not.toMatch(/\+\d{2,3}(,\d{3})+\.\d%|\+\d{5,}\.\d%/)

    // "About 15,738,833 more visitors (about 129,767 days)": not reachable, in the decision, the next step and the progress card.
    const decision = textOf(elementWith(html, 'data-testid="decision"')!)
    expect(decision).toContain('Reaching the planned 1,000,000 per variant is not reachable at current traffic (more than a year).')
    expect(decision).toContain('Next step: The plan is not reachable at current traffic (more than a year): test a bolder change, send more traffic, or stop and keep A.')
    expect(textOf(elementWith(html, 'data-testid="progress-summary"')!)).toContain('The plan is not reachable at current traffic (more than a year).')
    expect(text).not.toMatch(/about [\d,]+ days/i)

    // "Minimum runtime 30 of 14 days".
    expect(textOf(elementWith(html, 'data-testid="progress-runtime"')!)).toBe('Minimum runtime 30 days (minimum 14)')
  })

  test('a variant without visitors shows no chance to beat and no expected loss', async () => {
    const arms: Arm[] = [
      { key: 'A', weight: 0.5, visitors: 1000, conversions: 100 },
      { key: 'B', weight: 0.25, visitors: 1000, conversions: 120 },
      { key: 'C', weight: 0.25, visitors: 0, conversions: 0 },
    ]
    const { owner, id } = await seedExperiment({ arms, planned: 2000, minRuntimeDays: 7, startedDaysAgo: 2.5 })
    const { html } = await render(id, owner.cookie)
    // Before: C had an expected loss and a chance to be best from the prior alone.
    const c = rowOf(html, 'C')
    expect(c.slice(1, 3)).toEqual(['0', '0'])
    expect(c[6]).toBe('–')
    expect(c[7]).toBe('–')
    // A and B are compared with each other only: their losses are those of the two-variant analysis.
    const pair = analyze({ variants: arms.slice(0, 2) })
    expect(rowOf(html, 'A')[7]).toBe(`${(pair.variants[0].expectedLoss! * 100).toFixed(3)} pp`)
    expect(rowOf(html, 'B')[7]).toBe(`${(pair.variants[1].expectedLoss! * 100).toFixed(3)} pp`)
  })

  test('an experiment without visitors shows no expected loss (it read 16.667 pp, two uniform priors)', async () => {
    const arms: Arm[] = [
      { key: 'A', weight: 0.5, visitors: 0, conversions: 0 },
      { key: 'B', weight: 0.5, visitors: 0, conversions: 0 },
    ]
    const { owner, id } = await seedExperiment({ arms, planned: 2000, minRuntimeDays: 7, startedDaysAgo: 0.5 })
    const { html } = await render(id, owner.cookie)
    for (const key of ['A', 'B']) expect(rowOf(html, key).slice(6, 8)).toEqual(['–', '–'])
    expect(textOf(html)).not.toContain('16.667 pp')
  })

  test('a concluded experiment reads as concluded: no "Keep collecting", no days to wait, no controls for a running test', async () => {
    const { owner, id, actor } = await seedExperiment({ arms: SPARSE, planned: 5000, minRuntimeDays: 7, startedDaysAgo: 3.5 })
    const running = textOf((await render(id, owner.cookie)).html)
    // The premise: while it runs, the page asks for more data and explains the weights.
    expect(running).toContain('Keep collecting')
    expect(running).toContain('Weights cannot change while the experiment runs')
    const stopped = await transitionExperiment({ workspaceId: owner.workspaceId, id, action: 'stop', actor })
    if (!stopped.ok) throw new Error(JSON.stringify(stopped.errors))

    const { html } = await render(id, owner.cookie)
    const decision = elementWith(html, 'data-testid="decision"')!
    expect(textOf(elementWith(decision, 'id="decision-title"')!)).toBe('Concluded')
    expect(textOf(elementWith(decision, 'data-testid="decision-reason"')!)).toBe('The data had not settled when the experiment ended: no variant was clearly better or worse than the control.')
    const text = textOf(html)
    expect(text).not.toContain('Keep collecting')
    expect(text).not.toMatch(/more visitors/)
    expect(text).not.toContain('Weights cannot change while the experiment runs')
    expect(text).toContain('This experiment has ended and nothing here changes it any more.')
    expect(text).toMatch(/Ran for \d+ days/)
  })
})
