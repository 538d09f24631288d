import { describe, expect, test } from 'vitest'
import { safeRedirectTarget } from './redirect-target'

describe('safeRedirectTarget', () => {
  test.each([
    ['/settings', '/settings'],
    ['/leads?stage=mql&page=2', '/leads?stage=mql&page=2'],
    ['/pages/abc#variants', '/pages/abc#variants'],
    ['/invite/Ab-9_x', '/invite/Ab-9_x'],
    ['/', '/'],
    // Query values may hold slashes: only the path decides where the browser goes.
    ['/a?next=//evil.example', '/a?next=//evil.example'],
    // Encoded slashes stay encoded, so they stay a path segment on this site.
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    // Non-ASCII is percent-encoded, so the Location header can carry it.
    ['/é?q=ü', '/%C3%A9?q=%C3%BC'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %j as %j', (target, expected) => {
    expect(safeRedirectTarget(target)).toBe(expected)
  })

  test.each([
    // Scheme-relative and absolute
    '//evil.example',
    '//evil.example/path',
    '///evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    'evil.example',
    'settings',
    '',
    // Backslashes (browsers read them as slashes)
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/a\\b',
    // Tabs and newlines, which URL parsers drop: the open redirect of issue 14
    '/\t/evil.example/',
    '/%09/evil.example/'.replace('%09', '\t'),
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\r/evil.example',
    // Header injection and other control characters
    '/a\r\nSet-Cookie: x=1',
    '/a\u0000b',
    '/a\u007fb',
    '/a\u0085b',
    // Separators and format characters
    '/a\u2028b',
    '/a\u2029b',
    '/a b',
    '/a\u00a0b',
    '/a\u3000b',
    '/a\u200bb',
    '/a\u200eb',
    '/a\u202eb',
    '/a\ufeffb',
    '/a\u00adb',
    // A lone surrogate cannot be encoded at all
    '/a\ud800b',
    '/a\udc00',
    // Dot segments that fold into a scheme-relative path
    '/..//evil.example',
    '/.//evil.example',
    '/a/..//evil.example',
    '/%2e%2e//evil.example',
    // Too long
    `/${'a'.repeat(2000)}`,
  ])('refuses %j and falls back', (target) => {
    expect(safeRedirectTarget(target)).toBe('/dashboard')
    expect(safeRedirectTarget(target, '/home')).toBe('/home')
  })

  test('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['/settings'], { toString: () => '/settings' }]) {
      expect(safeRedirectTarget(value)).toBe('/dashboard')
    }
  })

  test('whatever it is given, the result is a header-safe same-site path', () => {
    // Every UTF-16 code unit after a slash, before a host and doubled: nothing yields a scheme-relative or
    // unencodable result.
    const bad: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code)
      for (const target of [`/${c}`, `/${c}/evil.example`, `/${c}${c}evil.example`]) {
        const result = safeRedirectTarget(target)
        if (!result.startsWith('/') || result.startsWith('//') || !/^[\x21-\x7e]+$/.test(result)) bad.push(`${JSON.stringify(target)} → ${result}`)
      }
    }
    expect(bad).toEqual([])
  })
})
