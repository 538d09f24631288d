import { data } from '@remix-run/node'
import { eq, sql } from 'drizzle-orm'
import { readTrustedDevice } from '#app/auth/device-cookie.server'
import { HashBusyError } from '#app/auth/hash-gate'
import { loginCounters, refusalMessage, refusingCounter, type CounterReading } from '#app/auth/login-throttle'
import { db, queryRows } from '#app/db.server'
import { getEnv } from '#app/env.server'
import { consumeRateLimit, rateLimitHit, tooManyRequests } from '#app/rate-limits/rate-limit.server'
import { rateLimits } from '#db/schema'

const SIGNUP_LIMITS = { perIp: { limit: 10, windowSeconds: 60 * 60 }, perAccount: { limit: 5, windowSeconds: 60 * 60 } } as const
// Reset mails: per address whether or not it has an account (so a 429 says nothing about that), and per IP.
export const PASSWORD_RESET_LIMITS = { perIp: { limit: 10, windowSeconds: 15 * 60 }, perAccount: { limit: 5, windowSeconds: 60 * 60 } } as const
// "Send the link again" on /verify-email, per account.
export const VERIFICATION_RESEND_LIMIT = { limit: 5, windowSeconds: 60 * 60 } as const

function throttledForm(message: string, retryAfterSeconds: number, status: 429 | 503 = 429) {
  return data({ errors: { fieldErrors: {}, formErrors: [message] } }, { status, headers: { 'Retry-After': String(retryAfterSeconds) } })
}

/** Sign-ups: per IP, and per email. null when the attempt may go ahead, else the 429 to return. */
export function throttleSignup({ ip, email }: { ip: string; email: string }) {
  return throttleForm('sign-up', 'sign-up attempts', ip, [
    [`signup:ip:${ip}`, SIGNUP_LIMITS.perIp],
    [`signup:account:${email}`, SIGNUP_LIMITS.perAccount],
  ])
}

/** Password-reset requests: per IP, and per email (known or not). null, or the 429 to return. */
export function throttlePasswordReset({ ip, email }: { ip: string; email: string }) {
  return throttleForm('password reset', 'password-reset requests', ip, [
    [`password-reset:ip:${ip}`, PASSWORD_RESET_LIMITS.perIp],
    [`password-reset:account:${email}`, PASSWORD_RESET_LIMITS.perAccount],
  ])
}

/** Verification mails sent again, per account. null, or the 429 to return. */
export function throttleVerificationResend({ ip, userId }: { ip: string; userId: string }) {
  return throttleForm('verification resend', 'verification mails', ip, [[`verify-resend:user:${userId}`, VERIFICATION_RESEND_LIMIT]])
}

async function throttleForm(name: string, what: string, ip: string, counters: (readonly [string, { limit: number; windowSeconds: number }])[]) {
  for (const [key, limit] of counters) {
    const result = await consumeRateLimit({ key, ...limit })
    if (!result.ok) {
      console.warn(`[rate-limit] ${name} ${ip} ${key} refused for ${result.retryAfterSeconds}s`)
      const { message } = tooManyRequests(result.retryAfterSeconds, what)
      return throttledForm(message, result.retryAfterSeconds)
    }
  }
  return null
}

export type LoginAttempt = { ok: false; response: ReturnType<typeof throttledForm> } | { ok: true; succeeded(): Promise<void>; cancelled(): Promise<void> }

/**
 * Takes a place for a login attempt in each of its counters (app/auth/login-throttle.ts), in one statement,
 * before the password is checked: concurrent guesses cannot all slip under a limit. A correct login, or one
 * that never got checked, gives its places back, so only failures stay counted.
 */
export async function beginLoginAttempt({ request, ip, email }: { request: Request; ip: string; email: string }): Promise<LoginAttempt> {
  if (getEnv().RATE_LIMITS === 'off') return { ok: true, succeeded: async () => {}, cancelled: async () => {} }
  const counters = loginCounters({ email, ip, deviceId: await readTrustedDevice(request, email) })
  const readings = await queryRows<CounterReading & { i: number }>(db, takePlaces(counters))
  const giveBack = () => giveBackPlaces(counters.map((c) => c.key))
  const refusal = refusingCounter(
    counters,
    counters.map((_, i) => readings.find((r) => Number(r.i) === i)!),
  )
  if (refusal) {
    // A refused attempt is not a guess: it does not count, so retrying early does not extend the wait.
    await giveBack()
    console.warn(`[rate-limit] login ${ip} ${refusal.counter.key} refused for ${refusal.retryAfterSeconds}s`)
    return { ok: false, response: throttledForm(refusalMessage(refusal.counter.scope, refusal.retryAfterSeconds), refusal.retryAfterSeconds) }
  }
  return { ok: true, succeeded: giveBack, cancelled: giveBack }
}

// `with c0 as (insert … returning …), c1 as (…) select 0 as i, * from c0 union all …`: one round trip.
function takePlaces(counters: { key: string; windowSeconds: number }[]) {
  const ctes = sql.join(
    counters.map((c, i) => sql`${sql.raw(`c${i}`)} as (${rateLimitHit(c.key, c.windowSeconds)})`),
    sql`, `,
  )
  const selects = sql.join(
    counters.map((_, i) => sql.raw(`select ${i} as i, count, resets_in from c${i}`)),
    sql` union all `,
  )
  return sql`with ${ctes} ${selects}`
}

// One key per statement: a single UPDATE locks the rows in table order, takePlaces in the counters' order, and
// concurrent logins then deadlocked (PostgreSQL 40P01, seen in app/routes/login.test.ts under load).
async function giveBackPlaces(keys: string[]) {
  for (const key of keys)
    await db
      .update(rateLimits)
      .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
      .where(eq(rateLimits.key, key))
}

/** 503 with Retry-After when password checks are queued beyond the gate (app/auth/hash-gate.ts). */
export function hashBusy(error: HashBusyError) {
  const seconds = error.retryAfterSeconds
  return throttledForm(`The server is checking many passwords right now. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, seconds, 503)
}

/** The result of `work`, or the 503 to return when the password-hash gate refused it. */
export async function unlessHashBusy<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof hashBusy> }> {
  try {
    return { ok: true, value: await work }
  } catch (error) {
    if (error instanceof HashBusyError) return { ok: false, response: hashBusy(error) }
    throw error
  }
}
