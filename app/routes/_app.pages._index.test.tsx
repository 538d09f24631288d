import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createExperiment, transitionExperiment } from '#app/experiments/experiment.server'
import { createPage } from '#app/pages/queries.server'
import { publishExperimentPage } from '#tests/factories/experiments'
import { createOwner } from '#tests/factories/accounts'
import { elementsWith, renderRoute, textOf } from '#tests/render-route'
import * as route from './_app.pages._index'

type Owner = Awaited<ReturnType<typeof createOwner>>

async function experimentOn(owner: Owner, pageId: string, keys: string[], { start }: { start: boolean }) {
  const actor = { userId: owner.userId, actor: 'member' as const }
  const created = await createExperiment({
    workspaceId: owner.workspaceId,
    input: {
      pageId,
      name: `Test ${randomUUID().slice(0, 6)}`,
      hypothesis: '',
      variants: keys.map((key) => ({ key, weight: 1 / keys.length })),
      coverage: 1,
      primaryMetric: 'any',
      secondaryMetrics: [],
      confidence: 0.95,
      minRuntimeDays: 7,
      autoShip: false,
    },
    actor,
  })
  if (!created.ok) throw new Error(JSON.stringify(created.errors))
  if (start) {
    const started = await transitionExperiment({ workspaceId: owner.workspaceId, id: created.experiment.id, action: 'start', actor })
    if (!started.ok) throw new Error(JSON.stringify(started.errors))
  }
  return created.experiment.id
}

/** The Experiment cell of each page row, by the page's name. */
async function experimentCells(owner: Owner) {
  const { status, html } = await renderRoute({ id: 'routes/_app.pages._index', path: '/pages', pattern: 'pages', module: route, cookie: owner.cookie })
  expect(status).toBe(200)
  return Object.fromEntries(
    elementsWith(html, 'data-testid="page-row"').map((row) => {
      const cell = /<td[^>]*data-testid="page-experiment"[^>]*>([\s\S]*?)<\/td>/.exec(row)![1]!
      const link = /href="([^"]+)"/.exec(cell)?.[1] ?? null
      return [textOf(/<a[^>]*>([^<]+)<\/a>/.exec(row)![1]!), { text: textOf(cell), link }]
    }),
  )
}

describe('the Pages list', () => {
  test("shows each page's experiment from the database, linking to it, and never another workspace's", async () => {
    const owner = await createOwner({ name: 'Lena List' })
    const running = await publishExperimentPage(owner, { variants: 3 })
    const runningId = await experimentOn(owner, running.pageId, ['A', 'B', 'C'], { start: true })
    const drafted = await publishExperimentPage(owner, { variants: 2 })
    const draftId = await experimentOn(owner, drafted.pageId, ['A', 'B'], { start: false })
    const plain = await createPage({ workspaceId: owner.workspaceId, name: 'No test here', slug: `plain-${randomUUID().slice(0, 8)}`, template: 'blank' })
    if (!plain.ok) throw new Error(plain.message)

    // Another workspace runs a test too: none of it may show here.
    const other = await createOwner({ name: 'Otto Other' })
    const theirs = await publishExperimentPage(other, { variants: 2 })
    await experimentOn(other, theirs.pageId, ['A', 'B'], { start: true })

    const cells = await experimentCells(owner)
    expect(Object.keys(cells)).toHaveLength(3)
    expect(cells[`Page ${running.slug}`]).toEqual({ text: 'A/B/C test running', link: `/experiments/${runningId}` })
    expect(cells[`Page ${drafted.slug}`]).toEqual({ text: 'Draft experiment', link: `/experiments/${draftId}` })
    expect(cells['No test here']).toEqual({ text: 'none', link: null })
  })

  test('a running test outranks a newer draft on the same page', async () => {
    const owner = await createOwner({ name: 'Rank Order' })
    const page = await publishExperimentPage(owner, { variants: 2 })
    const runningId = await experimentOn(owner, page.pageId, ['A', 'B'], { start: true })
    await experimentOn(owner, page.pageId, ['A', 'B'], { start: false })
    const [cell] = Object.values(await experimentCells(owner))
    expect(cell).toEqual({ text: 'A/B test running', link: `/experiments/${runningId}` })
  })
})
