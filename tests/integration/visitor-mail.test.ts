import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { recordConversion, type ConversionInput } from '#app/conversions/record.server'
import { detectExperimentAlerts, setWatching } from '#app/experiments/alerts.server'
import { FormDefinitionSchema, type FormDefinitionInput } from '#app/forms/definition'
import { planVisitorMail } from '#app/leads/visitor-mail.server'
import { deliverDueMail } from '#app/mail/outbox.server'
import { createSmtpTransport } from '#app/mail/transport.server'
import { loader as confirmLoader } from '#app/routes/confirm.$token'
import { action as unsubscribeAction, loader as unsubscribeLoader } from '#app/routes/unsubscribe.$token'
import { experiments, leads, mailMessages } from '#db/schema'
import { loader as leadApi } from '#app/routes/api.v1.leads.$id'
import { action as formsApi } from '#app/routes/api.v1.forms'
import { apiKeyCaller, callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { insertPage } from '#tests/factories/lead-rows'
import { startSmtpReceiver } from '#tests/smtp-receiver'

// Mail to visitors and experiment alerts, through the real submission write (recordConversion), the real mail
// worker and a real SMTP server on a loopback port.

const smtp = await startSmtpReceiver()
afterAll(() => smtp.stop())
const APP_URL = 'https://app.example.test'
const touch = { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath: '/p/x', channel: 'direct', hasClickId: false }

async function submit(workspaceId: string, definition: FormDefinitionInput, email: string, { pageLocale }: { pageLocale?: string } = {}) {
  const page = await insertPage({ workspaceId })
  const form = { id: randomUUID(), name: 'Pricing guide', definition: FormDefinitionSchema.parse(definition) }
  const { forms } = await import('#db/schema')
  await db.insert(forms).values({ id: form.id, workspaceId, name: form.name, definition: form.definition })
  const input: ConversionInput = {
    workspaceId,
    formId: form.id,
    formName: form.name,
    pageId: page.id,
    variantKey: 'a',
    experimentId: null,
    conversionType: 'soft',
    visitorId: null,
    idempotencyKey: randomUUID(),
    answers: { email },
    identity: { email, name: null, company: null, phone: null, heardAbout: null, heardAboutOther: null },
    touch,
    firstTouch: null,
    device: 'desktop',
    startedAt: null,
    visitorMail: planVisitorMail(form, { pageLocale }),
  }
  const recorded = await recordConversion(input)
  if ('limited' in recorded) throw new Error('rate limited')
  return recorded
}

async function deliver(workspaceId: string) {
  const before = smtp.received.length
  await deliverDueMail({ workspaceId, transport: createSmtpTransport(smtp.url), appUrl: APP_URL })
  return smtp.received.slice(before)
}

const linkIn = (text: string, path: string) => text.match(new RegExp(`${APP_URL}(/${path}/[^\\s\\]]+)`))?.[1]

const fields = [{ type: 'email', key: 'email', label: 'Email', required: true }] as const
const assetForm: FormDefinitionInput = {
  purpose: 'content_download',
  conversionType: 'soft',
  fields: [...fields],
  confirmationEmail: true,
  success: { type: 'asset', assetUrl: 'https://cdn.example.com/guide.pdf', label: 'Download' },
}

describe('mail to visitors', () => {
  test('a confirmation carries the signed download link, a plain-text part and List-Unsubscribe; unsubscribing stops later mail', async () => {
    const owner = await createOwner()
    await submit(owner.workspaceId, assetForm, 'vera@example.com')
    const [mail] = await deliver(owner.workspaceId)
    expect(mail!.envelopeTo).toEqual(['vera@example.com'])
    expect(mail!.mail.subject).toBe('Thank you: Pricing guide')
    expect(mail!.mail.text).toMatch(new RegExp(`${APP_URL}/d/\\S+`))
    const unsubscribe = linkIn(mail!.mail.text!, 'unsubscribe')!
    // The raw header lines: mailparser folds List-* headers into its own objects.
    const header = (key: string) =>
      mail!.mail.headerLines
        .find((h) => h.key === key)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n\s+/g, '')
    expect(header('list-unsubscribe')).toBe(`<${APP_URL}${unsubscribe}>`)
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    // The download link in the mail works: it redirects to the file.
    const { loader: download } = await import('#app/routes/d.$token')
    const downloadPath = linkIn(mail!.mail.text!, 'd')!
    const res = await readResult(await callRoute(download, downloadPath, { params: { token: downloadPath.slice(3) } }))
    expect(res.headers.get('location')).toBe('https://cdn.example.com/guide.pdf')

    // One click from the mail client (RFC 8058): no cookie, no origin.
    const done = await readResult(await callRoute(unsubscribeAction, unsubscribe, { method: 'POST', params: { token: unsubscribe.slice('/unsubscribe/'.length) } }))
    expect(done.status).toBe(200)
    await submit(owner.workspaceId, assetForm, 'vera@example.com')
    await submit(owner.workspaceId, assetForm, 'other@example.com')
    expect((await deliver(owner.workspaceId)).map((m) => m.envelopeTo)).toEqual([['other@example.com']])
  })

  test('double opt-in: unconfirmed until the link is opened; opening it again does no harm', async () => {
    const owner = await createOwner()
    const newsletter: FormDefinitionInput = { purpose: 'newsletter', conversionType: 'soft', fields: [...fields], doubleOptIn: true }
    const { leadId } = (await submit(owner.workspaceId, newsletter, 'nils@example.com')) as { leadId: string }
    const lead = () => db.select().from(leads).where(eq(leads.id, leadId))
    const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const fromApi = async () => (await api(leadApi, `/api/v1/leads/${leadId}`, { params: { id: leadId } })).body
    expect(await fromApi()).toMatchObject({ confirmedAt: null, confirmationRequestedAt: expect.any(String) })
    const [mail] = await deliver(owner.workspaceId)
    const confirm = linkIn(mail!.mail.text!, 'confirm')!
    const open = async () => readResult(await callRoute(confirmLoader, confirm, { params: { token: confirm.slice('/confirm/'.length) } }))
    const first = await open()
    expect(first.status).toBe(200)
    expect(String(first.body)).toContain('your address is confirmed')
    const confirmedAt = (await lead())[0]!.confirmedAt
    expect(confirmedAt).toBeInstanceOf(Date)
    expect((await fromApi()).confirmedAt).toBe(confirmedAt!.toISOString())
    const again = await open()
    expect(again.status).toBe(200)
    expect(String(again.body)).toContain('already confirmed')
    expect((await lead())[0]!.confirmedAt).toEqual(confirmedAt)
    // A confirmed address is not asked again.
    await submit(owner.workspaceId, newsletter, 'nils@example.com')
    expect(await deliver(owner.workspaceId)).toHaveLength(0)
    const tampered = await readResult(await callRoute(confirmLoader, confirm, { params: { token: confirm.slice('/confirm/'.length) + 'x' } }))
    expect(tampered.status).toBe(404)
  })
})

describe('in the page’s language', () => {
  const headerOf = (mail: Awaited<ReturnType<typeof deliver>>[number], key: string) =>
    mail.mail.headerLines
      .find((h) => h.key === key)
      ?.line.replace(/^[^:]+:\s*/, '')
      .replace(/\r?\n\s+/g, '')
  const tokenOf = (path: string) => path.slice(path.lastIndexOf('/') + 1)

  test('a Finnish page’s confirmation is Finnish, with List-Unsubscribe; its unsubscribe page speaks Finnish', async () => {
    const owner = await createOwner()
    await submit(owner.workspaceId, assetForm, 'aino@example.com', { pageLocale: 'fi' })
    const [mail] = await deliver(owner.workspaceId)
    expect(mail!.mail.subject).toBe('Kiitos: Pricing guide')
    expect(mail!.mail.text).toContain('Lähetit lomakkeen ”Pricing guide”. Olemme sinuun yhteydessä.')
    expect(mail!.mail.text).toContain('Peru tilaus')
    expect(mail!.mail.html).toContain('lang="fi"')
    expect(mail!.mail.text).not.toMatch(/Thank you|Unsubscribe|Download/)
    const unsubscribe = linkIn(mail!.mail.text!, 'unsubscribe')!
    expect(headerOf(mail!, 'list-unsubscribe')).toBe(`<${APP_URL}${unsubscribe}>`)
    expect(headerOf(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')

    // The browser prefers English: the page still speaks the mail's language.
    const headers = { 'Accept-Language': 'en-GB,en;q=0.9' }
    const page = await readResult(await callRoute(unsubscribeLoader, unsubscribe, { params: { token: tokenOf(unsubscribe) }, headers }))
    expect(page.status).toBe(200)
    expect(String(page.body)).toContain('<html lang="fi">')
    expect(String(page.body)).toContain('Lopeta tämän lähettäjän viestit tähän osoitteeseen.')
    const done = await readResult(await callRoute(unsubscribeAction, unsubscribe, { method: 'POST', params: { token: tokenOf(unsubscribe) }, headers }))
    expect(done.status).toBe(200)
    expect(String(done.body)).toContain('<html lang="fi">')
    expect(String(done.body)).toContain('Tilauksesi on peruttu')
  })

  test('a German page’s double opt-in asks in German ("Bitte bestätigen Sie Ihre Anmeldung"); the confirm page answers in German', async () => {
    const owner = await createOwner()
    const newsletter: FormDefinitionInput = { purpose: 'newsletter', conversionType: 'soft', fields: [...fields], doubleOptIn: true }
    await submit(owner.workspaceId, newsletter, 'jonas@example.com', { pageLocale: 'de-AT' })
    const [mail] = await deliver(owner.workspaceId)
    expect(mail!.mail.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung')
    expect(mail!.mail.text).toContain('Sie haben sich über „Pricing guide“ angemeldet.')
    expect(mail!.mail.text).toContain('Anmeldung bestätigen')
    expect(mail!.mail.text).toContain('Abmelden')
    expect(mail!.mail.html).toContain('lang="de"')
    const unsubscribe = linkIn(mail!.mail.text!, 'unsubscribe')!
    expect(headerOf(mail!, 'list-unsubscribe')).toBe(`<${APP_URL}${unsubscribe}>`)

    const confirm = linkIn(mail!.mail.text!, 'confirm')!
    const open = async () => readResult(await callRoute(confirmLoader, confirm, { params: { token: tokenOf(confirm) }, headers: { 'Accept-Language': 'sv' } }))
    const first = await open()
    expect(first.status).toBe(200)
    expect(String(first.body)).toContain('<html lang="de">')
    expect(String(first.body)).toContain('Vielen Dank, Ihre Anmeldung ist bestätigt')
    expect(String(await (await open()).body)).toContain('Ihre Anmeldung ist bereits bestätigt')
  })

  test('a link that cannot be read speaks the browser’s language', async () => {
    const headers = { 'Accept-Language': 'nb-NO,nb;q=0.9,en;q=0.5' }
    const confirm = await readResult(await callRoute(confirmLoader, '/confirm/nonsense', { params: { token: 'nonsense' }, headers }))
    expect(confirm.status).toBe(404)
    expect(String(confirm.body)).toContain('<html lang="nb">')
    expect(String(confirm.body)).toContain('Denne bekreftelseslenken er ikke gyldig')
    const unsubscribe = await readResult(await callRoute(unsubscribeLoader, '/unsubscribe/nonsense', { params: { token: 'nonsense' }, headers: { 'Accept-Language': 'es' } }))
    expect(unsubscribe.status).toBe(404)
    expect(String(unsubscribe.body)).toContain('<html lang="es">')
    expect(String(unsubscribe.body)).toContain('Este enlace para darse de baja no es válido')
  })
})

test('the forms API takes the settings, and refuses them on a form without an email field', async () => {
  const owner = await createOwner()
  const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  const ok = await api(formsApi, '/api/v1/forms', { method: 'POST', body: { name: 'News', purpose: 'newsletter', fields: [...fields], doubleOptIn: true, confirmationEmail: true } })
  expect(ok.status).toBe(201)
  const refused = await api(formsApi, '/api/v1/forms', { method: 'POST', body: { name: 'No email', fields: [{ type: 'text', key: 'name', label: 'Name' }], doubleOptIn: true } })
  expect(refused.status).toBe(400)
  expect(refused.body.errors.doubleOptIn).toEqual(['doubleOptIn needs an email field to send to'])
})

describe('experiment alerts', () => {
  test('the creator and watchers get each event once, however often the detector runs', async () => {
    const owner = await createOwner()
    const watcher = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const page = await insertPage({ workspaceId: owner.workspaceId })
    const startedAt = new Date(Date.now() - 8 * 24 * 3600 * 1000)
    const [experiment] = await db
      .insert(experiments)
      .values({
        workspaceId: owner.workspaceId,
        pageId: page.id,
        name: 'Headline test',
        status: 'running',
        seed: 1,
        variants: [
          { key: 'a', weight: 0.5 },
          { key: 'b', weight: 0.5 },
        ],
        controlKey: 'a',
        primaryMetric: 'any',
        minRuntimeDays: 7,
        startedAt,
        createdBy: owner.userId,
      })
      .returning()
    await setWatching({ experimentId: experiment!.id, userId: watcher.userId, isWatching: true })
    const first = await detectExperimentAlerts(new Date(), { workspaceId: owner.workspaceId })
    expect(first.map((r) => r.event).sort()).toEqual(['min_runtime', 'no_traffic'])
    expect(await detectExperimentAlerts(new Date(), { workspaceId: owner.workspaceId })).toEqual([])
    // The watcher joined through a real invite, whose mail is in the same workspace: count the alerts only.
    const queued = await db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.workspaceId, owner.workspaceId), eq(mailMessages.template, 'experiment-alert')))
    expect(queued).toHaveLength(4) // two events × (creator + watcher)
    const sent = await deliver(owner.workspaceId)
    expect(
      sent
        .map((m) => m.mail.subject)
        .filter((subject) => !/invit/i.test(subject ?? ''))
        .sort(),
    ).toEqual(['Minimum runtime reached: Headline test', 'Minimum runtime reached: Headline test', 'No traffic for 24 hours: Headline test', 'No traffic for 24 hours: Headline test'])
  })
})
