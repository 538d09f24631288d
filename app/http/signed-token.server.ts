import { createHmac, timingSafeEqual } from 'node:crypto'
import { getEnv } from '#app/env.server'

// Small tamper-proof tokens for URLs and hidden fields (a form's render time, a success page, a download link):
// base64url(JSON) + "." + HMAC-SHA256 over the purpose and the payload, keyed by the session secret. The
// purpose keeps a token minted for one use from being replayed as another.

const mac = (purpose: string, body: string) => createHmac('sha256', getEnv().sessionSecret).update(`${purpose}.${body}`).digest('base64url')

export function signToken(purpose: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${mac(purpose, body)}`
}

/** The payload when the token is intact and was minted for this purpose; null for anything else. */
export function readSignedToken<T>(purpose: string, token: string | null | undefined): T | null {
  if (typeof token !== 'string' || token.length > 4096) return null
  const dot = token.indexOf('.')
  if (dot <= 0) return null
  const body = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1), 'base64url')
  const expected = Buffer.from(mac(purpose, body), 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString()) as T
  } catch {
    return null
  }
}
