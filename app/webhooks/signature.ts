import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// How receivers know a webhook came from us and is fresh: we sign "<timestamp>.<raw body>" with the endpoint's
// secret (HMAC-SHA256) and send both headers. Signing the timestamp with the body stops an attacker re-dating a
// captured request, and the tolerance window stops replays of old ones. The "v1=" prefix leaves room for a new
// scheme; several signatures may be sent at once (space- or comma-separated) while a secret is being rotated.

export const WEBHOOK_TIMESTAMP_HEADER = 'Splitform-Timestamp'
export const WEBHOOK_SIGNATURE_HEADER = 'Splitform-Signature'
export const DEFAULT_TOLERANCE_SECONDS = 300

/** `whsec_` + 32 random bytes, base64url. The whole string, prefix included, is the HMAC key. */
export function generateWebhookSecret() {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/** `timestamp` is Unix seconds; `body` is the exact string sent, since re-serialised JSON would not match. */
export function signWebhook({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }) {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `v1=${digest}`
}

export type VerifyWebhookOptions = {
  secret: string
  /** The Splitform-Timestamp header: Unix seconds. */
  timestamp: string | number | null
  body: string
  /** The Splitform-Signature header. */
  signature: string | null
  toleranceSeconds?: number
  /** Unix seconds; defaults to the clock. */
  now?: number
}

/**
 * True only for a well-formed, fresh signature made with this secret. A boolean on purpose: a result object would
 * be truthy even on failure, which is exactly the mistake a receiver must not be able to make.
 */
export function verifyWebhook({ secret, timestamp, body, signature, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() / 1000 }: VerifyWebhookOptions): boolean {
  const seconds = typeof timestamp === 'number' ? timestamp : /^\d{1,12}$/.test(timestamp?.trim() ?? '') ? Number(timestamp) : NaN
  // Both directions: a timestamp from the far future would otherwise stay "fresh" forever.
  if (!Number.isSafeInteger(seconds) || Math.abs(now - seconds) > toleranceSeconds) return false
  const expected = Buffer.from(signWebhook({ secret, timestamp: seconds, body }).slice(3), 'hex')
  const candidates = (signature ?? '').split(/[\s,]+/).filter((part) => /^v1=[0-9a-f]{64}$/i.test(part))
  // Every candidate is compared (no early exit), in constant time, so timing reveals nothing about the secret.
  return candidates.reduce((matched, part) => timingSafeEqual(Buffer.from(part.slice(3), 'hex'), expected) || matched, false)
}
