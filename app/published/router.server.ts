import type { IncomingMessage, ServerResponse } from 'node:http'
import { isPageAssetRequest, servePageAsset } from '#app/published/assets.server'
import { parsePageUrl } from '#app/published/page-url'
import { browserSystemMessages, sendSystemPage } from '#app/published/response.server'
import { submitForm } from '#app/published/submit.server'
import { viewPage } from '#app/published/view.server'

// The entry of the visitor path: server.js hands these requests over before express and Remix
// (app/published/README.md follows a request through the folder).

/** True for the requests the visitor fast path answers, before express and Remix: pages and their scripts. */
export function isPublishedPageRequest(method: string | undefined, url: string | undefined) {
  if (!url) return false
  if (url.startsWith('/p/')) return method === 'GET' || method === 'HEAD' || method === 'POST'
  return (method === 'GET' || method === 'HEAD') && isPageAssetRequest(url)
}

/**
 * /p/:slug. GET: the published page (view.server.ts). POST: a form submission (submit.server.ts). Never a 500:
 * damaged content renders what it can, and a database outage before the first load is a 503. Synchronous when
 * the page is already known (nearly always); a promise only for a slug's first request and for submissions.
 */
export function servePublishedPage(req: IncomingMessage, res: ServerResponse): void | Promise<void> {
  if (isPageAssetRequest(req.url ?? '')) return servePageAsset(req, res)
  const request = parsePageUrl(req.url ?? '/')
  if (!request) {
    const messages = browserSystemMessages(req)
    return sendSystemPage(res, 404, messages.notFound, messages.locale)
  }
  return req.method === 'POST' ? submitForm(req, res, request) : viewPage(req, res, request)
}
