import { IntlMessageFormat } from 'intl-messageformat'
import english from '#app/i18n/catalogues/en.json'
import type { Messages } from '#app/i18n/i18n'

// Sentences said outside React, many times a second (every decision the statistics write, for the API and
// auto-ship too): each message compiled once per language and kept, ICU straight through intl-messageformat,
// which is what i18next-icu runs too, at a fraction of a full t() call's cost.

/** Says one message of the catalogue with its values. */
export type Say = (key: string, values: Record<string, string | number>) => string

function lookUp(messages: Messages, key: string): string | undefined {
  let node: unknown = messages
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
  return typeof node === 'string' ? node : undefined
}

const sayers = new Map<string, Say>()

/** The Say of `language` with its catalogue (English underneath, as the translators have it). */
export function sayIn(language: string, messages: Messages | null): Say {
  let say = sayers.get(language)
  if (!say) {
    const compiled = new Map<string, IntlMessageFormat>()
    say = (key, values) => {
      let format = compiled.get(key)
      if (!format) {
        const local = messages && lookUp(messages, key)
        const text = local ?? lookUp(english, key)
        if (text === undefined) throw new Error(`No message ${key} in the English catalogue`)
        format = new IntlMessageFormat(text, local ? language : 'en')
        compiled.set(key, format)
      }
      return String(format.format(values))
    }
    sayers.set(language, say)
  }
  return say
}

/** English, the statistics' default language. */
export const sayInEnglish = sayIn('en', null)

/** A language's Say with the language itself, which the numbers inside its sentences follow (format.ts). */
export type Speaker = { say: Say; language: string }

/** The statistics' default speaker: the API, auto-ship and the alerts speak English. */
export const englishSpeaker: Speaker = { say: sayInEnglish, language: 'en' }

/** The speaker of `language` with its catalogue, for a screen's loader to hand the statistics. */
export function speakerIn(language: string, messages: Messages | null): Speaker {
  return language === 'en' ? englishSpeaker : { say: sayIn(language, messages), language }
}
