import { existsSync, statSync } from 'node:fs'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { auditHtml, parseTags } from '#app/pages/blocks/html-audit'
import { validatePageDocument, type BlockProblem } from '#app/pages/document'
import { collectBlockTypes, PageContent } from '#app/pages/page-content'
import { TEMPLATES } from './index'

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
  expect(TEMPLATES.map((t) => [t.id, t.conversion])).toEqual([
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
