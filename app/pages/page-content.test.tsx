import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { BLOCK_DEFINITIONS } from '#app/pages/blocks/registry'
import { FormSlotContext } from '#app/pages/blocks/form'
import { collectBlockTypes, PageContent, pageCss } from './page-content'
import type { BlockProblem } from './document'

const defaults = (type: string) => BLOCK_DEFINITIONS.find((d) => d.type === type)!.defaultProps
let nextId = 0
const block = (type: string, props: Record<string, unknown> = {}) => ({ type, props: { ...defaults(type), ...props, id: `${type}-${++nextId}` } })

function render(data: unknown, wrap: (node: JSX.Element) => JSX.Element = (node) => node) {
  const problems: BlockProblem[] = []
  const html = renderToStaticMarkup(wrap(<PageContent data={data} onBlockError={(problem) => problems.push(problem)} />))
  return { html, problems }
}

describe('PageContent', () => {
  test('renders blocks in order, slot children in place', () => {
    const { html, problems } = render({
      root: { props: {} },
      content: [block('Hero', { headline: 'First' }), block('Section', { content: [block('CtaButton', { label: 'Second' })] }), block('Footer', { text: 'Third' })],
    })
    expect(problems).toEqual([])
    expect(html.indexOf('First')).toBeLessThan(html.indexOf('Second'))
    expect(html.indexOf('Second')).toBeLessThan(html.indexOf('Third'))
  })

  test('a damaged document renders its good blocks and reports the bad ones', () => {
    const { html, problems } = render({
      root: { props: {} },
      content: [
        block('Hero', { headline: 'Still here' }),
        { type: 'Carousel', props: { id: 'c' } },
        block('Faq', { items: 'not a list' }),
        'junk',
        block('Section', { content: [block('Stats', { heading: 'Nested survivor' }), block('Image', { alt: '' })] }),
        block('Footer', { text: 'Footer survives' }),
      ],
    })
    expect(html).toContain('Still here')
    expect(html).toContain('Nested survivor')
    expect(html).toContain('Footer survives')
    expect(html).not.toContain('sf-faq')
    expect(html).not.toContain('sf-image')
    expect(problems).toEqual([
      { path: 'content.1', type: 'Carousel', message: 'unknown block type "Carousel"' },
      { path: 'content.2', type: 'Faq', message: 'items: expected a list' },
      { path: 'content.3', type: '(none)', message: 'expected a block: { type, props }' },
      { path: 'content.4 (Section).content.1', type: 'Image', message: 'alt: required' },
    ])
  })

  test('a block whose render throws is left out and reported; the page still renders', () => {
    const faq = BLOCK_DEFINITIONS.find((d) => d.type === 'Faq')!
    const original = faq.render
    faq.render = () => {
      throw new Error('kaboom')
    }
    try {
      const { html, problems } = render({ content: [block('Hero', { headline: 'Before' }), block('Faq'), block('Footer', { text: 'After' })] })
      expect(html).toContain('Before')
      expect(html).toContain('After')
      expect(problems).toEqual([{ path: 'content.1', type: 'Faq', message: 'failed to render: kaboom' }])
    } finally {
      faq.render = original
    }
  })

  test('a failing form renderer costs only the form', () => {
    const { html } = render({ content: [block('Form', { heading: 'Sign up' }), block('Footer', { text: 'After' })] }, (node) => (
      <FormSlotContext.Provider
        value={() => {
          throw new Error('forms are down')
        }}
      >
        {node}
      </FormSlotContext.Provider>
    ))
    expect(html).toContain('<h2>Sign up</h2>')
    expect(html).toContain('After')
  })

  test('content that is not a list renders nothing and is reported', () => {
    expect(render({ root: {}, content: 'oops' })).toEqual({ html: '', problems: [{ path: 'content', type: '(document)', message: 'expected a list of blocks' }] })
    expect(render(null).html).toBe('')
  })

  test('blocks nested too deeply are skipped', () => {
    const nest = (levels: number): ReturnType<typeof block> => (levels === 1 ? block('Footer', { text: 'deep' }) : block('Section', { content: [nest(levels - 1)] }))
    expect(render({ content: [nest(6)] }).html).toContain('deep')
    const { html, problems } = render({ content: [nest(7)] })
    expect(html).not.toContain('deep')
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toBe('nested too deeply (at most 6 levels)')
  })
})

describe('collectBlockTypes', () => {
  test('finds every type, slot children included', () => {
    const data = {
      content: [block('Hero'), block('Section', { content: [block('Columns', { left: [block('Faq')], right: [block('Form')] })] }), { type: 'Unknown', props: {} }],
    }
    expect([...collectBlockTypes(data)].sort()).toEqual(['Columns', 'Faq', 'Form', 'Hero', 'Section', 'Unknown'])
    expect(collectBlockTypes(null).size).toBe(0)
  })
})

describe('pageCss', () => {
  // Vitest blanks CSS imports (see blocks/css-files.ts), so mark each block's CSS to see which are included.
  test('includes the base and only the blocks used, each once, in a fixed order', () => {
    const saved = BLOCK_DEFINITIONS.map((definition) => definition.css)
    BLOCK_DEFINITIONS.forEach((definition) => (definition.css = `/*${definition.type}*/`))
    try {
      const css = pageCss(['Faq', 'Hero', 'Faq', 'Unknown'])
      expect(css).toBe(`${pageCss([])}\n/*Hero*/\n/*Faq*/`)
      expect(pageCss(collectBlockTypes({ content: [block('Section', { content: [block('Stats')] })] }))).toContain('/*Section*/\n/*Stats*/')
    } finally {
      BLOCK_DEFINITIONS.forEach((definition, index) => (definition.css = saved[index]!))
    }
  })
})
