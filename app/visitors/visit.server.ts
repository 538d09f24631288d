import type { IncomingMessage } from 'node:http'
import { classifyDevice } from '#app/attribution/device'
import { readTouch, type Touch } from '#app/attribution/touch'
import { isSecureNodeRequest } from '#app/http/secure-cookies.server'
import { queuePageView } from '#app/visitors/page-views.server'
import type { ViewPrivacy } from '#app/visitors/consent'
import { isCountableView } from '#app/visitors/countable'
import {
  attributedChannel,
  firstTouchCookie,
  lastTouchCookie,
  newVisitorId,
  NO_VISITOR_COOKIES,
  readVisitorCookies,
  toTouchJson,
  visitorCookie,
  type VisitorCookies,
} from '#app/visitors/visitor-cookies'

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

// Most first visits are direct: their first-touch cookie differs only by path and time, so it is encoded once
// per path and second rather than per request (JSON + base64 + an ISO date cost ~4 µs, measured). One cache per
// Secure flag, so a request over https costs no more than one over http.
let directCookieCache = { second: -1, byPath: new Map<string, string>(), secureByPath: new Map<string, string>() }
function firstTouchCookieFor(touch: Touch, now: Date, secure: boolean, cap: number | null) {
  if (touch.channel !== 'direct' || touch.referrer || touch.utmSource || cap !== null) return firstTouchCookie(toTouchJson(touch, now), secure, cap)
  const second = Math.floor(now.getTime() / 1000)
  if (second !== directCookieCache.second) directCookieCache = { second, byPath: new Map(), secureByPath: new Map() }
  const byPath = secure ? directCookieCache.secureByPath : directCookieCache.byPath
  let cookie = byPath.get(touch.landingPath)
  if (!cookie) {
    cookie = firstTouchCookie(toTouchJson(touch, new Date(second * 1000)), secure)
    if (byPath.size < 1000) byPath.set(touch.landingPath, cookie)
  }
  return cookie
}

export type Visit = {
  countable: boolean
  /** What the workspace's privacy mode and the visitor's consent allow this request (app/visitors/consent.ts). */
  privacy: ViewPrivacy
  /** The visitor's cookies; none when the request may not identify the visitor (whatever it sent). */
  cookies: VisitorCookies
  /**
   * The visitor's id: from the cookie, or a new one for a countable first visit; null for uncounted strangers. When
   * the request may not identify the visitor, a fresh random id of this view alone (the "view id"), never set on the device.
   */
  visitorId: string | null
  isNewVisitor: boolean
  /** Whether the request came over HTTPS, so its cookies carry Secure (app/http/secure-cookies.server.ts). */
  secure: boolean
}

/**
 * Recognises the visitor on a page view. Bots, prefetches, previews, HEAD requests and signed-in members are
 * served but neither counted nor given cookies (a member or a returning bot keeps the id it already has).
 */
export function readVisit(req: IncomingMessage, { isPreview, privacy }: { isPreview: boolean; privacy: ViewPrivacy }): Visit {
  const countable = isCountableView({
    method: req.method,
    userAgent: req.headers['user-agent'],
    purpose: (req.headers['sec-purpose'] ?? req.headers.purpose) as string | undefined,
    isPreview,
    hasSession: hasMemberSession(req),
  })
  const secure = isSecureNodeRequest(req)
  if (!privacy.identify) return { countable, privacy, cookies: NO_VISITOR_COOKIES, visitorId: countable ? newVisitorId() : null, isNewVisitor: false, secure }
  const cookies = readVisitorCookies(req.headers.cookie)
  const isNewVisitor = countable && !cookies.visitorId
  return { countable, privacy, cookies, visitorId: cookies.visitorId ?? (countable ? newVisitorId() : null), isNewVisitor, secure }
}

/**
 * Queues the page view of a countable visit — with the exposure when this view first serves the visitor their
 * variant of experiment `exposedTo` (for a view that may not identify the visitor: this view, counted cookieless) —
 * and returns the Set-Cookie lines it needs (as a flat header list), or null: the visitor id for a new visitor, the
 * first touch once, the last touch when this visit came from somewhere; never any without identification.
 * False for a visit that is not counted (nothing was queued, so nothing was exposed either).
 */
export function recordVisit(
  req: IncomingMessage,
  visit: Visit,
  { workspaceId, pageId, variantKey, path, query, exposedTo }: { workspaceId: string; pageId: string; variantKey: string; path: string; query: string; exposedTo: string | null },
): { setCookies: string[] | null } | false {
  if (!visit.countable || !visit.visitorId) return false
  const now = new Date()
  const touch = touchOf(req, path, query)
  const setCookies: string[] = []
  const { identify, consent, maxAgeSeconds: cap } = visit.privacy
  // A view that may not identify the visitor sets nothing on the device: it is counted under its own view id.
  if (identify) {
    if (visit.isNewVisitor) setCookies.push('Set-Cookie', visitorCookie(visit.visitorId, visit.secure, cap))
    if (!visit.cookies.firstTouch) setCookies.push('Set-Cookie', firstTouchCookieFor(touch, now, visit.secure, cap))
    // Moving between our own pages is not a new touch: the last touch stays the visit that brought them.
    if (touch.channel !== 'direct') setCookies.push('Set-Cookie', lastTouchCookie(toTouchJson(touch, now), visit.secure, cap))
  }
  queuePageView({
    workspaceId,
    pageId,
    variantKey,
    visitorId: visit.visitorId,
    device: classifyDevice(req.headers['user-agent']),
    channel: touch.channel,
    utmSource: touch.utmSource,
    utmMedium: touch.utmMedium,
    utmCampaign: touch.utmCampaign,
    referrer: touch.referrer,
    path,
    viewedAt: now,
    consent,
    exposure: exposedTo ? { experimentId: exposedTo, channel: attributedChannel(touch, visit.cookies.lastTouch ?? visit.cookies.firstTouch) } : null,
  })
  return { setCookies: setCookies.length ? setCookies : null }
}
