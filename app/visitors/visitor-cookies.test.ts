import { expect, test } from 'vitest'
import { attributedChannel, decodeTouch, encodeTouch, expireIdentifyingCookies, readVisitorCookies } from './visitor-cookies'

const touch = {
  utmSource: 'newsletter',
  utmMedium: 'email',
  utmCampaign: 'spring',
  utmTerm: null,
  utmContent: null,
  referrer: 'mail.google.com',
  landingPath: '/p/demo',
  channel: 'email',
  hasClickId: false,
  at: '2026-11-22T10:00:00.000Z',
}

test('touch cookies round-trip', () => {
  expect(decodeTouch(encodeTouch(touch))).toEqual(touch)
})

test('damaged or forged cookies read as absent, never as something else', () => {
  for (const value of [
    '',
    'x',
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from(JSON.stringify(['a', null, null, null, null, null, '/p', 'martian', false, null])).toString('base64url'),
    'a'.repeat(5000),
  ]) {
    expect(decodeTouch(value)).toBeNull()
  }
  const cookies = readVisitorCookies(`sf_vid=not-a-uuid; sf_ft=garbage; other=1`)
  expect(cookies).toEqual({ visitorId: null, firstTouch: null, lastTouch: null })
})

test('the largest touch the capped fields allow still fits in a cookie (4 KB) with room to spare', () => {
  const largest = {
    ...touch,
    utmTerm: 'x'.repeat(200),
    utmContent: 'y'.repeat(200),
    referrer: 'r'.repeat(500),
    landingPath: '/p/' + 'z'.repeat(497),
    utmSource: 's'.repeat(200),
    utmMedium: 'm'.repeat(200),
    utmCampaign: 'c'.repeat(200),
  }
  const encoded = encodeTouch(largest)
  expect(encoded.length).toBeLessThan(3000)
  expect(decodeTouch(encoded)).toEqual(largest)
})

test('our cookies are read from a real Cookie header', () => {
  const id = '3f0c6f0e-1111-4222-8333-444455556666'
  const cookies = readVisitorCookies(`a=1; sf_vid=${id}; sf_lt=${encodeTouch(touch)}`)
  expect(cookies).toMatchObject({ visitorId: id, firstTouch: null, lastTouch: { utmSource: 'newsletter' } })
})

test('an attributed view counts under where it came from, else the earlier touch, else direct', () => {
  expect(attributedChannel({ channel: 'social' }, touch)).toBe('social')
  expect(attributedChannel({ channel: 'direct' }, touch)).toBe('email')
  expect(attributedChannel({ channel: 'direct' }, null)).toBe('direct')
})

test('expiring: each identifying cookie sent, once, with the attributes it was set with; the choice and strangers stay', () => {
  const header = 'sf_consent=denied; sf_vid=0b0c7a1e-5d7e-4b2a-9c1d-2f3e4a5b6c7d; other=1; sf_x_0123456789ab=B; sf_ft=abc; sf_vid=old; sf_xy=1'
  expect(expireIdentifyingCookies(header, false)).toEqual([
    'Set-Cookie',
    'sf_vid=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
    'Set-Cookie',
    'sf_x_0123456789ab=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
    'Set-Cookie',
    'sf_ft=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
  ])
  // Over HTTPS they were set Secure: only a Secure line replaces them.
  expect(expireIdentifyingCookies('sf_lt=abc', true)).toEqual(['Set-Cookie', 'sf_lt=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure'])
  for (const none of [undefined, '', 'sf_consent=denied', 'a_sf_vid=1; xsf_lt=2', 'sf_x_short=A']) expect(expireIdentifyingCookies(none, false), none).toBeNull()
})
