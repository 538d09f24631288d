import type { FormText } from './shape'

// Filling a catalogue's text, and numbers and days in the page's language. Bundled into the page script, so no
// catalogue is imported here: the page carries its own language's text (form-html.server.tsx).

/** What a form needs to speak: the page's locale (for Intl) and its catalogue's form text. */
export type FormLanguage = { locale: string; text: FormText }

/** `{name}` and the like replaced by their values; a placeholder without a value is left as it is. */
export function fillText(template: string, values: Record<string, string | number> = {}) {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : placeholder))
}

export function formatNumber(locale: string, value: number) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(value)
}

/** A yyyy-mm-dd day as people of the locale write it ("31 januari 2025", "31. Januar 2025"). */
export function formatDay(locale: string, isoDay: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`))
}
