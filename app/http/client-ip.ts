/**
 * The client's address. Without trusted proxies it is the socket's peer. Behind `hops` trusted proxies it is
 * the X-Forwarded-For entry that the outermost trusted proxy saw: counted from the right, because entries
 * on the left are whatever the client chose to send.
 */
export function resolveClientIp({ socketAddress, forwardedFor, hops }: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; hops: number }) {
  const socketIp = normaliseIp(socketAddress ?? 'unknown')
  if (hops <= 0 || !forwardedFor) return socketIp
  const entry = outermostTrustedEntry(forwardedFor, hops)
  return entry === undefined ? socketIp : normaliseIp(entry)
}

/**
 * The entry of a forwarding header (X-Forwarded-For, X-Forwarded-Proto) that the outermost of `hops` trusted proxies
 * wrote: counted from the right, because entries on the left are whatever the client sent. Undefined when empty.
 */
export function outermostTrustedEntry(header: string | string[], hops: number) {
  const entries = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return entries.length === 0 ? undefined : entries[Math.max(0, entries.length - hops)]!
}

// "::ffff:127.0.0.1" and "127.0.0.1" are the same client; rate-limit keys must agree.
function normaliseIp(ip: string) {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip
}
