import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { XSS_PAYLOADS } from '#tests/xss-payloads'
import { auditHtml, parseTags } from './html-audit'
import { sanitizeRichText } from './rich-text-html'

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre'])
const LINK_ATTRIBUTES = new Set(['href', 'title', 'target', 'rel'])

/** What must hold for any output: allow-listed tags, attributes only on links, nothing auditHtml objects to. */
function expectOnlyAllowed(html: string) {
  expect(auditHtml(html)).toEqual([])
  for (const tag of parseTags(html)) {
    expect(ALLOWED_TAGS, `<${tag.name}> in ${html}`).toContain(tag.name)
    for (const name of Object.keys(tag.attributes)) expect(tag.name === 'a' && LINK_ATTRIBUTES.has(name), `${name} on <${tag.name}> in ${html}`).toBe(true)
  }
  // Anything that looks like markup but is not a tag above is escaped text: no raw "<" may open a tag.
  expect(html.replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/g, '')).not.toMatch(/</)
}

describe('sanitizeRichText', () => {
  test.each(XSS_PAYLOADS.map((p) => [p.name, p.html('alert(1)')]))('%s: nothing that can run survives', (_name, payload) => {
    const html = sanitizeRichText(`<p>before</p>${payload}<p>after</p>`)
    expectOnlyAllowed(html)
    // Plain text may say "javascript:" or "onerror=" (escaped, it is only words); no element or attribute may.
    expect(html).not.toMatch(/<(script|iframe|img|svg|math|style|noscript|details|input)|\son[a-z]+=/i)
    for (const tag of parseTags(html)) expect(Object.values(tag.attributes).join(' ')).not.toMatch(/script:/i)
    expect(html).toContain('<p>before</p>')
  })

  test('the payloads that ran in the editor (issue 14) come out as nothing or plain text', () => {
    expect(sanitizeRichText('<img src=x onerror=alert(1)>')).toBe('')
    expect(sanitizeRichText('<iframe src="javascript:alert(1)"></iframe>')).toBe('')
    expect(sanitizeRichText('<noscript><p title="</noscript><img src=x onerror=alert(1)>">')).toBe('<p></p>')
    expect(sanitizeRichText('<details open ontoggle=alert(1)>Hi</details>')).toBe('Hi')
    expect(sanitizeRichText('"><img src=x onerror=alert(1)>')).toBe('"&gt;')
    expect(sanitizeRichText('<a href="javascript:alert(1)" onclick="alert(1)">x</a>')).toBe('<a>x</a>')
  })

  test('keeps what the editor produces', () => {
    const html =
      '<h2>Title</h2><p>A <strong>bold</strong>, <em>fine</em> <a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow">link</a>.</p><ul><li>one</li></ul><blockquote><p>quote</p></blockquote><pre><code>x &lt; y</code></pre>'
    expect(sanitizeRichText(html)).toBe(html)
  })

  test('sanitising its own output changes nothing, so sanitising on save, read and publish agree', () => {
    for (const payload of XSS_PAYLOADS) {
      const once = sanitizeRichText(payload.html('alert(1)'))
      expect(sanitizeRichText(once)).toBe(once)
    }
  })

  // Random markup built from the pieces attacks are made of: whatever comes in, only allowed markup comes out,
  // and a second pass is a no-op.
  test('any mix of tags, attributes, quotes and entities comes out allowed and stable', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '</',
      '/>',
      '"',
      "'",
      '=',
      ' ',
      '!--',
      '-->',
      '&lt;',
      '&gt;',
      '&quot;',
      '&#x09;',
      '&#106;',
      '\n',
      'x',
      'p',
      'a',
      'img',
      'script',
      'style',
      'noscript',
      'textarea',
      'title',
      'svg',
      'math',
      'mglyph',
      'mtext',
      'table',
      'template',
      'iframe',
      'xmp',
      'plaintext',
      'details',
      'h1',
      'h2',
      ' href=',
      ' src=',
      ' title=',
      ' onerror=',
      ' style=',
      ' target=_blank',
      'javascript:',
      'alert(1)',
      '//evil.example',
      'data:text/html,',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const once = sanitizeRichText(pieces.join(''))
        expectOnlyAllowed(once)
        expect(sanitizeRichText(once)).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })
})
