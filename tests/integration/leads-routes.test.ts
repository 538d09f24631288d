import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { loader as leadsApi } from '#app/routes/api.v1.leads'
import { action as patchLeadApi, loader as leadApi } from '#app/routes/api.v1.leads.$id'
import { action as leadAction, loader as leadLoader } from '#app/routes/_app.leads.$id/route'
import { loader as exportLoader } from '#app/routes/_app.leads.export[.csv]'
import { loader as inboxLoader } from '#app/routes/_app.leads._index/route'
import { action as scoringAction, loader as scoringLoader } from '#app/routes/_app.settings.lead-scoring'
import { leadNotes, leads, workspaces } from '#db/schema'
import { apiKeyCaller, callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { insertConversion, insertForm, insertLead, insertPage } from '#tests/factories/lead-rows'

type Fn = (args: never) => unknown

async function team() {
  const owner = await createOwner({ name: 'Lena Leads' })
  const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
  const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
  return { owner, viewer, editor, workspaceId: owner.workspaceId }
}

const apiClient = (workspaceId: string, createdBy: string) => apiKeyCaller({ workspaceId, createdBy, name: 'crm' })

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'

async function leadWithConversion(workspaceId: string, overrides: Parameters<typeof insertLead>[0] | object = {}) {
  const form = await insertForm({ workspaceId, name: 'Book a demo', fields: [{ key: 'message', type: 'textarea', label: 'Message' }] })
  const page = await insertPage({ workspaceId, name: 'Demo page' })
  const lead = await insertLead({ workspaceId, name: 'Ada', hotAt: new Date(), hardConversions: 1, ...overrides })
  await insertConversion({ workspaceId, leadId: lead.id, formId: form.id, pageId: page.id, conversionType: 'hard', answers: { message: XSS } })
  return { lead, form, page }
}

describe('inbox', () => {
  test('lists this workspace only, filters from the URL, and drops unreadable filters', async () => {
    const { owner, viewer, workspaceId } = await team()
    const stranger = await createOwner()
    const { lead: hot } = await leadWithConversion(workspaceId)
    const cold = await insertLead({ workspaceId, name: 'Cole' })
    await insertLead({ workspaceId: stranger.workspaceId, name: 'Not yours' })

    const all = await readResult(await callRoute(inboxLoader as Fn as never, '/leads', { cookie: viewer.cookie }))
    const body = all.body as { leads: { id: string; temperature: string; openedAt: unknown }[]; next: string | null; isFiltered: boolean }
    expect(body.leads.map((l) => l.id).sort()).toEqual([hot.id, cold.id].sort())
    expect(body.isFiltered).toBe(false)

    const filtered = (await readResult(await callRoute(inboxLoader as never, '/leads?temperature=hot&stage=banana&q=', { cookie: owner.cookie }))).body as typeof body & { ignored: string[] }
    expect(filtered.leads.map((l) => l.id)).toEqual([hot.id])
    expect(filtered.ignored).toEqual(['stage'])

    const paged = (await readResult(await callRoute(inboxLoader as never, '/leads?limit=1', { cookie: owner.cookie }))).body as typeof body
    expect(paged.leads).toHaveLength(1)
    const second = (await readResult(await callRoute(inboxLoader as never, `/leads?limit=1&cursor=${paged.next}`, { cookie: owner.cookie }))).body as typeof body
    expect([...paged.leads, ...second.leads].map((l) => l.id).sort()).toEqual([hot.id, cold.id].sort())
    expect(second.next).toBeNull()
  })
})

describe('lead detail', () => {
  test("another workspace's lead and a non-id are 404s", async () => {
    const { owner, workspaceId } = await team()
    const stranger = await createOwner()
    const { lead } = await leadWithConversion(workspaceId)
    expect(((await callRoute(leadLoader as never, `/leads/${lead.id}`, { cookie: stranger.cookie, params: { id: lead.id } })) as Response).status).toBe(404)
    expect(((await callRoute(leadLoader as never, '/leads/nope', { cookie: owner.cookie, params: { id: 'nope' } })) as Response).status).toBe(404)
    const stageChange = await callRoute(leadAction as never, `/leads/${lead.id}`, { cookie: stranger.cookie, params: { id: lead.id }, form: { intent: 'stage', stage: 'sql' } })
    expect((stageChange as Response).status).toBe(404)
    const erase = await callRoute(leadAction as never, `/leads/${lead.id}`, { cookie: stranger.cookie, params: { id: lead.id }, form: { intent: 'erase', confirm: 'on' } })
    expect((erase as Response).status).toBe(404)
    const [stored] = await db.select({ stage: leads.stage, email: leads.email }).from(leads).where(eq(leads.id, lead.id))
    expect(stored).toMatchObject({ stage: 'lead', email: expect.any(String) })
  })

  test('shows a new hot lead as new once, with its answers as they were typed', async () => {
    const { viewer, workspaceId } = await team()
    const { lead } = await leadWithConversion(workspaceId)
    const first = (await readResult(await callRoute(leadLoader as never, `/leads/${lead.id}`, { cookie: viewer.cookie, params: { id: lead.id } }))).body as {
      isNew: boolean
      lead: { conversions: { answers: Record<string, string>; fieldLabels: Record<string, string> }[] }
    }
    expect(first.isNew).toBe(true)
    expect(first.lead.conversions[0]!.answers.message).toBe(XSS)
    expect(first.lead.conversions[0]!.fieldLabels).toEqual({ message: 'Message' })
    const again = (await readResult(await callRoute(leadLoader as never, `/leads/${lead.id}`, { cookie: viewer.cookie, params: { id: lead.id } }))).body as { isNew: boolean }
    expect(again.isNew).toBe(false)
    const inbox = (await readResult(await callRoute(inboxLoader as never, '/leads', { cookie: viewer.cookie }))).body as { leads: { id: string; openedAt: unknown }[] }
    expect(inbox.leads.find((l) => l.id === lead.id)!.openedAt).not.toBeNull()
  })

  test('viewers read but cannot act; editors change the stage, add notes and erase', async () => {
    const { viewer, editor, workspaceId } = await team()
    const { lead } = await leadWithConversion(workspaceId)
    const act = (cookie: string, form: Record<string, string>) => callRoute(leadAction as never, `/leads/${lead.id}`, { cookie, params: { id: lead.id }, form }).then(readResult)
    for (const form of [
      { intent: 'stage', stage: 'sql' },
      { intent: 'note', body: 'hi' },
      { intent: 'erase', confirm: 'on' },
    ] as Record<string, string>[]) {
      expect((await act(viewer.cookie, form)).status).toBe(403)
    }
    expect(await act(editor.cookie, { intent: 'stage', stage: 'sql', dealValue: '100' })).toMatchObject({ status: 400, body: { errors: { fieldErrors: { dealValue: [expect.any(String)] } } } })
    expect(await act(editor.cookie, { intent: 'stage', stage: 'opportunity', dealValue: '12 500,50' })).toMatchObject({ status: 200, body: { done: 'stage', changed: true } })
    expect(await act(editor.cookie, { intent: 'stage', stage: 'opportunity', dealValue: '-3' })).toMatchObject({ status: 400 })
    expect(await act(editor.cookie, { intent: 'note', body: '   ' })).toMatchObject({ status: 400, body: { errors: { fieldErrors: { body: [expect.any(String)] } } } })
    expect(await act(editor.cookie, { intent: 'note', body: 'Wants a quote' })).toMatchObject({ status: 200, body: { done: 'note' } })
    expect(await act(editor.cookie, { intent: 'erase' })).toMatchObject({ status: 400, body: { errors: { fieldErrors: { confirm: [expect.any(String)] } } } })

    const detail = (await readResult(await callRoute(leadLoader as never, `/leads/${lead.id}`, { cookie: viewer.cookie, params: { id: lead.id } }))).body as {
      lead: { stage: string; dealValue: number; stageChanges: { changedByName: string }[]; notes: { body: string }[] }
    }
    expect(detail.lead).toMatchObject({ stage: 'opportunity', dealValue: 12_500.5, stageChanges: [{ changedByName: 'A editor' }], notes: [{ body: 'Wants a quote' }] })

    const erased = await act(editor.cookie, { intent: 'erase', confirm: 'on' })
    expect(erased.status).toBe(302)
    expect(erased.headers.get('Location')).toBe(`/leads/${lead.id}`)
    const [stored] = await db.select({ email: leads.email, name: leads.name, erasedAt: leads.erasedAt }).from(leads).where(eq(leads.id, lead.id))
    expect(stored).toMatchObject({ email: null, name: null, erasedAt: expect.any(Date) })
    expect(await db.$count(leadNotes, eq(leadNotes.leadId, lead.id))).toBe(0)
  })
})

describe('CSV export', () => {
  test('exports the filtered leads of this workspace with formulas defused', async () => {
    const { viewer, workspaceId } = await team()
    const stranger = await createOwner()
    await insertLead({ workspaceId, name: '=1+1', company: '@SUM(A1)', hotAt: new Date(), email: `-hot-${randomUUID()}@example.com` })
    await insertLead({ workspaceId, name: 'Cold Cody' })
    await insertLead({ workspaceId: stranger.workspaceId, name: 'Stranger Sam', hotAt: new Date() })
    const response = (await callRoute(exportLoader as never, '/leads/export.csv?temperature=hot', { cookie: viewer.cookie })) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="leads-\d{4}-\d\d-\d\d\.csv"$/)
    const csv = await response.text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^'-hot-.*,'=1\+1,'@SUM\(A1\),/)
    expect(csv).not.toMatch(/Cold Cody|Stranger Sam/)
    const bad = (await callRoute(exportLoader as never, '/leads/export.csv?temperature=lukewarm', { cookie: viewer.cookie })) as Response
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('temperature')
  })
})

describe('lead scoring settings', () => {
  test('editors save and reset rules; viewers cannot; bad values are 400s', async () => {
    const { viewer, editor, workspaceId } = await team()
    const rules = { pointsPerHard: '40', pointsPerSoft: '5', pointsPerPageView: '2', maxPageViewPoints: '10', halfLifeDays: '14.5', mqlThreshold: '' }
    const save = (cookie: string, form: Record<string, string>) => callRoute(scoringAction as never, '/settings/lead-scoring', { cookie, form }).then(readResult)
    expect((await save(viewer.cookie, { intent: 'save', ...rules })).status).toBe(403)
    expect(await save(editor.cookie, { intent: 'save', ...rules, pointsPerSoft: '-1', halfLifeDays: 'soon' })).toMatchObject({
      status: 400,
      body: { errors: { fieldErrors: { pointsPerSoft: expect.any(Array), halfLifeDays: expect.any(Array) } } },
    })
    expect(await save(editor.cookie, { intent: 'save', ...rules })).toMatchObject({ status: 200, body: { saved: 'save' } })
    const [stored] = await db.select({ scoreRules: workspaces.scoreRules }).from(workspaces).where(eq(workspaces.id, workspaceId))
    expect(stored!.scoreRules).toEqual({ pointsPerHard: 40, pointsPerSoft: 5, pointsPerPageView: 2, maxPageViewPoints: 10, halfLifeDays: 14.5, mqlThreshold: null })
    expect((await readResult(await callRoute(scoringLoader as never, '/settings/lead-scoring', { cookie: viewer.cookie }))).body).toMatchObject({ isDefault: false, rules: { pointsPerHard: 40 } })
    expect(await save(editor.cookie, { intent: 'reset' })).toMatchObject({ status: 200, body: { saved: 'reset' } })
    expect((await readResult(await callRoute(scoringLoader as never, '/settings/lead-scoring', { cookie: viewer.cookie }))).body).toMatchObject({ isDefault: true })
  })
})

describe('leads API', () => {
  test('lists with filters and cursors, and names bad parameters', async () => {
    const { owner, workspaceId } = await team()
    const call = await apiClient(workspaceId, owner.userId)
    const { lead: hot, form } = await leadWithConversion(workspaceId, { channel: 'paid_search', email: `hot-${randomUUID()}@example.com` })
    for (let i = 0; i < 3; i++) await insertLead({ workspaceId, channel: 'email' })
    const first = await call(leadsApi, '/api/v1/leads?limit=2')
    const page1 = first.body as { leads: { id: string }[]; next: string }
    expect(first.status).toBe(200)
    expect(page1.leads).toHaveLength(2)
    const page2 = (await call(leadsApi, `/api/v1/leads?limit=2&cursor=${page1.next}`)).body as { leads: { id: string }[]; next: string | null }
    expect(page2.next).toBeNull()
    expect(new Set([...page1.leads, ...page2.leads].map((l) => l.id)).size).toBe(4)

    const filtered = await call(leadsApi, `/api/v1/leads?temperature=hot&source=paid_search&formId=${form.id}`)
    expect(filtered.body).toEqual({
      leads: [
        expect.objectContaining({
          id: hot.id,
          email: hot.email,
          name: 'Ada',
          temperature: 'hot',
          stage: 'lead',
          dealValue: null,
          score: 30,
          source: 'paid_search',
          firstSeenAt: expect.any(String),
          lastConversionAt: expect.any(String),
        }),
      ],
      next: null,
    })
    expect(Object.keys((filtered.body as { leads: object[] }).leads[0]!)).not.toContain('visitorId')

    const bad = await call(leadsApi, '/api/v1/leads?temperature=warm&limit=500&from=yesterday&cursor=abc')
    expect(bad.status).toBe(400)
    expect(Object.keys((bad.body as { errors: object }).errors).sort()).toEqual(['from', 'limit', 'temperature'])
    const badCursor = await call(leadsApi, '/api/v1/leads?cursor=abc')
    expect(badCursor).toMatchObject({ status: 400, body: { errors: { cursor: expect.any(Array) } } })
    // A cursor is tied to its sort.
    expect((await call(leadsApi, `/api/v1/leads?limit=2&sort=score&cursor=${page1.next}`)).status).toBe(400)
    expect((await call(leadsApi, '/api/v1/leads', { auth: false })).status).toBe(401)
  })

  test('reads one lead with its conversions, answers as plain strings', async () => {
    const { owner, workspaceId } = await team()
    const call = await apiClient(workspaceId, owner.userId)
    const { lead, page } = await leadWithConversion(workspaceId)
    const got = await call(leadApi, `/api/v1/leads/${lead.id}`, { params: { id: lead.id } })
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({
      id: lead.id,
      temperature: 'hot',
      conversions: [{ formName: 'Book a demo', pageId: page.id, pageName: 'Demo page', conversionType: 'hard', answers: { message: XSS } }],
    })

    const stranger = await createOwner()
    const strangerCall = await apiClient(stranger.workspaceId, stranger.userId)
    expect((await strangerCall(leadApi, `/api/v1/leads/${lead.id}`, { params: { id: lead.id } })).status).toBe(404)
    expect((await strangerCall(patchLeadApi, `/api/v1/leads/${lead.id}`, { method: 'PATCH', params: { id: lead.id }, body: { stage: 'lost' } })).status).toBe(404)
    expect((await call(leadApi, '/api/v1/leads/123', { params: { id: '123' } })).status).toBe(404)
    expect((await call(patchLeadApi, '/api/v1/leads/123', { method: 'PATCH', params: { id: '123' }, body: { stage: 'lost' } })).status).toBe(404)
  })

  test('PATCH changes the stage, recorded as the API, and names bad fields', async () => {
    const { owner, workspaceId } = await team()
    const call = await apiClient(workspaceId, owner.userId)
    const { lead } = await leadWithConversion(workspaceId)
    const patch = (body: unknown) => call(patchLeadApi, `/api/v1/leads/${lead.id}`, { method: 'PATCH', params: { id: lead.id }, body })
    expect(await patch({ stage: 'opportunity', dealValue: 9000 })).toMatchObject({
      status: 200,
      body: { id: lead.id, stage: 'opportunity', dealValue: 9000, stageChanges: [{ fromStage: 'lead', toStage: 'opportunity', dealValue: 9000, source: 'api', changedBy: null }] },
    })
    const bad = await patch({ stage: 'won', dealValue: -5 })
    expect(bad.status).toBe(400)
    expect(Object.keys((bad.body as { errors: object }).errors).sort()).toEqual(['dealValue', 'stage'])
    expect(await patch({ stage: 'mql', dealValue: 5 })).toMatchObject({ status: 400, body: { errors: { dealValue: [expect.stringContaining('opportunities')] } } })
    expect((await patch({})).status).toBe(400)
    expect((await call(patchLeadApi, `/api/v1/leads/${lead.id}`, { method: 'POST', params: { id: lead.id }, body: { stage: 'mql' } })).status).toBe(405)
    expect(await patch({ stage: 'customer' })).toMatchObject({ status: 200, body: { stage: 'customer', dealValue: 9000 } })
  })
})
