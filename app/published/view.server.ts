import type { IncomingMessage, ServerResponse } from 'node:http'
import { assignmentCookie, decideVariant } from '#app/experiments/serving.server'
import { renderSuccessHtml } from '#app/forms/render/form-html.server'
import { withServedPage, type ServedPage } from '#app/published/cache.server'
import { readDoneToken, successDownloadUrl } from '#app/published/done-token.server'
import { issueExposureToken } from '#app/published/exposure-token.server'
import type { RenderedVariant, ServedVersion } from '#app/published/load.server'
import type { PageRequest } from '#app/published/page-url'
import { browserSystemMessages, initialFormHtml, renderVariantHtml, sendHtml, sendSystemPage, sendVariant } from '#app/published/response.server'
import { systemMessages } from '#app/published/system-messages'
import { viewPrivacy } from '#app/visitors/consent'
import { readVisit, recordVisit } from '#app/visitors/visit.server'
import { expireIdentifyingCookies } from '#app/visitors/visitor-cookies'

// GET /p/:slug: the published page from memory, in the variant this visitor is assigned (or previews with
// `?variant=KEY`), with the visit recorded on the way out. The workspace's privacy mode and the visitor's consent
// (app/visitors/consent.ts) decide whether the visitor is identified: if not, nothing is read from or set on the
// device (identifying cookies it still holds are expired), the variant is drawn for this view alone, and the view's
// forms carry its signed exposure instead.

const EMPTY = new URLSearchParams()

export function viewPage(req: IncomingMessage, res: ServerResponse, request: PageRequest): void | Promise<void> {
  const served = withServedPage(request.slug, (page) => respond(req, res, page, request))
  return served?.catch((error) => {
    console.error(`[page] /p/${request.slug}: database unavailable`, error)
    const messages = browserSystemMessages(req)
    sendSystemPage(res, 503, messages.unavailable, messages.locale)
  })
}

/** A published variant previewed with `?variant=KEY` (QA: served, never counted), or undefined. */
function previewOf(version: ServedVersion, params: URLSearchParams): RenderedVariant | undefined {
  const requested = params.size ? params.get('variant') : null
  return requested ? version.variants.get(requested) : undefined
}

function respond(req: IncomingMessage, res: ServerResponse, served: ServedPage | null, request: PageRequest) {
  if (!served) {
    const messages = browserSystemMessages(req)
    return sendSystemPage(res, 404, messages.notFound, messages.locale)
  }
  const { version, experiment } = served
  const params = request.query ? new URLSearchParams(request.query) : EMPTY
  const preview = previewOf(version, params)
  const privacy = viewPrivacy(served.privacy, req.headers.cookie)
  const visit = readVisit(req, { isPreview: !!preview, privacy })
  let variant = preview
  let firstExposure = false
  if (!variant && experiment) {
    // Unidentified: no sticky cookie is read, and the view id (fresh per request) is what the experiment hashes.
    const decision = decideVariant(experiment, { cookieHeader: privacy.identify ? req.headers.cookie : undefined, visitorId: visit.visitorId })
    variant = version.variants.get(decision.variantKey)
    firstExposure = decision.isFirstExposure && visit.countable && !!variant
  }
  variant ??= version.variants.get(version.controlKey)
  if (!variant) return sendSystemPage(res, 404, systemMessages(version.locale).notFound, version.locale)
  const recorded = recordVisit(req, visit, {
    workspaceId: version.workspaceId,
    pageId: version.pageId,
    variantKey: variant.key,
    path: request.path,
    query: request.query,
    exposedTo: firstExposure ? experiment!.id : null,
  })
  // A request that may not identify the visitor sets nothing of its own, and expires what an earlier consent (or
  // the workspace's earlier mode) left: a withdrawal must not leave the visitor id on the device.
  let cookies = privacy.identify ? (recorded ? recorded.setCookies : null) : expireIdentifyingCookies(req.headers.cookie, visit.secure)
  let exposureToken: string | null = null
  // Only a counted visit is exposed (firstExposure requires it), so its view carried the exposure. An identified
  // visitor keeps their variant by cookie (capped at the workspace's cookieDays after consent); a view counted
  // cookieless hands its exposure to its forms, signed, for the conversion to find.
  if (firstExposure && recorded) {
    if (!privacy.identify) exposureToken = version.forms.size > 0 ? issueExposureToken({ experimentId: experiment!.id, variantKey: variant.key, viewId: visit.visitorId! }) : null
    else if (privacy.maxAgeSeconds === null) (cookies ??= []).push('Set-Cookie', (visit.secure ? experiment!.secureAssignmentCookies : experiment!.assignmentCookies).get(variant.key)!)
    else (cookies ??= []).push('Set-Cookie', assignmentCookie(experiment!.cookieName, variant.key, visit.secure, privacy.maxAgeSeconds))
  }
  if (version.forms.size > 0 && request.query) {
    const done = params.has('sf_done') ? readDoneToken(params.get('sf_done')) : null
    const prefilled = version.prefillParams.some((param) => params.has(param))
    if (done || prefilled) {
      const initial = initialFormHtml(version, variant.key, params, exposureToken ?? '')
      const html = renderVariantHtml(variant, params, (formId) => {
        const form = version.forms.get(formId)
        if (!done || done.formId !== formId || !form) return initial(formId)
        return renderSuccessHtml(form.definition.success, successDownloadUrl(version.workspaceId, form, done), version.language.text)
      })
      return sendHtml(req, res, 200, html, cookies, version.headers)
    }
  }
  sendVariant(req, res, variant, params, cookies, exposureToken)
}
