import { cloneElement, useMemo, type ReactElement, type ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { english, translatorFor } from '#app/i18n/i18n'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '#app/i18n/languages'

/** What the root loader hands the document: the request's language (its catalogue is in hand by then: catalogue-assets.ts). */
export type LanguageData = { language: string }

/** Gives the tree the request's translator. Without it (a screen rendered alone) everything reads English. */
export function LanguageProvider({ data, children }: { data: LanguageData | undefined; children: React.ReactNode }) {
  const language = data?.language ?? DEFAULT_LANGUAGE
  const i18n = useMemo(() => translatorFor(language), [language])
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
}

/** The translate function of the screen's language: t('leads.inbox.title'), t('nav.userAndRole', { name, role }). */
export function useT() {
  return useTranslation().t
}

/**
 * A message with tags, `Already have an account? <link>Log in</link>`, as React: each tag becomes the element
 * `components` names for it, with the message's words inside as its children. react-i18next's Trans does not fit
 * ICU messages: it put the words after an empty element (an empty link, found by axe), so this does the one thing
 * the screens need. A tag with no component keeps its words as plain text.
 */
export function Trans({
  i18nKey,
  values,
  components = {},
  t: given,
}: {
  i18nKey: string
  values?: Record<string, unknown>
  components?: Record<string, ReactElement>
  t?: (key: string, values?: Record<string, unknown>) => string
}) {
  const own = useT()
  const t = given ?? own
  return <>{richText(String(t(i18nKey, values)), components)}</>
}

const TAG = /<(\w+)>([\s\S]*?)<\/\1>/g

/** `message`'s tags as `components` (nested tags too), the text between them as strings. */
export function richText(message: string, components: Record<string, ReactElement>): ReactNode[] {
  const nodes: ReactNode[] = []
  let last = 0
  for (const match of message.matchAll(TAG)) {
    if (match.index > last) nodes.push(message.slice(last, match.index))
    const [, name, inner] = match as unknown as [string, string, string]
    const element = components[name]
    nodes.push(element ? cloneElement(element, { key: nodes.length }, ...richText(inner, components)) : inner)
    last = match.index + match[0].length
  }
  if (last < message.length) nodes.push(message.slice(last))
  return nodes
}

/** The language the screen renders in ('en' outside a provider); formats follow it (app/components/format.ts). */
export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
}

// The shared schemas and the actions speak English (the API answers in it too); the admin shows each of those
// messages in the reader's language, looked up by its English text in the validation catalogue: the shared
// `validation` section first, then each screen group's own (`leads.validation`, `forms.validation`), where the
// messages only those screens show are kept.
const validationKeys = new Map(Object.entries(english.validation).map(([key, text]) => [text, `validation.${key}`]))
for (const [group, section] of Object.entries(english as Record<string, unknown>)) {
  const messages = section && typeof section === 'object' ? (section as Record<string, unknown>).validation : undefined
  if (group === 'validation' || !messages || typeof messages !== 'object') continue
  for (const [key, text] of Object.entries(messages)) if (typeof text === 'string' && !validationKeys.has(text)) validationKeys.set(text, `${group}.validation.${key}`)
}

// A message carrying a value ("Use at most 50 options", 'The value "x" is used twice') has an English ICU text with
// placeholders ("Use at most {max} options"); it is recognised by that text as a pattern, each placeholder matching
// any text, and shown in the reader's language with the values it carried (whole numbers as numbers, so the
// catalogue may format them).
const placeholder = /\{(\w+)\}/g
const patterns = [...validationKeys]
  .filter(([text]) => /\{\w+\}/.test(text) && !/[{}]/.test(text.replace(placeholder, '')))
  .map(([text, key]) => {
    const names = [...text.matchAll(placeholder)].map((m) => m[1]!)
    const source = text
      .split(placeholder)
      .map((part, i) => (i % 2 === 1 ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')
    return { key, names, pattern: new RegExp(`^${source}$`) }
  })

/** The catalogue key and values of an English message the server wrote, or null when the catalogue does not have it. */
export function messageKeyOf(message: string): { key: string; values: Record<string, string | number> } | null {
  const key = validationKeys.get(message)
  if (key) return { key, values: {} }
  for (const { key, names, pattern } of patterns) {
    const match = pattern.exec(message)
    if (match) return { key, values: Object.fromEntries(names.map((name, i) => [name, /^\d+$/.test(match[i + 1]!) ? Number(match[i + 1]) : match[i + 1]!])) }
  }
  return null
}

/** Translates a validation or action message the server wrote in English; an unknown message stays as it is. */
export function useMessage() {
  const { t } = useTranslation()
  return (message: string | undefined) => {
    if (!message) return message
    const found = messageKeyOf(message)
    return found ? t(found.key, found.values) : message
  }
}
