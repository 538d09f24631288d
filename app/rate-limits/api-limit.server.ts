import { findApiCaller, type ApiCaller } from '#app/api-keys/api-key.server'
import { jsonError } from '#app/http/json.server'
import { consumeRateLimit } from '#app/rate-limits/rate-limit.server'

// Keys get at least 100 requests/s (the floor) with headroom; anonymous callers of the public
// endpoints share a per-IP budget that a person at a calculator never reaches but a scraper does.
export const API_LIMITS = {
  perKey: { limit: 200, windowSeconds: 1 },
  perIp: { limit: 60, windowSeconds: 60 },
}

/**
 * For public endpoints that also accept a key: the caller (or null when anonymous), after counting the
 * request against the key's or the IP's budget. A key that is sent but invalid is a 401, not anonymous.
 */
export async function limitPublicApiCall(request: Request, clientIp: string): Promise<ApiCaller | null> {
  const caller = request.headers.has('Authorization') ? await findApiCaller(request) : null
  if (request.headers.has('Authorization') && !caller) {
    throw jsonError(401, { error: 'Invalid or revoked API key (omit Authorization to call anonymously)' })
  }
  const result = caller ? await consumeRateLimit({ key: `api:key:${caller.keyId}`, ...API_LIMITS.perKey }) : await consumeRateLimit({ key: `api:ip:${clientIp}`, ...API_LIMITS.perIp })
  if (!result.ok) {
    const who = caller ? 'this API key' : 'your IP address (send an API key for a higher limit)'
    throw jsonError(
      429,
      { error: `Rate limit reached for ${who}. Retry after ${result.retryAfterSeconds} s.` },
      {
        'Retry-After': String(result.retryAfterSeconds),
      },
    )
  }
  return caller
}
