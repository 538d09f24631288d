// The ONE place that decides which language a mail to a visitor speaks: the page's language, once pages have one
// (the localisation issue adds `pages.locale`; pass it here then), else English. Only languages the visitor
// templates are written in are returned (app/mail/templates/visitor-mail.tsx).

export const VISITOR_LOCALES = ['en', 'sv', 'da'] as const
export type VisitorLocale = (typeof VISITOR_LOCALES)[number]

/** `sv-SE` → `sv`; anything the templates do not speak → `en`. */
export function visitorMailLocale({ pageLocale }: { pageLocale?: string | null } = {}): VisitorLocale {
  const language = (pageLocale ?? '').trim().toLowerCase().split(/[-_]/)[0]
  return (VISITOR_LOCALES as readonly string[]).includes(language ?? '') ? (language as VisitorLocale) : 'en'
}
