import { expect, test } from 'vitest'
import { compileTemplate, fillTemplate, tokenMarker } from './html-template'

test('tokens are filled from the query, escaped and capped, else fall back', () => {
  const template = compileTemplate(`<h1>Hello ${tokenMarker('utm_term', 'friend &amp; co')}!</h1><p>${tokenMarker('city', '')}</p>`)
  expect(template.hasTokens).toBe(true)
  expect(fillTemplate(template, new URLSearchParams())).toBe('<h1>Hello friend &amp; co!</h1><p></p>')
  expect(fillTemplate(template, new URLSearchParams({ utm_term: '<script>alert(1)</script>' }))).toBe('<h1>Hello &lt;script&gt;alert(1)&lt;/script&gt;!</h1><p></p>')
  expect(fillTemplate(template, new URLSearchParams({ city: 'x'.repeat(500) }))).toContain(`<p>${'x'.repeat(100)}</p>`)
  expect(fillTemplate(template, new URLSearchParams({ utm_term: '"quoted" \'too\'' }))).toContain('&quot;quoted&quot; &#39;too&#39;')
})

test('a page without tokens is one static part', () => {
  const template = compileTemplate('<p>plain</p>')
  expect(template).toEqual({ parts: ['<p>plain</p>'], hasTokens: false })
})
