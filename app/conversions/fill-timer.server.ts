import { createHmac, timingSafeEqual } from 'node:crypto'
import { getEnv } from '#app/env.server'

// The `_t` hidden field: when the form was rendered, signed so a bot cannot claim it waited. Submissions sooner
// than the form's minimum fill time after this are held as spam. Short (about 30 characters) because every
// page with a form carries one; the time alone is signed, so one rendered page may be posted many times.

let secret: string | undefined
const sign = (stamp: string) =>
  createHmac('sha256', (secret ??= getEnv().sessionSecret))
    .update(`fill-timer.${stamp}`)
    .digest('base64url')
    .slice(0, 16)

// Every page view with a form carries one: signed once per 100 ms, not per request. The render time is rounded
// down, so a fill time is at most 0.1 s longer than it really was.
const GRANULARITY_MS = 100
let cached = { at: -1, value: '' }

export function issueFillTimer(now = Date.now()) {
  const at = now - (now % GRANULARITY_MS)
  if (at !== cached.at) {
    const stamp = at.toString(36)
    cached = { at, value: `${stamp}.${sign(stamp)}` }
  }
  return cached.value
}

/** When the form was rendered (ms since the epoch), or null when the value is missing, malformed or forged. */
export function readFillTimer(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null
  const [stamp, signature] = value.split('.')
  if (!stamp || !signature || !/^[0-9a-z]{1,12}$/.test(stamp) || signature.length !== 16) return null
  if (!timingSafeEqual(Buffer.from(sign(stamp)), Buffer.from(signature))) return null
  const renderedAt = parseInt(stamp, 36)
  return Number.isSafeInteger(renderedAt) ? renderedAt : null
}
