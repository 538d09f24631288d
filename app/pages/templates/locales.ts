import { FORM_LOCALES, type FormLocale } from '#app/forms/purposes'

// Small on purpose: the chooser (in the browser) needs the languages, not the templates' copy and blocks.

/** The language a template's copy is written in; its form is made in the same one. */
export type TemplateLocale = FormLocale

/** The languages templates come in, in the chooser's order (English first), named in the admin's language. */
export const TEMPLATE_LOCALES: readonly { id: TemplateLocale; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'sv', name: 'Swedish' },
  { id: 'da', name: 'Danish' },
]

export type TemplateLanguageFilter = { ok: true; locale: TemplateLocale | null } | { ok: false; message: string }

/** The chooser's `?language=` filter: absent or empty is every language; anything else must be one of them. */
export function parseTemplateLanguage(value: string | null): TemplateLanguageFilter {
  if (!value) return { ok: true, locale: null }
  const locale = FORM_LOCALES.find((id) => id === value)
  if (locale) return { ok: true, locale }
  return { ok: false, message: `Unknown template language "${value.slice(0, 40)}": use ${FORM_LOCALES.join(', ')}` }
}
