import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { archiveForm, getForm, listForms } from '#app/forms/form.server'
import { createPage } from '#app/pages/queries.server'
import { TEMPLATES, type Template } from '#app/pages/templates/index'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { loader as pageApiLoader } from '#app/routes/api.v1.pages.$id'
import { action as publishApi } from '#app/routes/api.v1.pages.$id.publish'
import { action as variantsApi } from '#app/routes/api.v1.pages.$id.variants'
import { action as putVariantApi, loader as getVariantApi } from '#app/routes/api.v1.pages.$id.variants.$key'
import { action as pageAction } from '#app/routes/_app.pages.$id/route'
import { action as formBlocksAction } from '#app/routes/editor.$pageId.form-blocks'
import { pageVariants } from '#db/schema'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'

// A page made from a template collects leads from the start, and no page is published with a Form block that
// shows nothing (issue 17).

type Doc = { root: { props: Record<string, unknown> }; content: { type: string; props: Record<string, unknown> }[] }
const slug = () => `pf-${randomUUID().slice(0, 8)}`
const formIdsOf = (doc: unknown) => [...JSON.stringify(doc).matchAll(/"formId":"([^"]*)"/g)].map((m) => m[1])

async function workspace() {
  const owner = await createOwner({ name: 'Templates' })
  return { owner, call: await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId }) }
}

describe('a page from a template', () => {
  test('each template’s Form block points at a form of its purpose, made on first use; blank starts empty', async () => {
    const { owner, call } = await workspace()
    const expected = { webinar: 'event_registration', whitepaper: 'content_download', demo: 'demo_request', quote: 'quote_request', blank: null }
    // The English ones; the Swedish and Danish ones have their own test (template-languages.test.ts).
    for (const template of TEMPLATES.filter((t) => t.locale === 'en') as (Template & { id: keyof typeof expected })[]) {
      const created = await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: template.name, slug: slug(), template: template.id } })
      expect(created.status, template.id).toBe(201)
      const page = created.body as { id: string; form: { id: string; name: string; created: boolean } | null }
      const draft = (await call(getVariantApi, '', { params: { id: page.id, key: 'A' } })).body as { draft: Doc }
      const [formId] = formIdsOf(draft.draft)
      const purpose = expected[template.id]
      if (!purpose) {
        expect(formId, template.id).toBe('')
        expect(page.form).toBeNull()
        continue
      }
      const form = await getForm({ workspaceId: owner.workspaceId, id: formId! })
      expect(form?.definition.purpose, template.id).toBe(purpose)
      expect(page.form).toEqual({ id: formId, name: template.form!.name, created: true })
      expect(form?.name).toBe(template.form!.name)
    }
    expect((await listForms({ workspaceId: owner.workspaceId })).map((f) => f.purpose).sort()).toEqual(['content_download', 'demo_request', 'event_registration', 'quote_request'])
  })

  test('a second page reuses the form; an archived one is not reused; an explicit formId wins', async () => {
    const { owner } = await workspace()
    const make = async (template: 'webinar' | 'blank', formId?: string) => {
      const result = await createPage({ workspaceId: owner.workspaceId, name: 'Webinar', slug: slug(), template, formId })
      if (!result.ok) throw new Error(result.message)
      const [row] = await db.select({ draft: pageVariants.draft }).from(pageVariants).where(eq(pageVariants.pageId, result.page.id))
      return { form: result.page.form, formIds: formIdsOf(row!.draft) }
    }
    const first = await make('webinar')
    const second = await make('webinar')
    expect(second.form).toEqual({ ...first.form, created: false })
    expect(second.formIds).toEqual([first.form!.id])

    await archiveForm({ workspaceId: owner.workspaceId, id: first.form!.id })
    const third = await make('webinar')
    expect(third.form?.created).toBe(true)
    expect(third.form?.id).not.toBe(first.form!.id)

    const explicit = await make('webinar', first.form!.id)
    expect(explicit.form).toBeNull()
    expect(explicit.formIds).toEqual([first.form!.id])
    expect(await listForms({ workspaceId: owner.workspaceId })).toHaveLength(2)
  })

  test('two pages made at once in a new workspace share one new form', async () => {
    const { owner } = await workspace()
    const results = await Promise.all([0, 1, 2].map(() => createPage({ workspaceId: owner.workspaceId, name: 'Demo', slug: slug(), template: 'demo' })))
    const ids = new Set(results.map((r) => (r.ok ? r.page.form?.id : 'failed')))
    expect(ids.size).toBe(1)
    expect(await listForms({ workspaceId: owner.workspaceId })).toHaveLength(1)
  })
})

describe('publishing refuses a Form block without a form', () => {
  test('the API answers 409 naming the variant and the block; nothing is published', async () => {
    const { call } = await workspace()
    const created = (await call(pagesApi, '', { method: 'POST', body: { name: 'Blank', slug: slug(), template: 'blank' } })).body as { id: string }
    const params = { id: created.id }
    const refused = await call(publishApi, '', { method: 'POST', params })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({
      error: 'Variant A: the Form block “Get in touch” (content.1 (Form)) has no form. Attach a form to it or remove the block, then publish again.',
      emptyFormBlocks: [{ variant: 'A', blockId: 'Form-blank-2', path: 'content.1 (Form)', heading: 'Get in touch' }],
    })
    expect((await call(pageApiLoader, '', { params })).body).toMatchObject({ status: 'draft', versions: [] })
  })

  test('a variant with an empty block is named among the others; removing the block lets it publish', async () => {
    const { call } = await workspace()
    const created = (await call(pagesApi, '', { method: 'POST', body: { name: 'Demo', slug: slug(), template: 'demo' } })).body as { id: string }
    const params = { id: created.id }
    await call(variantsApi, '', { method: 'POST', body: { copyFrom: 'A' }, params })
    const draftB = ((await call(getVariantApi, '', { params: { ...params, key: 'B' } })).body as { draft: Doc }).draft
    const emptied = JSON.parse(JSON.stringify(draftB).replace(/"formId":"[^"]*"/, '"formId":""')) as Doc
    expect((await call(putVariantApi, '', { method: 'PUT', body: { draft: emptied }, params: { ...params, key: 'B' } })).status).toBe(200)

    const refused = await call(publishApi, '', { method: 'POST', params })
    expect(refused.status).toBe(409)
    expect((refused.body as { emptyFormBlocks: unknown[] }).emptyFormBlocks).toEqual([
      { variant: 'B', blockId: 'Form-demo-7', path: 'content.5 (Section).content.0 (Columns).right.0 (Form)', heading: 'Book your demo' },
    ])

    const withoutBlock = { ...emptied, content: emptied.content.filter((b) => b.type !== 'Section' || !JSON.stringify(b).includes('"type":"Form"')) }
    await call(putVariantApi, '', { method: 'PUT', body: { draft: withoutBlock }, params: { ...params, key: 'B' } })
    expect(await call(publishApi, '', { method: 'POST', params })).toMatchObject({ status: 200, body: { version: 1 } })
  })

  test('the page screen’s Publish answers 409 with the same sentence', async () => {
    const { owner, call } = await workspace()
    const { id } = (await call(pagesApi, '', { method: 'POST', body: { name: 'Blank', slug: slug() } })).body as { id: string }
    const result = await readResult(await callRoute(pageAction, `/pages/${id}`, { cookie: owner.cookie, form: { intent: 'publish' }, params: { id } }))
    expect(result).toMatchObject({ status: 409, body: { errors: { formErrors: [expect.stringMatching(/^Variant A: the Form block “Get in touch” \(content\.1 \(Form\)\) has no form\./)] } } })
  })

  test('the editor’s one-click fixes: create a form of a purpose and attach it, then the page is published', async () => {
    const { owner, call } = await workspace()
    const { id } = (await call(pagesApi, '', { method: 'POST', body: { name: 'Blank', slug: slug() } })).body as { id: string }
    const fix = (form: Record<string, string>) => callRoute(formBlocksAction as never, `/editor/${id}/form-blocks`, { cookie: owner.cookie, params: { pageId: id }, form })
    expect(await readResult(await fix({ intent: 'attach', key: 'A', blockId: 'Form-blank-2', formId: randomUUID() }))).toMatchObject({ status: 400 })
    expect(await readResult(await fix({ intent: 'remove', key: 'A', blockId: 'no-such-block' }))).toMatchObject({ status: 400 })
    const created = await readResult(await fix({ intent: 'create', key: 'A', blockId: 'Form-blank-2', purpose: 'newsletter' }))
    expect(created).toMatchObject({ status: 200, body: { publishedVersion: 1, fixed: { key: 'A' } } })
    const [form] = await listForms({ workspaceId: owner.workspaceId })
    expect(form).toMatchObject({ purpose: 'newsletter' })
    expect(formIdsOf((created.body as { fixed: { draft: unknown } }).fixed.draft)).toEqual([form!.id])
  })

  test('the Form block picker’s "Create a form" makes a form of the purpose in the editor’s workspace', async () => {
    const { owner, call } = await workspace()
    const other = await createOwner({ name: 'Elsewhere' })
    const { id } = (await call(pagesApi, '', { method: 'POST', body: { name: 'Blank', slug: slug() } })).body as { id: string }
    const newForm = (form: Record<string, string>) => callRoute(formBlocksAction as never, `/editor/${id}/form-blocks`, { cookie: owner.cookie, params: { pageId: id }, form })
    expect(await readResult(await newForm({ intent: 'newForm', purpose: 'party' }))).toMatchObject({ status: 400, body: { errors: { fieldErrors: { purpose: ['Choose what the form is for'] } } } })
    const made = await readResult(await newForm({ intent: 'newForm', purpose: 'demo_request' }))
    expect(made).toMatchObject({ status: 200, body: { form: { name: 'Demo request' } } })
    const forms = await listForms({ workspaceId: owner.workspaceId })
    expect(forms.map((f) => [f.id, f.purpose])).toEqual([[(made.body as { form: { id: string } }).form.id, 'demo_request']])
    expect(await listForms({ workspaceId: other.workspaceId })).toEqual([])
  })
})
