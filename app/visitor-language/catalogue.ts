import { da } from './catalogues/da'
import { de } from './catalogues/de'
import { en } from './catalogues/en'
import { es } from './catalogues/es'
import { fi } from './catalogues/fi'
import { fr } from './catalogues/fr'
import { nb } from './catalogues/nb'
import { nl } from './catalogues/nl'
import { sv } from './catalogues/sv'
import type { FormLanguage } from './format'
import { languageOf, type VisitorLanguage } from './locales'
import type { VisitorCatalogue } from './shape'

// Every word Splitform itself writes to a visitor, one catalogue per language (catalogues/). The server holds all
// of them; a published page gets only its own language's form text (formLanguageFor), never this module.

export const CATALOGUES: Record<VisitorLanguage, VisitorCatalogue> = { en, sv, da, nb, fi, de, nl, fr, es }

export const ENGLISH: VisitorCatalogue = en

/** The catalogue of a stored tag's language (English for a tag without one). */
export function catalogueFor(locale: string): VisitorCatalogue {
  return CATALOGUES[languageOf(locale)]
}

/** What a form on a page in `locale` needs: the tag itself for Intl, and its language's form text. */
export function formLanguageFor(locale: string): FormLanguage {
  return { locale, text: catalogueFor(locale).form }
}
