import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { queueLeadDigests } from '#app/alerts/digest.server'
import { db } from '#app/db.server'
import { validateFormDefinition, type FormDefinitionInput } from '#app/forms/definition'
import { createForm } from '#app/forms/form.server'
import { deliverDueMail } from '#app/mail/outbox.server'
import { createSmtpTransport } from '#app/mail/transport.server'
import { createPage, publishPage } from '#app/pages/queries.server'
import { DAY_MS, today } from '#app/time/days'
import { workspaces } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'
import { BROWSER_UA, CONSENT_FORM, hiddenFieldsOf, loopbackAddress, postFrom, startVisitorServer } from '#tests/factories/published-forms'
import { startSmtpReceiver } from '#tests/smtp-receiver'

// The daily digest end to end: visitors post the published forms over HTTP today (cold leads: a soft form), the
// digest run with tomorrow's clock queues one mail per form, and the outbox sends it to a real SMTP server.

const APP_URL = 'https://app.example.test'
const TIMEZONE = 'Pacific/Auckland' // far from UTC: the day is the workspace's, not the server's
const smtp = await startSmtpReceiver()
const owner = await createOwner({ name: 'Digest owner' })
const other = await createOwner({ name: 'Other owner' })
await db.update(workspaces).set({ timezone: TIMEZONE }).where(eq(workspaces.id, owner.workspaceId))
// A real HTTP server standing in for the form's Slack or Teams incoming webhook.
const chatPosts: string[] = []
const chat = createServer((req, res) => {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (chunk: string) => (body += chunk))
  req.on('end', () => {
    chatPosts.push(body)
    res.writeHead(200).end('ok')
  })
})
await new Promise<void>((resolve) => chat.listen(0, '127.0.0.1', resolve))
const chatUrl = `http://127.0.0.1:${(chat.address() as AddressInfo).port}/hooks/digest`
let visitors: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (visitors = await startVisitorServer()))
afterAll(async () => {
  await visitors.close()
  await smtp.stop()
  chat.closeAllConnections()
  await new Promise((resolve) => chat.close(resolve))
})

const DIGEST_FORM: FormDefinitionInput = { ...CONSENT_FORM, alerts: { emails: ['sales@example.com'], on: 'hot', digest: true } }

/** The schema asks an https chat URL; the local receiver speaks http, so `chatWebhookUrl` is set as a stored form has it. */
async function publish(workspace: { workspaceId: string; userId: string }, definition = DIGEST_FORM, { chatWebhookUrl }: { chatWebhookUrl?: string } = {}) {
  const parsed = validateFormDefinition(definition)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  if (chatWebhookUrl) parsed.definition.alerts!.chatWebhookUrl = chatWebhookUrl
  const form = await createForm({ workspaceId: workspace.workspaceId, name: 'Guide form', definition: parsed.definition })
  const slug = `digest-${randomUUID().slice(0, 8)}`
  const page = await createPage({ workspaceId: workspace.workspaceId, name: `Page ${slug}`, slug, template: 'blank', formId: form.id })
  if (!page.ok) throw new Error(JSON.stringify(page))
  const published = await publishPage({ workspaceId: workspace.workspaceId, pageId: page.page.id, userId: workspace.userId })
  if (!published.ok) throw new Error(JSON.stringify(published))
  return { formId: form.id, slug }
}

const address = loopbackAddress()
async function submit(slug: string, answers: Record<string, unknown>) {
  const html = await (await fetch(`${visitors.url}/p/${slug}`, { headers: { 'User-Agent': BROWSER_UA } })).text()
  const response = await postFrom(address, `${visitors.url}/p/${slug}`, {
    headers: { 'User-Agent': BROWSER_UA, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...hiddenFieldsOf(html), consent: true, ...answers }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { leadId: string }).leadId
}

const deliver = (workspaceId: string, now: Date) => deliverDueMail({ now, workspaceId, transport: createSmtpTransport(smtp.url), appUrl: APP_URL })

test('one digest per form and local day with its cold leads; none without leads, none twice, no other workspace’s', async () => {
  const ours = await publish(owner)
  const quiet = await publish(owner) // digest on, no lead: no mail
  const theirs = await publish(other)
  const dana = await submit(ours.slug, { email: `dana.${randomUUID().slice(0, 8)}@example.com`, name: 'Dana Cold', company: 'Acme' })
  const kim = await submit(ours.slug, { email: `kim.${randomUUID().slice(0, 8)}@example.com`, name: 'Kim Cold' })
  // A lead that turned hot (a hard conversion on another form) had its alert: not in the digest.
  const hot = await publish(owner, { ...CONSENT_FORM, purpose: 'demo_request', conversionType: 'hard' })
  const hana = `hana.${randomUUID().slice(0, 8)}@example.com`
  await submit(ours.slug, { email: hana, name: 'Hana Hot' })
  await submit(hot.slug, { email: hana, name: 'Hana Hot' })
  await submit(theirs.slug, { email: `eve.${randomUUID().slice(0, 8)}@example.com`, name: 'Eve Elsewhere', company: 'Other Co' })

  // Today is not over: yesterday had no leads, nothing is queued.
  expect(await queueLeadDigests({ now: new Date(), workspaceId: owner.workspaceId })).toEqual([])

  const tomorrow = new Date(Date.now() + DAY_MS)
  const before = smtp.received.length
  expect(await queueLeadDigests({ now: tomorrow, workspaceId: owner.workspaceId })).toEqual([ours.formId])
  await deliver(owner.workspaceId, tomorrow)
  const [digest, ...more] = (await smtp.waitForMessages(before + 1, 10_000)).slice(before)
  expect(more).toEqual([])
  expect(digest!.envelopeTo).toEqual(['sales@example.com'])
  const day = today(new Date(), TIMEZONE)
  expect(digest!.mail.subject).toBe(`2 cold leads on ${day}: Guide form`)
  const text = digest!.mail.text!
  for (const part of ['Dana Cold (Acme)', 'Kim Cold', `/p/${ours.slug}`, `${APP_URL}/leads/${dana}`, `${APP_URL}/leads/${kim}`]) expect(text).toContain(part)
  expect(text).toMatch(/from (direct|referral|organic|paid|email|other)/)
  expect(text).not.toContain('Eve Elsewhere')
  expect(text).not.toContain('Hana Hot')
  expect(text).not.toContain(quiet.slug)

  // A second run (another process, a restart) for the same day queues nothing.
  expect(await queueLeadDigests({ now: new Date(tomorrow.getTime() + 60_000), workspaceId: owner.workspaceId })).toEqual([])
  await deliver(owner.workspaceId, new Date(tomorrow.getTime() + 60_000))
  expect(smtp.received.length).toBe(before + 1)

  // The other workspace's digest has its own lead only.
  expect(await queueLeadDigests({ now: tomorrow, workspaceId: other.workspaceId })).toEqual([theirs.formId])
  await deliver(other.workspaceId, tomorrow)
  const [theirDigest] = (await smtp.waitForMessages(before + 2, 10_000)).slice(before + 1)
  expect(theirDigest!.mail.text).toContain('Eve Elsewhere (Other Co)')
  expect(theirDigest!.mail.text).not.toContain('Dana Cold')
})

test('no digest on a form that alerts on every lead (each cold lead had its own alert)', async () => {
  const third = await createOwner({ name: 'All owner' })
  const everyLead = await publish(third, { ...CONSENT_FORM, alerts: { emails: ['all@example.com'], on: 'all', digest: true } })
  await submit(everyLead.slug, { email: `ann.${randomUUID().slice(0, 8)}@example.com`, name: 'Ann All' })
  expect(await queueLeadDigests({ now: new Date(Date.now() + DAY_MS), workspaceId: third.workspaceId })).toEqual([])
})

test('the digest is also posted once to the form’s chat webhook, as Slack/Teams JSON', async () => {
  const chatOwner = await createOwner({ name: 'Chat owner' })
  const form = await publish(chatOwner, DIGEST_FORM, { chatWebhookUrl: chatUrl })
  const lee = await submit(form.slug, { email: `lee.${randomUUID().slice(0, 8)}@example.com`, name: 'Lee Cold', company: 'Initech' })
  const tomorrow = new Date(Date.now() + DAY_MS)
  const about = () => chatPosts.filter((body) => body.includes(lee))
  for (const at of [tomorrow, new Date(tomorrow.getTime() + 60_000)]) {
    await queueLeadDigests({ now: at, workspaceId: chatOwner.workspaceId })
    await deliver(chatOwner.workspaceId, at)
  }
  await expect.poll(() => about().length).toBe(1)
  const day = today(new Date(), 'UTC')
  expect(JSON.parse(about()[0]!)).toEqual({
    text: `1 cold lead on ${day}: Guide form\n• Lee Cold (Initech), /p/${form.slug}, from direct: ${APP_URL}/leads/${lee}\nHot leads are not listed: each had its own alert.`,
  })
})
