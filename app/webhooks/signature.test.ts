import { createHmac } from 'node:crypto'
import { expect, test } from 'vitest'
import { generateWebhookSecret, signWebhook, verifyWebhook, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './signature'

const secret = 'whsec_test_secret'
const timestamp = 1_735_689_600 // 2025-01-01T00:00:00Z
const body = '{"event":"lead.created","lead":{"email":"ada@example.com"}}'

test('matches an HMAC-SHA256 computed independently', () => {
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')
  expect(signWebhook({ secret, timestamp, body })).toBe(`v1=${expected}`)
  // Pinned (computed with `openssl dgst -sha256 -hmac whsec_abc`), so a change to the scheme cannot slip through:
  // receivers' code depends on it.
  const literal = 'bad9ac117e973d721c232d46744158d75e3f1b44e36771e13d01b9e6a580bc72'
  expect(createHmac('sha256', 'whsec_abc').update('1700000000.{}').digest('hex')).toBe(literal)
  expect(signWebhook({ secret: 'whsec_abc', timestamp: 1700000000, body: '{}' })).toBe(`v1=${literal}`)
})

test('header names', () => {
  expect([WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_SIGNATURE_HEADER]).toEqual(['Splitform-Timestamp', 'Splitform-Signature'])
})

test('verifies a fresh signature, from number or header string', () => {
  const signature = signWebhook({ secret, timestamp, body })
  expect(verifyWebhook({ secret, timestamp, body, signature, now: timestamp + 10 })).toBe(true)
  expect(verifyWebhook({ secret, timestamp: String(timestamp), body, signature, now: timestamp })).toBe(true)
  expect(verifyWebhook({ secret, timestamp, body, signature: signature.toUpperCase().replace('V1=', 'v1='), now: timestamp })).toBe(true)
})

test('refuses a wrong secret, a changed body or a re-dated timestamp', () => {
  const signature = signWebhook({ secret, timestamp, body })
  expect(verifyWebhook({ secret: 'whsec_other', timestamp, body, signature, now: timestamp })).toBe(false)
  expect(verifyWebhook({ secret, timestamp, body: body.replace('ada', 'eve'), signature, now: timestamp })).toBe(false)
  expect(verifyWebhook({ secret, timestamp: timestamp + 1, body, signature, now: timestamp })).toBe(false)
})

test('refuses replays outside the window, both ways', () => {
  const signature = signWebhook({ secret, timestamp, body })
  expect(verifyWebhook({ secret, timestamp, body, signature, now: timestamp + 300 })).toBe(true)
  expect(verifyWebhook({ secret, timestamp, body, signature, now: timestamp + 301 })).toBe(false)
  expect(verifyWebhook({ secret, timestamp, body, signature, now: timestamp - 301 })).toBe(false)
  expect(verifyWebhook({ secret, timestamp, body, signature, now: timestamp + 3600, toleranceSeconds: 3600 })).toBe(true)
})

test('uses the clock when now is not given', () => {
  const fresh = Math.floor(Date.now() / 1000)
  expect(verifyWebhook({ secret, timestamp: fresh, body, signature: signWebhook({ secret, timestamp: fresh, body }) })).toBe(true)
  expect(verifyWebhook({ secret, timestamp, body, signature: signWebhook({ secret, timestamp, body }) })).toBe(false) // 2025 is stale
})

test('accepts any of several signatures, for secret rotation', () => {
  const current = signWebhook({ secret, timestamp, body })
  const old = signWebhook({ secret: 'whsec_old', timestamp, body })
  expect(verifyWebhook({ secret, timestamp, body, signature: `${old},${current}`, now: timestamp })).toBe(true)
  expect(verifyWebhook({ secret, timestamp, body, signature: `${old} ${current}`, now: timestamp })).toBe(true)
  expect(verifyWebhook({ secret, timestamp, body, signature: old, now: timestamp })).toBe(false)
})

test.each([null, '', 'v1=', 'v1=zz', 'v2=abc', 'sha256=abc', `v1=${'0'.repeat(63)}`, `v1=${'0'.repeat(64)}`, `v1=${'a'.repeat(100000)}`])(
  'refuses malformed signature %j without throwing',
  (signature) => {
    expect(verifyWebhook({ secret, timestamp, body, signature, now: timestamp })).toBe(false)
  },
)

test.each([null, '', 'soon', '1.5e9', '-1', `${timestamp}abc`, Number.NaN, Infinity])('refuses malformed timestamp %j', (bad) => {
  const signature = signWebhook({ secret, timestamp, body })
  expect(verifyWebhook({ secret, timestamp: bad, body, signature, now: timestamp })).toBe(false)
})

test('secrets are whsec_ + 32 random bytes in base64url', () => {
  const secrets = new Set(Array.from({ length: 20 }, generateWebhookSecret))
  expect(secrets.size).toBe(20)
  for (const s of secrets) {
    expect(s).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(s.slice(6), 'base64url')).toHaveLength(32)
  }
})
