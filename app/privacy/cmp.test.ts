import { expect, test } from 'vitest'
import { z } from 'zod'
import { cmpScriptTag } from '#app/privacy/banner.server'
import { messageKeyOf } from '#app/i18n/provider'
import { cmpSources, cspSourceOf } from '#app/privacy/cmp'
import { CMP_VENDOR_NAMES, CMP_VENDORS, isAllowedCmpHost, isHostUnder, UNKNOWN_CMP_HOST } from '#app/privacy/cmp-vendors'
import { checkCmpTargets } from '#app/privacy/cmp.server'
import { PrivacyFormSchema, PrivacyPatchSchema } from '#app/privacy/schema'
import { DEFAULT_PRIVACY } from '#app/privacy/settings'
import { PUBLISHED_PAGE_CSP, publishedPageCsp } from '#app/published/compile.server'

// The site's own consent tool (decision 095): what the API and the settings form accept, what production refuses,
// the tag a page carries and the CSP it gets.

/** Each problem of `cmp` in a privacy patch, as `path: message`. */
function problemsOf(cmp: unknown) {
  const result = PrivacyPatchSchema.safeParse({ cmp })
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

const COOKIEBOT = { scriptUrl: 'https://consent.cookiebot.com/uc.js', attributes: { id: 'Cookiebot', 'data-cbid': '00000000-0000-0000-0000-000000000000', 'data-blockingmode': 'auto' } }

test('a vendor snippet is accepted as its script, its data-* attributes and id, and other origins; null removes it', () => {
  expect(problemsOf(COOKIEBOT)).toEqual([])
  expect(problemsOf({ ...COOKIEBOT, origins: ['https://consentcdn.cookiebot.com', 'https://consent.cookiebot.com/'] })).toEqual([])
  expect(problemsOf({ scriptUrl: 'https://web.cmp.usercentrics.eu/ui/loader.js', attributes: { id: 'usercentrics-cmp', 'data-settings-id': 'AbC123', 'data-tcf-enabled': '' } })).toEqual([])
  expect(problemsOf(null)).toEqual([])
  // An origin given with a slash is kept as the origin.
  expect(PrivacyPatchSchema.parse({ cmp: { scriptUrl: COOKIEBOT.scriptUrl, origins: ['https://consent.cookiebot.com/'] } }).cmp?.origins).toEqual(['https://consent.cookiebot.com'])
})

test('a bad URL, an unknown key, an attribute that is not data-* or id, or too much is refused by name', () => {
  expect(problemsOf({ scriptUrl: 'not a url' })).toEqual(['cmp.scriptUrl: Enter a full http:// or https:// URL'])
  expect(problemsOf({ scriptUrl: 'javascript:alert(1)' })).toEqual(['cmp.scriptUrl: Enter a full http:// or https:// URL'])
  expect(problemsOf({ scriptUrl: 'https://user:secret@cmp.example.com/x.js' })).toEqual(['cmp.scriptUrl: Leave the user name and password out of the URL'])
  // The URL parser keeps ; ' * in host names: any of them would end or widen the page's policy.
  expect(problemsOf({ scriptUrl: "https://cmp.example.com;script-src'unsafe-inline'/x.js" })).toEqual(['cmp.scriptUrl: Use a host name of letters, digits, dots and hyphens'])
  expect(problemsOf({ scriptUrl: 'https://*.example.com/x.js' })).toEqual(['cmp.scriptUrl: Use a host name of letters, digits, dots and hyphens'])
  expect(problemsOf({})).toEqual(["cmp.scriptUrl: Enter the address of your consent tool's script"])
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, nonce: 'x', async: true })).toEqual([expect.stringMatching(/^cmp: .*"nonce".*"async"/)])
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, attributes: { onload: 'alert(1)', 'data-ok': '1', src: 'https://evil.example/x.js', async: '' } })).toEqual([
    'cmp.attributes: Only data-* attributes and id: onload, src, async',
  ])
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, attributes: { 'data-"x': '1', 'DATA-CBID': '1' } })).toEqual(['cmp.attributes: Only data-* attributes and id: data-"x, DATA-CBID'])
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, attributes: { id: 'a b' } })).toEqual(['cmp.attributes.id: An id is a letter, then letters, digits, _ or -'])
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, attributes: { 'data-cbid': 'x'.repeat(501) } })).toEqual(['cmp.attributes.data-cbid: Use at most 500 characters'])
  const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`data-a${i}`, '1']))
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, attributes: eleven })).toEqual(['cmp.attributes: Use at most 10 attributes'])
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, origins: ['https://consentcdn.cookiebot.com/path'] })).toEqual([
    'cmp.origins.0: Enter an origin only, without a path: https://consentcdn.cookiebot.com',
  ])
  expect(problemsOf({ scriptUrl: COOKIEBOT.scriptUrl, origins: Array.from({ length: 9 }, (_, i) => `https://o${i}.example.com`) })).toEqual(['cmp.origins: Use at most 8 origins'])
  expect(problemsOf('https://consent.cookiebot.com/uc.js')).toEqual([expect.stringMatching(/^cmp: Send cmp as an object/)])
})

test('in production http and private or local hosts are refused; where the operator allows them they pass', () => {
  const production = { allowPrivate: false }
  expect(checkCmpTargets(COOKIEBOT, production)).toBeNull()
  expect(checkCmpTargets({ scriptUrl: 'http://consent.cookiebot.com/uc.js' }, production)).toEqual({ 'privacy.cmp.scriptUrl': ['Use an https:// URL'] })
  for (const scriptUrl of [
    'https://127.0.0.1:8443/cmp.js',
    'https://localhost/cmp.js',
    'https://10.1.2.3/cmp.js',
    'https://192.168.0.10/cmp.js',
    'https://intranet/cmp.js',
    'https://cmp.localhost/x.js',
  ]) {
    expect(checkCmpTargets({ scriptUrl }, production), scriptUrl).toEqual({ 'privacy.cmp.scriptUrl': ['Use a public host: visitors cannot reach private and local addresses'] })
  }
  expect(checkCmpTargets({ ...COOKIEBOT, origins: ['https://consentcdn.cookiebot.com', 'http://cdn.example.com', 'https://169.254.169.254'] }, production)).toEqual({
    'privacy.cmp.origins': ['http://cdn.example.com: Use an https:// URL', 'https://169.254.169.254: Use a public host: visitors cannot reach private and local addresses'],
  })
  // The settings form names its own fields.
  expect(checkCmpTargets({ scriptUrl: 'http://127.0.0.1:4000/cmp.js' }, { ...production, fields: { scriptUrl: 'cmpScriptUrl', origins: 'cmpOrigins' } })).toEqual({
    cmpScriptUrl: ['Use an https:// URL'],
  })
  expect(checkCmpTargets({ scriptUrl: 'http://127.0.0.1:4000/cmp.js' }, { allowPrivate: true, allowedHosts: ['127.0.0.1'] })).toBeNull()
  expect(checkCmpTargets(null, production)).toBeNull()
})

test("a host is a vendor's when it is one of the list's suffixes or a subdomain of one, on a label boundary", () => {
  expect(isHostUnder('cookiebot.com', 'cookiebot.com')).toBe(true)
  expect(isHostUnder('consent.cookiebot.com', 'cookiebot.com')).toBe(true)
  expect(isHostUnder('Consent.CookieBot.com', 'cookiebot.com')).toBe(true)
  expect(isHostUnder('evilcookiebot.com', 'cookiebot.com')).toBe(false)
  expect(isHostUnder('cookiebot.com.evil.example', 'cookiebot.com')).toBe(false)
  expect(isHostUnder('com', 'cookiebot.com')).toBe(false)
  // Each vendor's loader as its documentation gives it.
  for (const url of [
    'https://consent.cookiebot.com/uc.js',
    'https://consent.cookiebot.eu/uc.js',
    'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js',
    'https://geolocation.onetrust.com',
    'https://web.cmp.usercentrics.eu/ui/loader.js',
    'https://cdn-cookieyes.com/client_data/0123abcd/script.js',
    'https://sdk.privacy-center.org/loader.js',
    'https://cs.iubenda.com/autoblocking/123.js',
    'https://policy.app.cookieinformation.com/uc.js',
    'https://cdn.consentmanager.net/delivery/autoblocking/abc.js',
    'https://static.axept.io/sdk.js',
    'https://consent.cookiefirst.com/sites/example.com-0123/consent.js',
    'https://app.termly.io/resource-blocker/0123?autoBlock=on',
    'https://cdn.privacy-mgmt.com/unified/wrapperMessagingWithoutDetection.js',
    'https://consent.trustarc.com/notice?domain=example.com',
    'https://cmp.inmobi.com/choice/abc/example.com/choice.js',
  ]) {
    expect(isAllowedCmpHost(url), url).toBe(true)
  }
  for (const url of ['https://evilcookiebot.com/uc.js', 'https://cookiebot.com.evil.example/uc.js', 'https://cdn.example.com/cmp.js', 'https://127.0.0.1/cmp.js', 'not a url']) {
    expect(isAllowedCmpHost(url), url).toBe(false)
  }
  // The operator's suffixes extend the list, with the same boundary.
  expect(isAllowedCmpHost('https://cmp.example.com/x.js', ['example.com'])).toBe(true)
  expect(isAllowedCmpHost('https://cmp.badexample.com/x.js', ['example.com'])).toBe(false)
})

test("a host outside the vendors' list and the operator's is refused by field, wherever private hosts are allowed or not", () => {
  const evil = { scriptUrl: 'https://evilcookiebot.com/uc.js', origins: ['https://consentcdn.cookiebot.com', 'https://collect.attacker.example'] }
  for (const allowPrivate of [true, false]) {
    expect(checkCmpTargets(evil, { allowPrivate, allowedHosts: [] })).toEqual({
      'privacy.cmp.scriptUrl': [UNKNOWN_CMP_HOST],
      'privacy.cmp.origins': [`https://collect.attacker.example: ${UNKNOWN_CMP_HOST}`],
    })
  }
  // The message names every vendor and the operator's variable.
  for (const { name } of CMP_VENDORS) expect(UNKNOWN_CMP_HOST).toContain(name)
  expect(UNKNOWN_CMP_HOST).toContain('CMP_ALLOWED_HOSTS')
  // CMP_ALLOWED_HOSTS lets the operator's hosts through; the settings form names its own fields.
  expect(checkCmpTargets(evil, { allowPrivate: false, allowedHosts: ['evilcookiebot.com', 'attacker.example'] })).toBeNull()
  expect(checkCmpTargets({ scriptUrl: 'https://cmp.example.com/x.js' }, { allowPrivate: false, allowedHosts: [], fields: { scriptUrl: 'cmpScriptUrl', origins: 'cmpOrigins' } })).toEqual({
    cmpScriptUrl: [UNKNOWN_CMP_HOST],
  })
  // A private host the operator allowed is still refused where private hosts are.
  expect(checkCmpTargets({ scriptUrl: 'https://127.0.0.1/cmp.js' }, { allowPrivate: false, allowedHosts: ['127.0.0.1'] })).toEqual({
    'privacy.cmp.scriptUrl': ['Use a public host: visitors cannot reach private and local addresses'],
  })
  // The settings screen finds both messages in its catalogue, the vendors as a value.
  expect(messageKeyOf(UNKNOWN_CMP_HOST)).toEqual({ key: 'privacySettings.validation.cmpUnknownHost', values: { vendors: CMP_VENDOR_NAMES } })
  expect(messageKeyOf(`https://x.example: ${UNKNOWN_CMP_HOST}`)).toEqual({
    key: 'privacySettings.validation.cmpOriginUnknownHost',
    values: { origin: 'https://x.example', vendors: CMP_VENDOR_NAMES },
  })
})

test('the settings form reads the attributes one a line and the origins one a line; an empty address removes the tool', () => {
  const base = { mode: 'consent', cookieDays: '180', retentionMonths: '13' }
  const saved = PrivacyFormSchema.parse({
    ...base,
    cmpScriptUrl: 'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js',
    cmpAttributes: 'data-domain-script="0190-abc"\r\n\n  data-tcf-enabled  \n',
    cmpOrigins: 'https://geolocation.onetrust.com\nhttps://privacyportal.onetrust.com/',
  })
  expect(saved.cmp).toEqual({
    scriptUrl: 'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js',
    attributes: { 'data-domain-script': '0190-abc', 'data-tcf-enabled': '' },
    origins: ['https://geolocation.onetrust.com', 'https://privacyportal.onetrust.com'],
  })
  expect(PrivacyFormSchema.parse({ ...base, cmpScriptUrl: '', cmpAttributes: 'data-cbid=1', cmpOrigins: '' }).cmp).toBeNull()
  const bad = PrivacyFormSchema.safeParse({ ...base, cmpScriptUrl: 'https://cmp.example.com/x.js', cmpAttributes: 'onerror=alert(1)', cmpOrigins: 'ftp://x.example.com' })
  expect(z.flattenError(bad.error!).fieldErrors).toEqual({
    cmpAttributes: ['Only data-* attributes and id: onerror'],
    cmpOrigins: ['Enter an origin such as https://consentcdn.cookiebot.com'],
  })
})

test("the tag is the vendor's snippet, escaped; the CSP adds exactly the tool's origins to five directives", () => {
  expect(cmpScriptTag(null)).toBe('')
  expect(cmpScriptTag({ scriptUrl: 'https://consent.cookiebot.com/uc.js?a=1&b=2', attributes: { id: 'Cookiebot', 'data-cbid': '"><script>x</script>', 'data-tcf-enabled': '' } })).toBe(
    '<script src="https://consent.cookiebot.com/uc.js?a=1&amp;b=2" id="Cookiebot" data-cbid="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" data-tcf-enabled></script>',
  )

  expect(publishedPageCsp(DEFAULT_PRIVACY)).toBe(PUBLISHED_PAGE_CSP)
  expect(cspSourceOf('http://127.0.0.1:4100/cmp.js')).toBe('http://127.0.0.1:4100')
  const cmp = { scriptUrl: 'https://consent.cookiebot.com/uc.js', origins: ['https://consentcdn.cookiebot.com', 'https://consent.cookiebot.com'] }
  expect(cmpSources(cmp)).toEqual(['https://consent.cookiebot.com', 'https://consentcdn.cookiebot.com'])
  const directives = Object.fromEntries(
    publishedPageCsp({ ...DEFAULT_PRIVACY, cmp })
      .split('; ')
      .map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
  )
  const both = ['https://consent.cookiebot.com', 'https://consentcdn.cookiebot.com']
  expect(directives).toEqual({
    'default-src': ["'none'"],
    'img-src': ["'self'", 'https:', 'data:', ...both],
    'style-src': ["'unsafe-inline'", ...both],
    'script-src': ["'self'", ...both],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...both],
    'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', ...both],
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
  })
})
