import { expect, test } from 'vitest'
import { action as patchLeadApi } from '#app/routes/api.v1.leads.$id'
import { loader as leadLoader } from '#app/routes/_app.leads.$id/route'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { insertConversion, insertForm, insertLead, insertPage } from '#tests/factories/lead-rows'

// Issue 17: the lead page showed stored option values ("ab_testing", "11-50") instead of the labels people chose.

test('the lead page carries option labels and the "heard about us" label; the API keeps stored values', async () => {
  const owner = await createOwner({ name: 'Label reader' })
  const { workspaceId } = owner
  const form = await insertForm({
    workspaceId,
    fields: [
      { type: 'select', key: 'company_size', label: 'Company size', required: true, options: [{ value: '11-50', label: '11–50 employees' }] },
      { type: 'heard_about', key: 'heard_about', label: 'How did you hear about us?', required: false, options: [{ value: 'podcast', label: 'A podcast' }] },
    ],
  })
  const page = await insertPage({ workspaceId })
  const lead = await insertLead({ workspaceId, heardAbout: 'podcast' })
  await insertConversion({ workspaceId, leadId: lead.id, formId: form.id, pageId: page.id, answers: { company_size: '11-50', heard_about: 'podcast' } })

  const { body } = await readResult(await callRoute(leadLoader as never, `/leads/${lead.id}`, { cookie: owner.cookie, params: { id: lead.id } }))
  expect(body).toMatchObject({
    lead: {
      heardAbout: 'podcast',
      heardAboutLabel: 'A podcast',
      conversions: [{ answers: { company_size: '11-50' }, fieldLabels: { company_size: 'Company size' }, optionLabels: { company_size: { '11-50': '11–50 employees' } } }],
    },
  })

  const call = await apiKeyCaller({ workspaceId, createdBy: owner.userId, name: 'crm' })
  const api = await call(patchLeadApi, `/api/v1/leads/${lead.id}`, { method: 'PATCH', params: { id: lead.id }, body: { stage: 'mql' } })
  expect(api.body).toMatchObject({ heardAbout: 'podcast', conversions: [{ answers: { company_size: '11-50', heard_about: 'podcast' } }] })
  expect(api.body).not.toHaveProperty('heardAboutLabel')
  expect((api.body as { conversions: object[] }).conversions[0]).not.toHaveProperty('optionLabels')
})
