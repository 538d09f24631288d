import { describe, expect, test } from 'vitest'
import { HEARD_ABOUT_DEFAULT_OPTIONS } from '#app/forms/purposes'
import { validateFormDefinition } from '#app/forms/definition'
import { renderFormHtml } from '#app/forms/render/form-html.server'
import { findEnglish } from '#tests/english-scan'
import { CATALOGUES, ENGLISH, formLanguageFor } from './catalogue'
import { localizeDefinition } from './form-defaults'
import { languageFromAcceptLanguage, readVisitorLocale, VISITOR_LOCALES } from './locales'

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('catalogues', () => {
  // The type (VisitorCatalogue) refuses a missing key at compile time; this is the same check at run time, for
  // CI and for catalogues that reach the type through a cast.
  test.each(VISITOR_LOCALES)('%s has every key of English, no other, each a non-empty text with English’s placeholders', (language) => {
    const catalogue = CATALOGUES[language]
    for (const part of ['form', 'system', 'consent'] as const) {
      const english = ENGLISH[part] as Record<string, string>
      const translated = catalogue[part] as Record<string, string>
      expect(Object.keys(translated).sort(), `${language}.${part}`).toEqual(Object.keys(english).sort())
      for (const [key, text] of Object.entries(translated)) {
        expect(text.trim(), `${language}.${part}.${key}`).not.toBe('')
        expect(placeholdersOf(text), `${language}.${part}.${key}`).toEqual(placeholdersOf(english[key]!))
      }
    }
  })

  test('the English scan finds English: an English form read as a Swedish page fails it', () => {
    const parsed = validateFormDefinition({ purpose: 'other', conversionType: 'soft', fields: [{ key: 'email', type: 'email', label: 'E-post', required: true }] })
    if (!parsed.ok) throw new Error('bad form')
    const html = renderFormHtml({
      formId: 'f',
      definition: parsed.definition,
      language: formLanguageFor('en'),
      variantKey: 'A',
      runtime: { idem: 'i', t: 't' },
      state: { errors: { email: ['Enter a valid email address'] } },
    })
    expect(findEnglish(html, 'sv')).toEqual(expect.arrayContaining(['Submit', 'Enter a valid email address', 'Leave this empty']))
    const swedish = renderFormHtml({
      formId: 'f',
      definition: localizeDefinition(parsed.definition, CATALOGUES.sv.form),
      language: formLanguageFor('sv'),
      variantKey: 'A',
      runtime: { idem: 'i', t: 't' },
    })
    expect(findEnglish(swedish, 'sv')).toEqual([])
  })
})

describe('reading a language', () => {
  test('a supported tag is canonicalised, a region kept; anything else is refused by name', () => {
    expect(readVisitorLocale('sv')).toEqual({ ok: true, locale: 'sv' })
    expect(readVisitorLocale('DE-at')).toEqual({ ok: true, locale: 'de-AT' })
    expect(readVisitorLocale('pt')).toEqual({ ok: false, message: 'The locale "pt" is not supported: use one of en, sv, da, nb, fi, de, nl, fr, es' })
    expect(readVisitorLocale('sv_SE!')).toMatchObject({ ok: false, message: expect.stringContaining('"sv_SE!" is not a language tag') })
    expect(readVisitorLocale(42)).toMatchObject({ ok: false })
  })

  test('Accept-Language: the most preferred supported language, Norwegian read as Bokmål, English otherwise', () => {
    expect(languageFromAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toBe('fr')
    expect(languageFromAcceptLanguage('ja, da;q=0.4, de;q=0.6')).toBe('de')
    expect(languageFromAcceptLanguage('no')).toBe('nb')
    expect(languageFromAcceptLanguage('sv;q=0, pt')).toBe('en')
    expect(languageFromAcceptLanguage(undefined)).toBe('en')
  })
})

describe('the builder’s English defaults on a page in another language', () => {
  const parsed = validateFormDefinition({
    purpose: 'other',
    conversionType: 'soft',
    fields: [
      { key: 'heard_about', type: 'heard_about', label: 'How did you hear about us?', options: [...HEARD_ABOUT_DEFAULT_OPTIONS.slice(0, 2), { value: 'event', label: 'Nordic Growth Summit' }] },
      { key: 'phone', type: 'phone', label: 'Telefon' },
    ],
  })
  if (!parsed.ok) throw new Error('bad form')

  test('are the catalogue’s words; what the marketer wrote stays theirs; values never change', () => {
    const swedish = localizeDefinition(parsed.definition, CATALOGUES.sv.form)
    const [heardAbout, phone] = swedish.fields
    expect(heardAbout).toMatchObject({
      label: 'Hur hörde du talas om oss?',
      options: [
        { value: 'search', label: 'Sökmotor' },
        { value: 'social', label: 'Sociala medier' },
        { value: 'event', label: 'Nordic Growth Summit' },
      ],
    })
    expect(phone).toMatchObject({ placeholder: '070-123 45 67' })
    expect(swedish.submitLabel).toBe('Skicka')
    expect(swedish.success).toEqual({ type: 'message', message: 'Tack! Vi har tagit emot dina uppgifter.' })
    expect(localizeDefinition({ ...parsed.definition, submitLabel: 'Boka demo' }, CATALOGUES.sv.form).submitLabel).toBe('Boka demo')
    expect(localizeDefinition(parsed.definition, CATALOGUES.en.form)).toBe(parsed.definition)
  })
})
