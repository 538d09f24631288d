import { CATALOGUES, ENGLISH } from '../app/visitor-language/catalogue'
import type { VisitorLanguage } from '../app/visitor-language/locales'

// "No English on a translated page" (issue 18): the English catalogue's strings that a page in `language` must not
// show. A string the language writes the same way ("Podcast", "Newsletter" in German) is not English there. A
// string with placeholders is split into its fixed pieces ("{name} is required" → "is required"); pieces shorter
// than 4 characters ("of", "KB)") say nothing. Matched as whole words, so "Event" is not found in "Evento".

export function englishFragments(language: VisitorLanguage): string[] {
  const target = CATALOGUES[language]
  const fragments = new Set<string>()
  for (const part of ['form', 'system'] as const) {
    for (const [key, english] of Object.entries(ENGLISH[part])) {
      if ((target[part] as Record<string, string>)[key] === english) continue
      for (const piece of english.split(/\{\w+\}/)) if (piece.trim().length >= 4) fragments.add(piece.trim())
    }
  }
  return [...fragments]
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const decodeHtml = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

const stringsOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsOf) : [])

/**
 * What a person can read in an HTML page (or a JSON text): its text, the attributes read out or shown (placeholder,
 * title, aria-label, alt, content), and the string values of its JSON script elements. Attribute names and JSON
 * keys are not words to a visitor: `required=""` is not the English word "required".
 */
export function readableText(html: string) {
  const trimmed = html.trim()
  if (trimmed.startsWith('{')) return stringsOf(JSON.parse(trimmed)).join('\n')
  return decodeHtml(
    html
      .replace(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g, (_, json: string) => `\n${stringsOf(JSON.parse(json)).join('\n')}\n`)
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '\n')
      .replace(/<[^>]*>/g, (tag) => `\n${[...tag.matchAll(/\s(?:placeholder|title|aria-label|alt|content)="([^"]*)"/g)].map((m) => m[1]).join('\n')}\n`),
  )
}

/** The English system strings a person can read in `text` (an HTML page or JSON) of a page in `language`. */
export function findEnglish(text: string, language: VisitorLanguage): string[] {
  const plain = readableText(text)
  return englishFragments(language).filter((fragment) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fragment)}(?![\\p{L}\\p{N}])`, 'u').test(plain))
}
