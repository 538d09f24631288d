import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { newFormDefinition } from '#app/forms/builder'
import type { FormDefinition } from '#app/forms/definition'
import { getForm, listForms } from '#app/forms/form.server'
import { createPage } from '#app/pages/queries.server'
import { TEMPLATES } from '#app/pages/templates/index'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { loader as getVariantApi } from '#app/routes/api.v1.pages.$id.variants.$key'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'

// The Swedish and Danish templates bring a form in their own language (issue 18): made on first use, once per
// workspace, purpose and language, never an English one (nor one of the other language).

const slug = () => `tl-${randomUUID().slice(0, 8)}`
const formIdsOf = (doc: unknown) => [...JSON.stringify(doc).matchAll(/"formId":"([^"]*)"/g)].map((m) => m[1]!)
const labelsOf = (definition: FormDefinition) => [...definition.fields.map((field) => field.label), definition.submitLabel]

test('each Swedish and Danish template’s Form block points at a form of its purpose in its language, made once', async () => {
  const owner = await createOwner({ name: 'Sven Språk' })
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  for (const template of TEMPLATES.filter((t) => t.locale !== 'en')) {
    const created = await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: template.name, slug: slug(), template: template.id } })
    expect(created.status, template.id).toBe(201)
    const page = created.body as { id: string; locale: string; form: { id: string; name: string; created: boolean } }
    // The page itself speaks the template's language (its html lang, its form's messages).
    expect(page.locale, template.id).toBe(template.locale)
    const draft = (await call(getVariantApi, '', { params: { id: page.id, key: 'A' } })).body as { draft: unknown }
    expect(formIdsOf(draft.draft), template.id).toEqual([page.form.id])
    expect(page.form).toEqual({ id: page.form.id, name: template.form!.name, created: true })
    const form = await getForm({ workspaceId: owner.workspaceId, id: page.form.id })
    expect(form?.definition).toMatchObject({ purpose: template.form!.purpose, locale: template.locale })
    // No English label or button: none of the English starter form's words.
    const english = new Set(labelsOf(newFormDefinition({ purpose: template.form!.purpose })))
    expect(labelsOf(form!.definition).filter((label) => english.has(label))).toEqual([])
  }
  // A second Swedish demo page reuses its form; an English one gets an English form of its own.
  const again = await createPage({ workspaceId: owner.workspaceId, name: 'Demo igen', slug: slug(), template: 'demo-sv' })
  expect(again.ok && again.page.form).toMatchObject({ name: 'Demobokning', created: false })
  const english = await createPage({ workspaceId: owner.workspaceId, name: 'Demo', slug: slug(), template: 'demo' })
  expect(english.ok && english.page.form).toMatchObject({ name: 'Demo request', created: true })
  expect(english.ok && english.page.locale).toBe('en')
  // A language asked for wins over the template's.
  const asked = await createPage({ workspaceId: owner.workspaceId, name: 'Demo', slug: slug(), template: 'demo-sv', locale: 'sv-FI' })
  expect(asked.ok && asked.page.locale).toBe('sv-FI')
  const forms = await listForms({ workspaceId: owner.workspaceId })
  expect(forms).toHaveLength(9)
})

test('two Swedish demo pages made at once share one new Swedish form, beside the workspace’s English one', async () => {
  const owner = await createOwner({ name: 'Samtidig' })
  const englishPage = await createPage({ workspaceId: owner.workspaceId, name: 'Demo', slug: slug(), template: 'demo' })
  if (!englishPage.ok) throw new Error(englishPage.message)
  const results = await Promise.all([0, 1].map(() => createPage({ workspaceId: owner.workspaceId, name: 'Demo', slug: slug(), template: 'demo-sv' })))
  const ids = new Set(results.map((r) => (r.ok ? r.page.form?.id : 'failed')))
  expect(ids.size).toBe(1)
  expect(ids.has(englishPage.page.form!.id)).toBe(false)
  const swedish = await getForm({ workspaceId: owner.workspaceId, id: [...ids][0]! })
  expect(swedish?.definition).toMatchObject({ purpose: 'demo_request', locale: 'sv', submitLabel: 'Boka demo' })
  expect(await listForms({ workspaceId: owner.workspaceId })).toHaveLength(2)
})
