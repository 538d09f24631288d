import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import type { Messages } from '#app/i18n/i18n'

// Pseudo-localisation: the English catalogue with every letter accented and every text about 40 % longer, as
// Swedish, German or Finnish words run, so a screen that clips, overflows or still shows plain English is seen
// without knowing any of those languages. Only the e2e server offers it (PSEUDO_LOCALE=1, decision 091); placeholders,
// plurals and tags are kept, so the pseudo messages format exactly as the English ones do.

/** Its tag: English in the XA "region", the pseudo-locale tag Android and Chromium use; valid BCP 47 for <html lang>. */
export const PSEUDO_LANGUAGE = 'en-XA'

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀßÇĐÉƑĜĤÎĴĶĻḾÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
)
const VOWELS = /[aeiouyAEIOUY]/

/** One run of text, accented and lengthened: each vowel doubled while the text is under 140 % of its length. */
export function pseudoText(text: string): string {
  let extra = Math.round(text.replace(/\s/g, '').length * 0.4)
  let out = ''
  for (const c of text) {
    const accented = ACCENTED[c] ?? c
    out += accented
    if (extra > 0 && VOWELS.test(c)) {
      out += accented
      extra--
    }
  }
  // Words with few vowels ("SQL", "CSV") still grow, at their end.
  return extra > 0 && text.trim() ? out + '~'.repeat(extra) : out
}

/** Where the literal text of a message lies in it, at any depth (inside plural options and tags too). */
function literalSpans(elements: MessageFormatElement[]): [number, number][] {
  return elements.flatMap((el): [number, number][] => {
    if (el.type === TYPE.literal) return el.location ? [[el.location.start.offset, el.location.end.offset]] : []
    if (el.type === TYPE.tag) return literalSpans(el.children)
    if (el.type === TYPE.plural || el.type === TYPE.select) return Object.values(el.options).flatMap((option) => literalSpans(option.value))
    return []
  })
}

/**
 * A message in pseudo: its literal text transformed where it stands in the source (letters only change, so ICU's
 * quoting stays intact), its arguments, plural keywords and tag names untouched.
 */
export function pseudoMessage(message: string): string {
  const spans = literalSpans(parse(message, { captureLocation: true })).sort((a, b) => b[0] - a[0])
  return spans.reduce((text, [start, end]) => text.slice(0, start) + pseudoText(text.slice(start, end)) + text.slice(end), message)
}

/** A whole catalogue in pseudo, same keys. */
export function pseudoCatalogue(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typeof value === 'string' ? pseudoMessage(value) : pseudoCatalogue(value as Messages)]))
}
