import { readSignedToken, signToken } from '#app/http/signed-token.server'
import { languageFromAcceptLanguage, VISITOR_LOCALES, type VisitorLanguage } from '#app/visitor-language/locales'

// The two links every mail to a visitor may carry, both signed (app/http/signed-token.server.ts) so nothing is
// stored per link and none can be guessed or edited into another lead or workspace:
// - /confirm/<token> confirms a double opt-in lead; it names the lead and expires after 30 days.
// - /unsubscribe/<token> names the workspace and the address; it does not expire (an old mail's link must work).
// Both carry the language the mail was written in (the page's, `lc`), so the page the link opens speaks it too;
// links from before it was carried read null, and the page falls back to the browser's language.

const CONFIRM = 'lead-confirm'
const UNSUBSCRIBE = 'mail-unsubscribe'
export const CONFIRM_LINK_TTL_SECONDS = 30 * 24 * 3600

type ConfirmPayload = { w: string; l: string; e: number; lc?: string }
type UnsubscribePayload = { w: string; m: string; lc?: string }

const localeIn = (payload: { lc?: unknown }): VisitorLanguage | null =>
  typeof payload.lc === 'string' && (VISITOR_LOCALES as readonly string[]).includes(payload.lc) ? (payload.lc as VisitorLanguage) : null

export function confirmLinkPath({ workspaceId, leadId, locale, now = new Date() }: { workspaceId: string; leadId: string; locale: VisitorLanguage; now?: Date }) {
  const payload: ConfirmPayload = { w: workspaceId, l: leadId, e: Math.floor(now.getTime() / 1000) + CONFIRM_LINK_TTL_SECONDS, lc: locale }
  return `/confirm/${signToken(CONFIRM, payload)}`
}

export type ConfirmLinkReading = { ok: true; workspaceId: string; leadId: string; locale: VisitorLanguage | null } | { ok: false; reason: 'invalid' | 'expired'; locale: VisitorLanguage | null }

export function readConfirmToken(token: string, now = new Date()): ConfirmLinkReading {
  const payload = readSignedToken<ConfirmPayload>(CONFIRM, token)
  if (!payload || typeof payload.w !== 'string' || typeof payload.l !== 'string' || typeof payload.e !== 'number') return { ok: false, reason: 'invalid', locale: null }
  if (payload.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired', locale: localeIn(payload) }
  return { ok: true, workspaceId: payload.w, leadId: payload.l, locale: localeIn(payload) }
}

export function unsubscribeLinkPath({ workspaceId, email, locale }: { workspaceId: string; email: string; locale: VisitorLanguage }) {
  return `/unsubscribe/${signToken(UNSUBSCRIBE, { w: workspaceId, m: email, lc: locale } satisfies UnsubscribePayload)}`
}

export function readUnsubscribeToken(token: string): { workspaceId: string; email: string; locale: VisitorLanguage | null } | null {
  const payload = readSignedToken<UnsubscribePayload>(UNSUBSCRIBE, token)
  if (!payload || typeof payload.w !== 'string' || typeof payload.m !== 'string') return null
  return { workspaceId: payload.w, email: payload.m, locale: localeIn(payload) }
}

/** The language of the page a link opens: the mail's (carried in the link), else the browser's (decision 073). */
export function linkPageLanguage(locale: VisitorLanguage | null, request: Request): VisitorLanguage {
  return locale ?? languageFromAcceptLanguage(request.headers.get('accept-language') ?? undefined)
}
