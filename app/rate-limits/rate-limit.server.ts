import { sql } from 'drizzle-orm'
import { db } from '#app/db.server'
import { getEnv } from '#app/env.server'
import { rateLimits } from '#db/schema'

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL, so every app process shares it.
 */
export async function consumeRateLimit({
  key,
  limit,
  windowSeconds,
}: {
  key: string
  limit: number
  windowSeconds: number
}): Promise<RateLimitResult> {
  if (getEnv().RATE_LIMITS === 'off') return { ok: true }
  const expired = sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${windowSeconds})`
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      count: rateLimits.count,
      resetsIn: sql<number>`ceil(extract(epoch from ${rateLimits.windowStart} + make_interval(secs => ${windowSeconds}) - now()))::int`,
    })
  if (!row || row.count <= limit) return { ok: true }
  return { ok: false, retryAfterSeconds: Math.max(1, Number(row.resetsIn)) }
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
