import fc from 'fast-check'
import type { RouteSpec } from '#tests/hostile-routes'

// What the hostile-input test (tests/integration/hostile-input.test.ts) sends: fast-check arbitraries for one
// route's requests, built from its URL pattern, its params and the words of its own files.

export const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u202e\u200b\ufeff',
  '\u0007\u001b[31m',
  '𝕏'.repeat(50),
  '../../etc/passwd',
  "'; drop table leads; --",
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  '9'.repeat(400),
  '-1',
  '0',
  'NaN',
  '1e309',
  '-0',
  'true',
  'null',
  '[]',
  '{}',
  '9999-12-31',
  '0000-01-01',
  '2026-02-30',
  'javascript:alert(1)',
  'http://127.0.0.1:1/',
  '//evil.example',
  ' ',
  '',
]
const LONG_TEXT = ['x'.repeat(20_000), '\u0000'.repeat(5_000)]
export const hostileText = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((s) => `${s}\u0000`) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_TEXT) },
)

/** Bodies nested far deeper than anything legitimate, as JSON text. */
const DEEP_JSON = [500, 20_000].flatMap((depth) => [
  '['.repeat(depth) + ']'.repeat(depth),
  '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  '{"draft":' + '{"content":['.repeat(depth) + ']}'.repeat(depth) + '}',
])
const deepJson = fc.constantFrom(...DEEP_JSON)
const deepJsonValue = fc.constantFrom(...DEEP_JSON.slice(0, 3)) // 500 levels: fits a form field
const HUGE_FORM = `name=${'x'.repeat(70_000)}`
const HUGE_JSON = JSON.stringify({ name: 'x'.repeat(70_000) })

export type Sent = { method: string; path: string; auth: 'none' | 'cookie' | 'key'; contentType?: string; body?: string | Uint8Array; what: string }

/** A JSON value shaped like a document, with hostile leaves: strings, and objects keyed by the route's words. */
function jsonValue(words: string[]) {
  const leaf = fc.oneof({ weight: 3, arbitrary: hostileText }, fc.constantFrom(...words, 'A', 'B'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null))
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...words), hostileText), tie('value'), { maxKeys: 5 }),
    ),
  })).value
}

export function requestsFor(route: RouteSpec, paramValue: (param: RouteSpec['params'][number]) => string, seedDoc: unknown): fc.Arbitrary<Sent> {
  const isApi = route.pattern.startsWith('/api/')
  const words = route.words.length ? route.words : ['name']
  const auth = fc.constantFrom<Sent['auth']>(...(isApi ? (['key', 'key', 'none', 'cookie'] as const) : (['cookie', 'cookie', 'none', 'key'] as const)))
  const params = fc.array(fc.boolean(), { minLength: route.params.length, maxLength: route.params.length })
  const pathWith = (hostile: boolean[], text: string) =>
    route.pattern.replace('*', hostile.length ? 'x' : encodeSegment(text)).replace(/:(\w+)/g, (_, name: string) => {
      const index = route.params.findIndex((p) => p.name === name)
      return hostile[index] ? encodeSegment(text) : paramValue(route.params[index]!)
    })
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...words), hostileText), hostileText), { minLength: 1, maxLength: 3 }).map((pairs) => {
    const search = new URLSearchParams()
    for (const [name, value] of pairs) search.append(name, value.slice(0, 2000))
    return `?${search}`
  })
  const get = fc
    .record({ hostile: params, text: hostileText, query: fc.option(query, { nil: '' }), auth })
    .map(({ hostile, text, query, auth }): Sent => ({ method: 'GET', path: pathWith(hostile, text) + query, auth, what: 'query/params' }))
  if (!route.hasAction) return get
  const method = isApi ? fc.constantFrom('POST', 'POST', 'PUT', 'PATCH', 'DELETE') : fc.constant('POST')
  const formBody = fc.dictionary(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, hostileText),
    fc.oneof({ weight: 6, arbitrary: hostileText }, { weight: 2, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: deepJsonValue }),
    { maxKeys: 6 },
  )
  const body = fc.oneof(
    { weight: 3, arbitrary: formBody.map((b) => ({ contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(b).toString(), what: 'form' })) },
    { weight: 3, arbitrary: jsonValue(words).map((v) => ({ contentType: 'application/json', body: JSON.stringify(v), what: 'json' })) },
    formBody.map((b) => {
      const form = Object.entries(b).map(([k, v]) => `--x\r\nContent-Disposition: form-data; name="${k.replace(/"/g, '')}"; filename="f\u0000.pdf"\r\n\r\n${v}\r\n`)
      return { contentType: 'multipart/form-data; boundary=x', body: `${form.join('')}--x--\r\n`, what: 'multipart' }
    }),
    { weight: 1, arbitrary: deepJson.map((text) => ({ contentType: 'application/json', body: text, what: 'deep json' })) },
    // Past the JSON API's limit, under the forms'; bodies past every limit are sent once per route (bodiesPastLimits).
    { weight: 1, arbitrary: fc.constant({ contentType: 'application/x-www-form-urlencoded', body: HUGE_FORM, what: 'large form' }) },
    { weight: 1, arbitrary: fc.constant({ contentType: 'application/json', body: HUGE_JSON, what: 'large json' }) },
    // A real document of this route (what its GET answered) with one string leaf made hostile.
    ...(seedDoc
      ? [{ weight: 3, arbitrary: fc.tuple(fc.nat(), hostileText).map(([n, text]) => ({ contentType: 'application/json', body: JSON.stringify(withHostileLeaf(seedDoc, n, text)), what: 'document' })) }]
      : []),
  )
  const index = route.isIndex ? '?index' : ''
  const post = fc.record({ method, hostile: params, text: hostileText, body, auth }).map(({ method, hostile, text, body, auth }): Sent => ({
    method,
    path:
      pathWith(
        hostile.map((h) => h && text.length < 100),
        text,
      ) + index,
    auth,
    ...body,
  }))
  return fc.oneof(get, { weight: 3, arbitrary: post })
}

/** Percent-encodes a path segment; a lone surrogate goes as the three bytes a careless client would send (%ED%A0%80). */
function encodeSegment(text: string) {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (char) => {
    if (char.length === 1 && /[\ud800-\udfff]/.test(char)) {
      const code = char.charCodeAt(0)
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    }
    return encodeURIComponent(char)
  })
}

/** `doc` with its n-th string leaf (modulo their number) replaced by `text`. */
export function withHostileLeaf(doc: unknown, n: number, text: string): unknown {
  let count = 0
  const strings = (v: unknown): number => (typeof v === 'string' ? 1 : v && typeof v === 'object' ? Object.values(v).reduce((s: number, x) => s + strings(x), 0) : 0)
  const total = strings(doc)
  const target = total ? n % total : -1
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return count++ === target ? text : v
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(doc)
}

const BIGGEST = 3_600_000
/**
 * Bodies past every limit and the deepest JSON, once each per route that takes a write: a form body larger than
 * even the editor's (3.5 MB), a 1.2 MB JSON body, and JSON nested 100,000 levels deep.
 */
export function bodiesPastLimits(path: string, method: string, auth: Sent['auth']): Sent[] {
  return [
    { method, path, auth, contentType: 'application/x-www-form-urlencoded', body: `name=${'x'.repeat(BIGGEST)}`, what: 'huge form' },
    { method, path, auth, contentType: 'application/json', body: JSON.stringify({ name: 'x'.repeat(1_200_000) }), what: 'huge json' },
    { method, path, auth, contentType: 'application/json', body: '['.repeat(100_000) + ']'.repeat(100_000), what: 'deepest json' },
  ]
}
