import type { IncomingMessage, ServerResponse } from 'node:http'
import { fillTemplate } from '#app/pages/html-template'
import { getServedVersion, type RenderedVariant } from '#app/pages/published-cache.server'
import { PUBLISHED_PAGE_CSP } from '#app/pages/render.server'

const SLUG = /^\/p\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/

const BASE_HEADERS = {
  'Content-Security-Policy': PUBLISHED_PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Revalidate every time (ETag): what a visitor sees can change with a publish or an experiment.
  'Cache-Control': 'private, no-cache',
}

/** True for the requests the visitor fast path answers, before express and Remix. */
export function isPublishedPageRequest(method: string | undefined, url: string | undefined) {
  return (method === 'GET' || method === 'HEAD') && !!url && url.startsWith('/p/')
}

function sendPlain(res: ServerResponse, status: number, message: string) {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title></head><body style="font-family:system-ui,sans-serif;padding:3rem;text-align:center"><h1>${message}</h1></body></html>`
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function pickEncoding(acceptEncoding: string | undefined) {
  if (!acceptEncoding) return null
  if (/\bbr\b/.test(acceptEncoding)) return 'br' as const
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip' as const
  return null
}

function sendVariant(req: IncomingMessage, res: ServerResponse, variant: RenderedVariant, params: URLSearchParams) {
  const headers: Record<string, string | number> = { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', Vary: 'Accept-Encoding' }
  if (variant.static) {
    const { etag } = variant.static
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...headers, ETag: etag })
      res.end()
      return
    }
    const encoding = pickEncoding(req.headers['accept-encoding'])
    const body = encoding ? variant.static[encoding] : variant.static.html
    res.writeHead(200, { ...headers, ETag: etag, 'Content-Length': body.length, ...(encoding ? { 'Content-Encoding': encoding } : {}) })
    res.end(req.method === 'HEAD' ? undefined : body)
    return
  }
  const html = fillTemplate(variant.template, params)
  res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(html) })
  res.end(req.method === 'HEAD' ? undefined : html)
}

/**
 * GET /p/:slug: the published page from memory. `?variant=KEY` previews a published variant. Never a 500:
 * damaged content renders what it can, and a database outage before the first load is a 503.
 */
export async function servePublishedPage(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const match = SLUG.exec(url.pathname)
  if (!match) return sendPlain(res, 404, 'Page not found')
  let version
  try {
    version = await getServedVersion(match[1]!)
  } catch (error) {
    console.error(`[page] ${url.pathname}: database unavailable`, error)
    return sendPlain(res, 503, 'This page is temporarily unavailable. Please try again in a moment.')
  }
  if (!version) return sendPlain(res, 404, 'Page not found')
  const requested = url.searchParams.get('variant')
  const variant = version.variants.get(requested ?? version.controlKey) ?? version.variants.get(version.controlKey)
  if (!variant) return sendPlain(res, 404, 'Page not found')
  sendVariant(req, res, variant, url.searchParams)
}
