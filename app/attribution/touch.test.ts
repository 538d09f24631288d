import { expect, test } from 'vitest'
import { readTouch } from './touch'

test('reads UTM parameters, any case, trimmed', () => {
  const url = new URL('https://acme.test/p/demo?UTM_Source=%20LinkedIn%20&utm_medium=paid_social&Utm_Campaign=spring&utm_term=forms&utm_content=video')
  expect(readTouch(url, 'https://www.linkedin.com/feed/?trk=abc')).toEqual({
    utmSource: 'LinkedIn',
    utmMedium: 'paid_social',
    utmCampaign: 'spring',
    utmTerm: 'forms',
    utmContent: 'video',
    referrer: 'www.linkedin.com/feed/',
    landingPath: '/p/demo',
    channel: 'social',
    hasClickId: false,
  })
})

test('the first of repeated parameters wins, and empty ones are null', () => {
  const touch = readTouch(new URL('https://acme.test/?utm_source=a&UTM_SOURCE=b&utm_medium=&utm_campaign=%20'), null)
  // Tagged with a source no rule names: a campaign, so referral, not direct (issue 17).
  expect(touch).toMatchObject({ utmSource: 'a', utmMedium: null, utmCampaign: null, referrer: null, channel: 'referral' })
  expect(readTouch(new URL('https://acme.test/?utm_source=&utm_medium=%20'), null)).toMatchObject({ utmSource: null, utmMedium: null, channel: 'direct' })
})

test('click ids: gclid and msclkid mean paid search, fbclid only marks a click', () => {
  expect(readTouch(new URL('https://acme.test/?gclid=abc'), 'https://www.google.com/')).toMatchObject({ channel: 'paid_search', hasClickId: true })
  expect(readTouch(new URL('https://acme.test/?MSCLKID=abc'), null)).toMatchObject({ channel: 'paid_search', hasClickId: true })
  expect(readTouch(new URL('https://acme.test/?fbclid=abc'), 'https://l.facebook.com/')).toMatchObject({ channel: 'social', hasClickId: true })
  expect(readTouch(new URL('https://acme.test/?gclid='), null)).toMatchObject({ channel: 'direct', hasClickId: false })
})

test('the referrer keeps host and path only: queries can hold search terms and emails', () => {
  expect(readTouch(new URL('https://acme.test/'), 'https://Partner.test/review?email=ada@example.com#top').referrer).toBe('partner.test/review')
  expect(readTouch(new URL('https://acme.test/'), 'https://www.google.com/').referrer).toBe('www.google.com')
  expect(readTouch(new URL('https://acme.test/'), 'garbage').referrer).toBeNull()
})

test('same-site navigation is direct', () => {
  expect(readTouch(new URL('https://www.acme.test/pricing'), 'https://www.acme.test/').channel).toBe('direct')
})

test('everything is capped and control characters dropped', () => {
  const long = 'x'.repeat(5000)
  const url = new URL(`https://acme.test/${long}?utm_source=${long}&utm_campaign=a%00b%0Ac`)
  const touch = readTouch(url, `https://partner.test/${long}`)
  expect(touch.utmSource).toHaveLength(200)
  expect(touch.utmCampaign).toBe('abc')
  expect(touch.referrer).toHaveLength(500)
  expect(touch.landingPath).toHaveLength(500)
})
