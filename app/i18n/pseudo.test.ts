import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, test } from 'vitest'
import english from '#app/i18n/catalogues/en.json'
import { pseudoCatalogue, pseudoMessage, pseudoText } from '#app/i18n/pseudo'

describe('the pseudo-locale', () => {
  test('accents every letter and makes text about 40 % longer', () => {
    const text = pseudoText('Settings')
    expect(text).toMatch(/^Šé+ţţî+ñĝš~*$/)
    expect(text.length).toBeGreaterThanOrEqual(Math.round('Settings'.length * 1.4))
    expect(pseudoText('Save changes to the workspace').length / 'Save changes to the workspace'.length).toBeGreaterThan(1.3)
    expect(pseudoText('SQL')).toBe('ŠǪĻ~')
  })

  test('keeps placeholders, plurals and tags, so a message formats as the English one does', () => {
    const message = pseudoMessage("{count, plural, one {# lead} other {# leads from {page}}}, it's <link>new</link>")
    const format = (n: number) => String(new IntlMessageFormat(message, 'en').format({ count: n, page: 'home', link: (c: unknown[]) => `[${c.join('')}]` }))
    // Letters accented, the plural's # and the tag's wrapping kept, English letters gone.
    expect(format(1)).toMatch(/^1 ļé+à+đ~*, î+ţ'š ~*\[ñé+ŵ~*\]$/)
    expect(format(3)).toContain('3 ļé')
    expect(format(3)).toContain('home')
  })

  test('the whole catalogue: same keys, every message still valid ICU with English characters gone', () => {
    const pseudo = pseudoCatalogue(english) as typeof english
    expect(Object.keys(pseudo)).toEqual(Object.keys(english))
    expect(pseudo.nav.dashboard).not.toBe('Dashboard')
    expect(() => new IntlMessageFormat(pseudo.statistics.winner, 'en')).not.toThrow()
  })
})
