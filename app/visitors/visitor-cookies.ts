import { randomUUID } from 'node:crypto'
import type { Touch } from '#app/attribution/touch'
import type { TouchJson } from '#db/schema'
import { findUnsafeJson } from '#app/http/unsafe-text'

// A visitor is a random 128-bit id in a first-party cookie, never derived from IP or user agent. Two more
// cookies carry attribution to the form post without a database read: the first touch (set once, kept a year)
// and the last non-direct touch (replaced by each visit that came from somewhere, kept 30 days, the usual
// attribution window). All three are HttpOnly: no script on the page needs them.

export const VISITOR_COOKIE = 'sf_vid'
export const FIRST_TOUCH_COOKIE = 'sf_ft'
export const LAST_TOUCH_COOKIE = 'sf_lt'
const YEAR = 365 * 24 * 3600
const LAST_TOUCH_DAYS = 30
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export type VisitorCookies = { visitorId: string | null; firstTouch: TouchJson | null; lastTouch: TouchJson | null }

/** Our cookies from a Cookie header; anything damaged or forged into another shape reads as absent. */
export function readVisitorCookies(header: string | undefined): VisitorCookies {
  const result: VisitorCookies = { visitorId: null, firstTouch: null, lastTouch: null }
  if (!header || !header.includes('sf_')) return result
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    if (name === VISITOR_COOKIE && UUID.test(value)) result.visitorId = value
    else if (name === FIRST_TOUCH_COOKIE) result.firstTouch = decodeTouch(value)
    else if (name === LAST_TOUCH_COOKIE) result.lastTouch = decodeTouch(value)
  }
  return result
}

export const newVisitorId = () => randomUUID()

/**
 * The channel a view counts under when attributed (an experiment's exposure): where this visit came from, else
 * the earlier touch that brought the visitor (the last one within its window, else the first), else direct.
 */
export function attributedChannel(touch: Pick<Touch, 'channel'>, earlier: TouchJson | null): string {
  return touch.channel !== 'direct' ? touch.channel : (earlier?.channel ?? 'direct')
}

/** `cap`: the longest the workspace lets an identifying cookie last after consent (cookieDays, in seconds), if any. */
function cookie(name: string, value: string, maxAge: number, secure: boolean, cap: number | null) {
  return `${name}=${value}; Max-Age=${cap === null ? maxAge : Math.min(maxAge, cap)}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export const visitorCookie = (visitorId: string, secure: boolean, cap: number | null = null) => cookie(VISITOR_COOKIE, visitorId, YEAR, secure, cap)
export const firstTouchCookie = (touch: TouchJson, secure: boolean, cap: number | null = null) => cookie(FIRST_TOUCH_COOKIE, encodeTouch(touch), YEAR, secure, cap)
export const lastTouchCookie = (touch: TouchJson, secure: boolean, cap: number | null = null) => cookie(LAST_TOUCH_COOKIE, encodeTouch(touch), LAST_TOUCH_DAYS * 24 * 3600, secure, cap)

// The identifying cookies a request may carry: ours by name, and any experiment's assignment (experiments/serving.server.ts).
const IDENTIFYING_COOKIE = /(?:^|;)\s*(sf_vid|sf_ft|sf_lt|sf_x_[0-9a-f]{12})=/g

/**
 * Set-Cookie lines (as a flat header list) that expire the identifying cookies this Cookie header carries, or null
 * when it carries none. For a request that may not identify the visitor: consent withdrawn, or a cookieless
 * workspace. The script that records the choice cannot delete them (they are HttpOnly), so the server does, with the
 * attributes they were set with (Path=/, HttpOnly, SameSite=Lax, Secure over HTTPS), so the browser replaces them.
 */
export function expireIdentifyingCookies(header: string | undefined, secure: boolean): string[] | null {
  if (!header || !/sf_(?:vid|ft|lt|x_)/.test(header)) return null
  const names = new Set(Array.from(header.matchAll(IDENTIFYING_COOKIE), (m) => m[1]!))
  return names.size ? [...names].flatMap((name) => ['Set-Cookie', cookie(name, '', 0, secure, null)]) : null
}

/** What a request that may not identify the visitor reads from its cookies: nothing, whatever it sent. */
export const NO_VISITOR_COOKIES: Readonly<VisitorCookies> = Object.freeze({ visitorId: null, firstTouch: null, lastTouch: null })

const KEYS = ['utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent', 'referrer', 'landingPath', 'channel', 'hasClickId', 'at'] as const

export function toTouchJson(touch: Touch, at: Date): TouchJson {
  return { ...touch, at: at.toISOString() }
}

/** Fields are capped where they are read (app/attribution/touch.ts), so the largest touch encodes to ~2.4 KB, under a cookie's 4 KB (tested). */
export function encodeTouch(touch: TouchJson): string {
  return Buffer.from(JSON.stringify(KEYS.map((k) => touch[k] ?? null))).toString('base64url')
}

const CHANNELS = new Set(['paid_search', 'organic_search', 'social', 'email', 'referral', 'direct'])
const textOrNull = (v: unknown, cap: number) => (typeof v === 'string' && v !== '' ? v.slice(0, cap) : null)

export function decodeTouch(value: string): TouchJson | null {
  if (value.length > 4096) return null
  try {
    const list = JSON.parse(Buffer.from(value, 'base64url').toString())
    // A forged cookie with text PostgreSQL cannot store (NUL, a lone surrogate) would fail the conversion's insert.
    if (!Array.isArray(list) || list.length !== KEYS.length || findUnsafeJson(list)) return null
    const [utmSource, utmMedium, utmCampaign, utmTerm, utmContent, referrer, landingPath, channel, hasClickId, at] = list
    if (typeof landingPath !== 'string' || !CHANNELS.has(channel) || (at !== null && (typeof at !== 'string' || Number.isNaN(Date.parse(at))))) return null
    return {
      utmSource: textOrNull(utmSource, 200),
      utmMedium: textOrNull(utmMedium, 200),
      utmCampaign: textOrNull(utmCampaign, 200),
      utmTerm: textOrNull(utmTerm, 200),
      utmContent: textOrNull(utmContent, 200),
      referrer: textOrNull(referrer, 500),
      landingPath: landingPath.slice(0, 500),
      channel,
      hasClickId: hasClickId === true,
      ...(at ? { at } : {}),
    }
  } catch {
    return null
  }
}
