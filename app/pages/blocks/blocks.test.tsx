import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { DynamicTextContext } from '#app/pages/dynamic-text'
import { validatePageDocument } from '#app/pages/document'
import { PageContent } from '#app/pages/page-content'
import { slotFieldNames, type AnyBlockDefinition, type BlockData } from './block'
import { readBlockCss, readBlockSource, readCssFile } from './css-files'
import { FormSlotContext } from './form'
import { auditHtml, parseTags } from './html-audit'
import { BLOCK_DEFINITIONS } from './registry'
import { sanitizeRichText } from './rich-text-html'
import { videoEmbedUrl } from './video-url'

let nextId = 0
function blockOf(type: string, props: Record<string, unknown> = {}): BlockData {
  const definition = BLOCK_DEFINITIONS.find((d) => d.type === type)!
  return { type, props: { ...definition.defaultProps, ...props, id: `${type}-${++nextId}` } }
}

function render(content: BlockData[], problems: unknown[] = []) {
  return renderToStaticMarkup(<PageContent data={{ root: { props: {} }, content }} onBlockError={(p) => problems.push(p)} />)
}

describe.each(BLOCK_DEFINITIONS.map((definition) => [definition.type, definition] as const))('%s', (_type, definition: AnyBlockDefinition) => {
  test('its defaults pass its schema and render without problems', () => {
    expect(definition.propsSchema.safeParse(definition.defaultProps).success).toBe(true)
    const problems: unknown[] = []
    const html = render([blockOf(definition.type)], problems)
    expect(problems).toEqual([])
    expect(auditHtml(html)).toEqual([])
    // Video has no default URL and renders nothing until it gets one.
    if (definition.type !== 'Video') expect(html).toMatch(/class="sf-/)
  })

  test('fields, defaults and schema name the same props', () => {
    const schemaKeys = Object.keys((definition.propsSchema as unknown as { shape: object }).shape).sort()
    expect(Object.keys(definition.fields).sort()).toEqual(schemaKeys)
    expect(Object.keys(definition.defaultProps).sort()).toEqual(schemaKeys)
  })

  test('its CSS is a sibling .css file imported raw, with sf- prefixed classes only', () => {
    const fileName = `./${definition.type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.css?raw`
    expect(readBlockSource(definition.type)).toContain(`import css from '${fileName}'`)
    const css = readBlockCss(definition.type)
    expect(css.length).toBeGreaterThan(0)
    for (const [, className] of css.matchAll(/\.([a-zA-Z][\w-]*)(?![^{]*})/g)) expect(className).toMatch(/^sf-/)
    // calc()/clamp() need spaces around + and -; without them the whole declaration is dropped.
    expect(css).not.toMatch(/(calc|clamp|min|max)\([^;}]*[\w.%)][+-]\d/)
  })

  test('no script, event handler or javascript: URL typed into any field reaches the HTML', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><script>alert(1)</script>',
      '" onerror="alert(1)',
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
      '{{name|<script>alert(1)</script>}}',
    ]
    let rendered = 0
    for (const path of stringPaths(definition.defaultProps)) {
      for (const payload of payloads) {
        const props = withValue(definition.defaultProps, path, payload)
        if (!definition.propsSchema.safeParse(props).success) continue
        rendered += 1
        const html = render([blockOf(definition.type, props)])
        expect(auditHtml(html), `${path.join('.')} = ${payload}`).toEqual([])
      }
    }
    // Blocks with free-text fields had payloads their schema accepted, so those were really rendered.
    const hasFreeText = stringPaths(definition.defaultProps).some((path) => definition.propsSchema.safeParse(withValue(definition.defaultProps, path, 'Any text at all')).success)
    if (hasFreeText) expect(rendered).toBeGreaterThan(0)
  })
})

// Paths to every string in a props object, array items included (slot lists have none in the defaults).
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, index]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]))
  return []
}

function withValue<T>(value: T, path: (string | number)[], replacement: string): T {
  if (!path.length) return replacement as T
  const [head, ...rest] = path
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  copy[head!] = withValue(copy[head!], rest, replacement)
  return copy as T
}

test('all the CSS of a page that uses every block stays under 20 KB', () => {
  const total = readCssFile('base.css').length + BLOCK_DEFINITIONS.reduce((sum, d) => sum + readBlockCss(d.type).length, 0)
  expect(total).toBeLessThan(20 * 1024)
  expect(readCssFile('base.css')).not.toMatch(/(calc|clamp|min|max)\([^;}]*[\w.%)][+-]\d/)
})

describe('images', () => {
  test('the hero image loads eagerly at high priority; all others lazily; all decode async with dimensions', () => {
    const html = render([blockOf('Hero'), blockOf('Image'), blockOf('Testimonials'), blockOf('LogoStrip')])
    const images = parseTags(html).filter((tag) => tag.name === 'img')
    expect(images.length).toBeGreaterThan(5)
    const [hero, ...rest] = images
    expect(hero!.attributes).toMatchObject({ loading: 'eager', fetchpriority: 'high', decoding: 'async', width: '560', height: '420' })
    for (const image of rest) {
      expect(image.attributes).toMatchObject({ loading: 'lazy', decoding: 'async' })
      expect(image.attributes.width).toMatch(/^\d+$/)
      expect(image.attributes.height).toMatch(/^\d+$/)
      expect(image.attributes).not.toHaveProperty('fetchpriority')
    }
  })

  test('an Image needs alt text', () => {
    const problems: { message: string }[] = []
    expect(render([blockOf('Image', { alt: '  ' })], problems)).toBe('')
    expect(problems[0]!.message).toBe('alt: required')
  })

  test('an unsafe image URL renders no <img>', () => {
    const html = render([blockOf('Image', { url: 'javascript:alert(1)' }), blockOf('Hero', { imageUrl: 'data:image/png;base64,AAAA' })])
    expect(html).not.toContain('<img')
  })

  test('a dimension of 0 (unknown) is left out', () => {
    const html = render([blockOf('Image', { width: 0, height: 0 })])
    expect(html).not.toMatch(/width=|height=/)
  })
})

describe('Video', () => {
  test.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://vimeo.com/channels/staffpicks/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://vimeo.com/76979871/8a1b2c3d4e', 'https://player.vimeo.com/video/76979871?h=8a1b2c3d4e&dnt=1'],
    ['https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
  ])('%s embeds as %s', (url, embed) => {
    expect(videoEmbedUrl(url)).toBe(embed)
  })

  test.each([
    'https://example.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
    'https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ',
    'https://vimeo.com/about',
    'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
    'not a url',
  ])('%s embeds nothing', (url) => {
    expect(videoEmbedUrl(url)).toBeNull()
    expect(render([blockOf('Video', { url })])).toBe('')
  })

  test('renders a lazy, titled, 16:9 privacy-enhanced iframe', () => {
    const html = render([blockOf('Video', { url: 'https://youtu.be/dQw4w9WgXcQ', title: 'Product tour' })])
    const iframe = parseTags(html).find((tag) => tag.name === 'iframe')!
    expect(iframe.attributes).toMatchObject({ src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', loading: 'lazy', title: 'Product tour' })
    expect(html).toContain('sf-video__frame')
    expect(readBlockCss('Video')).toContain('aspect-ratio:16/9')
  })
})

describe('rich text', () => {
  test('keeps the allow-list and drops everything else', () => {
    const html = sanitizeRichText(
      '<h1>Title</h1><p style="color:red" class="x" onclick="alert(1)">Hi <strong>there</strong> <em>you</em> <u>u</u> <s>s</s></p>' +
        '<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>' +
        '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote><pre><code>c</code></pre><h5>small</h5>',
    )
    expect(html).toBe(
      '<h2>Title</h2><p>Hi <strong>there</strong> <em>you</em> <u>u</u> <s>s</s></p>' + '<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote><pre><code>c</code></pre><h4>small</h4>',
    )
  })

  test('links keep safe URLs only, and new-tab links get rel="noopener noreferrer nofollow"', () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>')
    expect(sanitizeRichText('<a href="java&#x0A;script:alert(1)">x</a>')).toBe('<a>x</a>')
    expect(sanitizeRichText('<a href="data:text/html,x">x</a>')).toBe('<a>x</a>')
    expect(sanitizeRichText('<a href="https://example.com" target="_blank" rel="opener">x</a>')).toBe('<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow">x</a>')
    expect(sanitizeRichText('<a href="/pricing" target="_top" title="Prices">x</a>')).toBe('<a href="/pricing" title="Prices">x</a>')
  })

  test('the block renders sanitised HTML', () => {
    const html = render([blockOf('RichText', { content: '<p>Safe</p><script>alert(1)</script>' })])
    expect(html).toContain('<div class="sf-prose sf-prose--left"><p>Safe</p></div>')
  })
})

describe('conversion blocks', () => {
  test('a button set to "scroll to form" links to #form; an unsafe link leaves no href', () => {
    expect(render([blockOf('CtaButton', { action: 'form', link: 'https://example.com' })])).toContain('href="#form"')
    const html = render([blockOf('CtaButton', { action: 'link', link: 'javascript:alert(1)', label: 'Go' })])
    expect(html).toContain('<span class="sf-btn sf-btn--primary">Go</span>')
    expect(html).not.toContain('href')
  })

  test('Faq works without JavaScript: <details> with a <summary>', () => {
    const html = render([blockOf('Faq')])
    expect(html).toContain('<details class="sf-faq__item"><summary>How long does setup take?</summary>')
  })

  test('Form is the #form target, carries its form id, and renders what FormSlotContext gives it', () => {
    const content = [blockOf('Form', { formId: 'f_123', heading: 'Talk to us' })]
    const alone = render(content)
    expect(alone).toMatch(/^<section id="form" class="sf-block sf-form" data-form-id="f_123">/)
    expect(alone).toContain('<h2>Talk to us</h2>')
    const withForm = renderToStaticMarkup(
      <FormSlotContext.Provider value={(formId) => <form data-testid={formId}>fields</form>}>
        <PageContent data={{ content }} />
      </FormSlotContext.Provider>,
    )
    expect(withForm).toContain('<form data-testid="f_123">fields</form>')
  })

  describe('Countdown', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    test('renders the time left at render time, with the attributes the ticking script reads', () => {
      vi.useFakeTimers({ now: Date.parse('2026-02-27T06:48:30Z') })
      const html = render([blockOf('Countdown', { target: '2026-03-01T09:00:00+01:00', label: 'Ends in', expiredText: 'Over' })])
      expect(html).toContain('data-countdown-target="2026-03-01T08:00:00.000Z"')
      expect(html).toContain('data-countdown-expired="Over"')
      expect(html).toContain('data-countdown-remaining="">2d 01h 11m 30s</p>')
      expect(html).not.toContain('<script')
    })

    test('shows the expired text once past', () => {
      vi.useFakeTimers({ now: Date.parse('2026-03-02T00:00:00Z') })
      expect(render([blockOf('Countdown', { target: '2026-03-01T09:00:00Z', expiredText: 'Over' })])).toContain('data-countdown-remaining="">Over</p>')
    })

    test('needs a date-time with a time zone', () => {
      const problems: { message: string }[] = []
      render([blockOf('Countdown', { target: '2026-03-01 09:00' }), blockOf('Countdown', { target: '2026-02-31T09:00:00' })], problems)
      expect(problems.map((p) => p.message)).toEqual([
        'target: expected a date-time with time zone, e.g. 2026-03-01T09:00:00Z',
        'target: expected a date-time with time zone, e.g. 2026-03-01T09:00:00Z',
      ])
    })
  })
})

describe('layout blocks', () => {
  test('Section and Columns render their slot children in place', () => {
    const html = render([
      blockOf('Section', {
        background: 'dark',
        anchor: 'pricing',
        content: [
          blockOf('Columns', {
            count: '3',
            left: [blockOf('Stats')],
            middle: [blockOf('Spacer')],
            right: [blockOf('CtaButton', { label: 'Right here' })],
          }),
        ],
      }),
    ])
    expect(html).toMatch(
      /^<section id="pricing" class="sf-block sf-section sf-section--medium sf-tone-dark"><div class="sf-wrap"><div class="sf-section__body"><div class="sf-block sf-columns sf-columns--3 sf-columns--top"><div class="sf-wrap sf-columns__grid"><div class="sf-columns__col"><section class="sf-block sf-stats">/,
    )
    expect(html).toContain('sf-spacer--medium')
    expect(html).toContain('Right here')
  })

  test('two columns do not render the middle slot', () => {
    const html = render([blockOf('Columns', { count: '2', middle: [blockOf('Stats')] })])
    expect(html).not.toContain('sf-stats')
    expect(html.match(/sf-columns__col/g)).toHaveLength(2)
  })

  test('slot fields are declared for the container blocks only', () => {
    const withSlots = BLOCK_DEFINITIONS.filter((d) => slotFieldNames(d).length).map((d) => [d.type, slotFieldNames(d)])
    expect(withSlots).toEqual([
      ['Section', ['content']],
      ['Columns', ['left', 'middle', 'right']],
    ])
  })
})

describe('dynamic text in blocks', () => {
  test('plain text fields go through DynamicTextContext; attributes get the fallback', () => {
    const content = [
      blockOf('Hero', { headline: 'Hello {{company|there}}', imageAlt: 'Team at {{company|work}}' }),
      blockOf('Faq', { items: [{ question: 'For {{role|you}}?', answer: 'Yes, {{role|you}}.' }] }),
    ]
    const html = renderToStaticMarkup(
      <DynamicTextContext.Provider value={(part) => `[${part.param}]`}>
        <PageContent data={{ content }} />
      </DynamicTextContext.Provider>,
    )
    expect(html).toContain('<h1>Hello [company]</h1>')
    expect(html).toContain('alt="Team at work"')
    expect(html).toContain('<summary>For [role]?</summary>')
    expect(html).toContain('Yes, [role].')
  })

  test('rich text and URLs are not dynamic text', () => {
    const html = render([blockOf('RichText', { content: '<p>{{x|y}}</p>' }), blockOf('CtaButton', { action: 'link', link: '/a?b={{x|y}}' })])
    expect(html).toContain('<p>{{x|y}}</p>')
    expect(html).toContain('href="/a?b={{x|y}}"')
  })
})

test('every block validates inside a document', () => {
  const result = validatePageDocument({ root: { props: {} }, content: BLOCK_DEFINITIONS.map((d) => blockOf(d.type)) })
  expect(result.ok ? [] : result.errors).toEqual([])
})
