import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, test } from 'vitest'
import danish from '#app/i18n/catalogues/da.json'
import english from '#app/i18n/catalogues/en.json'
import swedish from '#app/i18n/catalogues/sv.json'
import { LANGUAGES, type Language } from '#app/i18n/languages'

// The CI check on the catalogues: every language has every key English has and no other, each message is valid
// ICU with the same placeholders and tags as the English one, and every English key is used by the code.

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

/** The argument names and tag names a message uses, e.g. ["arg:count", "tag:link"]. */
function slotsOf(message: string): string[] {
  const slots = new Set<string>()
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) slots.add(`arg:${el.value}`)
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        slots.add(`arg:${el.value}`)
        for (const option of Object.values(el.options)) walk(option.value)
      }
      if (el.type === TYPE.tag) {
        slots.add(`tag:${el.value}`)
        walk(el.children)
      }
    }
  }
  walk(parse(message))
  return [...slots].sort()
}

const englishKeys = flatten(english)
// Every admin language but English, typed so a language added to LANGUAGES without its catalogue here fails typecheck.
const catalogues: Record<Exclude<Language, 'en'>, Map<string, string>> = { sv: flatten(swedish as Tree), da: flatten(danish as Tree) }

/** The keys a catalogue lacks and the ones English does not have. */
function keyDifferences(messages: Map<string, string>) {
  return { missing: [...englishKeys.keys()].filter((k) => !messages.has(k)), extra: [...messages.keys()].filter((k) => !englishKeys.has(k)) }
}

describe('the catalogues', () => {
  test('each admin language has its catalogue file, and each catalogue file is an admin language', () => {
    const files = readdirSync(join(import.meta.dirname, 'catalogues')).map((name) => name.replace(/\.json$/, ''))
    expect(files.sort()).toEqual([...LANGUAGES].sort())
    expect(Object.keys(catalogues).sort()).toEqual(LANGUAGES.filter((l) => l !== 'en').sort())
  })

  test.each(Object.entries(catalogues))('%s has every English key and no other', (_language, messages) => {
    expect(keyDifferences(messages)).toEqual({ missing: [], extra: [] })
  })

  test.each(Object.entries(catalogues))('%s: each message is valid ICU with the same placeholders and tags as English', (_language, messages) => {
    const differing = [...englishKeys].filter(([key, text]) => messages.has(key) && slotsOf(text).join() !== slotsOf(messages.get(key)!).join())
    expect(differing.map(([key]) => key)).toEqual([])
  })

  test('every English key is used by the code (validation messages by their English text)', () => {
    const source = sourceFiles(join(import.meta.dirname, '..'))
      .filter((f) => !f.includes('/i18n/catalogues/') && !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    // A validation message carrying a value is written in the code as a template: "Use at most {max} options" is
    // used by `Use at most ${MAX_OPTIONS} options`.
    const isUsed = (text: string) =>
      source.includes(text) ||
      (/\{\w+\}/.test(text) &&
        new RegExp(
          text
            .split(/\{\w+\}/)
            .map(escapeRegExp)
            .join('\\$\\{[^}]+\\}'),
        ).test(source))
    // So is the block definitions' English (pages.blockText, app/pages/editor-words.ts): "Divider" by `label: 'Divider'`.
    const unused = [...englishKeys].filter(([key, text]) => (/(^|\.)validation\.|^pages\.blockText\./.test(key) ? !isUsed(text) : !source.includes(`'${key}'`) && !source.includes(`"${key}"`)))
    expect(unused.map(([key]) => key)).toEqual([])
  })

  test('the check itself: a key missing from a catalogue, or a placeholder renamed, is caught', () => {
    expect(slotsOf('Join {workspace}')).not.toEqual(slotsOf('Gå med i {arbetsyta}'))
    expect(slotsOf('New? <link>Create</link>')).toEqual(['tag:link'])
    expect(slotsOf('{count, plural, one {# lead} other {# leads from {page}}}')).toEqual(['arg:count', 'arg:page'])
    const partial = flatten({ nav: { pages: 'Sidor' } })
    expect([...englishKeys.keys()].filter((k) => !partial.has(k))).toContain('nav.dashboard')
    // The Danish catalogue with one key taken out, and one key English lacks put in.
    const danishWithoutOne = new Map(catalogues.da)
    danishWithoutOne.delete('results.decision.nextStep')
    danishWithoutOne.set('nav.overblik', 'Overblik')
    expect(keyDifferences(danishWithoutOne)).toEqual({ missing: ['results.decision.nextStep'], extra: ['nav.overblik'] })
  })
})

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}
