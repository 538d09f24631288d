/**
 * The client's address. Without trusted proxies it is the socket's peer. Behind `hops` trusted proxies it is
 * the X-Forwarded-For entry that the outermost trusted proxy saw: counted from the right, because entries
 * on the left are whatever the client chose to send.
 */
export function resolveClientIp({
  socketAddress,
  forwardedFor,
  hops,
}: {
  socketAddress: string | undefined
  forwardedFor: string | string[] | undefined
  hops: number
}) {
  const socketIp = normaliseIp(socketAddress ?? 'unknown')
  if (hops <= 0 || !forwardedFor) return socketIp
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (entries.length === 0) return socketIp
  return normaliseIp(entries[Math.max(0, entries.length - hops)]!)
}

// "::ffff:127.0.0.1" and "127.0.0.1" are the same client; rate-limit keys must agree.
function normaliseIp(ip: string) {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip
}
