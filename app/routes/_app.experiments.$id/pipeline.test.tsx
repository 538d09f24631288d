import { describe, expect, test } from 'vitest'
import { formatAmount, formatCount } from '#app/components/format'
import { db } from '#app/db.server'
import { createExperiment, transitionExperiment } from '#app/experiments/experiment.server'
import { experimentDaily, experimentLeads } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'
import { publishExperimentPage } from '#tests/factories/experiments'
import { insertLead } from '#tests/factories/lead-rows'
import { cellsOf, elementWith, renderRoute, textOf } from '#tests/render-route'
import * as route from './route'

// The results page on lead metrics, rendered from its real loader: the pipeline table, the maturity note, and the
// conflict between the conversion winner and the pipeline leader. Rows go straight into the rollups and
// experiment_leads (what the counting function writes; tests/integration/pipeline-metrics.test.ts drives that path).

const OLD_DAY = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)
const NEW_DAY = new Date().toISOString().slice(0, 10)
// Mature (30 days old): A 1,000 visitors, 50 converted, 40 deals of 2,000; B 1,000 visitors, 120 converted, 10 deals of 1,000.
// New (today): 200 visitors each, not counted by lead metrics.
const MATURE = { A: { visitors: 1000, any: 50, deals: 40, value: 2000 }, B: { visitors: 1000, any: 120, deals: 10, value: 1000 } } as const

async function seed() {
  const owner = await createOwner({ name: 'Pia Pipeline' })
  const page = await publishExperimentPage(owner)
  const created = await createExperiment({
    workspaceId: owner.workspaceId,
    input: {
      pageId: page.pageId,
      name: 'Pricing headline',
      hypothesis: '',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
      coverage: 1,
      primaryMetric: 'any',
      secondaryMetrics: ['pipeline'],
      confidence: 0.95,
      minRuntimeDays: 7,
      plannedVisitorsPerVariant: 1000,
      autoShip: false,
    },
    actor: { userId: owner.userId, actor: 'member' },
  })
  if (!created.ok) throw new Error(JSON.stringify(created.errors))
  const id = created.experiment.id
  await transitionExperiment({ workspaceId: owner.workspaceId, id, action: 'start', actor: { userId: owner.userId, actor: 'member' } })
  const daily = (day: string, variantKey: string, metric: string, count: number) => ({ experimentId: id, day, variantKey, device: 'desktop', channel: 'direct', metric, count })
  await db
    .insert(experimentDaily)
    .values([
      ...(['A', 'B'] as const).flatMap((k) => [daily(OLD_DAY, k, '', MATURE[k].visitors), daily(OLD_DAY, k, 'any', MATURE[k].any)]),
      ...(['A', 'B'] as const).map((k) => daily(NEW_DAY, k, '', 200)),
    ])
  for (const key of ['A', 'B'] as const) {
    for (let i = 0; i < MATURE[key].deals; i++) {
      const lead = await insertLead({ workspaceId: owner.workspaceId, stage: 'customer', dealValue: MATURE[key].value })
      await db.insert(experimentLeads).values({ experimentId: id, variantKey: key, leadId: lead.id, reached: 4, isLost: false, pipelineValue: MATURE[key].value, isHot: false, exposureDay: OLD_DAY })
    }
  }
  return { owner, id }
}

const render = (id: string, cookie: string, query = '') => renderRoute({ id: 'routes/_app.experiments.$id', path: `/experiments/${id}${query}`, pattern: 'experiments/:id', module: route, cookie })

describe('the results page on lead metrics', () => {
  test('pipeline: the table of visitors, total and mean, and the maturity note; conversions and pipeline disagree, and the page says what ships', async () => {
    const { owner, id } = await seed()
    const { status, html } = await render(id, owner.cookie, '?metric=pipeline')
    expect(status).toBe(200)
    expect(textOf(elementWith(html, 'data-testid="maturity-note"')!)).toContain('Counting visitors who arrived at least 14 days ago: 2,000 of 2,400')
    for (const key of ['A', 'B'] as const) {
      const m = MATURE[key]
      const cells = cellsOf(elementWith(html, `data-testid="pipeline-row" data-variant="${key}"`)!)
      expect(cells.slice(1, 3)).toEqual([formatCount(m.visitors), formatAmount(m.deals * m.value)])
      expect(cells[3]!.startsWith(`${formatAmount((m.deals * m.value) / m.visitors)} `)).toBe(true)
    }
    expect(elementWith(html, 'data-testid="variant-table"')).toBeNull()
    // B converts 12 % against 5 %: the conversion winner; A brings 80 per visitor against 10.
    const conflict = textOf(elementWith(html, 'data-testid="winner-conflict"')!)
    expect(conflict).toContain('B wins on any conversion, but A brings more pipeline per visitor (80 against 10).')
    expect(conflict).toContain('The primary metric is any conversion, so it ships B')
    expect(conflict).toContain('The pipeline difference is clear: A brings +700% pipeline per visitor against B')
  })

  test('a stage metric: the variant table over the mature visitors, with the maturity note', async () => {
    const { owner, id } = await seed()
    const { html } = await render(id, owner.cookie, '?metric=customer')
    expect(textOf(elementWith(html, 'data-testid="maturity-note"')!)).toContain('2,000 of 2,400')
    // The settings card names the maturity the cut follows.
    expect(textOf(html)).toContain('Lead maturity 14 days (lead metrics count visitors who arrived at least this long ago)')
    const row = cellsOf(elementWith(html, 'data-testid="variant-row" data-variant="B"')!)
    expect(row.slice(1, 3)).toEqual(['1,000', '10'])
    // Conversion metrics have no maturity note.
    expect(elementWith((await render(id, owner.cookie, '?metric=any')).html, 'data-testid="maturity-note"')).toBeNull()
  })
})
