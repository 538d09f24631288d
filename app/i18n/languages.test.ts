import { describe, expect, test } from 'vitest'
import { languageFromHeader, pickLanguage } from './languages'

describe('the language of a request', () => {
  test('follows Accept-Language among the supported ones, by q and order, on the primary subtag', () => {
    expect(languageFromHeader('sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('sv')
    expect(languageFromHeader('de-DE,de;q=0.9,sv;q=0.5,en;q=0.4')).toBe('sv')
    expect(languageFromHeader('en;q=0.5, sv-FI;q=0.8')).toBe('sv')
    expect(languageFromHeader('sv;q=0, en')).toBe('en')
    expect(languageFromHeader('da-DK,da;q=0.9,en-US;q=0.8')).toBe('da')
    expect(languageFromHeader('nb-NO, da;q=0.7, sv;q=0.6')).toBe('da')
    expect(languageFromHeader('sv-SE, da-DK;q=0.9')).toBe('sv')
    expect(languageFromHeader('de, fr')).toBeNull()
    expect(languageFromHeader('*')).toBeNull()
    expect(languageFromHeader(';;;,q=')).toBeNull()
    expect(languageFromHeader(null)).toBeNull()
  })

  test("the user's pick wins over the browser; none, or an unknown one, follows the browser; English last", () => {
    expect(pickLanguage({ chosen: 'en', acceptLanguage: 'sv-SE' })).toBe('en')
    expect(pickLanguage({ chosen: 'sv', acceptLanguage: 'en-US' })).toBe('sv')
    expect(pickLanguage({ chosen: null, acceptLanguage: 'sv-SE,sv;q=0.9' })).toBe('sv')
    expect(pickLanguage({ chosen: 'xx', acceptLanguage: 'sv' })).toBe('sv')
    expect(pickLanguage({ chosen: 'da', acceptLanguage: 'sv-SE' })).toBe('da')
    expect(pickLanguage({ chosen: null, acceptLanguage: 'da-GL' })).toBe('da')
    expect(pickLanguage({ chosen: null, acceptLanguage: 'fi-FI' })).toBe('en')
  })
})
