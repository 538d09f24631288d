import type { IncomingMessage, ServerResponse } from 'node:http'
import { renderFormHtml, renderSuccessHtml } from '#app/forms/render/form-html.server'
import { submitForm } from '#app/published/submit.server'
import { readDoneToken, successDownloadUrl } from '#app/published/done-token.server'
import { isPageAssetRequest, servePageAsset } from '#app/published/assets.server'
import { generateValue, renderVariantHtml, sendHtml, sendPlain, sendVariant } from '#app/published/response.server'
import { decideVariant } from '#app/experiments/serving.server'
import { loadServedPage, peekServedPage, type RenderedVariant, type ServedPage, type ServedVersion } from '#app/published/cache.server'
import { readVisit, recordVisit } from '#app/visitors/visit.server'

const SLUG = /^\/p\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/
const EMPTY = new URLSearchParams()

/** True for the requests the visitor fast path answers, before express and Remix: pages and their scripts. */
export function isPublishedPageRequest(method: string | undefined, url: string | undefined) {
  if (!url) return false
  if (url.startsWith('/p/')) return method === 'GET' || method === 'HEAD' || method === 'POST'
  return (method === 'GET' || method === 'HEAD') && isPageAssetRequest(url)
}

export type PageRequest = { slug: string; path: string; query: string }

/** A published variant previewed with `?variant=KEY` (QA: served, never counted), or undefined. */
function previewOf(version: ServedVersion, params: URLSearchParams): RenderedVariant | undefined {
  const requested = params.size ? params.get('variant') : null
  return requested ? version.variants.get(requested) : undefined
}

/** Forms shown in their initial state, for pages rendered per request. */
export function initialFormHtml(version: ServedVersion, variantKey: string, params: URLSearchParams) {
  return (formId: string) => {
    const form = version.forms.get(formId)
    if (!form) return ''
    return renderFormHtml({ formId, definition: form.definition, variantKey, runtime: { idem: generateValue('idem'), t: generateValue('t') }, query: params })
  }
}

function respond(req: IncomingMessage, res: ServerResponse, served: ServedPage | null, request: PageRequest) {
  if (!served) return sendPlain(res, 404, 'Page not found')
  const { version, experiment } = served
  const params = request.query ? new URLSearchParams(request.query) : EMPTY
  const preview = previewOf(version, params)
  const visit = readVisit(req, { isPreview: !!preview })
  let variant = preview
  let firstExposure = false
  if (!variant && experiment) {
    const decision = decideVariant(experiment, { cookieHeader: req.headers.cookie, visitorId: visit.visitorId })
    variant = version.variants.get(decision.variantKey)
    firstExposure = decision.isFirstExposure && visit.countable && !!variant
  }
  variant ??= version.variants.get(version.controlKey)
  if (!variant) return sendPlain(res, 404, 'Page not found')
  const recorded = recordVisit(req, visit, { workspaceId: version.workspaceId, pageId: version.pageId, variantKey: variant.key, path: request.path, query: request.query, exposedTo: firstExposure ? experiment!.id : null })
  let cookies = recorded ? recorded.setCookies : null
  // Only a counted visit is exposed (firstExposure requires it), so its view carried the exposure.
  if (firstExposure && recorded) (cookies ??= []).push('Set-Cookie', (visit.secure ? experiment!.secureAssignmentCookies : experiment!.assignmentCookies).get(variant.key)!)
  if (version.forms.size > 0 && request.query) {
    const done = params.has('sf_done') ? readDoneToken(params.get('sf_done')) : null
    const prefilled = version.prefillParams.some((param) => params.has(param))
    if (done || prefilled) {
      const initial = initialFormHtml(version, variant.key, params)
      const html = renderVariantHtml(variant, params, (formId) => {
        const form = version.forms.get(formId)
        if (!done || done.formId !== formId || !form) return initial(formId)
        return renderSuccessHtml(form.definition.success, successDownloadUrl(version.workspaceId, form, done))
      })
      return sendHtml(req, res, 200, html, cookies)
    }
  }
  sendVariant(req, res, variant, params, cookies)
}

/** Splits `/p/:slug?query` without a URL object (this runs for every visitor). */
export function parsePageUrl(url: string): PageRequest | null {
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  const match = SLUG.exec(path)
  return match ? { slug: match[1]!, path, query: q < 0 ? '' : url.slice(q + 1) } : null
}

/** What a slug serves: from memory when known (nearly always), else after one database read. */
export function withServedPage(slug: string, use: (served: ServedPage | null) => void | Promise<void>): void | Promise<void> {
  const known = peekServedPage(slug)
  if (known !== undefined) return use(known)
  return loadServedPage(slug).then(use)
}

/**
 * /p/:slug. GET: the published page from memory; `?variant=KEY` previews a published variant. POST: a form
 * submission (app/conversions/submit.server.ts). Never a 500: damaged content renders what it can, and a
 * database outage before the first load is a 503. Synchronous when the page is already known (nearly
 * always); a promise only for a slug's first request and for submissions.
 */
export function servePublishedPage(req: IncomingMessage, res: ServerResponse): void | Promise<void> {
  if (isPageAssetRequest(req.url ?? '')) return servePageAsset(req, res)
  const request = parsePageUrl(req.url ?? '/')
  if (!request) return sendPlain(res, 404, 'Page not found')
  if (req.method === 'POST') return submitForm(req, res, request)
  const served = withServedPage(request.slug, (page) => respond(req, res, page, request))
  return served?.catch((error) => {
    console.error(`[page] /p/${request.slug}: database unavailable`, error)
    sendPlain(res, 503, 'This page is temporarily unavailable. Please try again in a moment.')
  })
}
