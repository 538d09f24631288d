import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { issueFillTimer } from '#app/conversions/fill-timer.server'
import { renderFormHtml } from '#app/forms/render/form-html.server'
import { PUBLISHED_PAGE_CSP } from '#app/published/compile.server'
import { spliceGzip } from '#app/published/gzip-splice'
import { fillPart, fillTemplate, type FillContext, type GeneratedValue } from '#app/published/html-template'
import type { RenderedVariant, ServedVersion } from '#app/published/load.server'
import { systemMessages, type SystemPageText } from '#app/published/system-messages'
import { renderSystemPage } from '#app/published/system-page'
import { languageFromAcceptLanguage } from '#app/visitor-language/locales'

// Writing published pages to visitors: the precomputed bytes of a static page, the spliced gzip of a page
// with per-request holes, or a page rendered for this one request (form errors, a later step, success).

export const BASE_HEADERS = {
  'Content-Security-Policy': PUBLISHED_PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Revalidate every time (ETag): what a visitor sees can change with a publish or an experiment.
  'Cache-Control': 'private, no-cache',
  'Content-Type': 'text/html; charset=utf-8',
  Vary: 'Accept-Encoding',
}
const flatHeaders = (headers: Record<string, string>) => Object.entries(headers).flat()

/**
 * A version's response headers, built once per version: they differ between workspaces only by the CSP (a
 * workspace's consent tool, decision 095). The per-request ones run for every page view with a form.
 */
export type PageHeaders = { base: Record<string, string>; perRequestGzip: string[]; perRequestIdentity: string[] }

export function pageHeaders(csp: string): PageHeaders {
  const base = { ...BASE_HEADERS, 'Content-Security-Policy': csp }
  // A page with a form carries a one-time idempotency key: never reuse it from a cache (or the back-forward cache,
  // where a second, different submission would be taken for a retry of the first).
  const perRequest = flatHeaders({ ...base, 'Cache-Control': 'private, no-store' })
  return { base, perRequestGzip: [...perRequest, 'Content-Encoding', 'gzip'], perRequestIdentity: perRequest }
}

export type ExtraHeaders = string[] // flat [name, value, …], for Set-Cookie lines

/**
 * A page Splitform answers itself (404, 429, 503…), styled like a published page (system-page.ts). `page` is a
 * message from system-messages.ts, or a sentence under the heading its status gives, in `locale`.
 */
export function sendSystemPage(res: ServerResponse, status: number, page: SystemPageText | string, locale: string, extra: Record<string, string> = {}) {
  const body = renderSystemPage(status, typeof page === 'string' ? { title: systemMessages(locale).titleFor(status), text: page } : page, locale)
  res.writeHead(status, { ...BASE_HEADERS, ...extra, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

/** System messages for a request with no page to take a language from: the browser's preferred one we speak. */
export function browserSystemMessages(req: IncomingMessage) {
  return systemMessages(languageFromAcceptLanguage(req.headers['accept-language']))
}

type Encoding = 'br' | 'gzip' | 'identity'
function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  if (/\bbr\b/.test(acceptEncoding)) return 'br'
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip'
  return 'identity'
}

type StaticVariant = RenderedVariant & { static: NonNullable<RenderedVariant['static']> }

// The headers of a static variant never change: build them once per variant and encoding, as a flat list.
const staticHeaders = new WeakMap<RenderedVariant, Record<Encoding, string[]>>()
function headersFor(variant: StaticVariant, encoding: Encoding) {
  let byEncoding = staticHeaders.get(variant)
  if (!byEncoding) {
    const build = (body: Buffer, contentEncoding?: string) =>
      Object.entries({ ...variant.headers.base, ETag: variant.static.etag, 'Content-Length': String(body.length), ...(contentEncoding ? { 'Content-Encoding': contentEncoding } : {}) }).flat()
    byEncoding = { identity: build(variant.static.html), br: build(variant.static.br, 'br'), gzip: build(variant.static.gzip, 'gzip') }
    staticHeaders.set(variant, byEncoding)
  }
  return byEncoding[encoding]
}

/**
 * Fresh per-request values for a form: an idempotency key, a signed render time, and the view's signed exposure
 * when it was counted cookieless (app/published/exposure-token.server.ts; empty for every other view).
 */
export function generateValue(name: GeneratedValue, exposureToken = '') {
  return name === 'idem' ? randomUUID() : name === 't' ? issueFillTimer() : exposureToken
}

/** The variant as most requests get it: forms in their initial state, holes filled for this request. */
export function sendVariant(req: IncomingMessage, res: ServerResponse, variant: RenderedVariant, params: URLSearchParams, extra: ExtraHeaders | null, exposureToken: string | null = null) {
  const isHead = req.method === 'HEAD'
  if (variant.static) {
    const etag = variant.static.etag
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, [...flatHeaders(variant.headers.base), 'ETag', etag, ...(extra ?? [])])
      res.end()
      return
    }
    const encoding = pickEncoding(req.headers['accept-encoding'])
    const headers = headersFor(variant as StaticVariant, encoding)
    res.writeHead(200, extra ? [...headers, ...extra] : headers)
    res.end(isHead ? undefined : encoding === 'identity' ? variant.static.html : variant.static[encoding])
    return
  }
  const spliced = variant.spliced!
  const context = exposureToken ? { generated: (name: GeneratedValue) => generateValue(name, exposureToken) } : FILL_CONTEXT
  const values = spliced.holes.map((hole) => fillPart(hole, params, context))
  const isGzip = pickEncoding(req.headers['accept-encoding']) !== 'identity'
  if (isGzip) {
    const body = spliceGzip(spliced.page, values)
    res.writeHead(200, [...variant.headers.perRequestGzip, 'Content-Length', String(body.length), ...(extra ?? [])])
    return void res.end(isHead ? undefined : body)
  }
  // Identity: the static pieces are already bytes; only the few values are encoded per request. Written corked as
  // they are (one writev): copying 20 KB into one buffer cost ~3 µs a request more, measured here (the gzip
  // body, a third the size in twice the pieces, is the other way round).
  const body = interleave(spliced.page.raw, values)
  res.writeHead(200, [...variant.headers.perRequestIdentity, 'Content-Length', String(body.reduce((n, b) => n + b.length, 0)), ...(extra ?? [])])
  if (isHead) return void res.end()
  res.cork()
  for (const chunk of body) res.write(chunk)
  res.end()
}

const FILL_CONTEXT: FillContext = { generated: (name) => generateValue(name) }

function interleave(pieces: Buffer[], values: string[]) {
  const out: Buffer[] = []
  pieces.forEach((piece, i) => {
    out.push(piece)
    if (i < values.length && values[i]) out.push(Buffer.from(values[i]!))
  })
  return out
}

/** A page rendered for this request only (form errors, a later step, a success state): compressed on the fly. */
export function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string, extra: ExtraHeaders | null, headers: PageHeaders) {
  const raw = Buffer.from(html)
  const gzip = pickEncoding(req.headers['accept-encoding']) !== 'identity'
  const body = gzip ? gzipSync(raw, { level: 6 }) : raw
  res.writeHead(status, [...(gzip ? headers.perRequestGzip : headers.perRequestIdentity), 'Content-Length', String(body.length), ...(extra ?? [])])
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** The variant with each form rendered by `form` (others in their initial state are the caller's to render). */
export function renderVariantHtml(variant: RenderedVariant, params: URLSearchParams, form: (formId: string) => string) {
  return fillTemplate(variant.template, params, { generated: (name) => generateValue(name), form })
}

/** Forms shown in their initial state, for pages rendered per request. */
export function initialFormHtml(version: ServedVersion, variantKey: string, params: URLSearchParams, exposureToken = '') {
  return (formId: string) => {
    const form = version.forms.get(formId)
    if (!form) return ''
    const runtime = { idem: generateValue('idem'), t: generateValue('t'), x: exposureToken }
    return renderFormHtml({ formId, definition: form.definition, language: version.language, variantKey, runtime, query: params })
  }
}
