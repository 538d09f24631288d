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

describe('the template chooser', () => {
  const render = async (path: string) => {
    const owner = await createOwner({ name: 'Tilda Templates' })
    return renderRoute({ id: 'routes/_app.pages._index', path, pattern: 'pages', module: route, cookie: owner.cookie })
  }
  /** Each language group's heading and its templates' radio values, in order. */
  const groupsOf = (html: string) =>
    elementsWith(html, 'data-testid="template-group"').map((group) => [textOf(/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(group)![1]!), [...group.matchAll(/<input[^>]*value="([^"]+)"/g)].map((m) => m[1])])

  test('lists every template grouped by language, English first and checked, each name marked with its language', async () => {
    const { status, html } = await render('/pages')
    expect(status).toBe(200)
    expect(groupsOf(html)).toEqual([
      ['English', ['webinar', 'whitepaper', 'demo', 'quote', 'blank']],
      ['Swedish', ['webinar-sv', 'whitepaper-sv', 'demo-sv', 'quote-sv']],
      ['Danish', ['webinar-da', 'whitepaper-da', 'demo-da', 'quote-da']],
    ])
    expect(html.match(/<input[^>]*checked[^>]*>/g)).toEqual([expect.stringContaining('value="webinar"')])
    expect(html).toContain('<span lang="sv">Demobokning</span>')
    expect(html).toContain('<span lang="da">Tilbudsforespørgsel</span>')
    expect(html).toMatch(/<a[^>]*aria-current="true"[^>]*>All languages<\/a>/)
  })

  test('shows one language when the marketer picks it, the first of its templates checked', async () => {
    const { status, html } = await render('/pages?language=sv')
    expect(status).toBe(200)
    expect(groupsOf(html)).toEqual([['Swedish', ['webinar-sv', 'whitepaper-sv', 'demo-sv', 'quote-sv']]])
    expect(html.match(/<input[^>]*checked[^>]*>/g)).toEqual([expect.stringContaining('value="webinar-sv"')])
    expect(html).toMatch(/<a aria-current="true"[^>]*href="\/pages\?language=sv"[^>]*>Swedish<\/a>/)
    expect(html).toMatch(/<a[^>]*href="\/pages"[^>]*>All languages<\/a>/)
  })

  test('an unknown language is a 400 naming it', async () => {
    const { status, html } = await render('/pages?language=klingon')
    expect(status).toBe(400)
    expect(textOf(html)).toContain('Unknown template language "klingon": use en, sv, da')
  })
})
