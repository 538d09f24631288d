import type { IncomingMessage } from 'node:http'
import { classifyDevice } from '#app/attribution/device'
import { readTouch, type Touch } from '#app/attribution/touch'
import { recordPageView } from '#app/visitors/page-views.server'
import { isCountableView } from '#app/visitors/countable'
import {
  firstTouchCookie,
  lastTouchCookie,
  newVisitorId,
  readVisitorCookies,
  toTouchJson,
  visitorCookie,
  type VisitorCookies,
} from '#app/visitors/visitor-cookies'

const SECURE_COOKIES = process.env.NODE_ENV === 'production'

export function directTouch(landingPath: string): Touch {
  return { utmSource: null, utmMedium: null, utmCampaign: null, utmTerm: null, utmContent: null, referrer: null, landingPath, channel: 'direct', hasClickId: false }
}

/** Where this request came from. Cheap for the common case of no query and no referrer. */
export function touchOf(req: IncomingMessage, path: string, query: string): Touch {
  const referrer = req.headers.referer
  if (!query && !referrer) return directTouch(path)
  try {
    return readTouch(new URL(`http://${req.headers.host || 'localhost'}${path}${query ? `?${query}` : ''}`), referrer ?? null)
  } catch {
    return directTouch(path)
  }
}

export const hasMemberSession = (req: IncomingMessage) => !!req.headers.cookie?.includes('sf_session=')

/**
 * Recognises the visitor on a page view: issues the visitor and touch cookies they lack and queues the page
 * view. Bots, prefetches, previews, HEAD requests and signed-in members are served but neither counted nor
 * given cookies. Returns the Set-Cookie lines to send (as a flat header list), or null.
 */
export function trackPageView(
  req: IncomingMessage,
  { workspaceId, pageId, variantKey, path, query, isPreview }: { workspaceId: string; pageId: string; variantKey: string; path: string; query: string; isPreview: boolean },
): string[] | null {
  const countable = isCountableView({
    method: req.method,
    userAgent: req.headers['user-agent'],
    purpose: (req.headers['sec-purpose'] ?? req.headers.purpose) as string | undefined,
    isPreview,
    hasSession: hasMemberSession(req),
  })
  if (!countable) return null
  const cookies = readVisitorCookies(req.headers.cookie)
  const now = new Date()
  const touch = touchOf(req, path, query)
  const setCookies: string[] = []
  const visitorId = cookies.visitorId ?? newVisitorId()
  if (!cookies.visitorId) setCookies.push('Set-Cookie', visitorCookie(visitorId, SECURE_COOKIES))
  if (!cookies.firstTouch) setCookies.push('Set-Cookie', firstTouchCookie(toTouchJson(touch, now), SECURE_COOKIES))
  // Moving between our own pages is not a new touch: the last touch stays the visit that brought them.
  if (touch.channel !== 'direct') setCookies.push('Set-Cookie', lastTouchCookie(toTouchJson(touch, now), SECURE_COOKIES))
  recordPageView({
    workspaceId,
    pageId,
    variantKey,
    visitorId,
    device: classifyDevice(req.headers['user-agent']),
    channel: touch.channel,
    utmSource: touch.utmSource,
    utmMedium: touch.utmMedium,
    utmCampaign: touch.utmCampaign,
    referrer: touch.referrer,
    path,
    viewedAt: now,
  })
  return setCookies.length ? setCookies : null
}

export type SubmittingVisitor = VisitorCookies & { visitorId: string | null }

export function readSubmittingVisitor(req: IncomingMessage): SubmittingVisitor {
  return readVisitorCookies(req.headers.cookie)
}
