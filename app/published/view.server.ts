import type { IncomingMessage, ServerResponse } from 'node:http'
import { decideVariant } from '#app/experiments/serving.server'
import { renderSuccessHtml } from '#app/forms/render/form-html.server'
import { withServedPage, type ServedPage } from '#app/published/cache.server'
import { readDoneToken, successDownloadUrl } from '#app/published/done-token.server'
import type { RenderedVariant, ServedVersion } from '#app/published/load.server'
import type { PageRequest } from '#app/published/page-url'
import { browserSystemMessages, initialFormHtml, renderVariantHtml, sendHtml, sendSystemPage, sendVariant } from '#app/published/response.server'
import { systemMessages } from '#app/published/system-messages'
import { readVisit, recordVisit } from '#app/visitors/visit.server'

// GET /p/:slug: the published page from memory, in the variant this visitor is assigned (or previews with
// `?variant=KEY`), with the visit recorded on the way out.

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
  const visit = readVisit(req, { isPreview: !!preview })
  let variant = preview
  let firstExposure = false
  if (!variant && experiment) {
    const decision = decideVariant(experiment, { cookieHeader: req.headers.cookie, visitorId: visit.visitorId })
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
        return renderSuccessHtml(form.definition.success, successDownloadUrl(version.workspaceId, form, done), version.language.text)
      })
      return sendHtml(req, res, 200, html, cookies)
    }
  }
  sendVariant(req, res, variant, params, cookies)
}
