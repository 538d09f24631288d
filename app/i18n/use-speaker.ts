import { useTranslation } from 'react-i18next'
import { sayIn, speakerIn, type Speaker } from '#app/i18n/sentences'
import { useLanguage } from '#app/i18n/provider'

/**
 * The statistics' speaker in the screen's language, for a sentence a component says itself with the statistics'
 * words (a guardrail verdict): the catalogue the document brought, as the translator has it.
 */
export function useSpeaker(): Speaker {
  const { i18n } = useTranslation()
  const language = useLanguage()
  if (language === 'en') return speakerIn('en', null)
  const messages = (i18n.getResourceBundle(language, 'translation') as Record<string, unknown> | undefined) ?? null
  return { say: sayIn(language, messages), language }
}
