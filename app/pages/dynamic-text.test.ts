import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { DynamicText, DynamicTextContext, dynamicTextFallback, parseDynamicText, resolveDynamicText } from './dynamic-text'

describe('parseDynamicText', () => {
  test('splits text and tokens', () => {
    expect(parseDynamicText('Hello {{name|there}}, welcome to {{city|your city}}!')).toEqual([
      'Hello ',
      { param: 'name', fallback: 'there' },
      ', welcome to ',
      { param: 'city', fallback: 'your city' },
      '!',
    ])
  })

  test('text without tokens is one part; empty text none', () => {
    expect(parseDynamicText('Just text')).toEqual(['Just text'])
    expect(parseDynamicText('')).toEqual([])
  })

  test('a token without a fallback, or with an empty one, falls back to nothing', () => {
    expect(parseDynamicText('{{utm_term}}')).toEqual([{ param: 'utm_term', fallback: '' }])
    expect(parseDynamicText('a{{utm_term|}}b')).toEqual(['a', { param: 'utm_term', fallback: '' }, 'b'])
  })

  test('malformed braces stay text', () => {
    for (const text of ['{{ name }}', '{{name', 'name}}', '{name|x}', '{{na-me|x}}', '{{|x}}', `{{${'a'.repeat(65)}}}`, '{{a|{{b}}']) {
      expect(parseDynamicText(text).filter((part) => typeof part !== 'string' && part.param !== 'b')).toEqual([])
    }
    expect(parseDynamicText('{{ name }}')).toEqual(['{{ name }}'])
    expect(parseDynamicText('{{a|{{b}}')).toEqual(['{{a|', { param: 'b', fallback: '' }])
  })

  test('the longest allowed parameter name is 64 characters', () => {
    const name = 'a'.repeat(64)
    expect(parseDynamicText(`{{${name}}}`)).toEqual([{ param: name, fallback: '' }])
  })
})

describe('resolveDynamicText', () => {
  test('fills from the query, trims and caps values, else falls back', () => {
    const text = 'Offer for {{company|your team}} in {{city}}'
    expect(resolveDynamicText(text, new URLSearchParams())).toBe('Offer for your team in ')
    expect(resolveDynamicText(text, new URLSearchParams({ company: '  Acme  ', city: 'Lyon' }))).toBe('Offer for Acme in Lyon')
    expect(resolveDynamicText(text, new URLSearchParams({ company: 'x'.repeat(300) }))).toBe(`Offer for ${'x'.repeat(100)} in `)
    expect(resolveDynamicText(text, new URLSearchParams({ company: 'abcdef' }), 3)).toBe('Offer for abc in ')
    expect(resolveDynamicText(text, new URLSearchParams({ company: '   ' }))).toBe('Offer for your team in ')
  })

  test('caps by characters, never splitting an emoji', () => {
    expect(resolveDynamicText('{{x}}', new URLSearchParams({ x: '😀😀😀' }), 2)).toBe('😀😀')
  })
})

describe('DynamicText', () => {
  const render = (value: string, renderer?: Parameters<typeof DynamicTextContext.Provider>[0]['value']) =>
    renderToStaticMarkup(renderer ? createElement(DynamicTextContext.Provider, { value: renderer }, createElement(DynamicText, { value })) : createElement(DynamicText, { value }))

  test('renders fallbacks by default', () => {
    expect(render('Hi {{name|friend}}{{empty|}}!')).toBe('Hi friend!')
  })

  test('renders tokens through the context and escapes text', () => {
    expect(render('<b>{{name|friend}}</b>', (part) => `[${part.param}]`)).toBe('&lt;b&gt;[name]&lt;/b&gt;')
  })

  test('a renderer that throws costs only the token', () => {
    expect(
      render('Hi {{name|friend}}', () => {
        throw new Error('boom')
      }),
    ).toBe('Hi friend')
  })

  test('template marker characters typed into a field are dropped', () => {
    expect(render('a\uE000name|x\uE001b')).toBe('aname|xb')
  })

  test('attributes get the fallbacks', () => {
    expect(dynamicTextFallback('Photo of {{city|our office}}')).toBe('Photo of our office')
  })
})
