import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, test } from 'vitest'
import { consentParts } from '#app/privacy/banner.server'
import { DEFAULT_PRIVACY } from '#app/privacy/settings'

// The consent script's budget (issue 19): at most 3 KB gzipped, measured on the file the build writes.
test('the built consent script is at most 3 KB gzipped', () => {
  const file = ['build/client/page-assets/consent.js', 'public/page-assets/consent.js'].map((f) => path.resolve(f)).find((f) => existsSync(f))
  expect(file, 'build it first: npm run build (or npx tsx app/forms/enhance/build-bundle.ts)').toBeDefined()
  const gzipped = gzipSync(readFileSync(file!), { level: 9 }).length
  expect(gzipped).toBeLessThanOrEqual(3 * 1024)
})

test('a consent workspace gets the script, and with the banner on, the banner in the page language', () => {
  expect(consentParts({ ...DEFAULT_PRIVACY, mode: 'cookies' }, 'en')).toBeNull()
  expect(consentParts({ ...DEFAULT_PRIVACY, mode: 'cookieless' }, 'en')).toBeNull()
  const hooksOnly = consentParts({ ...DEFAULT_PRIVACY, banner: false, cookieDays: 90 }, 'sv')!
  expect(hooksOnly.bodyStart).toBe('')
  expect(hooksOnly.scripts).toMatch(/<script src="\/page-assets\/consent\.js[^"]*" data-cookie-days="90" defer><\/script>/)

  const swedish = consentParts(DEFAULT_PRIVACY, 'sv-FI')!
  expect(swedish.bodyStart).toContain('data-sf-consent-banner hidden')
  expect(swedish.bodyStart).toContain('>Godkänn</button>')
  expect(swedish.bodyStart).toContain('>Avvisa</button>')
  expect(swedish.bodyStart).not.toContain('<a ')
  // The two buttons are the same element with the same class: equal weight.
  expect(swedish.bodyStart.match(/<button type="button" data-sf-consent-choice="(granted|denied)">/g)).toHaveLength(2)

  const own = consentParts({ ...DEFAULT_PRIVACY, policyUrl: 'https://example.com/p?a=1&b="2"', bannerText: { de: { title: '<b>Kekse</b>\uE000x|y\uE001', accept: 'Ja' } } }, 'de')!
  expect(own.bodyStart).toContain('&lt;b&gt;Kekse&lt;/b&gt;x|y</h2>')
  expect(own.bodyStart).not.toMatch(/[\uE000\uE001]/)
  expect(own.bodyStart).toContain('>Ja</button>')
  expect(own.bodyStart).toContain('>Ablehnen</button>')
  expect(own.bodyStart).toContain('<a href="https://example.com/p?a=1&amp;b=&quot;2&quot;">Datenschutzerklärung</a>')
})
