import { outermostTrustedEntry } from '#app/http/client-ip'

/**
 * Whether a request reached us over HTTPS: directly (a TLS socket) or, behind `hops` trusted proxies, as the
 * outermost trusted proxy says in X-Forwarded-Proto. Proxies either overwrite the header (one value) or
 * append to it (a list); a list is read like X-Forwarded-For (app/http/client-ip.ts), counted from the right,
 * because entries on the left are whatever the client sent. Without trusted proxies the header is ignored:
 * anyone can send it.
 *
 * Runs on every visitor's page view: the common cases (no header, one value) allocate nothing.
 */
export function isHttpsRequest({ encrypted, forwardedProto, hops }: { encrypted: boolean; forwardedProto: string | string[] | null | undefined; hops: number }): boolean {
  if (encrypted) return true
  if (hops <= 0 || !forwardedProto) return false
  if (typeof forwardedProto === 'string' && !forwardedProto.includes(',')) return isHttps(forwardedProto)
  const entry = outermostTrustedEntry(forwardedProto, hops)
  return entry !== undefined && isHttps(entry)
}

const isHttps = (value: string) => value === 'https' || value.trim().toLowerCase() === 'https'
