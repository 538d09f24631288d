import { getUser } from '#app/auth/session.server'
import { getEnv } from '#app/env.server'
import danish from '#app/i18n/catalogues/da.json'
import english from '#app/i18n/catalogues/en.json'
import swedish from '#app/i18n/catalogues/sv.json'
import type { LanguageData } from '#app/i18n/provider'
import { languageFromHeader, pickLanguage, type Language } from '#app/i18n/languages'
import { addCatalogue, hasCatalogue, translatorFor, type Messages } from '#app/i18n/i18n'
import { PSEUDO_LANGUAGE, pseudoCatalogue } from '#app/i18n/pseudo'

// Only the server holds every catalogue, from the start, so it renders any language at once; the browser fetches
// the one its page is in as an asset of the build (catalogue-assets.ts, decision 094).
const catalogues: Record<Exclude<Language, 'en'>, Messages> = { sv: swedish, da: danish }
for (const [language, messages] of Object.entries(catalogues)) addCatalogue(language, messages)

/** `language`'s catalogue besides English (which every translator has underneath), or null: the statistics speaker's. */
export function messagesFor(language: string): Messages | null {
  return language === 'en' ? null : (catalogues[language as Exclude<Language, 'en'>] ?? null)
}

/** The request's language: the user's pick, else the browser's, else English (languages.ts). */
export async function languageOf(request: Request): Promise<Language> {
  const user = await getUser(request)
  return pickLanguage({ chosen: user?.locale, acceptLanguage: request.headers.get('Accept-Language') })
}

/**
 * Whether the request gets the pseudo-locale: only where PSEUDO_LOCALE=1 (the e2e server) and the browser asks for
 * en-XA first. Anywhere else en-XA is English, by its primary subtag.
 */
function wantsPseudo(request: Request) {
  return getEnv().PSEUDO_LOCALE === '1' && /^\s*en-xa\b/i.test(request.headers.get('Accept-Language') ?? '')
}

/** The root loader's part: the page's language, whose catalogue the server has in hand and the browser fetches. */
export async function loadLanguage(request: Request): Promise<LanguageData> {
  if (!wantsPseudo(request)) return { language: await languageOf(request) }
  if (!hasCatalogue(PSEUDO_LANGUAGE)) addCatalogue(PSEUDO_LANGUAGE, pseudoCatalogue(english))
  return { language: PSEUDO_LANGUAGE }
}

/** What the language picker offers: the user's own pick (null: follow the browser) and what the browser asks for. */
export function languageChoice(request: Request, chosen: string | null) {
  return { chosen, browser: languageFromHeader(request.headers.get('Accept-Language')) ?? 'en' }
}

/** The translate function of the request's language, for what a loader or an action writes itself (a thrown 404's text). */
export async function translatorOf(request: Request) {
  const language = await languageOf(request)
  return translatorFor(language).t
}
