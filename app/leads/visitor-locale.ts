import { languageOf } from '#app/visitor-language/locales'

// The one place that decides which language a mail to a visitor speaks: the page's language (`pages.locale`,
// passed by app/published/submit.server.ts), read as the page's own messages read it (languageOf), narrowed to the
// languages the visitor mail templates are written in (app/mail/templates/visitor-mail.tsx); English otherwise.

export const MAIL_LOCALES = ['en', 'sv', 'da'] as const
export type VisitorLocale = (typeof MAIL_LOCALES)[number]

/** `sv-SE` → `sv`; a language the templates do not speak yet (or no page) → `en`. */
export function visitorMailLocale({ pageLocale }: { pageLocale?: string | null } = {}): VisitorLocale {
  const language = languageOf((pageLocale ?? '').trim())
  return (MAIL_LOCALES as readonly string[]).includes(language) ? (language as VisitorLocale) : 'en'
}
