import { z } from 'zod'
import { readSignedToken, signToken } from '#app/http/signed-token.server'

// A form's download reaches the visitor as /d/<token>: the token names the file and when the link expires, and
// is signed (app/http/signed-token.server.ts), so it can be neither guessed nor edited into another workspace's
// file or a later expiry. Nothing is stored per link; the key is SESSION_SECRET, so rotating it retires every link.

export const DOWNLOAD_LINK_TTL_SECONDS = 7 * 24 * 3600
const PURPOSE = 'download-link'

export type DownloadTarget = { id: string } | { url: string }

export type DownloadLink = {
  workspaceId: string
  formId: string
  /** The submission that earned the download; null for a member's own preview link. */
  conversionId: string | null
  asset: DownloadTarget
  expiresAt: Date
}

// Short keys: the token travels in a URL. `v` versions the format.
const PayloadSchema = z.object({
  v: z.literal(1),
  w: z.string(),
  f: z.string(),
  c: z.string().nullable(),
  a: z.string().optional(),
  u: z.string().optional(),
  e: z.number().int(),
})

/** A path (`/d/<token>`) that serves the asset, or redirects to its URL, until `ttlSeconds` from now. */
export function createDownloadLink({
  workspaceId,
  formId,
  conversionId,
  asset,
  ttlSeconds = DOWNLOAD_LINK_TTL_SECONDS,
  now = new Date(),
}: {
  workspaceId: string
  formId: string
  conversionId: string | null
  asset: DownloadTarget
  ttlSeconds?: number
  now?: Date
}): string {
  const target = 'id' in asset ? { a: asset.id } : { u: asset.url }
  const payload = { v: 1, w: workspaceId, f: formId, c: conversionId, ...target, e: Math.floor(now.getTime() / 1000) + ttlSeconds }
  return `/d/${signToken(PURPOSE, payload)}`
}

export type DownloadLinkReading = { ok: true; link: DownloadLink } | { ok: false; reason: 'invalid' | 'expired' }

/** What a token says, once its signature checks out; `expired` only for a genuine link past its time. */
export function readDownloadLink(token: string, { now = new Date() }: { now?: Date } = {}): DownloadLinkReading {
  const invalid = { ok: false, reason: 'invalid' } as const
  const parsed = PayloadSchema.safeParse(readSignedToken(PURPOSE, token))
  if (!parsed.success) return invalid
  const { w, f, c, a, u, e } = parsed.data
  const asset = a !== undefined ? { id: a } : u !== undefined ? { url: u } : null
  if (!asset) return invalid
  if (e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, link: { workspaceId: w, formId: f, conversionId: c, asset, expiresAt: new Date(e * 1000) } }
}
