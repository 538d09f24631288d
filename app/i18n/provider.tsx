import { useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { english, translatorFor, type Messages } from '#app/i18n/i18n'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '#app/i18n/languages'

/** What the root loader hands the document: the request's language and its catalogue (null for English, which the bundle has). */
export type LanguageData = { language: string; messages: Messages | null }

/** Gives the tree the request's translator. Without it (a screen rendered alone) everything reads English. */
export function LanguageProvider({ data, children }: { data: LanguageData | undefined; children: React.ReactNode }) {
  const language = data?.language ?? DEFAULT_LANGUAGE
  const messages = data?.messages ?? null
  const i18n = useMemo(() => translatorFor(language, messages), [language, messages])
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
}

/** The translate function of the screen's language: t('leads.inbox.title'), t('nav.userAndRole', { name, role }). */
export function useT() {
  return useTranslation().t
}

export { Trans } from 'react-i18next'

/** The language the screen renders in ('en' outside a provider); formats follow it (app/components/format.ts). */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
}

// The shared schemas and the actions speak English (the API answers in it too); the admin shows each of those
// messages in the reader's language, looked up by its English text in the validation catalogue, or in a screen
// group's own `validation` section (settings.validation: the messages only its screens show).
const validationKeys = new Map<string, string>([
  ...Object.entries(english.validation).map(([key, text]): [string, string] => [text, `validation.${key}`]),
  ...Object.entries(english as Record<string, unknown>).flatMap(([group, node]) => {
    const own = group !== 'validation' && node && typeof node === 'object' ? (node as Record<string, unknown>).validation : undefined
    return own && typeof own === 'object' ? Object.entries(own as Record<string, string>).map(([key, text]): [string, string] => [text, `${group}.validation.${key}`]) : []
  }),
])

/** Translates a validation or action message the server wrote in English; an unknown message stays as it is. */
export function useMessage() {
  const { t } = useTranslation()
  return (message: string | undefined) => {
    if (!message) return message
    const key = validationKeys.get(message)
    return key ? t(key) : message
  }
}
