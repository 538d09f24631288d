import { describe, expect, test } from 'vitest'
import { VISITOR_LOCALES } from '#app/visitor-language/locales'
import { visitorMailLocale } from '#app/leads/visitor-locale'
import { MAIL_CATALOGUES, visitorMailCatalogue } from './visitor-catalogue'

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('visitor mail catalogues', () => {
  // The type refuses a missing or extra key at compile time; this is the same check at run time, placeholders too.
  test.each(VISITOR_LOCALES)('%s has every key of English, no other, each a non-empty text with English’s placeholders', (language) => {
    for (const part of ['mail', 'pages'] as const) {
      const english = MAIL_CATALOGUES.en[part] as Record<string, string>
      const translated = MAIL_CATALOGUES[language][part] as Record<string, string>
      expect(Object.keys(translated).sort(), `${language}.${part}`).toEqual(Object.keys(english).sort())
      for (const [key, text] of Object.entries(translated)) {
        expect(text.trim(), `${language}.${part}.${key}`).not.toBe('')
        expect(placeholdersOf(text), `${language}.${part}.${key}`).toEqual(placeholdersOf(english[key]!))
      }
    }
  })

  test('every page language mails in its own words, not English copied', () => {
    for (const language of VISITOR_LOCALES.filter((l) => l !== 'en')) {
      expect(MAIL_CATALOGUES[language].mail.optInBody, language).not.toBe(MAIL_CATALOGUES.en.mail.optInBody)
      expect(MAIL_CATALOGUES[language].pages.confirmedTitle, language).not.toBe(MAIL_CATALOGUES.en.pages.confirmedTitle)
    }
  })

  test('a page tag picks its language’s mail; none, or an unknown one, is English', () => {
    expect(visitorMailLocale({ pageLocale: 'de-AT' })).toBe('de')
    expect(visitorMailLocale({ pageLocale: 'fi' })).toBe('fi')
    expect(visitorMailLocale({ pageLocale: null })).toBe('en')
    expect(visitorMailCatalogue('de-CH').mail.optInSubject).toBe('Bitte bestätigen Sie Ihre Anmeldung')
    expect(visitorMailCatalogue('pt').mail.optInSubject).toBe('Please confirm your subscription')
  })
})
