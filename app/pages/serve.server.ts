import type { IncomingMessage, ServerResponse } from 'node:http'
import { fillTemplate } from '#app/pages/html-template'
import { loadServedVersion, peekServedVersion, type RenderedVariant, type ServedVersion } from '#app/pages/published-cache.server'
import { PUBLISHED_PAGE_CSP } from '#app/pages/render.server'

const SLUG = /^\/p\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/

const BASE_HEADERS = {
  'Content-Security-Policy': PUBLISHED_PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Revalidate every time (ETag): what a visitor sees can change with a publish or an experiment.
  'Cache-Control': 'private, no-cache',
  'Content-Type': 'text/html; charset=utf-8',
  Vary: 'Accept-Encoding',
}

/** True for the requests the visitor fast path answers, before express and Remix. */
export function isPublishedPageRequest(method: string | undefined, url: string | undefined) {
  return (method === 'GET' || method === 'HEAD') && !!url && url.startsWith('/p/')
}

function sendPlain(res: ServerResponse, status: number, message: string) {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title></head><body style="font-family:system-ui,sans-serif;padding:3rem;text-align:center"><h1>${message}</h1></body></html>`
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

type Encoding = 'br' | 'gzip' | 'identity'
function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  if (/\bbr\b/.test(acceptEncoding)) return 'br'
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip'
  return 'identity'
}

// The headers of a static variant never change: build them once per variant and encoding, as a flat list.
const staticHeaders = new WeakMap<RenderedVariant, Record<Encoding, string[]>>()
function headersFor(variant: RenderedVariant & { static: NonNullable<RenderedVariant['static']> }, encoding: Encoding) {
  let byEncoding = staticHeaders.get(variant)
  if (!byEncoding) {
    const build = (body: Buffer, contentEncoding?: string) =>
      Object.entries({ ...BASE_HEADERS, ETag: variant.static.etag, 'Content-Length': String(body.length), ...(contentEncoding ? { 'Content-Encoding': contentEncoding } : {}) }).flat()
    byEncoding = { identity: build(variant.static.html), br: build(variant.static.br, 'br'), gzip: build(variant.static.gzip, 'gzip') }
    staticHeaders.set(variant, byEncoding)
  }
  return byEncoding[encoding]
}

function sendVariant(req: IncomingMessage, res: ServerResponse, variant: RenderedVariant, query: string) {
  if (variant.static) {
    if (req.headers['if-none-match'] === variant.static.etag) {
      res.writeHead(304, { ...BASE_HEADERS, ETag: variant.static.etag })
      res.end()
      return
    }
    const encoding = pickEncoding(req.headers['accept-encoding'])
    res.writeHead(200, headersFor(variant as Parameters<typeof headersFor>[0], encoding))
    res.end(req.method === 'HEAD' ? undefined : encoding === 'identity' ? variant.static.html : variant.static[encoding])
    return
  }
  const html = fillTemplate(variant.template, new URLSearchParams(query))
  res.writeHead(200, { ...BASE_HEADERS, 'Content-Length': Buffer.byteLength(html) })
  res.end(req.method === 'HEAD' ? undefined : html)
}

function respond(req: IncomingMessage, res: ServerResponse, version: ServedVersion | null, query: string) {
  if (!version) return sendPlain(res, 404, 'Page not found')
  const requested = query.includes('variant=') ? new URLSearchParams(query).get('variant') : null
  const variant = (requested && version.variants.get(requested)) || version.variants.get(version.controlKey)
  if (!variant) return sendPlain(res, 404, 'Page not found')
  sendVariant(req, res, variant, query)
}

/**
 * GET /p/:slug: the published page from memory. `?variant=KEY` previews a published variant. Never a 500:
 * damaged content renders what it can, and a database outage before the first load is a 503. Synchronous
 * when the page is already known (nearly always); a promise only for a slug's first request.
 */
export function servePublishedPage(req: IncomingMessage, res: ServerResponse): void | Promise<void> {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const match = SLUG.exec(q < 0 ? url : url.slice(0, q))
  if (!match) return sendPlain(res, 404, 'Page not found')
  const query = q < 0 ? '' : url.slice(q + 1)
  const known = peekServedVersion(match[1]!)
  if (known !== undefined) return respond(req, res, known, query)
  return loadServedVersion(match[1]!).then(
    (version) => respond(req, res, version, query),
    (error) => {
      console.error(`[page] /p/${match[1]}: database unavailable`, error)
      sendPlain(res, 503, 'This page is temporarily unavailable. Please try again in a moment.')
    },
  )
}
