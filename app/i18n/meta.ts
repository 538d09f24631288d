import { translatorFor } from '#app/i18n/i18n'
import type { LanguageData } from '#app/i18n/provider'

type Match = { id: string; data?: unknown }

/**
 * The translate function of the page's language for a meta function: meta functions render outside React's tree, so
 * they take the language from the root loader's data among `matches` (English when it is absent).
 */
export function metaTranslator(matches: readonly Match[]) {
  const data = matches.find((m) => m.id === 'root')?.data as LanguageData | undefined
  return translatorFor(data?.language ?? 'en').t
}

/** A document title in the page's language, "Log in · Splitform". */
export function titleFrom(matches: readonly Match[], key: string, values: Record<string, unknown> = {}) {
  const t = metaTranslator(matches)
  return t('app.title', { page: t(key, values) })
}
