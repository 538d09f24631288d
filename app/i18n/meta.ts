import { translatorFor } from '#app/i18n/i18n'
import type { LanguageData } from '#app/i18n/provider'

type Match = { id: string; data?: unknown }

/**
 * A document title in the page's language, "Log in · Splitform": meta functions render outside React's tree, so
 * they take the language from the root loader's data among `matches` (English when it is absent).
 */
export function titleFrom(matches: readonly Match[], key: string, values: Record<string, unknown> = {}) {
  const data = matches.find((m) => m.id === 'root')?.data as LanguageData | undefined
  const t = translatorFor(data?.language ?? 'en').t
  return t('app.title', { page: t(key, values) })
}
