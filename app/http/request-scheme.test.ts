import { describe, expect, test } from 'vitest'
import { isHttpsRequest } from './request-scheme'

describe('isHttpsRequest', () => {
  test('a TLS socket is HTTPS whatever the headers say', () => {
    expect(isHttpsRequest({ encrypted: true, forwardedProto: undefined, hops: 0 })).toBe(true)
    expect(isHttpsRequest({ encrypted: true, forwardedProto: 'http', hops: 1 })).toBe(true)
  })

  test('plain http without trusted proxies ignores X-Forwarded-Proto (anyone can send it)', () => {
    expect(isHttpsRequest({ encrypted: false, forwardedProto: undefined, hops: 0 })).toBe(false)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'https', hops: 0 })).toBe(false)
  })

  test('behind a trusted proxy, its X-Forwarded-Proto decides', () => {
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'https', hops: 1 })).toBe(true)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: ' HTTPS ', hops: 1 })).toBe(true)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'http', hops: 1 })).toBe(false)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: undefined, hops: 1 })).toBe(false)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: '', hops: 1 })).toBe(false)
  })

  test('a list is counted from the right, so a value the client prepended does not count', () => {
    // The client sent "https", our one proxy appended what it saw: "http".
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'https, http', hops: 1 })).toBe(false)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'http, https', hops: 1 })).toBe(true)
    // Two trusted hops: the outer one saw https, the inner one appended what it got from the outer one.
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'http, https, http', hops: 2 })).toBe(true)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: ['https', 'http'], hops: 2 })).toBe(true)
    // More hops than entries: the left-most entry is the outermost proxy's.
    expect(isHttpsRequest({ encrypted: false, forwardedProto: 'https', hops: 3 })).toBe(true)
    expect(isHttpsRequest({ encrypted: false, forwardedProto: ' , ', hops: 1 })).toBe(false)
  })
})
