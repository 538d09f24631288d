import { describe, expect, test } from 'vitest'
import { safeImageUrl, safeUrl } from './safe-url'

describe('safeUrl', () => {
  test.each([
    ['https://example.com/pricing?plan=pro#top', 'https://example.com/pricing?plan=pro#top'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['HTTPS://Example.com/A', 'https://example.com/A'],
    ['mailto:sales@example.com?subject=Demo', 'mailto:sales@example.com?subject=Demo'],
    ['tel:+4930123456', 'tel:+4930123456'],
    ['/pricing', '/pricing'],
    ['#form', '#form'],
    ['?utm_source=ad', '?utm_source=ad'],
    ['//cdn.example.com/logo.svg', 'https://cdn.example.com/logo.svg'],
  ])('allows %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected)
  })

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    '/\\evil.example.com',
    '\\\\evil.example.com',
    'https:',
    'example.com/page',
    '',
    '   ',
  ])('rejects %j', (input) => {
    expect(safeUrl(input)).toBeNull()
  })

  test('rejects what is not a string', () => {
    expect(safeUrl(undefined)).toBeNull()
    expect(safeUrl(42)).toBeNull()
    expect(safeUrl({ href: 'https://example.com' })).toBeNull()
  })
})

describe('safeImageUrl', () => {
  test('allows http(s) and relative sources only', () => {
    expect(safeImageUrl('/images/templates/logo.svg')).toBe('/images/templates/logo.svg')
    expect(safeImageUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png')
    expect(safeImageUrl('mailto:a@example.com')).toBeNull()
    expect(safeImageUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBeNull()
    expect(safeImageUrl('javascript:alert(1)')).toBeNull()
  })
})
