import { lookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { isLocalhostName, isPublicAddress } from './special-addresses.server'

// Webhook URLs are typed in by workspace members, and the server then POSTs to them: without a check, anyone with
// the editor role could make our servers call the cloud metadata endpoint or an internal admin port (SSRF).
// Only public unicast addresses are sent to (special-addresses.server.ts), unless the operator allows private
// ones (WEBHOOK_PRIVATE_TARGETS=allow; the default outside production, so local receivers work in dev and tests).
//
// DNS rebinding: the name is resolved once, every address it resolves to is checked, and the connection is
// made to the checked address through a `lookup` that answers with it, so a second, different DNS answer is
// never asked for. TLS (SNI, certificate) and the Host header still use the name.

export type ResolvedAddress = { address: string; family: number }
/** Resolves a host name to all its addresses; tests inject one so that no DNS is needed. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true })

const REFUSED = 'Refused: private or local address'

/** The URL's host as WHATWG URL parsing left it (0x7f.1 → 127.0.0.1, [::ffff:7f00:1]), without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '')

/** For the settings form: a URL whose host is visibly private (an IP literal or localhost), without DNS. */
export function isVisiblyPrivateUrl(url: string) {
  const host = hostOf(new URL(url))
  return isLocalhostName(host) || (isIP(host) !== 0 && !isPublicAddress(host))
}

export type WebhookTarget = { ok: true; url: URL; address: string; family: number } | { ok: false; reason: string }

/** Where `url` may be sent to now: one checked address to connect to, or why not (shown in the delivery log). */
export async function resolveWebhookTarget(url: string, { allowPrivate, resolve = systemResolver }: { allowPrivate: boolean; resolve?: Resolver }): Promise<WebhookTarget> {
  const parsed = new URL(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: `Refused: ${parsed.protocol} URLs are not sent to` }
  const host = hostOf(parsed)
  if (!allowPrivate && isLocalhostName(host)) return { ok: false, reason: REFUSED }
  const family = isIP(host)
  const addresses = family !== 0 ? [{ address: host, family }] : await resolve(host)
  if (addresses.length === 0) return { ok: false, reason: `No address found for ${host}` }
  // One private answer among public ones refuses the lot: which one a client picks is not ours to predict.
  if (!allowPrivate && !addresses.every((a) => isPublicAddress(a.address))) return { ok: false, reason: REFUSED }
  return { ok: true, url: parsed, address: addresses[0]!.address, family: addresses[0]!.family }
}

/** A `lookup` for net.connect that answers every question with the one address already checked. */
export function pinnedLookup(address: string, family: number): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (err: null, addresses: ResolvedAddress[]) => void)(null, [{ address, family }])
    else callback(null, address, family)
  }
}

export type TargetResponse = { status: number; statusText: string }

/**
 * POSTs `body` to a checked target, connecting to its checked address. Resolves with the status once the
 * headers arrive (the body is not read: it is not shown to members, and it could be an internal page's
 * content); redirects are not followed. Rejects on a network error or after `timeoutMs`.
 */
export function postToTarget(
  target: Extract<WebhookTarget, { ok: true }>,
  { headers, body, timeoutMs }: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<TargetResponse> {
  const request = target.url.protocol === 'https:' ? https.request : http.request
  return new Promise((resolve, reject) => {
    const req = request(target.url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      // A connection of its own, never a pooled socket that an earlier lookup opened.
      agent: false,
      lookup: pinnedLookup(target.address, target.family),
    })
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`Timed out after ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs)
    req.on('response', (res) => {
      clearTimeout(timer)
      resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '' })
      res.destroy()
    })
    req.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    req.end(body)
  })
}
