import { translatorFor } from '#app/i18n/i18n'
import type { LanguageData } from '#app/i18n/provider'

/** The calculator's description for search results, in the page's language (meta runs outside React's tree). */
export function describeIn(matches: readonly { id: string; data?: unknown }[]) {
  const data = matches.find((m) => m.id === 'root')?.data as LanguageData | undefined
  return translatorFor(data?.language ?? 'en').t('calculators.sampleSize.metaDescription')
}
