import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import english from '../app/i18n/catalogues/en.json'
import type { Messages } from '../app/i18n/i18n'
import { LANGUAGE_NAMES } from '../app/i18n/languages'
import { escapeRegExp, readableText } from './english-scan'

// The admin's counterpart of english-scan.ts (the visitor pages'): "no English catalogue string" on an admin screen
// in another language. A file of its own because it reads the admin's JSON catalogue, which Playwright's loader
// (tests/e2e imports english-scan.ts) cannot import without an import attribute.

/** The literal runs of an ICU message, at any depth: "{count, plural, one {# lead} other {# leads from {page}}}" → " lead", " leads from ". */
function literalRuns(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((el): string[] => {
    if (el.type === TYPE.literal) return [el.value]
    if (el.type === TYPE.tag) return literalRuns(el.children)
    if (el.type === TYPE.plural || el.type === TYPE.select) return Object.values(el.options).flatMap((option) => literalRuns(option.value))
    return []
  })
}

const messagesOf = (tree: unknown): string[] => (typeof tree === 'string' ? [tree] : tree && typeof tree === 'object' ? Object.values(tree).flatMap(messagesOf) : [])

/**
 * "No English catalogue string" on an admin screen in another language: the fixed pieces of the admin's English
 * messages (4 characters or more, with a letter) that the `translated` catalogue does not write itself anywhere, so
 * "Variant" or "Leads", which Danish and Swedish write the same, are not English there. Nor is "English" where it
 * names the language in itself, as the language picker does ("As the browser (English)").
 */
export function adminEnglishFragments(translated: Messages): string[] {
  const own = [...messagesOf(translated), ...Object.values(LANGUAGE_NAMES)].join('\n')
  const fragments = new Set<string>()
  for (const message of messagesOf(english)) {
    for (const run of literalRuns(parse(message))) {
      const piece = run.trim()
      if (piece.length >= 4 && /\p{L}/u.test(piece) && !own.includes(piece)) fragments.add(piece)
    }
  }
  return [...fragments]
}

/**
 * The admin's English strings a person can read in `html`, an admin screen rendered in the `translated` catalogue's
 * language. Words marked as another language (the language picker's "English", a template's name) are not counted; a whole
 * document's <html lang> is.
 */
export function findAdminEnglish(html: string, translated: Messages): string[] {
  const plain = readableText(html.replace(/<(?!html\b)(\w+)\b[^>]*\slang="[^"]*"[^>]*>[\s\S]*?<\/\1>/g, '\n'))
  return adminEnglishFragments(translated).filter((fragment) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fragment)}(?![\\p{L}\\p{N}])`, 'u').test(plain))
}
