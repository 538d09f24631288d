import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { issueFillTimer } from '#app/conversions/fill-timer.server'
import { flushPageViews } from '#app/visitors/page-views.server'
import { conversions, leads, leadStageChanges, pageViews, spamSubmissions, webhookDeliveries, webhooks, workspaces } from '#db/schema'
import { BROWSER_UA, CONSENT_FORM, hiddenFieldsOf, loopbackAddress, postFrom, publishFormPage, startVisitorServer } from '#tests/factories/published-forms'
import { createOwner } from '#tests/factories/accounts'

let server: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (server = await startVisitorServer()))
afterAll(() => server.close())

// Each test posts from its own address (X-Forwarded-For is ignored without TRUST_PROXY, so vary nothing and
// keep each test under the per-IP limit, except the test about that limit).
const browser = { 'User-Agent': BROWSER_UA }

async function setup(definition = CONSENT_FORM) {
  const owner = await createOwner({ name: 'Form owner' })
  const page = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, definition })
  return { owner, ...page }
}

async function getPage(slug: string, { query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}/p/${slug}${query}`, { headers: { ...browser, ...headers } })
  return {
    response,
    html: await response.text(),
    cookies: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  }
}

// This file's posts come from an address of their own, so no other test file's posts count against its limit.
const address = loopbackAddress()

async function postJson(slug: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await postFrom(address, `${server.url}/p/${slug}`, {
    headers: { ...browser, Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers }
}

async function postForm(slug: string, fields: Record<string, string | string[]>, { query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {}) {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
  return postFrom(address, `${server.url}/p/${slug}${query}`, { headers: { ...browser, 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: body.toString() })
}

const email = () => `Visitor.${randomUUID().slice(0, 8)}@Example.com`

describe('the served form', () => {
  test('is a real HTML form posting to its own page, with the runtime fields and the enhancement script', async () => {
    const { slug, formId } = await setup()
    const { html, response } = await getPage(slug)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(html).toContain('<form method="post"')
    expect(html).not.toMatch(/<form[^>]*action=/) // posts to the page URL itself, query string included
    const hidden = hiddenFieldsOf(html)
    expect(hidden._form).toBe(formId)
    expect(hidden._idem).toMatch(/^[0-9a-f-]{36}$/)
    expect(hidden._t).toMatch(/^[0-9a-z]+\.[\w-]{16}$/)
    expect(html).toContain('name="_hp"')
    for (const name of ['email', 'name', 'company', 'consent']) expect(html).toContain(`name="${name}"`)
    expect(html).toContain('I agree to receive the guide')
    const script = /<script src="(\/page-assets\/form\.js\?v=[\w-]{10})" defer><\/script>/.exec(html)
    expect(script, 'the form script is fingerprinted (npm run build makes it)').not.toBeNull()
    // Served compressed from memory and cached for good under its fingerprint.
    const asset = await fetch(`${server.url}${script![1]}`, { headers: { 'Accept-Encoding': 'br' } })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-encoding')).toBe('br')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await asset.text()).toContain('data-sf-definition')
    // A fresh idempotency key per page view: two visitors never share one.
    expect(hiddenFieldsOf((await getPage(slug)).html)._idem).not.toBe(hidden._idem)
  })

  test('is served gzip-compressed per request and decodes to the same form', async () => {
    const { slug } = await setup()
    const response = await fetch(`${server.url}/p/${slug}`, { headers: { ...browser, 'Accept-Encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    const html = await response.text() // fetch decodes it; a broken splice would throw here
    expect(html).toContain('name="_idem"')
    expect(html.endsWith('</html>')).toBe(true)
  })

  test('prefills from URL parameters, escaped', async () => {
    const definition = { ...CONSENT_FORM, fields: [...CONSENT_FORM.fields, { key: 'campaign', type: 'hidden' as const, label: 'Campaign' }] }
    definition.fields[1] = { ...definition.fields[1]!, prefillParam: 'who' }
    const { slug } = await setup(definition)
    const { html } = await getPage(slug, { query: '?who=%22%3E%3Cscript%3Ex%3C/script%3E&campaign=spring' })
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"')
    expect(html).toContain('name="campaign" value="spring"')
  })
})

test('an edited form shows on its published page at once; an archived one keeps taking submissions', async () => {
  const { updateForm, archiveForm } = await import('#app/forms/form.server')
  const { validateFormDefinition } = await import('#app/forms/definition')
  const { slug, formId, owner } = await setup()
  expect((await getPage(slug)).html).toContain('Work email')
  const edited = validateFormDefinition({ ...CONSENT_FORM, fields: CONSENT_FORM.fields.map((f) => (f.key === 'email' ? { ...f, label: 'Business email' } : f)) })
  if (!edited.ok) throw new Error('bad definition')
  await updateForm({ workspaceId: owner.workspaceId, id: formId, name: 'Guide form', definition: edited.definition })
  const { html } = await getPage(slug)
  expect(html).toContain('Business email')
  await archiveForm({ workspaceId: owner.workspaceId, id: formId })
  const after = await getPage(slug)
  expect(after.html).toContain('Business email')
  expect((await postJson(slug, { ...hiddenFieldsOf(after.html), email: email(), consent: true })).status).toBe(201)
})

describe('JSON submissions', () => {
  test('201 with ids; the conversion and its lead are in PostgreSQL with answers and attribution', async () => {
    const { slug, formId, pageId, owner } = await setup()
    const landing = await getPage(slug, { query: '?utm_source=newsletter&utm_medium=email&utm_campaign=spring', headers: { Referer: 'https://mail.google.com/' } })
    const hidden = hiddenFieldsOf(landing.html)
    const address = email()
    const result = await postJson(slug, { ...hidden, email: address, name: 'Ada <b>Lovelace</b>', company: 'Analytical', consent: true }, { Cookie: landing.cookies })
    expect(result.status).toBe(201)
    expect(result.body).toMatchObject({ leadId: expect.any(String), conversionId: expect.any(String), success: { type: 'message', message: 'Thanks! Check your inbox.' } })
    const [conversion] = await db
      .select()
      .from(conversions)
      .where(eq(conversions.id, result.body.conversionId as string))
    expect(conversion).toMatchObject({ formId, pageId, variantKey: 'A', conversionType: 'soft', leadId: result.body.leadId, device: 'desktop', idempotencyKey: hidden._idem })
    expect(conversion!.answers).toEqual({ email: address.toLowerCase(), name: 'Ada <b>Lovelace</b>', company: 'Analytical', consent: true })
    expect(conversion!.touch).toMatchObject({ utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'spring', channel: 'email', landingPath: `/p/${slug}` })
    expect(conversion!.visitorId).toMatch(/^[0-9a-f-]{36}$/)
    expect(conversion!.startedAt).not.toBeNull()
    const [lead] = await db
      .select()
      .from(leads)
      .where(eq(leads.id, result.body.leadId as string))
    expect(lead).toMatchObject({
      workspaceId: owner.workspaceId,
      email: address.toLowerCase(),
      name: 'Ada <b>Lovelace</b>',
      company: 'Analytical',
      hotAt: null,
      stage: 'lead',
      softConversions: 1,
      hardConversions: 0,
      channel: 'email',
    })
  })

  test('the same submission twice (double click, retry) is one conversion with the same ids, even at once', async () => {
    const { slug } = await setup()
    const hidden = hiddenFieldsOf((await getPage(slug)).html)
    const body = { ...hidden, email: email(), consent: true }
    const results = await Promise.all(Array.from({ length: 5 }, () => postJson(slug, body)))
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(results.map((r) => r.body.conversionId)).size).toBe(1)
    const again = await postJson(slug, body)
    expect(again.body.conversionId).toBe(results[0]!.body.conversionId)
    const stored = await db.select({ id: conversions.id }).from(conversions).where(eq(conversions.idempotencyKey, hidden._idem))
    expect(stored).toHaveLength(1)
  })

  test('400 names each bad field; nothing is stored', async () => {
    const { slug, formId } = await setup()
    const hidden = hiddenFieldsOf((await getPage(slug)).html)
    const result = await postJson(slug, { ...hidden, email: 'not-an-email', consent: false })
    expect(result.status).toBe(400)
    expect(result.body).toEqual({ errors: { email: ['Enter a valid email address'], consent: ['Consent is required'] } })
    expect(await db.select().from(conversions).where(eq(conversions.formId, formId))).toHaveLength(0)
  })

  test('unknown form, malformed JSON, wrong content type and unknown page are clear 4xx answers', async () => {
    const { slug } = await setup()
    expect((await postJson(slug, { _form: randomUUID(), email: email() })).body).toEqual({ errors: { _form: ['This page has no such form'] } })
    const malformed = await postFrom(address, `${server.url}/p/${slug}`, { headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{"email":' })
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toEqual({ errors: { _body: ['The body is not valid JSON'] } })
    const xml = await postFrom(address, `${server.url}/p/${slug}`, { headers: { Accept: 'application/json', 'Content-Type': 'text/xml' }, body: '<a/>' })
    expect(xml.status).toBe(400)
    const missing = await postJson('no-such-page-here', { email: email() })
    expect(missing.status).toBe(404)
  })

  test('a later conversion joins the same lead by normalised email; a hard one makes it hot', async () => {
    const owner = await createOwner({ name: 'Two forms' })
    const soft = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId })
    const hard = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, definition: { ...CONSENT_FORM, purpose: 'demo_request', conversionType: 'hard' } })
    const address = email()
    const first = await postJson(soft.slug, { ...hiddenFieldsOf((await getPage(soft.slug)).html), email: address, name: 'Grace', consent: true })
    const second = await postJson(hard.slug, { ...hiddenFieldsOf((await getPage(hard.slug)).html), email: `  ${address.toUpperCase()} `, company: 'Navy', consent: true })
    expect(second.body.leadId).toBe(first.body.leadId)
    const [lead] = await db
      .select()
      .from(leads)
      .where(eq(leads.id, first.body.leadId as string))
    expect(lead).toMatchObject({ name: 'Grace', company: 'Navy', softConversions: 1, hardConversions: 1 })
    expect(lead!.hotAt).not.toBeNull()
    // The same email in another workspace is another lead.
    const other = await setup()
    const elsewhere = await postJson(other.slug, { ...hiddenFieldsOf((await getPage(other.slug)).html), email: address, consent: true })
    expect(elsewhere.body.leadId).not.toBe(first.body.leadId)
  })

  test('reaching the score threshold moves the lead to MQL, recorded in its history', async () => {
    const { slug, owner } = await setup({ ...CONSENT_FORM, conversionType: 'hard' })
    await db
      .update(workspaces)
      .set({ scoreRules: { pointsPerHard: 30, pointsPerSoft: 10, pointsPerPageView: 1, maxPageViewPoints: 20, halfLifeDays: 30, mqlThreshold: 25 } })
      .where(eq(workspaces.id, owner.workspaceId))
    const result = await postJson(slug, { ...hiddenFieldsOf((await getPage(slug)).html), email: email(), consent: true })
    const [lead] = await db
      .select({ stage: leads.stage })
      .from(leads)
      .where(eq(leads.id, result.body.leadId as string))
    expect(lead!.stage).toBe('mql')
    const history = await db
      .select()
      .from(leadStageChanges)
      .where(eq(leadStageChanges.leadId, result.body.leadId as string))
    expect(history).toMatchObject([{ fromStage: 'lead', toStage: 'mql', source: 'score', changedBy: null }])
  })

  test('webhooks for lead.created, conversion.created and lead.hot are queued in the same transaction', async () => {
    const { slug, owner } = await setup({ ...CONSENT_FORM, conversionType: 'hard' })
    const [hook] = await db
      .insert(webhooks)
      .values({ workspaceId: owner.workspaceId, url: 'https://hooks.example.com/in', secret: 'whsec_test', events: ['lead.created', 'conversion.created', 'lead.hot'] })
      .returning()
    const result = await postJson(slug, { ...hiddenFieldsOf((await getPage(slug)).html), email: email(), consent: true })
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook!.id))
    expect(deliveries.map((d) => d.event).sort()).toEqual(['conversion.created', 'lead.created', 'lead.hot'])
    const body = JSON.parse(deliveries.find((d) => d.event === 'lead.hot')!.body)
    expect(body).toMatchObject({ type: 'lead.hot', workspaceId: owner.workspaceId, data: { lead: { id: result.body.leadId, temperature: 'hot' } } })
  })
})

describe('spam', () => {
  test('a filled honeypot, a bot and a too-fast post are held for review, never conversions', async () => {
    const { slug, formId } = await setup({ ...CONSENT_FORM, minFillSeconds: 2 })
    const hidden = hiddenFieldsOf((await getPage(slug)).html)
    const honeypot = await postJson(slug, { ...hidden, _idem: randomUUID(), _t: issueFillTimer(Date.now() - 5000), _hp: 'http://spam.example', email: email(), consent: true })
    const bot = await postJson(slug, { ...hidden, _idem: randomUUID(), _t: issueFillTimer(Date.now() - 5000), email: email(), consent: true }, { 'User-Agent': 'python-requests/2.31' })
    const fast = await postJson(slug, { ...hidden, _idem: randomUUID(), _t: issueFillTimer(), email: email(), consent: true })
    const forged = await postJson(slug, { ...hidden, _idem: randomUUID(), _t: '1.AAAAAAAAAAAAAAAA', email: email(), consent: true })
    for (const r of [honeypot, bot, fast, forged]) expect(r).toMatchObject({ status: 201, body: { leadId: null, conversionId: null, held: true } })
    const held = await db.select({ reason: spamSubmissions.reason }).from(spamSubmissions).where(eq(spamSubmissions.formId, formId))
    expect(held.map((h) => h.reason).sort()).toEqual(['bot', 'honeypot', 'no-timer', 'too-fast'])
    expect(await db.select().from(conversions).where(eq(conversions.formId, formId))).toHaveLength(0)
    // A patient human gets through.
    const human = await postJson(slug, { ...hidden, _idem: randomUUID(), _t: issueFillTimer(Date.now() - 3000), email: email(), consent: true })
    expect(human.body.conversionId).toEqual(expect.any(String))
  })

  test('a minimum fill time of 0 turns the timer check off: a post without _t is taken', async () => {
    const { slug } = await setup({ ...CONSENT_FORM, minFillSeconds: 0 })
    const { _t, ...withoutTimer } = hiddenFieldsOf((await getPage(slug)).html)
    expect(_t).not.toBe('')
    const result = await postJson(slug, { ...withoutTimer, email: email(), consent: true })
    expect(result).toMatchObject({ status: 201, body: { conversionId: expect.any(String) } })
    expect(result.body.held).toBeUndefined()
  })

  test('413 for a body over 64 KB', async () => {
    const { slug } = await setup()
    const result = await fetch(`${server.url}/p/${slug}`, {
      method: 'POST',
      headers: { ...browser, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(70_000) }),
    })
    expect(result.status).toBe(413)
  })
})

describe('without JavaScript', () => {
  test('errors re-render the page with the messages and the typed values, escaped', async () => {
    const { slug } = await setup()
    const hidden = hiddenFieldsOf((await getPage(slug)).html)
    const response = await postForm(slug, { ...hidden, email: 'ada@nowhere', name: '"><script>alert(1)</script>', company: 'ACME' })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('Enter a valid email address')
    expect(html).toContain('Consent is required')
    expect(html).toContain('value="ada@nowhere"')
    expect(html).toContain('value="ACME"')
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain(`value="${hidden._idem}"`) // fixing a typo is the same submission
  })

  test('success is a 303 to the page showing the thank-you message, keeping the query string', async () => {
    const { slug } = await setup()
    const hidden = hiddenFieldsOf((await getPage(slug)).html)
    const response = await postForm(slug, { ...hidden, email: email(), consent: 'on' }, { query: '?utm_source=x' })
    expect(response.status).toBe(303)
    const location = response.headers.get('location')!
    expect(location).toMatch(new RegExp(`^/p/${slug}\\?utm_source=x&sf_done=[\\w.-]+#form$`))
    const done = await getPage(slug, { query: location.slice(location.indexOf('?'), location.indexOf('#')) })
    expect(done.html).toContain('Thanks! Check your inbox.')
    expect(done.html).not.toContain('name="_idem"')
    // A forged token shows the form, not the thank-you.
    expect((await getPage(slug, { query: '?sf_done=abc.def' })).html).toContain('name="_idem"')
  })

  test('a multi-step form moves step by step, carrying earlier answers in hidden inputs', async () => {
    const definition = {
      ...CONSENT_FORM,
      steps: [
        { title: 'You', fieldKeys: ['email', 'name'] },
        { title: 'Your company', fieldKeys: ['company', 'consent'] },
      ],
    }
    const { slug, formId } = await setup(definition)
    const first = await getPage(slug)
    expect(first.html).toContain('Step 1 of 2')
    expect(first.html).not.toContain('name="company"')
    const hidden = { ...hiddenFieldsOf(first.html), _step: '0' }
    const invalid = await postForm(slug, { ...hidden, email: 'bad' })
    expect(invalid.status).toBe(400)
    expect(await invalid.text()).toContain('Enter a valid email address')
    const address = email()
    const second = await postForm(slug, { ...hidden, email: address, name: 'Lin' })
    expect(second.status).toBe(200)
    const html = await second.text()
    expect(html).toContain('Step 2 of 2')
    expect(html).toContain(`<input type="hidden" name="email" value="${address}"/>`)
    expect(html).toContain('name="company"')
    const done = await postForm(slug, { ...hidden, _step: '1', email: address, name: 'Lin', company: 'Lin & Co', consent: 'on' })
    expect(done.status).toBe(303)
    const [conversion] = await db.select({ answers: conversions.answers }).from(conversions).where(eq(conversions.formId, formId))
    expect(conversion!.answers).toMatchObject({ email: address.toLowerCase(), name: 'Lin', company: 'Lin & Co', consent: true })
  })
})

describe('visitors', () => {
  test('a first visit gets a visitor cookie and is counted once written; bots and previews are not', async () => {
    const { slug, pageId } = await setup()
    const visit = await getPage(slug, { query: '?utm_source=google&utm_medium=cpc' })
    const setCookies = visit.response.headers.getSetCookie()
    expect(setCookies.find((c) => c.startsWith('sf_vid='))).toMatch(/HttpOnly; SameSite=Lax/)
    expect(setCookies.some((c) => c.startsWith('sf_ft='))).toBe(true)
    expect(setCookies.some((c) => c.startsWith('sf_lt='))).toBe(true)
    // The same visitor again: no new cookies for a direct view.
    const again = await getPage(slug, { headers: { Cookie: visit.cookies } })
    expect(again.response.headers.getSetCookie()).toEqual([])
    await getPage(slug, { headers: { 'User-Agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } })
    await getPage(slug, { query: '?variant=A' })
    await getPage(slug, { headers: { 'Sec-Purpose': 'prefetch' } })
    await flushPageViews()
    const views = await db.select().from(pageViews).where(eq(pageViews.pageId, pageId))
    expect(views).toHaveLength(2)
    expect(views.map((v) => v.channel).sort()).toEqual(['direct', 'paid_search'])
    expect(new Set(views.map((v) => v.visitorId)).size).toBe(1)
  })
})

test('answers stay per workspace: a conversion never lands in the page owner’s neighbour', async () => {
  const a = await setup()
  const b = await setup()
  const result = await postJson(a.slug, { ...hiddenFieldsOf((await getPage(a.slug)).html), _form: a.formId, email: email(), consent: true })
  const rows = await db
    .select({ workspaceId: conversions.workspaceId })
    .from(conversions)
    .where(and(eq(conversions.id, result.body.conversionId as string)))
  expect(rows).toEqual([{ workspaceId: a.owner.workspaceId }])
  // Posting workspace B's form id to A's page is refused.
  expect((await postJson(a.slug, { _form: b.formId, email: email(), consent: true })).body).toEqual({ errors: { _form: ['This page has no such form'] } })
})

describe('held submissions', () => {
  test('a member restores one as a lead, once; viewers and other workspaces cannot', async () => {
    const { loader, action } = await import('#app/routes/_app.leads.held')
    const { createMember, callRoute, readResult } = await import('#tests/factories/accounts')
    const { slug, owner, formId } = await setup()
    const hidden = hiddenFieldsOf((await getPage(slug)).html)
    const address = email()
    await postJson(slug, { ...hidden, _hp: 'gotcha', email: address, name: '<img src=x onerror=alert(1)>', consent: true }, { 'X-Test': '1' })
    const list = await readResult(await callRoute(loader as never, '/leads/held', { cookie: owner.cookie }))
    const held = (list.body as { held: { id: string; reason: string; answers: Record<string, unknown> }[] }).held
    expect(held).toHaveLength(1)
    expect(held[0]).toMatchObject({ reason: 'honeypot', answers: { email: address.toLowerCase(), name: '<img src=x onerror=alert(1)>' } })
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    expect((await readResult(await callRoute(action as never, '/leads/held', { cookie: viewer.cookie, form: { id: held[0]!.id } }))).status).toBe(403)
    const stranger = await createOwner({ name: 'Stranger' })
    expect((await readResult(await callRoute(action as never, '/leads/held', { cookie: stranger.cookie, form: { id: held[0]!.id } }))).status).toBe(404)
    const restored = await readResult(await callRoute(action as never, '/leads/held', { cookie: owner.cookie, form: { id: held[0]!.id } }))
    expect(restored.body).toMatchObject({ restoredLeadId: expect.any(String) })
    expect((await readResult(await callRoute(action as never, '/leads/held', { cookie: owner.cookie, form: { id: held[0]!.id } }))).status).toBe(400)
    const stored = await db.select({ leadId: conversions.leadId }).from(conversions).where(eq(conversions.formId, formId))
    expect(stored).toEqual([{ leadId: (restored.body as { restoredLeadId: string }).restoredLeadId }])
  })
})

describe('rate limit', () => {
  test('429 with Retry-After after 30 submissions a minute from one address', async () => {
    const { slug } = await setup()
    const hidden = hiddenFieldsOf((await getPage(slug)).html)
    const own = loopbackAddress() // not the address the other tests here post from
    const post = () =>
      postFrom(own, `${server.url}/p/${slug}`, {
        headers: { ...browser, Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...hidden, _idem: randomUUID(), email: email(), consent: true }),
      })
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 31; i++) statuses.push((last = await post()).status)
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true)
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
