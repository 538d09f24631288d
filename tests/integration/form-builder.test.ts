import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { fromDefinition, toDefinitionInput, type BuilderValues } from '#app/forms/builder'
import { FormDefinitionSchema, type FormDefinition } from '#app/forms/definition'
import { getForm } from '#app/forms/form.server'
import { createPage } from '#app/pages/queries.server'
import { action as formAction, loader as formLoader } from '#app/routes/_app.forms.$id/route'
import { action as formsAction, loader as formsLoader } from '#app/routes/_app.forms._index'
import { loader as editorLoader } from '#app/routes/editor.$pageId.$key'
import { callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { EVERYTHING } from '#tests/factories/form-definitions'

type Errors = { errors: { fieldErrors: Record<string, string[]>; formErrors: string[] } }

async function createFormAs(cookie: string, form: Record<string, string>) {
  const result = await callRoute(formsAction as never, '/forms?index', { cookie, form })
  if (!(result instanceof Response) || result.status !== 302) return readResult(result)
  return { status: 302, id: result.headers.get('Location')!.replace('/forms/', ''), body: null }
}

async function newForm(cookie: string, purpose = 'demo_request') {
  const created = await createFormAs(cookie, { name: `Form ${randomUUID().slice(0, 6)}`, purpose, conversionType: '' })
  return (created as { id: string }).id
}

const saveForm = async (cookie: string, id: string, definition: unknown, name = 'Book a demo') =>
  readResult(
    await callRoute(formAction as never, `/forms/${id}`, {
      cookie,
      params: { id },
      form: { intent: 'save', name, definition: typeof definition === 'string' ? definition : JSON.stringify(definition) },
    }),
  )

const loadBuilder = async (cookie: string, id: string) => readResult(await callRoute(formLoader as never, `/forms/${id}`, { cookie, params: { id } }))

const withMessage = (definition: FormDefinition): FormDefinition => ({ ...definition, success: { type: 'message', message: 'Thanks!', nextStep: { text: 'Want a demo?', url: '/p/demo' } } })

describe('forms list', () => {
  test('An editor creates a form: the purpose presets the conversion type and the starter fields', async () => {
    const owner = await createOwner()
    const created = await createFormAs(owner.cookie, { name: 'Book a demo', purpose: 'demo_request', conversionType: '' })
    expect(created.status).toBe(302)
    const form = await getForm({ workspaceId: owner.workspaceId, id: (created as { id: string }).id })
    expect(form).toMatchObject({ name: 'Book a demo', definition: { purpose: 'demo_request', conversionType: 'hard', submitLabel: 'Book a demo', minFillSeconds: 1 } })
    expect(form!.definition.fields.map((f) => f.key)).toEqual(['email', 'name', 'company', 'company_size', 'heard_about', 'consent'])

    const overridden = await createFormAs(owner.cookie, { name: 'Whitepaper, hot', purpose: 'content_download', conversionType: 'hard' })
    expect((await getForm({ workspaceId: owner.workspaceId, id: (overridden as { id: string }).id }))!.definition.conversionType).toBe('hard')

    const list = await readResult(await callRoute(formsLoader as never, '/forms', { cookie: owner.cookie }))
    expect((list.body as { forms: { name: string; conversionType: string }[] }).forms).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Book a demo', conversionType: 'hard' }), expect.objectContaining({ name: 'Whitepaper, hot', conversionType: 'hard' })]),
    )
  })

  test('a new form needs a name and a known purpose', async () => {
    const owner = await createOwner()
    const result = await createFormAs(owner.cookie, { name: ' ', purpose: 'world_domination', conversionType: 'lukewarm' })
    expect(result.status).toBe(400)
    expect(Object.keys((result.body as Errors).errors.fieldErrors)).toEqual(expect.arrayContaining(['name', 'purpose', 'conversionType']))
  })

  test('viewers see the forms but cannot create one', async () => {
    const owner = await createOwner()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    expect((await readResult(await callRoute(formsLoader as never, '/forms', { cookie: viewer.cookie }))).status).toBe(200)
    expect((await createFormAs(viewer.cookie, { name: 'Sneaky', purpose: 'other' })).status).toBe(403)
  })
})

describe('form builder', () => {
  test('every field type and every setting round-trips: saved, stored, and loaded back into the builder', async () => {
    const owner = await createOwner()
    const id = await newForm(owner.cookie)
    const definition = withMessage(EVERYTHING)
    const saved = await saveForm(owner.cookie, id, definition, 'Everything form')
    expect(saved).toMatchObject({ status: 200, body: { done: 'save' } })

    const stored = await getForm({ workspaceId: owner.workspaceId, id })
    expect(stored!.name).toBe('Everything form')
    expect(stored!.definition).toEqual(definition)

    // What the builder starts from, posted back unchanged, is the same definition.
    const loaded = await loadBuilder(owner.cookie, id)
    const values = (loaded.body as { values: BuilderValues }).values
    expect(values.name).toBe('Everything form')
    expect(FormDefinitionSchema.parse(toDefinitionInput(values).definition)).toEqual(definition)
  })

  test('a new order of the fields is saved', async () => {
    const owner = await createOwner()
    const id = await newForm(owner.cookie)
    const { definition } = (await getForm({ workspaceId: owner.workspaceId, id }))!
    const reversed = { ...definition, fields: [...definition.fields].reverse() }
    expect((await saveForm(owner.cookie, id, reversed)).status).toBe(200)
    const loaded = (await loadBuilder(owner.cookie, id)).body as { values: BuilderValues }
    expect(loaded.values.fields.map((f) => f.key)).toEqual(['consent', 'heard_about', 'company_size', 'company', 'name', 'email'])
  })

  const base = withMessage(EVERYTHING)
  const field = (i: number, changes: Record<string, unknown>) => ({ ...base, fields: base.fields.map((f, j) => (j === i ? { ...f, ...changes } : f)) })
  test.each([
    ['a duplicate key', field(2, { key: 'email' }), 'fields.2.key'],
    ['a key with capitals', field(0, { key: 'Email' }), 'fields.0.key'],
    ['a pattern that can backtrack for ever', field(1, { pattern: '(a+)+$' }), 'fields.1.pattern'],
    ['a maximum below the minimum', field(4, { min: 10, max: 1, defaultValue: undefined }), 'fields.4.max'],
    ['a choice without options', field(5, { options: [], defaultValue: undefined }), 'fields.5.options'],
    ['a pre-ticked consent', field(8, { required: false }), 'fields.8.required'],
    ['an unknown field type', field(3, { type: 'teleport' }), 'fields.3.type'],
    ['a javascript: redirect', { ...base, success: { type: 'redirect', url: 'javascript:alert(1)' } }, 'success.url'],
    ['a next step to another site by //', { ...base, success: { type: 'message', message: 'Hi', nextStep: { text: 'Go', url: '//evil.example' } } }, 'success.nextStep.url'],
    ['an asset with no file', { ...base, success: { type: 'asset', label: 'Get it' } }, 'success.assetUrl'],
    ['a field in no step', { ...base, steps: [base.steps![0], { ...base.steps![1], fieldKeys: ['plan'] }] }, 'steps'],
    ['a negative fill time', { ...base, minFillSeconds: -1 }, 'minFillSeconds'],
    ['no fields', { ...base, fields: [], steps: undefined }, 'fields'],
  ])('%s is a 400 naming %s, and nothing is saved', async (_, definition, path) => {
    const owner = await createOwner()
    const id = await newForm(owner.cookie)
    const before = await getForm({ workspaceId: owner.workspaceId, id })
    const result = await saveForm(owner.cookie, id, definition)
    expect(result.status).toBe(400)
    expect(Object.keys((result.body as Errors).errors.fieldErrors)).toContain(path)
    expect(await getForm({ workspaceId: owner.workspaceId, id })).toEqual(before)
  })

  test('the name is checked too, and a damaged post is a 400 that says so', async () => {
    const owner = await createOwner()
    const id = await newForm(owner.cookie)
    const unnamed = await saveForm(owner.cookie, id, base, '   ')
    expect(unnamed).toMatchObject({ status: 400, body: { errors: { fieldErrors: { name: ['Name is required'] } } } })
    const damaged = await saveForm(owner.cookie, id, '{"fields": [')
    expect(damaged).toMatchObject({ status: 400, body: { errors: { formErrors: ['The builder sent a damaged form; reload and try again'] } } })
  })

  test('keys the schema does not know are not stored', async () => {
    const owner = await createOwner()
    const id = await newForm(owner.cookie)
    const sneaky = { ...base, html: '<script>alert(1)</script>', fields: base.fields.map((f, i) => (i === 0 ? { ...f, onclick: 'alert(1)' } : f)) }
    expect((await saveForm(owner.cookie, id, sneaky)).status).toBe(200)
    const stored = JSON.stringify((await getForm({ workspaceId: owner.workspaceId, id }))!.definition)
    expect(stored).not.toContain('alert')
  })

  test('the alerts section saves the lead alerts, loads them back, and a bad address is a 400 naming it', async () => {
    const owner = await createOwner()
    const id = await newForm(owner.cookie)
    const loadValues = async () => ((await loadBuilder(owner.cookie, id)).body as { values: BuilderValues }).values
    const values = await loadValues()
    expect(values.hasAlerts).toBe(false)
    const chatWebhookUrl = 'https://hooks.slack.com/services/T000/B000/xyz'
    const withAlerts: BuilderValues = { ...values, hasAlerts: true, alerts: { emails: 'Sales@Example.com, ceo@example.com', chatWebhookUrl: ` ${chatWebhookUrl} `, on: 'hot', digest: true } }
    expect((await saveForm(owner.cookie, id, toDefinitionInput(withAlerts).definition)).status).toBe(200)
    const alerts = { emails: ['sales@example.com', 'ceo@example.com'], chatWebhookUrl, on: 'hot', digest: true }
    expect((await getForm({ workspaceId: owner.workspaceId, id }))!.definition.alerts).toEqual(alerts)

    // Loaded back into the builder they show, and saving the form again keeps them.
    const loaded = await loadValues()
    expect(loaded).toMatchObject({ hasAlerts: true, alerts: { emails: 'sales@example.com, ceo@example.com', chatWebhookUrl, on: 'hot', digest: true } })
    expect(FormDefinitionSchema.parse(toDefinitionInput(loaded).definition).alerts).toEqual(alerts)

    const bad = await saveForm(owner.cookie, id, toDefinitionInput({ ...withAlerts, alerts: { ...withAlerts.alerts, emails: 'sales@example.com, not-an-address' } }).definition)
    expect(bad).toMatchObject({ status: 400, body: { errors: { fieldErrors: { 'alerts.emails.1': ['Enter a valid email address'] } } } })
    expect((await getForm({ workspaceId: owner.workspaceId, id }))!.definition.alerts).toEqual(alerts)
  })

  test('viewers may look at a form but not save or archive it', async () => {
    const owner = await createOwner()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const id = await newForm(owner.cookie)
    const loaded = await loadBuilder(viewer.cookie, id)
    expect(loaded.status).toBe(200)
    expect((loaded.body as { values: BuilderValues }).values.fields).toHaveLength(6)
    expect((await saveForm(viewer.cookie, id, base)).status).toBe(403)
    expect((await readResult(await callRoute(formAction as never, `/forms/${id}`, { cookie: viewer.cookie, params: { id }, form: { intent: 'archive' } }))).status).toBe(403)
    expect((await getForm({ workspaceId: owner.workspaceId, id }))!.archivedAt).toBeNull()
  })

  test("another workspace's form is a 404 to read, save and archive", async () => {
    const owner = await createOwner()
    const stranger = await createOwner({ name: 'Stranger' })
    const id = await newForm(owner.cookie)
    const before = await getForm({ workspaceId: owner.workspaceId, id })
    expect((await loadBuilder(stranger.cookie, id)).status).toBe(404)
    expect((await saveForm(stranger.cookie, id, base)).status).toBe(404)
    expect((await readResult(await callRoute(formAction as never, `/forms/${id}`, { cookie: stranger.cookie, params: { id }, form: { intent: 'archive' } }))).status).toBe(404)
    expect(await getForm({ workspaceId: owner.workspaceId, id })).toEqual(before)
    expect((await loadBuilder(owner.cookie, randomUUID())).status).toBe(404)
    expect((await loadBuilder(owner.cookie, 'not-an-id')).status).toBe(404)
  })

  test('archiving is soft and reversible, and the page editor offers only forms that are not archived', async () => {
    const owner = await createOwner()
    const kept = await newForm(owner.cookie, 'newsletter')
    const archived = await newForm(owner.cookie)
    const archive = await readResult(await callRoute(formAction as never, `/forms/${archived}`, { cookie: owner.cookie, params: { id: archived }, form: { intent: 'archive' } }))
    expect(archive).toMatchObject({ status: 200, body: { done: 'archive' } })
    expect((await getForm({ workspaceId: owner.workspaceId, id: archived }))!.archivedAt).toBeInstanceOf(Date)

    // Given a form, so the template does not make one of its own (the picker's list is what is tested here).
    const page = await createPage({ workspaceId: owner.workspaceId, name: 'Demo', slug: `demo-${randomUUID().slice(0, 8)}`, template: 'demo', formId: kept })
    if (!page.ok) throw new Error(page.message)
    const editor = async () => {
      const result = await readResult(await callRoute(editorLoader as never, `/editor/${page.page.id}/A`, { cookie: owner.cookie, params: { pageId: page.page.id, key: 'A' } }))
      return (result.body as { forms: { id: string; name: string; conversionType: string; definition: FormDefinition }[] }).forms
    }
    expect((await editor()).map((f) => f.id)).toEqual([kept])
    expect((await editor())[0]).toMatchObject({ conversionType: 'soft', definition: { purpose: 'newsletter' } })

    await callRoute(formAction as never, `/forms/${archived}`, { cookie: owner.cookie, params: { id: archived }, form: { intent: 'restore' } })
    expect((await getForm({ workspaceId: owner.workspaceId, id: archived }))!.archivedAt).toBeNull()
    expect((await editor()).map((f) => f.id).sort()).toEqual([kept, archived].sort())
  })

  test('the builder’s loader hands over what the builder needs and nothing of another workspace', async () => {
    const owner = await createOwner()
    const id = await newForm(owner.cookie)
    const loaded = (await loadBuilder(owner.cookie, id)).body as { form: { id: string }; values: BuilderValues; assets: unknown[]; pagePaths: unknown[] }
    expect(loaded.form.id).toBe(id)
    expect(loaded.values).toEqual(fromDefinition(loaded.values.name, (await getForm({ workspaceId: owner.workspaceId, id }))!.definition))
    expect(loaded.assets).toEqual([])
  })
})
