import { languageOf, type VisitorLanguage } from '#app/visitor-language/locales'
import { da } from './visitor-catalogues/da'
import { de } from './visitor-catalogues/de'
import { en } from './visitor-catalogues/en'
import { es } from './visitor-catalogues/es'
import { fi } from './visitor-catalogues/fi'
import { fr } from './visitor-catalogues/fr'
import { nb } from './visitor-catalogues/nb'
import { nl } from './visitor-catalogues/nl'
import { sv } from './visitor-catalogues/sv'

// The words of mail to visitors (app/mail/templates/visitor-mail.tsx) and of the pages its links open (/confirm,
// /unsubscribe), one catalogue per page language, typed by English as the page catalogues are (decision 073): a
// catalogue that leaves a key out or adds one does not compile, and the record below needs every page language, so
// a tenth page language does not compile until its mail is written. visitor-catalogue.test.ts checks keys and
// placeholders at run time. Kept beside the mail rather than in app/visitor-language/catalogues: these words never
// travel to a published page.

export type VisitorMailCatalogue = {
  mail: { [K in keyof typeof en.mail]: string }
  pages: { [K in keyof typeof en.pages]: string }
}

export const MAIL_CATALOGUES: Record<VisitorLanguage, VisitorMailCatalogue> = { en, sv, da, nb, fi, de, nl, fr, es }

/** The catalogue of a stored tag's language (`de-AT` → German; English for anything unknown). */
export function visitorMailCatalogue(locale: string): VisitorMailCatalogue {
  return MAIL_CATALOGUES[languageOf(locale)]
}
