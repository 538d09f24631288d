// The languages a published page can speak to its visitors, and reading a language tag (BCP 47) from a marketer,
// an API client or a browser's Accept-Language. No catalogue here, so the editor and the API schema can import it.

export const VISITOR_LOCALES = ['en', 'sv', 'da', 'nb', 'fi', 'de', 'nl', 'fr', 'es'] as const
export type VisitorLanguage = (typeof VISITOR_LOCALES)[number]
export const DEFAULT_VISITOR_LOCALE = 'en'

/** Each language named in itself. */
const OWN_NAMES: Record<VisitorLanguage, string> = {
  en: 'English',
  sv: 'Svenska',
  da: 'Dansk',
  nb: 'Norsk bokmål',
  fi: 'Suomi',
  de: 'Deutsch',
  nl: 'Nederlands',
  fr: 'Français',
  es: 'Español',
}

/**
 * A page's language for the admin's pickers: named in itself, then in the reader's language (`reader`, the admin's)
 * unless that is the same language: "Dansk (Danish)", and in a Swedish admin "Dansk (danska)" and "Svenska".
 */
export function visitorLanguageName(language: VisitorLanguage, reader = 'en') {
  if (language === reader) return OWN_NAMES[language]
  return `${OWN_NAMES[language]} (${new Intl.DisplayNames([reader], { type: 'language' }).of(language)})`
}

const isSupported = (language: string): language is VisitorLanguage => (VISITOR_LOCALES as readonly string[]).includes(language)

/** The catalogue a stored tag reads from: its language subtag (`sv-FI` → `sv`); English for anything else. */
export function languageOf(tag: string): VisitorLanguage {
  const language = tag.split('-')[0]!.toLowerCase()
  return isSupported(language) ? language : 'en'
}

export type LocaleReading = { ok: true; locale: string } | { ok: false; message: string }

/**
 * A page's language as a marketer or API client gives it: a well-formed BCP 47 tag whose language has a complete
 * catalogue, stored in canonical form (`SV-se` → `sv-SE`). A region (`de-AT`, `fr-CA`) is kept: it changes how
 * dates and numbers are written, while the words come from the language's catalogue.
 */
export function readVisitorLocale(value: unknown): LocaleReading {
  const supported = `use one of ${VISITOR_LOCALES.join(', ')}`
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: `The locale must be a language tag: ${supported}` }
  let canonical: string
  try {
    canonical = Intl.getCanonicalLocales(value.trim())[0]!
  } catch {
    return { ok: false, message: `"${value}" is not a language tag: ${supported}` }
  }
  const language = canonical.split('-')[0]!
  if (!isSupported(language)) return { ok: false, message: `The locale "${value}" is not supported: ${supported}` }
  return { ok: true, locale: canonical }
}

/**
 * The supported language a browser prefers most, for pages Splitform answers without a page to take it from (an
 * unknown slug's 404). Quality values are honoured; `*` and unsupported languages are skipped; English otherwise.
 */
export function languageFromAcceptLanguage(header: string | undefined): VisitorLanguage {
  if (!header) return 'en'
  let best: { language: VisitorLanguage; q: number } | null = null
  for (const part of header.slice(0, 500).split(',')) {
    const [range, ...params] = part.trim().split(';')
    const qParam = params.find((p) => p.trim().startsWith('q='))
    const q = qParam ? Number(qParam.trim().slice(2)) : 1
    const language = range!.trim().split('-')[0]!.toLowerCase()
    // Norwegian without a script (no, nn) reads Bokmål better than English.
    const mapped = language === 'no' || language === 'nn' ? 'nb' : language
    if (!Number.isFinite(q) || q <= 0 || !isSupported(mapped)) continue
    if (!best || q > best.q) best = { language: mapped, q }
  }
  return best?.language ?? 'en'
}
