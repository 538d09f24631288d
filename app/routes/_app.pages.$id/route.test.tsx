import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createPage, createVariant, getVariant, publishPage, saveVariantDraft, updatePage } from '#app/pages/queries.server'
import { DEFAULT_PAGE_SETTINGS } from '#app/pages/schema'
import { createOwner } from '#tests/factories/accounts'
import { elementsWith, elementWith, renderRoute, textOf } from '#tests/render-route'
import * as route from './route'

type Owner = Awaited<ReturnType<typeof createOwner>>

const render = (pageId: string, cookie: string) => renderRoute({ id: 'routes/_app.pages.$id', path: `/pages/${pageId}`, pattern: 'pages/:id', module: route, cookie })

/** Per variant row: its publish state and whether it offers a preview of the published variant. */
async function variantRows(pageId: string, owner: Owner) {
  const { status, html } = await render(pageId, owner.cookie)
  expect(status).toBe(200)
  const rows = Object.fromEntries(
    elementsWith(html, 'data-testid="variant-row"').map((row) => {
      const key = /font-mono text-xs">([A-Z]+)</.exec(row)![1]!
      return [
        key,
        {
          state: textOf(elementWith(row, 'data-testid="publish-state"') ?? ''),
          preview: /href="[^"]*\?variant=([A-Z]+)"/.exec(row)?.[1] ?? null,
          noPreview: textOf(elementWith(row, 'data-testid="no-preview"') ?? ''),
        },
      ]
    }),
  )
  return { rows, note: textOf(elementWith(html, 'data-testid="unpublished-changes"') ?? '') }
}

async function newPage(owner: Owner) {
  const created = await createPage({ workspaceId: owner.workspaceId, name: 'Spring demo', slug: `spring-${randomUUID().slice(0, 8)}`, template: 'demo' })
  if (!created.ok) throw new Error(created.message)
  return created.page
}

async function publish(owner: Owner, pageId: string) {
  const published = await publishPage({ workspaceId: owner.workspaceId, pageId, userId: owner.userId })
  if (!published.ok) throw new Error(published.errors.join('; '))
}

describe('a page and what publishing would change', () => {
  test('each variant says whether it is live, has unpublished changes or was never published, and only published ones offer a preview', async () => {
    const owner = await createOwner({ name: 'Pia Publish' })
    const page = await newPage(owner)

    // Never published: nothing to preview, no "unpublished changes" banner (the whole page is a draft).
    let view = await variantRows(page.id, owner)
    expect(view.rows).toEqual({ A: { state: 'Not published yet', preview: null, noPreview: 'No published A to preview yet: publish first' } })
    expect(view.note).toBe('')

    // Published straight from the template: live, nothing pending.
    await publish(owner, page.id)
    view = await variantRows(page.id, owner)
    expect(view.rows.A).toEqual({ state: 'Live', preview: 'A', noPreview: '' })
    expect(view.note).toBe('')

    // B duplicated after the publish: the live version has no B, so "Preview published B" would show A.
    const b = await createVariant({ workspaceId: owner.workspaceId, pageId: page.id, copyFrom: 'A' })
    if (!b.ok) throw new Error(b.message)
    view = await variantRows(page.id, owner)
    expect(view.rows.B).toEqual({ state: 'Not published yet', preview: null, noPreview: 'No published B to preview yet: publish first' })
    expect(view.rows.A).toEqual({ state: 'Live', preview: 'A', noPreview: '' })
    expect(view.note).toBe('Unpublished changes in variant B: visitors still get the live version. Publish all variants to make them live.')

    // An edit to A's draft, and new page settings.
    const a = (await getVariant({ workspaceId: owner.workspaceId, pageId: page.id, key: 'A' }))!
    const draft = structuredClone(a.draft) as { content: { props: Record<string, unknown> }[] }
    draft.content[0]!.props.headline = 'Demos that close deals'
    expect(await saveVariantDraft({ workspaceId: owner.workspaceId, pageId: page.id, key: 'A', draft })).toMatchObject({ ok: true })
    await updatePage({ workspaceId: owner.workspaceId, id: page.id, changes: { settings: { ...DEFAULT_PAGE_SETTINGS, title: 'Spring demo, now with demos' } } })
    view = await variantRows(page.id, owner)
    expect(view.rows.A).toEqual({ state: 'Unpublished changes', preview: 'A', noPreview: '' })
    expect(view.note).toBe('Unpublished changes in variants A, B and the page settings: visitors still get the live version. Publish all variants to make them live.')

    // Publishing makes everything live, B's preview included.
    await publish(owner, page.id)
    view = await variantRows(page.id, owner)
    expect(view.rows).toEqual({ A: { state: 'Live', preview: 'A', noPreview: '' }, B: { state: 'Live', preview: 'B', noPreview: '' } })
    expect(view.note).toBe('')
  })

  test('another workspace gets a 404, not the page or its state', async () => {
    const owner = await createOwner({ name: 'Own Er' })
    const page = await newPage(owner)
    const stranger = await createOwner({ name: 'Stran Ger' })
    const { status, html } = await render(page.id, stranger.cookie)
    expect(status).toBe(404)
    expect(html).not.toContain('Spring demo')
  })
})
