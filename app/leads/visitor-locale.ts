import { languageOf, VISITOR_LOCALES, type VisitorLanguage } from '#app/visitor-language/locales'

// The one place that decides which language a mail to a visitor speaks: the page's language (`pages.locale`,
// passed by app/published/submit.server.ts), read as the page's own messages read it (languageOf). The visitor mail
// is written in every page language (app/mail/visitor-catalogues), so MAIL_LOCALES is the page languages; English
// without a page.

export const MAIL_LOCALES = VISITOR_LOCALES
export type VisitorLocale = VisitorLanguage

/** `sv-SE` → `sv`, `de-AT` → `de`; no page (or an unknown tag) → `en`. */
export function visitorMailLocale({ pageLocale }: { pageLocale?: string | null } = {}): VisitorLocale {
  return languageOf((pageLocale ?? '').trim())
}
