import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { createExperiment, transitionExperiment } from '#app/experiments/experiment.server'
import * as indexRoute from '#app/routes/_app.experiments._index'
import { analyze } from '#app/statistics/analyze'
import { experimentDaily, experiments } from '#db/schema'
import { publishExperimentPage } from '#tests/factories/experiments'
import { createMember, createOwner } from '#tests/factories/accounts'
import { cellsOf, elementsWith, elementWith, renderRoute, textOf } from '#tests/render-route'
import * as route from './route'

// The results page rendered to HTML from its real loader, for a seeded A/B/C experiment whose figures are
// computed here by hand. Statistics that have no closed form (sequential p-value, chance to beat, expected loss)
// come from the statistics module on the same hand-entered counts: that module is reference-tested against scipy.

const Z95 = 1.959963984540054
/** Wilson score interval, written out: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). */
function wilson(x: number, n: number): [number, number] {
  const p = x / n
  const centre = p + (Z95 * Z95) / (2 * n)
  const spread = Z95 * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n))
  const denominator = 1 + (Z95 * Z95) / n
  return [(centre - spread) / denominator, (centre + spread) / denominator]
}
const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`
const lift = (x: number, digits = 1) => (x > 0 ? `+${(x * 100).toFixed(digits)}%` : `−${(-x * 100).toFixed(digits)}%`)

// Two days. Day 1 is all mobile and organic search, day 2 all desktop and direct, so each breakdown segment is one day.
const COUNTS = {
  A: { day1: { visitors: 600, any: 30, soft: 24, hard: 6 }, day2: { visitors: 400, any: 20, soft: 16, hard: 4 } },
  B: { day1: { visitors: 300, any: 25, soft: 15, hard: 10 }, day2: { visitors: 200, any: 15, soft: 10, hard: 5 } },
  C: { day1: { visitors: 300, any: 12, soft: 10, hard: 2 }, day2: { visitors: 200, any: 10, soft: 10, hard: 0 } },
} as const
const KEYS = ['A', 'B', 'C'] as const
const total = (key: (typeof KEYS)[number], metric: 'visitors' | 'any' | 'soft' | 'hard') => COUNTS[key].day1[metric] + COUNTS[key].day2[metric]

async function seedExperiment() {
  const owner = await createOwner({ name: 'Rita Results' })
  const page = await publishExperimentPage(owner, { variants: 3 })
  const created = await createExperiment({
    workspaceId: owner.workspaceId,
    input: {
      pageId: page.pageId,
      name: 'Headline test',
      hypothesis: 'A shorter headline converts better',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.25 },
        { key: 'C', weight: 0.25 },
      ],
      coverage: 1,
      primaryMetric: 'any',
      secondaryMetrics: ['hard'],
      confidence: 0.95,
      minRuntimeDays: 7,
      plannedVisitorsPerVariant: 2000,
      autoShip: false,
    },
    actor: { userId: owner.userId, actor: 'member' },
  })
  if (!created.ok) throw new Error(JSON.stringify(created.errors))
  const id = created.experiment.id
  const started = await transitionExperiment({ workspaceId: owner.workspaceId, id, action: 'start', actor: { userId: owner.userId, actor: 'member' } })
  if (!started.ok) throw new Error(JSON.stringify(started.errors))
  await db
    .update(experiments)
    .set({ startedAt: new Date(Date.now() - 3.5 * 86_400_000) })
    .where(eq(experiments.id, id))
  const rows = KEYS.flatMap((key) =>
    (['day1', 'day2'] as const).flatMap((day) => {
      const c = COUNTS[key][day]
      const [date, device, channel] = day === 'day1' ? ['2026-11-01', 'mobile', 'organic_search'] : ['2026-11-02', 'desktop', 'direct']
      return (['visitors', 'any', 'soft', 'hard'] as const).map((metric) => ({
        experimentId: id,
        day: date,
        variantKey: key,
        device,
        channel,
        metric: metric === 'visitors' ? '' : metric,
        count: c[metric],
      }))
    }),
  )
  await db.insert(experimentDaily).values(rows)
  return { owner, id, page }
}

const render = (id: string, cookie: string, query = '') => renderRoute({ id: 'routes/_app.experiments.$id', path: `/experiments/${id}${query}`, pattern: 'experiments/:id', module: route, cookie })

const rowOf = (html: string, testId: string, key: string) => cellsOf(elementWith(html, `data-testid="${testId}" data-variant="${key}"`)!)

describe('the results page', () => {
  test('shows the decision, every variant figure, progress, breakdowns and the chart fallbacks, as computed by hand', async () => {
    const { owner, id } = await seedExperiment()
    const { status, html } = await render(id, owner.cookie)
    expect(status).toBe(200)

    // The same analysis the loader runs, on the hand-entered counts: the source of the figures without a closed form.
    const analysis = analyze({
      variants: KEYS.map((key) => ({ key, visitors: total(key, 'visitors'), conversions: total(key, 'any') })),
      weights: [0.5, 0.25, 0.25],
      plannedVisitorsPerVariant: 2000,
      dailyVisitors: (1200 + 800) / 2,
    })
    const decision = elementWith(html, 'data-testid="decision"')!
    expect(decision).toContain(`data-status="${analysis.decision.status}"`)
    expect(textOf(decision)).toContain(analysis.decision.reason)
    // Plan 2,000 per variant at a 50/25/25 split: B and C need 1,500 more each, so 1,500 ÷ 0.25 = 6,000 more visitors;
    // 1,000 a day (the mean of the two days) makes 6 days.
    expect(analysis.decision).toMatchObject({ status: 'collecting', visitorsNeeded: 6000, daysNeeded: 6 })
    expect(textOf(decision)).toContain('About 6,000 more visitors (about 6 days)')
    expect(textOf(decision)).toContain('Next step: Keep collecting: about 6,000 more visitors, about 6 days.')

    const control = { x: total('A', 'any'), n: total('A', 'visitors') }
    for (const key of KEYS) {
      const x = total(key, 'any')
      const n = total(key, 'visitors')
      const cells = rowOf(html, 'variant-row', key)
      const a = analysis.variants.find((v) => v.key === key)!
      const [lo, hi] = wilson(x, n)
      expect(cells.slice(1, 4)).toEqual([n.toLocaleString('en-US'), String(x), `${pct(x / n)} ${pct(lo)} to ${pct(hi)}`])
      expect(cells[7]).toBe(`${(a.expectedLoss! * 100).toFixed(3)} pp`)
      expect(cells[8]).toBe(`${total(key, 'soft')} ${pct(total(key, 'soft') / n)}`)
      expect(cells[9]).toBe(`${total(key, 'hard')} ${pct(total(key, 'hard') / n)}`)
      if (key === 'A') {
        expect(cells[0]).toBe('A control')
        expect(cells.slice(4, 7)).toEqual(['–', '–', '–'])
        continue
      }
      const c = a.vsControl!
      const relative = x / n / (control.x / control.n) - 1
      expect(c.relativeLift).toBeCloseTo(relative, 12)
      const [liftLo, liftHi] = c.sequentialRelativeLiftCi!
      expect(cells[4]).toBe(`${lift(relative)}${c.significant ? ' (significant)' : ''} ${lift(liftLo)} to ${lift(liftHi)}`)
      expect(cells[5]).toBe(c.sequentialPValueAdjusted! < 0.0001 ? '< 0.0001' : c.sequentialPValueAdjusted!.toFixed(4))
      expect(cells[6]).toBe(pct(c.probabilityToBeatControl!, 1))
    }
    // B: 40/500 = 8% against 5%: +60%; C: 22/500 = 4.4%: −12%.
    expect(rowOf(html, 'variant-row', 'B')[4]).toMatch(/^\+60\.0%/)
    expect(rowOf(html, 'variant-row', 'C')[4]).toMatch(/^−12\.0%/)

    // Progress toward 2,000 per variant and the 7-day minimum (started 3.5 days ago: day 3).
    expect(elementsWith(html, 'data-testid="progress-variant"').map(textOf)).toEqual(['Variant A 1,000 of 2,000 (50%)', 'Variant B 500 of 2,000 (25%)', 'Variant C 500 of 2,000 (25%)'])
    expect(textOf(elementWith(html, 'data-testid="progress-runtime"')!)).toBe('Minimum runtime 3 of 7 days')
    expect(textOf(elementWith(html, 'data-testid="progress-summary"')!)).toContain('About 6,000 more visitors needed, about 6 days. Recent traffic: about 1,000 visitors a day.')

    // Breakdowns: mobile (= day 1) and direct (= day 2), each with its own rates and lifts.
    const mobile = elementWith(elementWith(html, 'data-testid="breakdown-device"')!, 'data-segment="mobile"')!
    expect(textOf(mobile)).toContain('Mobile · 1,200 visitors · 67 conversions · 5.58%')
    const mobileB = cellsOf(elementWith(mobile, 'data-variant="B"')!)
    const [mbLo, mbHi] = wilson(25, 300)
    expect(mobileB.slice(0, 4)).toEqual(['B', '300', '25', `${pct(25 / 300)} ${pct(mbLo)} to ${pct(mbHi)}`])
    expect(mobileB[4]).toMatch(new RegExp(`^\\${lift(25 / 300 / (30 / 600) - 1)} `))
    const direct = elementWith(elementWith(html, 'data-testid="breakdown-channel"')!, 'data-segment="direct"')!
    expect(textOf(direct)).toContain('Direct · 800 visitors · 45 conversions · 5.63%')
    expect(cellsOf(elementWith(direct, 'data-variant="C"')!).slice(0, 3)).toEqual(['C', '200', '10'])

    // Charts: before hydration each shows its latest figures as text, with the daily table under it.
    expect(elementsWith(html, 'data-testid="chart"')).toHaveLength(3)
    const [aLo, aHi] = wilson(50, 1000)
    expect(html).toContain(`On 2026-11-02: A ${pct(0.05)} (${pct(aLo)} to ${pct(aHi)})`)
    expect(textOf(html)).toContain('On 2026-11-02: A 400 · B 200 · C 200')

    // The metric switcher offers any, soft, hard, then what the leads became; the current one is marked.
    const switcher = elementWith(html, 'data-testid="metric-switcher"')!
    expect(textOf(switcher)).toBe(
      'Counting: Any conversion (primary) Soft conversions Hard conversions What the leads became: Hot leads Reached MQL Reached SQL Reached opportunity Became customers Pipeline per visitor',
    )
    expect(switcher).toMatch(/href="[^"]*\?metric=any" aria-current="page"|aria-current="page"[^>]*href="[^"]*\?metric=any"/)
  })

  test('says the split is healthy, and offers each table as a CSV download link', async () => {
    const { owner, id } = await seedExperiment()
    const { html } = await render(id, owner.cookie, '?metric=hard')
    // 1,000 / 500 / 500 against 50 / 25 / 25 %: exactly the configured split, chi-square 0, p = 1.
    expect(textOf(elementWith(html, 'data-testid="srm-line"')!)).toBe('✓ Split is healthy (SRM p = 1): visitors reach the variants in the configured proportions.')
    const links = ['variants', 'daily', 'lead_quality', 'device', 'channel'].map((table) => elementWith(html, `data-testid="csv-${table}"`)!)
    for (const [i, table] of ['variants', 'daily', 'lead_quality', 'device', 'channel'].entries()) {
      expect(links[i]).toMatch(new RegExp(`^<a href="/experiments/${id}/results\\.csv\\?table=${table}&amp;metric=hard" download=""`))
    }
    expect(links.map(textOf)).toEqual([
      'Download CSV of the variant table',
      'Download CSV of the daily figures',
      'Download CSV of the lead quality table',
      'Download CSV of the breakdown by device',
      'Download CSV of the breakdown by traffic source',
    ])
  })

  test('?metric=hard counts hard conversions everywhere, and the link is shareable', async () => {
    const { owner, id } = await seedExperiment()
    const { html } = await render(id, owner.cookie, '?metric=hard')
    const [lo, hi] = wilson(15, 500)
    expect(rowOf(html, 'variant-row', 'B').slice(2, 4)).toEqual(['15', `${pct(0.03)} ${pct(lo)} to ${pct(hi)}`])
    expect(textOf(elementWith(html, 'data-testid="decision"')!)).toContain('Decision on hard conversions')
    expect(textOf(elementWith(html, 'aria-current="page"')!)).toBe('Hard conversions')
  })

  test('an unknown metric is a 400 that says which metrics exist', async () => {
    const { owner, id } = await seedExperiment()
    const { status, html } = await render(id, owner.cookie, '?metric=revenue')
    expect(status).toBe(400)
    expect(textOf(html)).toContain('Unknown metric "revenue": use any, soft, hard, hot, mql, sql, opportunity, customer, pipeline or a form id')
  })

  test('editors get the actions and a winner confirmation that states the evidence and warns; viewers get neither', async () => {
    const { owner, id } = await seedExperiment()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })

    const editorView = await render(id, owner.cookie, '?metric=any&declare=C')
    expect(editorView.html).toContain('name="intent" value="pause"')
    const confirmation = textOf(elementWith(editorView.html, 'data-testid="declare-confirmation"')!)
    expect(confirmation).toContain('Declare C the winner?')
    expect(confirmation).toContain(`C converted 4.40% of 500 visitors on any conversion`)
    expect(confirmation).toContain('against 5.00% for A: a lift of −12.0%')
    expect(confirmation).toContain('Not significant: the data do not show that C converts better than A')
    expect(confirmation).toContain('The minimum runtime of 7 days has not passed')
    expect(editorView.html).toMatch(/name="variantKey" value="C"/)

    const viewerView = await render(id, viewer.cookie, '?metric=any&declare=C')
    expect(viewerView.status).toBe(200)
    expect(viewerView.html).not.toContain('data-testid="declare-confirmation"')
    expect(viewerView.html).not.toContain('name="intent"')
    expect(textOf(viewerView.html)).toContain('You are a viewer here')
    // The figures are the same for both.
    expect(rowOf(viewerView.html, 'variant-row', 'B')).toEqual(rowOf(editorView.html, 'variant-row', 'B'))
  })
})

describe('the experiments list', () => {
  test('shows status, page, days running, visitors, the leader with its lift and the decision', async () => {
    const { owner, id, page } = await seedExperiment()
    const { html } = await renderRoute({ id: 'routes/_app.experiments._index', path: '/experiments', pattern: 'experiments', module: indexRoute, cookie: owner.cookie })
    const row = elementWith(html, `data-experiment="${id}"`)!
    const cells = cellsOf(row)
    expect(cells[0]).toContain('Headline test')
    expect(cells[0]).toContain(`on Page ${page.slug}`)
    expect(cells.slice(1, 5)).toEqual(['running', '3', '2,000', 'B +60.0%'])
    expect(cells[5]).toBe('Keep collecting')
    expect(row).not.toContain('srm-warning')
  })
})
