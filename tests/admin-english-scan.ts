import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import englishCatalogue from '#app/i18n/catalogues/en.json'
import { LANGUAGE_NAMES } from '#app/i18n/languages'
import { escapeRegExp, readableText } from '#tests/english-scan'

// "No English on a translated screen" for the admin (app/i18n/catalogues), as english-scan.ts does for pages. A file
// of its own: it reads the admin's JSON catalogue, which Playwright's loader (tests/e2e import english-scan.ts)
// cannot import without an import attribute. Each English message's
// literal words (ICU placeholders, plurals and tags taken apart: "Not published: {count, plural, …} no form" gives
// "Not published:" and "no form") are looked for, unless the Swedish message of the same key reads the same
// ("Variant", "Status").
type Tree = { [key: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`)))

function literalPieces(message: string): string[] {
  const pieces: string[] = []
  const walk = (elements: MessageFormatElement[]) => {
    let run = ''
    for (const el of elements) {
      if (el.type === TYPE.literal) run += el.value
      else {
        pieces.push(run)
        run = ''
        if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value)
        if (el.type === TYPE.tag) walk(el.children)
      }
    }
    pieces.push(run)
  }
  walk(parse(message, { ignoreTag: false }))
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.length >= 4 && /\p{L}{2}/u.test(piece))
}

const scansOf = new WeakMap<object, { fragment: string; pattern: RegExp }[]>()

/** The English catalogue's words that a screen in `language` must not show (`messages`: that language's catalogue). */
export function adminEnglishFragments(messages: object): string[] {
  const translated = new Map(flatten(messages as Tree))
  const fragments = new Set<string>()
  for (const [key, english] of flatten(englishCatalogue as Tree)) {
    if (translated.get(key) === english) continue
    for (const piece of literalPieces(english)) fragments.add(piece)
  }
  // Words the other language writes the same way in other messages are not English there ("Leads", "Layout"), nor
  // is a language's name in itself ("English" in the picker's "As the browser (English)").
  const own = [...translated.values(), ...Object.values(LANGUAGE_NAMES)].join('\n')
  // (A plain substring test first: most fragments are nowhere in the other language, and the regex is the slow part.)
  return [...fragments].filter((fragment) => !own.includes(fragment) || !wholeWords(fragment).test(own))
}

/** The admin catalogue's English a person can read in `html` (a screen rendered in the language of `messages`). */
export function findAdminEnglish(html: string, messages: object): string[] {
  // The fragments take a while to gather (the whole catalogue, twice): once per catalogue.
  let scans = scansOf.get(messages)
  if (!scans) {
    scans = adminEnglishFragments(messages).map((fragment) => ({ fragment, pattern: wholeWords(fragment) }))
    scansOf.set(messages, scans)
  }
  const plain = readableText(withoutOtherLanguages(html))
  return scans.filter(({ fragment, pattern }) => plain.includes(fragment) && pattern.test(plain)).map(({ fragment }) => fragment)
}

/**
 * `html` without what is marked as written in another language (lang="en", lang="da"): an English template's own
 * name, the consent banner's English wording for English pages. Those are that language on purpose.
 */
function withoutOtherLanguages(html: string) {
  return html.replace(/<(\w+)\b[^>]*\slang="[^"]*"[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<(input|img)\b[^>]*\slang="[^"]*"[^>]*>/g, '')
}

/**
 * `fragment` as whole words, and not inside an identifier: "Event" is not found in "Evento", "visitor" not in the
 * template name "visitor-confirmation", "conversion" not in the event "conversion.created".
 */
const wholeWords = (fragment: string) => new RegExp(`(?<![\\p{L}\\p{N}_-]|[\\p{L}\\p{N}]\\.)${escapeRegExp(fragment)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, 'u')
