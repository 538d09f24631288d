import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { revertToVersion } from '#app/pages/queries.server'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { action as publishApi } from '#app/routes/api.v1.pages.$id.publish'
import { action as variantsApi } from '#app/routes/api.v1.pages.$id.variants'
import { action as putVariantApi, loader as getVariantApi } from '#app/routes/api.v1.pages.$id.variants.$key'
import { action as editorAction, loader as editorLoader } from '#app/routes/editor.$pageId.$key'
import { pageVariants, pageVersions, type PageDocumentJson } from '#db/schema'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { XSS_PAYLOADS } from '#tests/xss-payloads'

// Rich text is sanitised when it is stored, by every way in (API draft PUT, the editor's save, variant copies,
// reverts), and again when a draft is read for the editor, so drafts stored before this still open safely.

const RAW = XSS_PAYLOADS.map((payload) => payload.html('alert(1)')).join('<p>between</p>')
const doc = (content: string): PageDocumentJson => ({
  root: { props: {} },
  content: [
    { type: 'RichText', props: { id: 'rt-top', content, align: 'left' } },
    { type: 'Section', props: { id: 'sec', background: 'light', spacing: 'medium', anchor: '', content: [{ type: 'RichText', props: { id: 'rt-inner', content, align: 'left' } }] } },
  ],
})

/** Every rich-text value in a document, slot children included. */
function richTexts(document: unknown): string[] {
  const found: string[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk)
    if (!value || typeof value !== 'object') return
    const block = value as { type?: string; props?: Record<string, unknown> }
    if (block.type === 'RichText' && typeof block.props?.content === 'string') found.push(block.props.content)
    Object.values(value).forEach(walk)
  }
  walk(document)
  return found
}

function expectClean(document: unknown) {
  const texts = richTexts(document)
  expect(texts.length).toBeGreaterThan(0)
  for (const html of texts) {
    expect(html).toContain('between')
    expect(html).not.toMatch(/<(script|iframe|img|svg|math|style|noscript|details|input)|\son[a-z]+=|href="[^"]*script:/i)
  }
}

async function setUp() {
  const owner = await createOwner({ name: 'Sanitiser' })
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  const page = (await call(pagesApi, '', { method: 'POST', body: { name: 'Rich', slug: `rich-${randomUUID().slice(0, 8)}`, template: 'webinar' } })).body as { id: string }
  return { owner, call, pageId: page.id }
}

const storedDraft = async (pageId: string, key: string) =>
  (
    await db
      .select({ draft: pageVariants.draft })
      .from(pageVariants)
      .where(and(eq(pageVariants.pageId, pageId), eq(pageVariants.key, key)))
  )[0]!.draft

// Writes a draft as an older version of the app would have: straight into the table, unsanitised.
const storeRawDraft = (pageId: string, key: string, draft: PageDocumentJson) =>
  db
    .update(pageVariants)
    .set({ draft })
    .where(and(eq(pageVariants.pageId, pageId), eq(pageVariants.key, key)))

describe('rich text is sanitised on save', () => {
  test('through the API: a draft PUT stores only allow-listed markup, and publishing keeps it so', async () => {
    const { call, pageId } = await setUp()
    const params = { id: pageId, key: 'A' }
    expect((await call(putVariantApi, '', { method: 'PUT', body: { draft: doc(RAW) }, params })).status).toBe(200)
    expectClean(await storedDraft(pageId, 'A'))
    expect((await call(publishApi, '', { method: 'POST', params })).status).toBe(200)
    const [version] = await db.select({ content: pageVersions.content }).from(pageVersions).where(eq(pageVersions.pageId, pageId))
    expectClean(version!.content.variants[0]!.document)
  })

  test('through the editor: its save action stores only allow-listed markup', async () => {
    const { owner, pageId } = await setUp()
    const result = await readResult(
      await callRoute(editorAction, `/editor/${pageId}/A`, { cookie: owner.cookie, form: { intent: 'save', draft: JSON.stringify(doc(RAW)) }, params: { pageId, key: 'A' } }),
    )
    expect(result.status).toBe(200)
    expectClean(await storedDraft(pageId, 'A'))
  })

  test('a variant copied from a draft stored before sanitising is stored sanitised', async () => {
    const { call, pageId } = await setUp()
    await storeRawDraft(pageId, 'A', doc(RAW))
    const copy = await call(variantsApi, '', { method: 'POST', body: { copyFrom: 'A' }, params: { id: pageId } })
    expect(copy.status).toBe(201)
    expectClean(await storedDraft(pageId, copy.body.key))
  })

  test('a revert to a version published before sanitising restores sanitised drafts and publishes them sanitised', async () => {
    const { owner, call, pageId } = await setUp()
    expect((await call(publishApi, '', { method: 'POST', params: { id: pageId } })).status).toBe(200)
    // Version 1 as an older release would have stored it: raw HTML in the published document.
    await db
      .update(pageVersions)
      .set({ content: { settings: (await db.select().from(pageVersions).where(eq(pageVersions.pageId, pageId)))[0]!.content.settings, variants: [{ key: 'A', name: 'Control', document: doc(RAW) }] } })
      .where(eq(pageVersions.pageId, pageId))
    expect(await revertToVersion({ workspaceId: owner.workspaceId, pageId, number: 1, userId: null })).toMatchObject({ ok: true, version: { number: 2 } })
    expectClean(await storedDraft(pageId, 'A'))
    const [latest] = await db
      .select({ content: pageVersions.content })
      .from(pageVersions)
      .where(and(eq(pageVersions.pageId, pageId), eq(pageVersions.number, 2)))
    expectClean(latest!.content.variants[0]!.document)
  })
})

describe('rich text is sanitised when a stored draft is read', () => {
  test('the editor never receives a stored draft raw, nor does the API', async () => {
    const { owner, call, pageId } = await setUp()
    await storeRawDraft(pageId, 'A', doc(RAW))
    const loaded = await readResult(await callRoute(editorLoader, `/editor/${pageId}/A`, { cookie: owner.cookie, params: { pageId, key: 'A' } }))
    expect(loaded.status).toBe(200)
    expectClean((loaded.body as { variant: { draft: unknown } }).variant.draft)
    expectClean((await call(getVariantApi, '', { params: { id: pageId, key: 'A' } })).body.draft)
    // Reading does not write: the stored draft changes only when it is next saved.
    expect(richTexts(await storedDraft(pageId, 'A'))[0]).toBe(RAW)
  })
})
