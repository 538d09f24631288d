import { describe, expect, test } from 'vitest'
import { assertSameOrigin, isCrossSiteRequest } from './csrf.server'

const host = 'app.example.com'

describe('isCrossSiteRequest', () => {
  test('lets reads through whatever their origin', () => {
    expect(isCrossSiteRequest({ method: 'GET', origin: 'https://evil.test', fetchSite: 'cross-site', host })).toBe(false)
  })

  test('accepts same-origin posts and non-browser clients', () => {
    expect(isCrossSiteRequest({ method: 'POST', origin: `https://${host}`, fetchSite: 'same-origin', host })).toBe(false)
    expect(isCrossSiteRequest({ method: 'POST', origin: null, fetchSite: null, host })).toBe(false)
  })

  test('refuses posts from another site, a sibling subdomain or an opaque origin', () => {
    expect(isCrossSiteRequest({ method: 'POST', origin: 'https://evil.test', fetchSite: null, host })).toBe(true)
    expect(isCrossSiteRequest({ method: 'POST', origin: null, fetchSite: 'same-site', host })).toBe(true)
    expect(isCrossSiteRequest({ method: 'DELETE', origin: 'null', fetchSite: null, host })).toBe(true)
    expect(isCrossSiteRequest({ method: 'POST', origin: 'not a url', fetchSite: null, host })).toBe(true)
  })
})

test('assertSameOrigin throws a 403 Response that says why', async () => {
  const request = new Request(`https://${host}/settings`, { method: 'POST', headers: { Origin: 'https://evil.test' } })
  const thrown = (() => {
    try {
      assertSameOrigin(request)
    } catch (e) {
      return e
    }
  })()
  expect(thrown).toBeInstanceOf(Response)
  expect((thrown as Response).status).toBe(403)
  expect(await (thrown as Response).text()).toMatch(/CSRF/)
})
