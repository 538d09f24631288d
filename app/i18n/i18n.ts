import i18next, { type i18n as I18n } from 'i18next'
import ICU from 'i18next-icu'
import { initReactI18next } from 'react-i18next'
import english from '#app/i18n/catalogues/en.json'

// The admin's translations: i18next with ICU messages (plurals, selects, numbers inside the sentence), one
// catalogue per language, one namespace. An instance is built synchronously from a catalogue already in hand, so
// the server renders and the browser hydrates the same words without waiting for anything (decision 075). English
// is in hand everywhere (it is bundled); the server adds every other catalogue at startup, the browser the one its
// page is in, before it hydrates (decision 094, catalogue-assets.ts).

export type Messages = Record<string, unknown>

function createTranslator(language: string, messages: Messages | null): I18n {
  const instance = i18next.createInstance()
  instance.use(new ICU())
  // react-i18next's default instance (what useTranslation() finds without a provider) is English, and stays so.
  if (language === 'en') instance.use(initReactI18next)
  void instance.init({
    lng: language,
    // English underneath: a key a catalogue lacks reads English, never its key (the catalogue test forbids it).
    fallbackLng: 'en',
    resources: { en: { translation: english }, ...(messages && language !== 'en' ? { [language]: { translation: messages } } : {}) },
    initAsync: false,
    // React escapes what it renders; ICU formats the values.
    interpolation: { escapeValue: false },
  })
  return instance
}

// The catalogues in hand besides English, by language.
const catalogues = new Map<string, Messages>()

/** Makes `language`'s catalogue available to translatorFor. */
export function addCatalogue(language: string, messages: Messages) {
  catalogues.set(language, messages)
}

/** Whether translatorFor(language) speaks `language`: English always, any other once its catalogue was added. */
export function hasCatalogue(language: string) {
  return language === 'en' || catalogues.has(language)
}

const translators = new Map<string, I18n>()

/**
 * One translator per language, built on first use and never switched afterwards (no changeLanguage), so one
 * instance serves every request in that language at once, on the server as in the browser. A language whose
 * catalogue is not in hand (its download failed) gets the English translator, and gets its own once the catalogue is.
 */
export function translatorFor(language: string): I18n {
  let translator = translators.get(language)
  if (!translator) {
    if (!hasCatalogue(language)) return englishTranslator
    translator = createTranslator(language, catalogues.get(language) ?? null)
    translators.set(language, translator)
  }
  return translator
}

/**
 * The English translator, for what renders outside a language (a screen's route test, an error page before the root
 * loader ran). Made first, so it is react-i18next's default and useTranslation() without a provider speaks English.
 */
export const englishTranslator = translatorFor('en')
export { english }
