import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { validateFormDefinition, type FormDefinitionInput } from '#app/forms/definition'
import { createForm } from '#app/forms/form.server'
import { createMailWorker, deliverDueMail } from '#app/mail/outbox.server'
import { createSmtpTransport } from '#app/mail/transport.server'
import { createPage, publishPage } from '#app/pages/queries.server'
import { leads, mailMessages } from '#db/schema'
import * as formRoute from '#app/routes/api.v1.forms.$id'
import * as formsRoute from '#app/routes/api.v1.forms'
import { apiKeyCaller, createOwner } from '#tests/factories/accounts'
import { BROWSER_UA, CONSENT_FORM, hiddenFieldsOf, loopbackAddress, postFrom, startVisitorServer } from '#tests/factories/published-forms'
import { startSmtpReceiver } from '#tests/smtp-receiver'

// Lead alerts end to end: a visitor posts the published form over HTTP, the conversion's transaction queues the
// alert, the woken mail worker sends it to a real SMTP server (smtp-server on loopback) and a real chat receiver.

const APP_URL = 'https://app.example.test'
const smtp = await startSmtpReceiver()
const chatPosts: { body: string; at: number }[] = []
const chat = createServer((req, res) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (body += chunk))
  req.on('end', () => {
    chatPosts.push({ body, at: Date.now() })
    res.writeHead(200).end('ok')
  })
})
await new Promise<void>((resolve) => chat.listen(0, '127.0.0.1', resolve))
const chatUrl = `http://127.0.0.1:${(chat.address() as AddressInfo).port}/hooks/sales`

const owner = await createOwner({ name: 'Alert owner' })
let visitors: Awaited<ReturnType<typeof startVisitorServer>>
// One worker for the file, polling only once a minute: whatever arrives sooner came from the wake on enqueue.
const worker = createMailWorker({ everyMs: 60_000, workspaceId: owner.workspaceId, transport: createSmtpTransport(smtp.url), appUrl: APP_URL })
beforeAll(async () => {
  visitors = await startVisitorServer()
  worker.start()
})
afterAll(async () => {
  await worker.stop()
  await visitors.close()
  await smtp.stop()
  chat.closeAllConnections()
  await new Promise((resolve) => chat.close(resolve))
})

const HOT_FORM: FormDefinitionInput = {
  ...CONSENT_FORM,
  purpose: 'demo_request',
  conversionType: 'hard',
  fields: [...CONSENT_FORM.fields!, { key: 'team', type: 'select', label: 'Team size', options: [{ value: '11-50', label: '11 to 50 people' }] }],
  alerts: { emails: ['sales@example.com', 'ceo@example.com'], on: 'hot' },
}

/**
 * Publishes `definition` on a page. The schema asks an https chat URL; the local receiver speaks http, so a test
 * that wants the chat post sets it on the validated definition (as a stored form has it).
 */
async function publish(definition: FormDefinitionInput, { withChat = false } = {}) {
  const parsed = validateFormDefinition(definition)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  if (withChat) parsed.definition.alerts!.chatWebhookUrl = chatUrl
  const form = await createForm({ workspaceId: owner.workspaceId, name: 'Demo request', definition: parsed.definition })
  const slug = `alerts-${randomUUID().slice(0, 8)}`
  const page = await createPage({ workspaceId: owner.workspaceId, name: `Page ${slug}`, slug, template: 'blank', formId: form.id })
  if (!page.ok) throw new Error(JSON.stringify(page))
  const published = await publishPage({ workspaceId: owner.workspaceId, pageId: page.page.id, userId: owner.userId })
  if (!published.ok) throw new Error(JSON.stringify(published))
  return slug
}

const address = loopbackAddress()
const browser = { 'User-Agent': BROWSER_UA }

async function submit(slug: string, answers: Record<string, unknown>, { query = '' } = {}) {
  const html = await (await fetch(`${visitors.url}/p/${slug}${query}`, { headers: browser })).text()
  const response = await postFrom(address, `${visitors.url}/p/${slug}`, {
    headers: { ...browser, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...hiddenFieldsOf(html), consent: true, ...answers }),
  })
  expect(response.status).toBe(201)
  return { ...((await response.json()) as { leadId: string }), submittedAt: Date.now() }
}

const alertsOf = (leadId: string) =>
  db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.workspaceId, owner.workspaceId), eq(mailMessages.kind, 'lead-alert'), eq(mailMessages.dedupeKey, `lead-alert:${leadId}`)))
const mailTo = (address: string) => smtp.received.filter((r) => r.mail.text?.includes(address))

describe('a hot lead', () => {
  test('one email to the form’s recipients and one chat post, with the lead, its answers, source, page and variant, within 10 s', async () => {
    const slug = await publish(HOT_FORM, { withChat: true })
    const visitor = `dana.${randomUUID().slice(0, 8)}@example.com`
    const before = smtp.received.length
    const { leadId, submittedAt } = await submit(slug, { email: visitor, name: 'Dana Example', company: 'Acme', team: '11-50' })
    const [received] = (await smtp.waitForMessages(before + 1, 10_000)).slice(before)
    expect(received!.at - submittedAt).toBeLessThan(10_000)
    expect(received!.envelopeTo.sort()).toEqual(['ceo@example.com', 'sales@example.com'])
    expect(received!.mail.subject).toBe('Hot lead: Dana Example (Acme) via Demo request')
    const text = received!.mail.text!
    const [lead] = await db.select({ channel: leads.channel }).from(leads).where(eq(leads.id, leadId))
    const source = `from ${lead!.channel.replaceAll('_', ' ')}`
    for (const part of [visitor, 'Company', 'Acme', 'Team size', '11 to 50 people', `/p/${slug} (variant A)`, source, `${APP_URL}/leads/${leadId}`]) expect(text).toContain(part)
    expect(received!.mail.html).toContain(`href="${APP_URL}/leads/${leadId}"`)

    await expect.poll(() => chatPosts.filter((p) => p.body.includes(leadId)).length, { timeout: 10_000 }).toBe(1)
    const post = JSON.parse(chatPosts.find((p) => p.body.includes(leadId))!.body) as { text: string }
    expect(post.text).toContain('Hot lead: Dana Example (Acme)')
    expect(post.text).toContain(`Open the lead: ${APP_URL}/leads/${leadId}`)
    expect(post.text).toContain('Team size: 11 to 50 people')
  })

  test('is alerted once: not again on resubmission, nor after the worker restarts', async () => {
    const slug = await publish(HOT_FORM)
    const visitor = `once.${randomUUID().slice(0, 8)}@example.com`
    const { leadId } = await submit(slug, { email: visitor, name: 'Once Only' })
    await expect.poll(() => mailTo(visitor).length, { timeout: 10_000 }).toBe(1)
    const again = await submit(slug, { email: visitor, name: 'Once Only', company: 'Again Inc' })
    expect(again.leadId).toBe(leadId)
    await worker.stop()
    worker.start()
    await deliverDueMail({ workspaceId: owner.workspaceId, transport: createSmtpTransport(smtp.url), appUrl: APP_URL })
    expect(mailTo(visitor)).toHaveLength(1)
    expect(await alertsOf(leadId)).toHaveLength(1)
    const [lead] = await db.select({ hard: leads.hardConversions }).from(leads).where(eq(leads.id, leadId))
    expect(lead!.hard).toBe(2) // both conversions counted; one alert
  })
})

describe('which leads alert', () => {
  test('"hot": a soft conversion does not alert; "all": a new cold lead does, once', async () => {
    const softHot = await publish({ ...CONSENT_FORM, alerts: { emails: ['sales@example.com'], on: 'hot' } })
    const cold = `cold.${randomUUID().slice(0, 8)}@example.com`
    const { leadId: coldLead } = await submit(softHot, { email: cold })
    expect(await alertsOf(coldLead)).toHaveLength(0)

    const all = await publish({ ...CONSENT_FORM, alerts: { emails: ['sales@example.com'], on: 'all' } })
    const fresh = `fresh.${randomUUID().slice(0, 8)}@example.com`
    const { leadId } = await submit(all, { email: fresh, name: 'Fresh Lead' })
    await expect.poll(() => mailTo(fresh).length, { timeout: 10_000 }).toBe(1)
    expect(mailTo(fresh)[0]!.mail.subject).toBe('New lead: Fresh Lead via Demo request')
    await submit(all, { email: fresh })
    expect(await alertsOf(leadId)).toHaveLength(1)
  })
})

describe('mail server down', () => {
  test('alerts wait and retry; when the server is back every one is delivered, none lost', async () => {
    const down = await startSmtpReceiver()
    await down.stop()
    const slug = await publish(HOT_FORM)
    const visitorsDown = Array.from({ length: 3 }, (_, i) => `down${i}.${randomUUID().slice(0, 8)}@example.com`)
    // Sent by hand with a transport to the stopped server (the file's worker only wakes on its own queue).
    await worker.stop()
    try {
      const leadIds = []
      for (const visitor of visitorsDown) leadIds.push((await submit(slug, { email: visitor })).leadId)
      const t0 = new Date()
      const options = { workspaceId: owner.workspaceId, transport: createSmtpTransport(down.url, { timeoutMs: 2000 }), appUrl: APP_URL, random: () => 0 }
      expect(await deliverDueMail({ ...options, now: t0 })).toMatchObject({ claimed: 3, retrying: 3 })
      for (const id of leadIds) expect((await alertsOf(id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) })
      await down.start()
      expect(await deliverDueMail({ ...options, now: new Date(t0.getTime() + 31_000) })).toMatchObject({ claimed: 3, sent: 3 })
      expect(down.received.map((r) => r.mail.text).filter((t) => visitorsDown.some((v) => t?.includes(v)))).toHaveLength(3)
      for (const id of leadIds) expect((await alertsOf(id))[0]).toMatchObject({ status: 'sent', attempts: 2 })
    } finally {
      await down.stop()
      worker.start()
    }
  })
})

describe('the API', () => {
  test('POST and PUT /api/v1/forms take alerts, and a bad one is a 400 naming the field', async () => {
    const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const form = { name: 'API form', purpose: 'demo_request', fields: [{ key: 'email', type: 'email', label: 'Email', required: true }] }
    const created = await call(formsRoute.action, '/api/v1/forms', {
      method: 'POST',
      body: { ...form, alerts: { emails: ['Sales@Example.com'], chatWebhookUrl: 'https://hooks.slack.com/services/T/B/x', on: 'all' } },
    })
    expect(created.status).toBe(201)
    const { id } = created.body as { id: string }
    expect((await call(formRoute.loader, `/api/v1/forms/${id}`, { params: { id } })).body).toMatchObject({
      alerts: { emails: ['sales@example.com'], chatWebhookUrl: 'https://hooks.slack.com/services/T/B/x', on: 'all', digest: false },
    })

    const bad = await call(formsRoute.action, '/api/v1/forms', {
      method: 'POST',
      body: { ...form, alerts: { emails: ['not-an-address'], chatWebhookUrl: 'http://hooks.example.com/x', on: 'sometimes' } },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys((bad.body as { errors: Record<string, string[]> }).errors).sort()).toEqual(['alerts.chatWebhookUrl', 'alerts.emails.0', 'alerts.on'])

    const updated = await call(formRoute.action, `/api/v1/forms/${id}`, { method: 'PUT', params: { id }, body: { ...form, alerts: { emails: ['team@example.com'] } } })
    expect(updated.status).toBe(200)
    expect((await call(formRoute.loader, `/api/v1/forms/${id}`, { params: { id } })).body).toMatchObject({ alerts: { emails: ['team@example.com'], on: 'hot' } })
    expect((await call(formRoute.action, `/api/v1/forms/${id}`, { method: 'PUT', params: { id }, body: { ...form, alerts: {} } })).status).toBe(400)
    expect((await call(formRoute.action, `/api/v1/forms/${randomUUID()}`, { method: 'PUT', params: { id: randomUUID() }, body: form })).status).toBe(404)
  })
})
