import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createForm } from '#app/forms/form.server'
import { validateFormDefinition } from '#app/forms/definition'
import { action as editorAction } from '#app/routes/editor.$pageId.$key'
import { action as experimentsApi } from '#app/routes/api.v1.experiments'
import { action as leadApi } from '#app/routes/api.v1.leads.$id'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { action as publishApi } from '#app/routes/api.v1.pages.$id.publish'
import { action as variantsApi } from '#app/routes/api.v1.pages.$id.variants'
import { action as putVariantApi, loader as getVariantApi } from '#app/routes/api.v1.pages.$id.variants.$key'
import { action as pageSettingsAction } from '#app/routes/_app.pages._index'
import { action as webhooksAction } from '#app/routes/_app.settings.webhooks'
import { createWebhook } from '#app/webhooks/webhook.server'
import { db } from '#app/db.server'
import { pageVariants } from '#db/schema'
import { CONSENT_FORM } from '#tests/factories/published-forms'
import { insertLead } from '#tests/factories/lead-rows'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'

// Two workspaces against each other: every id one of them names must be its own, or the answer says which
// field is wrong (400) or that the thing does not exist (404). Nothing of the other workspace is touched.

type Doc = { root: { props: Record<string, unknown> }; content: { type: string; props: Record<string, unknown> }[] }

async function workspace(name: string) {
  const owner = await createOwner({ name })
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  const parsed = validateFormDefinition(CONSENT_FORM)
  if (!parsed.ok) throw new Error('bad fixture')
  const form = await createForm({ workspaceId: owner.workspaceId, name: `${name} form`, definition: parsed.definition })
  return { owner, call, formId: form.id }
}

const slug = () => `fid-${randomUUID().slice(0, 8)}`
const replaced = (doc: Doc, from: string, to: string): Doc => JSON.parse(JSON.stringify(doc).replaceAll(from, to))
// A Form block inside a Section's slot, to show nested references are found too.
const nestedForm = (formId: string): Doc => ({
  root: { props: {} },
  content: [{ type: 'Section', props: { id: 's1', background: 'none', spacing: 'medium', anchor: '', content: [{ type: 'Form', props: { id: 'f1', formId, heading: 'Hi', text: '' } }] } }],
})

test("POST /api/v1/pages refuses another workspace's formId with 400 naming it; its own is fine", async () => {
  const alice = await workspace('Alice')
  const mallory = await workspace('Mallory')
  const foreign = await mallory.call(pagesApi, '', { method: 'POST', body: { name: 'P', slug: slug(), template: 'demo', formId: alice.formId } })
  expect(foreign).toMatchObject({ status: 400, body: { errors: { formId: ['No such form in this workspace'] } } })
  const unknown = await mallory.call(pagesApi, '', { method: 'POST', body: { name: 'P', slug: slug(), formId: randomUUID() } })
  expect(unknown.status).toBe(400)
  expect((await mallory.call(pagesApi, '', { method: 'POST', body: { name: 'P', slug: slug(), template: 'demo', formId: mallory.formId } })).status).toBe(201)

  // The admin's "New page" form goes through the same check.
  const viaAdmin = await readResult(await callRoute(pageSettingsAction, '/pages', { cookie: mallory.owner.cookie, form: { name: 'P', slug: slug(), template: 'demo', formId: alice.formId } }))
  expect(viaAdmin).toMatchObject({ status: 400, body: { errors: { fieldErrors: { formId: ['No such form in this workspace'] } } } })
})

test("a draft PUT, the editor's save and a publish refuse another workspace's formId, naming the block", async () => {
  const alice = await workspace('Alice')
  const mallory = await workspace('Mallory')
  const page = (await mallory.call(pagesApi, '', { method: 'POST', body: { name: 'P', slug: slug(), template: 'demo', formId: mallory.formId } })).body as { id: string }
  const params = { id: page.id, key: 'A' }
  const draft = ((await mallory.call(getVariantApi, '', { params })).body as { draft: Doc }).draft

  const put = await mallory.call(putVariantApi, '', { method: 'PUT', body: { draft: replaced(draft, mallory.formId, alice.formId) }, params })
  expect(put.status).toBe(400)
  expect(put.body.errors.draft).toEqual([expect.stringMatching(/^content\.\d+ \(Section\)\.content\.\d+ \(Columns\)\.right\.0 \(Form\)\.formId: No such form in this workspace$/)])
  const nested = await mallory.call(putVariantApi, '', { method: 'PUT', body: { draft: nestedForm(alice.formId) }, params })
  expect(nested.body).toEqual({ errors: { draft: ['content.0 (Section).content.0 (Form).formId: No such form in this workspace'] } })
  const notAnId = await mallory.call(putVariantApi, '', { method: 'PUT', body: { draft: nestedForm('f_123') }, params })
  expect(notAnId.status).toBe(400)
  expect((await mallory.call(putVariantApi, '', { method: 'PUT', body: { draft: nestedForm(mallory.formId) }, params })).status).toBe(200)
  expect((await mallory.call(putVariantApi, '', { method: 'PUT', body: { draft: nestedForm('') }, params })).status).toBe(200) // no form chosen yet

  const editor = await readResult(
    await callRoute(editorAction, `/editor/${page.id}/A`, {
      cookie: mallory.owner.cookie,
      params: { pageId: page.id, key: 'A' },
      form: { intent: 'save', draft: JSON.stringify(nestedForm(alice.formId)) },
    }),
  )
  expect(editor).toMatchObject({ status: 400, body: { errors: { formErrors: ['content.0 (Section).content.0 (Form).formId: No such form in this workspace'] } } })

  // A draft stored before the check existed cannot be published with the foreign form.
  await db
    .update(pageVariants)
    .set({ draft: nestedForm(alice.formId) as never })
    .where(eq(pageVariants.pageId, page.id))
  const publish = await mallory.call(publishApi, '', { method: 'POST', params })
  expect(publish).toMatchObject({ status: 400, body: { errors: { draft: ['Variant A: content.0 (Section).content.0 (Form).formId: No such form in this workspace'] } } })
})

test('the other ids a workspace names: pages, variants, experiments, leads and webhooks of another workspace are not found', async () => {
  const alice = await workspace('Alice')
  const mallory = await workspace('Mallory')
  const alicePage = (await alice.call(pagesApi, '', { method: 'POST', body: { name: 'A', slug: slug(), formId: alice.formId } })).body as { id: string }
  const malloryPage = (await mallory.call(pagesApi, '', { method: 'POST', body: { name: 'M', slug: slug() } })).body as { id: string }

  expect((await mallory.call(variantsApi, '', { method: 'POST', body: {}, params: { id: alicePage.id } })).status).toBe(404)
  expect((await mallory.call(putVariantApi, '', { method: 'PUT', body: { draft: nestedForm('') }, params: { id: alicePage.id, key: 'A' } })).status).toBe(404)
  const experiment = (body: object) =>
    mallory.call(experimentsApi, '', {
      method: 'POST',
      body: {
        name: 'E',
        variants: [
          { key: 'A', weight: 0.5 },
          { key: 'B', weight: 0.5 },
        ],
        ...body,
      },
    })
  expect(await experiment({ pageId: alicePage.id })).toMatchObject({ status: 404, body: { errors: { pageId: ['No such page in this workspace'] } } })
  await mallory.call(variantsApi, '', { method: 'POST', body: {}, params: { id: malloryPage.id } })
  expect(await experiment({ pageId: malloryPage.id, primaryMetric: { formId: alice.formId } })).toMatchObject({ status: 400, body: { errors: { primaryMetric: [expect.any(String)] } } })
  expect((await experiment({ pageId: malloryPage.id, secondaryMetrics: [{ formId: alice.formId }] })).status).toBe(400)

  const lead = await insertLead({ workspaceId: alice.owner.workspaceId })
  expect((await mallory.call(leadApi, '', { method: 'PATCH', body: { stage: 'opportunity' }, params: { id: lead.id } })).status).toBe(404)

  const hook = await createWebhook({ workspaceId: alice.owner.workspaceId, url: 'https://hooks.example.com/in', events: ['lead.created'], createdBy: null })
  for (const intent of ['reveal', 'pause', 'resume', 'delete', 'test']) {
    const result = await readResult(await callRoute(webhooksAction, '/settings/webhooks', { cookie: mallory.owner.cookie, form: { intent, id: hook!.id } }))
    expect(result.status, intent).toBe(404)
  }
})
