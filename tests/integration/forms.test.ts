import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { action as formsApi, loader as listFormsApi } from '#app/routes/api.v1.forms'
import { loader as formApi } from '#app/routes/api.v1.forms.$id'
import { forms } from '#db/schema'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'

async function apiClient() {
  const owner = await createOwner({ name: 'Formmaker' })
  const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId, name: 'forms' })
  return (fn: unknown, options: Parameters<typeof call>[2] = {}) => call(fn, '/api/v1/forms', options)
}

const demoForm = {
  name: 'Book a demo',
  purpose: 'demo_request',
  fields: [
    { key: 'email', type: 'email', label: 'Work email', required: true },
    { key: 'name', type: 'text', label: 'Name', required: true },
    { key: 'consent', type: 'consent', label: 'Consent', consentText: 'I agree to be contacted about my demo.' },
  ],
}

describe('forms API', () => {
  test('creates a form whose purpose presets a hard conversion, and reads it back', async () => {
    const call = await apiClient()
    const created = await call(formsApi, { method: 'POST', body: demoForm })
    expect(created.status).toBe(201)
    const { id } = created.body as { id: string }
    const form = await call(formApi, { params: { id } })
    expect(form).toMatchObject({ status: 200, body: { id, name: 'Book a demo', purpose: 'demo_request', conversionType: 'hard', fields: [{ key: 'email' }, { key: 'name' }, { key: 'consent' }] } })
    const [stored] = await db.select({ definition: forms.definition }).from(forms).where(eq(forms.id, id))
    expect(stored!.definition).not.toHaveProperty('name') // the name is a column, not part of the definition
    const list = await call(listFormsApi)
    expect(list.body).toMatchObject({ forms: [{ id, conversionType: 'hard', fieldCount: 3 }] })
  })

  test('an explicit conversion type overrides the preset', async () => {
    const call = await apiClient()
    const { id } = (await call(formsApi, { method: 'POST', body: { ...demoForm, conversionType: 'soft' } })).body as { id: string }
    expect((await call(formApi, { params: { id } })).body).toMatchObject({ conversionType: 'soft' })
  })

  test('bad definitions are 400s naming the field', async () => {
    const call = await apiClient()
    const bad = await call(formsApi, {
      method: 'POST',
      body: {
        name: '',
        conversionType: 'lukewarm',
        fields: [
          { key: 'Bad Key', type: 'email', label: 'x' },
          { key: 'a', type: 'teleport', label: 'y' },
        ],
      },
    })
    expect(bad.status).toBe(400)
    const keys = Object.keys((bad.body as { errors: Record<string, string[]> }).errors)
    expect(keys).toEqual(expect.arrayContaining(['name', 'conversionType', 'fields.0.key']))
    expect(keys.some((k) => k.startsWith('fields.1'))).toBe(true)
    expect((await call(formsApi, { method: 'POST', body: [] })).status).toBe(400)
  })

  test("another workspace's form is a 404", async () => {
    const call = await apiClient()
    const { id } = (await call(formsApi, { method: 'POST', body: demoForm })).body as { id: string }
    const stranger = await apiClient()
    expect((await stranger(formApi, { params: { id } })).status).toBe(404)
    expect((await stranger(formApi, { params: { id: 'nope' } })).status).toBe(404)
  })
})
