import { expect, test } from 'vitest'
import { readPrivacySettings } from '#app/privacy/settings'
import { readConsentChoice, viewPrivacy } from './consent'
import { visitorCookie } from './visitor-cookies'

test('the choice is read from sf_consent alone, and only the two values the banner writes', () => {
  expect(readConsentChoice(undefined)).toBeNull()
  expect(readConsentChoice('sf_vid=x')).toBeNull()
  expect(readConsentChoice('a=1; sf_consent=granted; b=2')).toBe('granted')
  expect(readConsentChoice('sf_consent=denied')).toBe('denied')
  for (const forged of ['sf_consent=grantedx', 'sf_consent=GRANTED', 'xsf_consent=granted', 'sf_consent=', 'sf_consent=yes']) expect(readConsentChoice(forged), forged).toBeNull()
})

test('what each mode and choice allows, and what the view records', () => {
  const settings = (mode: 'cookies' | 'consent' | 'cookieless') => readPrivacySettings({ mode, banner: true, cookieDays: 45, retentionMonths: 13 })
  expect(viewPrivacy(settings('cookies'), 'sf_consent=denied')).toEqual({ identify: true, consent: 'cookies', maxAgeSeconds: null })
  expect(viewPrivacy(settings('consent'), undefined)).toEqual({ identify: false, consent: 'pending', maxAgeSeconds: null })
  expect(viewPrivacy(settings('consent'), 'sf_consent=denied')).toEqual({ identify: false, consent: 'denied', maxAgeSeconds: null })
  expect(viewPrivacy(settings('consent'), 'sf_consent=granted')).toEqual({ identify: true, consent: 'granted', maxAgeSeconds: 45 * 86400 })
  expect(viewPrivacy(settings('cookieless'), 'sf_consent=granted')).toEqual({ identify: false, consent: 'cookieless', maxAgeSeconds: null })
})

test('after consent a cookie lasts at most the workspace cookieDays; without a cap, its own lifetime', () => {
  const id = '3f2c1e9a-8b7d-4c6e-9f1a-2b3c4d5e6f70'
  expect(visitorCookie(id, false)).toContain(`Max-Age=${365 * 86400};`)
  expect(visitorCookie(id, true, 45 * 86400)).toMatch(new RegExp(`Max-Age=${45 * 86400}; .*Secure$`))
  expect(visitorCookie(id, false, 395 * 86400)).toContain(`Max-Age=${365 * 86400};`)
})
