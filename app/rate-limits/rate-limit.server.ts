import type { HeadersFunction } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { db, queryRows } from '#app/db.server'
import { getEnv } from '#app/env.server'

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL, so every app process shares it.
 */
/**
 * The upsert that counts one hit against `key` and returns `count` and `resets_in` (seconds): a statement of its
 * own, or a CTE inside a larger one so the count costs no extra round trip.
 */
export function rateLimitHit(key: string, windowSeconds: number) {
  const expired = sql`rate_limits.window_start <= now() - make_interval(secs => ${windowSeconds})`
  return sql`insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when ${expired} then 1 else rate_limits.count + 1 end,
      window_start = case when ${expired} then now() else rate_limits.window_start end
    returning count, ceil(extract(epoch from window_start + make_interval(secs => ${windowSeconds}) - now()))::int as resets_in`
}

export function readRateLimit(row: { count: number; resets_in: number } | undefined, limit: number): RateLimitResult {
  if (!row || Number(row.count) <= limit) return { ok: true }
  return { ok: false, retryAfterSeconds: Math.max(1, Number(row.resets_in)) }
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL, so every app process shares it.
 */
export async function consumeRateLimit({ key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitResult> {
  if (getEnv().RATE_LIMITS === 'off') return { ok: true }
  const [row] = await queryRows<{ count: number; resets_in: number }>(db, rateLimitHit(key, windowSeconds))
  return readRateLimit(row, limit)
}

/** A 429 whose body says what happened and when to try again. */
export function tooManyRequests(retryAfterSeconds: number, what = 'requests') {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${minutes} minutes`
  return {
    status: 429 as const,
    headers: { 'Retry-After': String(retryAfterSeconds) },
    message: `Too many ${what}. Try again in ${wait}.`,
  }
}

/**
 * A route's `headers` export that keeps Retry-After from its action or loader on the page's response. Without
 * a `headers` export Remix keeps only Set-Cookie, which is how login 429s lost their Retry-After.
 */
export const forwardRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const value = actionHeaders.get('Retry-After') ?? loaderHeaders.get('Retry-After')
  return value ? { 'Retry-After': value } : new Headers()
}
