import { describe, expect, test } from 'vitest'
import { BLOCK_DEFINITIONS } from '#app/pages/blocks/registry'
import { MAX_BLOCKS, MAX_DEPTH, PageDocumentSchema, sanitizeStoredDocument, validatePageDocument } from './document'

const defaults = (type: string) => BLOCK_DEFINITIONS.find((d) => d.type === type)!.defaultProps
let nextId = 0
const block = (type: string, props: Record<string, unknown> = {}) => ({ type, props: { ...defaults(type), ...props, id: `${type}-${++nextId}` } })
const doc = (content: unknown[]) => ({ root: { props: {} }, content })

function errorsOf(json: unknown) {
  const result = validatePageDocument(json)
  return result.ok ? [] : result.errors
}

describe('validatePageDocument', () => {
  test('accepts a document of known blocks, slot children included, and returns it cleaned', () => {
    const section = block('Section', { content: [block('Hero', { stray: 'dropped' })] })
    const result = validatePageDocument({ ...doc([section, block('Faq')]), zones: {} })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.content.map((b) => b.type)).toEqual(['Section', 'Faq'])
    const hero = (result.data.content[0]!.props.content as { props: Record<string, unknown> }[])[0]!
    expect(hero.props.headline).toBe(defaults('Hero').headline)
    expect(hero.props).not.toHaveProperty('stray')
    expect(result.data).not.toHaveProperty('zones')
  })

  test('names an unknown block type and where it is', () => {
    expect(errorsOf(doc([block('Hero'), { type: 'Carousel', props: { id: 'c1' } }]))).toEqual(['content.1: unknown block type "Carousel"'])
    const nested = doc([block('Section', { content: [block('Faq'), { type: 'Marquee', props: { id: 'm' } }] })])
    expect(errorsOf(nested)).toEqual(['content.0 (Section).content.1: unknown block type "Marquee"'])
  })

  test('says which field of which block has the wrong type', () => {
    expect(errorsOf(doc([block('Faq'), block('Faq'), block('Stats'), block('Hero', { headline: 42 })]))).toEqual(['content.3 (Hero).headline: expected text'])
    expect(errorsOf(doc([block('Faq', { items: [{ question: 'Q?', answer: 7 }] })]))).toEqual(['content.0 (Faq).items.0.answer: expected text'])
    expect(errorsOf(doc([block('Hero', { layout: 'diagonal' })]))).toEqual(['content.0 (Hero).layout: expected split or centered'])
    expect(errorsOf(doc([block('Image', { width: '100px' })]))).toEqual(['content.0 (Image).width: expected a number'])
    expect(errorsOf(doc([block('Section', { content: 'nope' })]))).toEqual(['content.0 (Section).content: expected a list of blocks'])
  })

  test('requires a block id, unique in the document', () => {
    expect(errorsOf(doc([{ type: 'Divider', props: { width: 'full' } }]))).toEqual(['content.0 (Divider).id: expected text'])
    const twice = doc([block('Divider'), { type: 'Divider', props: { width: 'full', id: 'same' } }, { type: 'Spacer', props: { size: 'small', id: 'same' } }])
    expect(errorsOf(twice)).toEqual(['content.2 (Spacer).id: "same" is used by another block'])
  })

  test('rejects what is not a document', () => {
    expect(errorsOf(null)).toEqual(['expected a page document: { root, content }'])
    expect(errorsOf(undefined)).toEqual(['expected a page document: { root, content }'])
    expect(errorsOf({ root: {}, content: {} })).toEqual(['content: expected a list of blocks'])
    expect(errorsOf(doc(['Hero']))).toEqual(['content.0: expected a block: { type, props }'])
    expect(errorsOf({ root: {}, content: [], zones: { 'a:b': [block('Hero')] } })).toEqual(['zones: legacy drop zones are not supported (use slot fields)'])
  })

  test(`rejects nesting deeper than ${MAX_DEPTH} levels`, () => {
    const nest = (levels: number): ReturnType<typeof block> => (levels === 1 ? block('Divider') : block('Section', { content: [nest(levels - 1)] }))
    expect(errorsOf(doc([nest(MAX_DEPTH)]))).toEqual([])
    const errors = errorsOf(doc([nest(MAX_DEPTH + 1)]))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^content\.0 \(Section\)\.content\.0 \(Section\)(\.content\.0 \(Section\)){4}\.content\.0: nested too deeply \(at most 6 levels\)$/)
  })

  test(`rejects more than ${MAX_BLOCKS} blocks`, () => {
    const many = Array.from({ length: MAX_BLOCKS }, () => block('Divider'))
    expect(errorsOf(doc(many))).toEqual([])
    expect(errorsOf(doc([...many, block('Spacer')]))).toEqual([`content.${MAX_BLOCKS}: too many blocks (at most ${MAX_BLOCKS} in a page)`])
  })

  test('rejects documents over 1 MB, measured as UTF-8 JSON', () => {
    const big = doc([block('RichText', { content: `<p>${'é'.repeat(300_000)}</p>` }), block('RichText', { content: `<p>${'é'.repeat(300_000)}</p>` })])
    // 600,000 characters, but 1.2 MB as UTF-8: the size is checked before (and whatever) the blocks say.
    const errors = errorsOf(big)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^the document is too large \(1\.\d MB; at most 1 MB\)/)
  })

  test('rejects what JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { root: {}, content: [] }
    cyclic.self = cyclic
    expect(errorsOf(cyclic)).toEqual(['the document is not plain JSON data'])
  })

  test('PageDocumentSchema is usable as a zod schema', () => {
    expect(PageDocumentSchema.safeParse(doc([block('Hero')])).success).toBe(true)
    expect(PageDocumentSchema.safeParse(doc([{ type: 'Nope', props: { id: 'n' } }])).success).toBe(false)
  })
})

const RAW = '<p>Hi</p><img src=x onerror=alert(1)><details open ontoggle=alert(2)>there</details>'
const CLEAN = '<p>Hi</p>there'
const richTextOf = (item: unknown) => (item as { props: { content: unknown } }).props.content

describe('rich text is sanitised', () => {
  test('by validatePageDocument, so whatever is saved or published holds only the allow-listed markup, at any depth', () => {
    const result = validatePageDocument(doc([block('RichText', { content: RAW }), block('Section', { content: [block('RichText', { content: RAW })] })]))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(richTextOf(result.data.content[0])).toBe(CLEAN)
    expect(richTextOf((result.data.content[1]!.props.content as unknown[])[0])).toBe(CLEAN)
  })

  test('by sanitizeStoredDocument, for drafts stored before: rich text only, nothing else changed, even in a document that no longer validates', () => {
    const hero = block('Hero', { headline: '<img src=x onerror=alert(1)>' })
    const stored = {
      root: { props: { title: 'kept' } },
      content: [
        block('RichText', { content: RAW }),
        block('Section', { content: [block('Columns', { left: [block('RichText', { content: RAW })] })] }),
        block('RichText', { content: { type: 'doc' } }),
        { type: 'Carousel', props: { id: 'unknown', content: RAW } },
        hero,
      ],
      zones: { 'legacy:zone': [block('RichText', { content: RAW })] },
    }
    const before = structuredClone(stored)
    const clean = sanitizeStoredDocument(stored)
    expect(stored).toEqual(before)
    expect(richTextOf(clean.content[0])).toBe(CLEAN)
    const section = clean.content[1] as { props: { content: { props: { left: unknown[] } }[] } }
    expect(richTextOf(section.props.content[0]!.props.left[0])).toBe(CLEAN)
    expect(richTextOf(clean.content[2])).toBe('')
    // Unknown blocks are not rendered by the editor; plain-text props are escaped by React wherever they show.
    expect(clean.content[3]).toEqual(stored.content[3])
    expect(clean.content[4]).toEqual(hero)
    expect(clean.root).toEqual({ props: { title: 'kept' } })
    expect(richTextOf(clean.zones['legacy:zone'][0])).toBe(CLEAN)
  })

  test('by sanitizeStoredDocument, which passes anything that is not a document through', () => {
    for (const value of [null, 'text', 42, [], { content: 'nope' }]) expect(sanitizeStoredDocument(value)).toEqual(value)
  })
})
