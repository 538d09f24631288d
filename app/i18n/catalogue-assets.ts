import danishUrl from '#app/i18n/catalogues/da.json?url'
import swedishUrl from '#app/i18n/catalogues/sv.json?url'
import { addCatalogue, english, hasCatalogue, type Messages } from '#app/i18n/i18n'
import type { Language } from '#app/i18n/languages'
import { PSEUDO_LANGUAGE, pseudoCatalogue } from '#app/i18n/pseudo'

// The browser's catalogues (decision 094). Each language but English is a file of its own among the build's assets,
// named by its content's hash, so it is cached for good and a repeat document carries only its address (root.tsx
// preloads it). The browser fetches the one its page is in before it hydrates (entry.client.tsx), and a new one
// when a submission changes the language (root's clientLoader); the server holds them all (language.server.ts).
const catalogueUrls: Record<Exclude<Language, 'en'>, string> = { sv: swedishUrl, da: danishUrl }

/** The address of `language`'s catalogue, or null where the browser needs none (English) or makes it (pseudo). */
export function catalogueUrl(language: string): string | null {
  return catalogueUrls[language as Exclude<Language, 'en'>] ?? null
}

/** Fetches `language`'s catalogue unless it is in hand; the pseudo-locale's is made here from English, as on the server. */
export async function loadCatalogue(language: string): Promise<void> {
  if (hasCatalogue(language)) return
  if (language === PSEUDO_LANGUAGE) return addCatalogue(language, pseudoCatalogue(english))
  const url = catalogueUrl(language)
  if (!url) return
  const response = await fetch(url)
  if (!response.ok) throw new Error(`The ${language} catalogue answered ${response.status}`)
  addCatalogue(language, (await response.json()) as Messages)
}
