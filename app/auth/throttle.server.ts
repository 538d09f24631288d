import { data } from '@remix-run/node'
import { consumeRateLimit, tooManyRequests } from '#app/rate-limits/rate-limit.server'

// Per IP, to slow down one machine trying many accounts; per account, to slow down many machines
// trying one account. Generous enough for people who mistype, far too slow for guessing.
const LIMITS = {
  login: { perIp: { limit: 30, windowSeconds: 10 * 60 }, perAccount: { limit: 10, windowSeconds: 15 * 60 } },
  signup: { perIp: { limit: 10, windowSeconds: 60 * 60 }, perAccount: { limit: 5, windowSeconds: 60 * 60 } },
} as const

/** null when the attempt may go ahead, else the 429 response to return. */
export async function throttleAuthAttempt({ kind, ip, email }: { kind: keyof typeof LIMITS; ip: string; email: string }) {
  const limits = LIMITS[kind]
  for (const [key, limit] of [
    [`${kind}:ip:${ip}`, limits.perIp],
    [`${kind}:account:${email}`, limits.perAccount],
  ] as const) {
    const result = await consumeRateLimit({ key, ...limit })
    if (!result.ok) {
      console.warn(`[rate-limit] ${ip} ${key} refused for ${result.retryAfterSeconds}s`)
      const { status, headers, message } = tooManyRequests(result.retryAfterSeconds, `${kind === 'login' ? 'login' : 'sign-up'} attempts`)
      return data({ errors: { fieldErrors: {}, formErrors: [message] } }, { status, headers })
    }
  }
  return null
}
