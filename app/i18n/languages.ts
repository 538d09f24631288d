// The languages the admin speaks, and which one a request gets: the user's pick, else the browser's
// Accept-Language among these, else English. Pure, so the server and the tests share it.

export const LANGUAGES = ['en', 'sv', 'da'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'en'

/** Each language named in itself, as a language picker shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', sv: 'Svenska', da: 'Dansk' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The best supported language for an Accept-Language header: "sv-SE,sv;q=0.9,en;q=0.8" → "sv". Ranges are taken
 * by q (then by their order) and matched on their primary subtag, so sv-FI is Swedish too (da-DK, da-GL Danish); "*" and unknown
 * languages match nothing, and a malformed header counts as absent.
 */
export function languageFromHeader(header: string | null | undefined): Language | null {
  if (!header) return null
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { primary: tag.trim().toLowerCase().split('-')[0]!, q: q === undefined ? 1 : Number(q), order }
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.order - b.order)
  return ranges.map((r) => r.primary).find(isLanguage) ?? null
}

/** The language of one request: the user's own choice when they made one, else the browser's, else English. */
export function pickLanguage({ chosen, acceptLanguage }: { chosen: string | null | undefined; acceptLanguage: string | null | undefined }): Language {
  if (isLanguage(chosen)) return chosen
  return languageFromHeader(acceptLanguage) ?? DEFAULT_LANGUAGE
}
