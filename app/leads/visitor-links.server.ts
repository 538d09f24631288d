import { readSignedToken, signToken } from '#app/http/signed-token.server'

// The two links every mail to a visitor may carry, both signed (app/http/signed-token.server.ts) so nothing is
// stored per link and none can be guessed or edited into another lead or workspace:
// - /confirm/<token> confirms a double opt-in lead; it names the lead and expires after 30 days.
// - /unsubscribe/<token> names the workspace and the address; it does not expire (an old mail's link must work).

const CONFIRM = 'lead-confirm'
const UNSUBSCRIBE = 'mail-unsubscribe'
export const CONFIRM_LINK_TTL_SECONDS = 30 * 24 * 3600

type ConfirmPayload = { w: string; l: string; e: number }
type UnsubscribePayload = { w: string; m: string }

export function confirmLinkPath({ workspaceId, leadId, now = new Date() }: { workspaceId: string; leadId: string; now?: Date }) {
  const payload: ConfirmPayload = { w: workspaceId, l: leadId, e: Math.floor(now.getTime() / 1000) + CONFIRM_LINK_TTL_SECONDS }
  return `/confirm/${signToken(CONFIRM, payload)}`
}

export type ConfirmLinkReading = { ok: true; workspaceId: string; leadId: string } | { ok: false; reason: 'invalid' | 'expired' }

export function readConfirmToken(token: string, now = new Date()): ConfirmLinkReading {
  const payload = readSignedToken<ConfirmPayload>(CONFIRM, token)
  if (!payload || typeof payload.w !== 'string' || typeof payload.l !== 'string' || typeof payload.e !== 'number') return { ok: false, reason: 'invalid' }
  if (payload.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, workspaceId: payload.w, leadId: payload.l }
}

export function unsubscribeLinkPath({ workspaceId, email }: { workspaceId: string; email: string }) {
  return `/unsubscribe/${signToken(UNSUBSCRIBE, { w: workspaceId, m: email } satisfies UnsubscribePayload)}`
}

export function readUnsubscribeToken(token: string): { workspaceId: string; email: string } | null {
  const payload = readSignedToken<UnsubscribePayload>(UNSUBSCRIBE, token)
  if (!payload || typeof payload.w !== 'string' || typeof payload.m !== 'string') return null
  return { workspaceId: payload.w, email: payload.m }
}
