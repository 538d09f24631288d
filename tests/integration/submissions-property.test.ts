import { randomUUID } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { issueFillTimer } from '#app/conversions/fill-timer.server'
import { conversions, spamSubmissions } from '#db/schema'
import { BROWSER_UA, hiddenFieldsOf, postFrom, publishFormPage, startVisitorServer } from '#tests/factories/published-forms'
import { createOwner } from '#tests/factories/accounts'

// Thousands of random and hostile submissions: whatever arrives, the answer is 201, 400, 413 or 429 (never a
// 500), and every accepted one is stored exactly once (idempotency keys are reused on purpose). The requests are
// those fc.assert made with this seed (the same statuses, keys accepted and held), sent eight at a time.

let server: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (server = await startVisitorServer()))
afterAll(() => server.close())

const RUNS = 2000
const LANES = 8
let sentFrom = 0
/** Posts from a rotating loopback address (127.0.0.0/8 all reach us), so the per-IP limit is not what we test. */
async function send(slug: string, contentType: string, payload: string) {
  const localAddress = `127.0.${1 + Math.floor(sentFrom / 20 / 250)}.${1 + (Math.floor(sentFrom / 20) % 250)}`
  sentFrom++
  const response = await postFrom(localAddress, `${server.url}/p/${slug}`, { headers: { 'Content-Type': contentType, Accept: 'application/json', 'User-Agent': BROWSER_UA }, body: payload })
  return { status: response.status, body: await response.text() }
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '=HYPERLINK("http://evil")', '\u0000\u0007\u202e', '𝕏'.repeat(300), ' ', 'a@b', 'ada@example.com', 'on', 'true'),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
)
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }),
)
/** The idempotency key a request carries, as the app reads it (one well-formed `_idem` string), or undefined. */
function idempotencyKeyOf({ type, payload }: { type: string; payload: string }) {
  let idem: unknown
  if (type === 'application/json') {
    try {
      idem = (JSON.parse(payload) as { _idem?: unknown } | null)?._idem
    } catch {
      return undefined
    }
  } else idem = new URLSearchParams(payload).getAll('_idem')
  // A form field arrives as a list; one value is the key itself.
  const key = Array.isArray(idem) && idem.length === 1 ? idem[0] : idem
  return typeof key === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : undefined
}
const laneOf = (key: string) => [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0) % LANES

const KEYS = ['email', 'name', 'company', 'consent', '_form', '_idem', '_t', '_hp', '_step', '_variant', '__proto__', 'constructor']

test(`${RUNS} random and hostile bodies: only 201/400/413/429, every accepted one stored once`, { timeout: 180_000 }, async () => {
  const owner = await createOwner({ name: 'Fuzz' })
  const { slug, formId } = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId })
  const page = await (await fetch(`${server.url}/p/${slug}`, { headers: { 'User-Agent': BROWSER_UA } })).text()
  const hidden = hiddenFieldsOf(page)
  const idems = fc.constantFrom(...Array.from({ length: 300 }, () => randomUUID()))
  const mild = fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 40 }) }, hostileString)
  const valid = fc.record({
    email: fc.oneof(
      fc.emailAddress(),
      fc.uuid().map((u) => `${u}@example.com`),
    ),
    name: mild,
    company: mild,
    consent: fc.constantFrom(true, 'on'),
    _idem: idems,
  })
  const body = fc.oneof(
    // Nearly valid: a real submission with some fields replaced or removed.
    {
      weight: 3,
      arbitrary: fc.tuple(valid, fc.dictionary(fc.constantFrom(...KEYS), anyValue, { maxKeys: 2 }), fc.subarray(KEYS, { maxLength: 2 })).map(([v, overrides, removed]) => {
        const b: Record<string, unknown> = { ...hidden, _t: issueFillTimer(Date.now() - 5000), ...v, ...overrides }
        for (const key of removed) delete b[key]
        return b
      }),
    },
    // Anything at all.
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 })), anyValue, { maxKeys: 12 }),
  )
  const request = fc.oneof(
    { weight: 3, arbitrary: body.map((b) => ({ type: 'application/json', payload: JSON.stringify(b) })) },
    body.map((b) => {
      const form = new URLSearchParams()
      for (const [k, v] of Object.entries(b)) for (const item of [v].flat()) form.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item))
      return { type: 'application/x-www-form-urlencoded', payload: form.toString() }
    }),
    fc
      .tuple(
        fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', ''),
        fc.oneof(fc.string({ unit: 'binary' }), fc.constant('{"a":'), fc.constant('[1,2]'), fc.constant('null')),
      )
      .map(([type, payload]) => ({ type, payload })),
  )

  const statuses = new Map<number, number>()
  const accepted = new Map<string, string>() // idempotency key → conversion id
  const heldKeys = new Set<string>() // a held submission sent again with its key is held once
  let heldWithoutKey = 0
  async function check({ type, payload }: { type: string; payload: string }) {
    const { status, body: text } = await send(slug, type, payload)
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
    const sent = `for ${type || 'no type'} ${JSON.stringify(payload.slice(0, 300))}`
    expect([201, 400, 413, 429], `${status} ${sent}: ${text.slice(0, 300)}`).toContain(status)
    if (status !== 201) return
    const json = JSON.parse(text)
    const key = idempotencyKeyOf({ type, payload })
    if (json.held) return void (key ? heldKeys.add(key) : heldWithoutKey++)
    expect(json.conversionId, sent).toEqual(expect.any(String))
    if (key) {
      // The same key again answers the same conversion.
      if (accepted.has(key)) expect(json.conversionId, sent).toBe(accepted.get(key))
      accepted.set(key, json.conversionId)
    }
  }
  // Sent over LANES connections at once rather than one by one (the test waited on each round trip); the requests
  // that share an idempotency key go down one lane in their order, so each key meets the same sequence as before.
  const lanes: { type: string; payload: string }[][] = Array.from({ length: LANES }, () => [])
  fc.sample(request, { numRuns: RUNS, seed: 20261122 }).forEach((sent, i) => {
    const key = idempotencyKeyOf(sent)
    lanes[key ? laneOf(key) : i % LANES]!.push(sent)
  })
  await Promise.all(
    lanes.map(async (lane) => {
      for (const sent of lane) await check(sent)
    }),
  )
  const stored = await db.select({ id: conversions.id, idem: conversions.idempotencyKey }).from(conversions).where(eq(conversions.formId, formId))
  const byKey = new Map(stored.map((row) => [row.idem, row.id]))
  expect(byKey.size).toBe(stored.length) // one row per idempotency key
  for (const [idem, id] of accepted) expect(byKey.get(idem)).toBe(id)
  const spam = await db.select({ id: spamSubmissions.id }).from(spamSubmissions).where(eq(spamSubmissions.formId, formId))
  expect(spam).toHaveLength(heldKeys.size + heldWithoutKey)
  // The run must really have exercised both outcomes.
  expect(accepted.size).toBeGreaterThan(50)
  console.log('[property] statuses', Object.fromEntries(statuses), 'accepted keys', accepted.size, 'held', heldKeys.size + heldWithoutKey)
  expect(statuses.get(400)).toBeGreaterThan(100)
  expect(statuses.get(413)).toBeGreaterThan(0)
  expect(
    await db
      .select({ id: conversions.id })
      .from(conversions)
      .where(inArray(conversions.id, [...accepted.values()])),
  ).toHaveLength(accepted.size)
})
