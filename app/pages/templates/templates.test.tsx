import { existsSync, statSync } from 'node:fs'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { auditHtml, parseTags } from '#app/pages/blocks/html-audit'
import { validatePageDocument, type BlockProblem } from '#app/pages/document'
import { collectBlockTypes, PageContent } from '#app/pages/page-content'
import { TEMPLATE_IDS } from '#app/pages/schema'
import { TEMPLATES, type Template } from './index'

describe.each(TEMPLATES.map((template) => [template.id, template] as const))('%s template', (_id, template) => {
  test('validates, with the form id it was given', () => {
    const data = template.build({ formId: 'form_42' })
    const result = validatePageDocument(data)
    expect(result.ok ? [] : result.errors).toEqual([])
    expect(JSON.stringify(data)).toContain('"formId":"form_42"')
    expect(JSON.stringify(template.build({}))).toContain('"formId":""')
  })

  test('renders a complete page without problems or scripts', () => {
    const problems: BlockProblem[] = []
    const html = renderToStaticMarkup(<PageContent data={template.build({})} onBlockError={(p) => problems.push(p)} />)
    expect(problems).toEqual([])
    expect(html).not.toContain('<script')
    expect(auditHtml(html)).toEqual([])
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).toContain('id="form"')
    expect(html).toContain('href="#form"')
    expect(html).toContain('<footer')
  })

  test('references only local images that exist, with dimensions', () => {
    const html = renderToStaticMarkup(<PageContent data={template.build({})} />)
    for (const image of parseTags(html).filter((tag) => tag.name === 'img')) {
      expect(image.attributes.src).toMatch(/^\/images\/templates\/[\w-]+\.svg$/)
      const file = new URL(`../../../public${image.attributes.src}`, import.meta.url)
      expect(existsSync(file), image.attributes.src).toBe(true)
      expect(statSync(file).size).toBeLessThan(8 * 1024)
      expect(image.attributes.width).toMatch(/^\d+$/)
      expect(image.attributes.height).toMatch(/^\d+$/)
    }
  })
})

test('the landing-page templates have social proof, benefits, an FAQ and a call to action', () => {
  for (const template of TEMPLATES.filter((t) => t.id !== 'blank')) {
    const types = collectBlockTypes(template.build({}))
    for (const type of ['Hero', 'FeaturesGrid', 'Faq', 'Form', 'Footer']) expect(types, `${template.id} has ${type}`).toContain(type)
    expect(types.has('Testimonials') || types.has('LogoStrip'), `${template.id} has social proof`).toBe(true)
  }
})

test('the registry lists each template once, with its conversion kind', () => {
  expect(TEMPLATES.filter((t) => t.locale === 'en').map((t) => [t.id, t.conversion])).toEqual([
    ['webinar', 'soft'],
    ['whitepaper', 'soft'],
    ['demo', 'hard'],
    ['quote', 'hard'],
    ['blank', null],
  ])
})

test('template images are small, self-contained SVGs', async () => {
  const { readdirSync, readFileSync } = await import('node:fs')
  const folder = new URL('../../../public/images/templates/', import.meta.url)
  for (const name of readdirSync(folder)) {
    const svg = readFileSync(new URL(name, folder), 'utf8')
    expect(svg, name).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/)
    expect(svg, name).not.toMatch(/<script|href=|url\((?!#)|@import|on\w+=/i)
  }
})

test('the Swedish and Danish templates: each English one with a form in both, with its purpose and conversion kind', () => {
  expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS])
  expect(new Set(TEMPLATES.map((t) => t.name)).size).toBe(TEMPLATES.length)
  for (const locale of ['sv', 'da'] as const) {
    const local = TEMPLATES.filter((t) => t.locale === locale)
    const english = TEMPLATES.filter((t) => t.locale === 'en' && t.form)
    expect(local.map((t) => [t.id, t.conversion, t.form?.purpose])).toEqual(english.map((t) => [`${t.id}-${locale}`, t.conversion, t.form?.purpose]))
    // The form's name is the template's: what the marketer picked is what they find among their forms.
    for (const template of local) expect(template.form?.name).toBe(template.name)
  }
})

// Props that are addresses, ids or settings, not copy: the same in every language.
const NOT_COPY = new Set([
  'id',
  'type',
  'formId',
  'imageUrl',
  'avatar',
  'logo',
  'ctaLink',
  'secondaryLink',
  'link',
  'target',
  'background',
  'layout',
  'spacing',
  'count',
  'verticalAlign',
  'align',
  'action',
  'anchor',
  'style',
  'icon',
])

/** Every piece of copy in a template's document; a logo strip's company names are images' alt text, not copy. */
function copyOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return NOT_COPY.has(key) || !/\p{L}/u.test(value) ? [] : [value]
  if (Array.isArray(value)) return value.flatMap((item) => copyOf(item, key))
  if (!value || typeof value !== 'object') return []
  const block = value as { type?: unknown; props?: { heading?: string } }
  if (block.type === 'LogoStrip') return copyOf(block.props?.heading, 'heading')
  return Object.entries(value).flatMap(([k, v]) => copyOf(v, k))
}

// Words only English copy has (none is a Swedish or Danish word): a line left untranslated shows one of them.
const ENGLISH_WORDS = /\b(the|and|your|you|our|with|what|how|free|get|request|book a|we will|of|is|are|for your)\b/i

describe.each(TEMPLATES.filter((t) => t.locale !== 'en').map((t) => [t.id, t] as const))('%s template', (_id, template: Template) => {
  const english = TEMPLATES.find((t) => t.locale === 'en' && t.form?.purpose === template.form?.purpose)!

  test('has no line of the English template’s copy, and no English words', () => {
    const local = copyOf(template.build({}))
    const englishCopy = new Set(copyOf(english.build({})))
    expect(local.length).toBeGreaterThan(20)
    expect(local.filter((text) => englishCopy.has(text))).toEqual([])
    expect(local.filter((text) => ENGLISH_WORDS.test(text.replace(/<[^>]+>/g, ' ')))).toEqual([])
  })

  test('keeps the English template’s layout: the same blocks, ids and addresses', () => {
    const shape = (doc: unknown) => JSON.stringify(doc, (key, value) => (typeof value === 'string' && !NOT_COPY.has(key) ? '' : Array.isArray(value) && key === 'items' ? value.length > 0 : value))
    expect(shape(template.build({ formId: 'f' }))).toBe(shape(english.build({ formId: 'f' })))
  })
})
