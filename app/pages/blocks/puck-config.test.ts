import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { BLOCK_DEFINITIONS } from '#app/pages/blocks/registry'
import { englishTranslator } from '#app/i18n/i18n'
import { createPuckConfig, THEME_FONTS } from '#app/pages/puck-config'

const puckConfig = createPuckConfig({ forms: [], t: englishTranslator.t })

test('every block is in the editor, in exactly one category, with its fields and defaults', () => {
  expect(Object.keys(puckConfig.components)).toEqual(BLOCK_DEFINITIONS.map((d) => d.type))
  const categorised = Object.values(puckConfig.categories ?? {}).flatMap((category) => category.components ?? [])
  expect([...categorised].sort()).toEqual(BLOCK_DEFINITIONS.map((d) => d.type).sort())
  for (const definition of BLOCK_DEFINITIONS) {
    const component = puckConfig.components[definition.type]!
    // In English the editor shows the definitions' own words (app/i18n/translated-editor.test.tsx has the Swedish).
    if (definition.type === 'Form') expect(Object.keys(component.fields!)).toEqual(Object.keys(definition.fields))
    else expect(JSON.stringify(component.fields)).toBe(JSON.stringify(definition.fields))
    expect(component.label).toBe(definition.label)
    expect(component.defaultProps).toBe(definition.defaultProps)
    expect(component.render).toBe(definition.render)
  }
})

test('theme fonts are system stacks with unique ids, and system sans comes first', () => {
  expect(THEME_FONTS[0].id).toBe('system-sans')
  expect(new Set(THEME_FONTS.map((f) => f.id)).size).toBe(THEME_FONTS.length)
  for (const font of THEME_FONTS) expect(font.stack).toMatch(/(sans-serif|serif|monospace)$/)
})

test('the editor canvas is a .sf-page and shows dynamic-text tokens by their fallback', () => {
  const Root = puckConfig.root!.render!
  const Hero = puckConfig.components.Hero!.render
  const hero = BLOCK_DEFINITIONS.find((d) => d.type === 'Hero')!
  const html = renderToStaticMarkup(createElement(Root, { children: createElement(Hero, { ...hero.defaultProps, headline: 'Hi {{company|there}}', id: 'h', puck: {} as never }) } as never))
  expect(html).toMatch(/^<div class="sf-page">/)
  expect(html).toContain('<h1>Hi <span title="Replaced by the &quot;company&quot; URL parameter when present" style="text-decoration:underline dotted">there</span></h1>')
})

test('in the editor a Video without a usable link shows a hint instead of nothing', () => {
  const Video = puckConfig.components.Video!.render
  const props = { url: '', title: 'Tour', caption: '', id: 'v' }
  expect(renderToStaticMarkup(createElement(Video, { ...props, puck: { isEditing: true } } as never))).toContain('Paste a YouTube or Vimeo link')
  expect(renderToStaticMarkup(createElement(Video, { ...props, puck: { isEditing: false } } as never))).toBe('')
})
