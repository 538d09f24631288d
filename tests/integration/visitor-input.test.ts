import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { issueFillTimer } from '#app/conversions/fill-timer.server'
import { conversions, spamSubmissions } from '#db/schema'
import { BROWSER_UA, hiddenFieldsOf, loopbackAddress, postFrom, publishFormPage, startVisitorServer } from '#tests/factories/published-forms'
import { createOwner } from '#tests/factories/accounts'

// The visitor path (POST /p/:slug) with text PostgreSQL cannot store, malformed idempotency keys and retried held
// submissions: each is a 400 naming the field (as JSON for the page script, as the page again without JS) or
// stored once, never a 503 the page script would retry for ever.

let server: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (server = await startVisitorServer()))
afterAll(() => server.close())

const address = loopbackAddress()

async function setup() {
  const owner = await createOwner({ name: 'Visitor input' })
  const page = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId })
  const html = await (await fetch(`${server.url}/p/${page.slug}`, { headers: { 'User-Agent': BROWSER_UA } })).text()
  return { ...page, hidden: { ...hiddenFieldsOf(html), _t: issueFillTimer(Date.now() - 5000) } }
}

async function post(slug: string, body: string, { json = true, accept, userAgent = BROWSER_UA }: { json?: boolean; accept?: string; userAgent?: string } = {}) {
  const response = await postFrom(address, `${server.url}/p/${slug}`, {
    headers: { 'User-Agent': userAgent, Accept: accept ?? (json ? 'application/json' : 'text/html'), 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body,
  })
  return { status: response.status, text: await response.text() }
}

const email = () => `visitor-${randomUUID()}@example.com`

describe('text that cannot be stored', () => {
  test('a lone surrogate is the field’s 400 for the page script, every time, and nothing is stored', async () => {
    const { slug, formId, hidden } = await setup()
    const body = JSON.stringify({ ...hidden, email: email(), consent: true, name: '\ud800' })
    expect(body).toContain('\\ud800') // sent as JSON.stringify writes it
    for (let i = 0; i < 2; i++) {
      const answer = await post(slug, body)
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.text)).toEqual({ errors: { name: [expect.stringMatching(/unpaired UTF-16 surrogate/)] } })
    }
    expect(await db.select().from(conversions).where(eq(conversions.formId, formId))).toHaveLength(0)
  })

  test('without JS the page comes back with the error next to the field and the other answers kept', async () => {
    const { slug, hidden } = await setup()
    const answer = await post(slug, JSON.stringify({ ...hidden, email: 'ada@example.com', consent: true, company: 'x\udc00' }), { accept: 'text/html' })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain('unpaired UTF-16 surrogate')
    expect(answer.text).toContain('value="ada@example.com"')
    expect(answer.text).toMatch(/value="x\ufffd"/) // shown back with U+FFFD, never the lone surrogate
  })

  test('a value that is not one of the form’s fields is named above the form', async () => {
    const { slug, hidden } = await setup()
    const answer = await post(slug, JSON.stringify({ ...hidden, email: email(), consent: true, extra: ['\ud800'] }), { accept: 'text/html' })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain('extra: Contains an unpaired UTF-16 surrogate')
  })

  test('NUL in an answer is dropped as before (control characters), and the submission is stored', async () => {
    const { slug, formId, hidden } = await setup()
    const answer = await post(slug, JSON.stringify({ ...hidden, email: email(), consent: true, name: 'A\u0000da' }))
    expect(answer.status).toBe(201)
    const [row] = await db.select({ answers: conversions.answers }).from(conversions).where(eq(conversions.formId, formId))
    expect(row!.answers).toMatchObject({ name: 'Ada' })
  })

  test('JSON nested past the limit is the field’s 400', async () => {
    const { slug, hidden } = await setup()
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
    const answer = await post(slug, `{"_form":"${hidden._form}","email":"${email()}","name":${deep}}`)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.text)).toEqual({ errors: { name: [expect.stringMatching(/Nested too deeply/)] } })
  })
})

describe('idempotency keys', () => {
  test('a malformed _idem is a 400 naming it, so retries cannot each make a conversion', async () => {
    const { slug, formId, hidden } = await setup()
    for (const bad of ['short', 'x'.repeat(65), 'has space in it 123', 'ünïcødé-ünïcødé-ünïcødé', '']) {
      const answer = await post(slug, JSON.stringify({ ...hidden, _idem: bad, email: email(), consent: true }))
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.text)).toEqual({ errors: { _idem: [expect.stringMatching(/16 to 64 characters/)] } })
    }
    const form = await post(slug, new URLSearchParams({ ...hidden, _idem: 'bad key', email: email(), consent: 'on' }).toString(), { json: false })
    expect(form.status).toBe(400)
    expect(form.text).toMatch(/idempotency key must be 16 to 64 characters/)
    for (let i = 0; i < 3; i++) expect((await post(slug, JSON.stringify({ ...hidden, _idem: 'retry-key-0123456789', email: 'same@example.com', consent: true }))).status).toBe(201)
    expect(await db.select().from(conversions).where(eq(conversions.formId, formId))).toHaveLength(1)
  })

  test('a held submission retried with the same key is held once', async () => {
    const { slug, formId, hidden } = await setup()
    const body = JSON.stringify({ ...hidden, _idem: `held-${randomUUID()}`, email: email(), consent: true })
    for (let i = 0; i < 3; i++) {
      const answer = await post(slug, body, { userAgent: 'python-requests/2.31' })
      expect(answer.status).toBe(201)
      expect(JSON.parse(answer.text)).toMatchObject({ held: true })
    }
    expect(await db.select().from(spamSubmissions).where(eq(spamSubmissions.formId, formId))).toHaveLength(1)
  })
})
