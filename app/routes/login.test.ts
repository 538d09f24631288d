import { randomUUID } from 'node:crypto'
import { eq, like } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { createAccount } from '#app/auth/user.server'
import { LOGIN_LIMITS } from '#app/auth/login-throttle'
import { db } from '#app/db.server'
import { action as loginAction } from '#app/routes/login'
import { rateLimits } from '#db/schema'
import { callRoute, readResult } from '#tests/factories/accounts'

// The login throttle through the login action, on the test database (app/auth/login-throttle.ts explains the
// counters). Retry-After on the real HTTP response is checked in auth-server.test.ts.

const PASSWORD = 'the right password'
const uniqueIp = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`

async function newAccount() {
  const email = `throttle-${randomUUID()}@example.com`
  const account = await createAccount({ name: 'T', email, password: PASSWORD, workspaceName: 'T' })
  if ('error' in account) throw new Error(account.error)
  return email
}

async function login({ email, password, ip, cookie }: { email: string; password: string; ip: string; cookie?: string }) {
  return readResult(await callRoute(loginAction, '/login', { form: { email, password }, ip, cookie }))
}

/** The device cookie a successful login set, as a Cookie header. */
const deviceCookieOf = (result: { headers: Headers }) =>
  result.headers
    .getSetCookie()
    .find((c) => c.startsWith('sf_device='))!
    .split(';')[0]!

// The service-wide budget is shared by every test in this worker: tests that spend it give it back.
afterEach(async () => {
  await db.delete(rateLimits).where(eq(rateLimits.key, 'login:service'))
})

describe('login throttle', () => {
  test('correct logins never count: 25 in a row from one address all succeed (the shared demo account stays open)', async () => {
    const email = await newAccount()
    const ip = uniqueIp()
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) statuses.push((await login({ email, password: PASSWORD, ip })).status)
    expect(statuses).toEqual(Array(25).fill(302))
    const counters = await db
      .select()
      .from(rateLimits)
      .where(like(rateLimits.key, `login:%${ip}%`))
    expect(counters.every((c) => c.count === 0)).toBe(true)
  })

  test('10 failures lock that account from that address only, with Retry-After; the owner elsewhere still logs in', async () => {
    const email = await newAccount()
    const attacker = uniqueIp()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await login({ email, password: 'wrong guess', ip: attacker })).status)
    expect(statuses).toEqual(Array(10).fill(400))
    const locked = await login({ email, password: PASSWORD, ip: attacker })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(LOGIN_LIMITS.accountAddress.windowSeconds - 60)
    expect(JSON.stringify(locked.body)).toMatch(/Too many failed login attempts\. Try again in 15 minutes/)
    // Refused attempts are not counted: retrying early does not push the end of the wait.
    const [counter] = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `login:account-address:${email}|${attacker}`))
    expect(counter!.count).toBe(10)

    expect((await login({ email, password: PASSWORD, ip: uniqueIp() })).status).toBe(302)
  })

  test("a stranger's guesses from the owner's own address do not lock the owner's browser out", async () => {
    const email = await newAccount()
    const sharedIp = uniqueIp() // an office NAT, say
    const first = await login({ email, password: PASSWORD, ip: sharedIp })
    expect(first.status).toBe(302)
    const ownerBrowser = deviceCookieOf(first)
    for (let i = 0; i < 12; i++) await login({ email, password: 'stranger guess', ip: sharedIp })
    expect((await login({ email, password: PASSWORD, ip: sharedIp })).status).toBe(429)
    expect((await login({ email, password: PASSWORD, ip: sharedIp, cookie: ownerBrowser })).status).toBe(302)
  })

  test('a device cookie counts for its own account only, and cannot be forged', async () => {
    const [mine, theirs] = [await newAccount(), await newAccount()]
    const ip = uniqueIp()
    const myBrowser = deviceCookieOf(await login({ email: mine, password: PASSWORD, ip }))
    for (let i = 0; i < 10; i++) await login({ email: theirs, password: 'guess', ip, cookie: myBrowser })
    expect((await login({ email: theirs, password: 'guess', ip, cookie: myBrowser })).status).toBe(429)
    const forged = myBrowser.replace(/=(.)/, (_, c: string) => `=${c === 'a' ? 'b' : 'a'}`)
    for (let i = 0; i < 10; i++) await login({ email: mine, password: 'guess', ip: `${ip}-2`, cookie: forged })
    expect((await login({ email: mine, password: PASSWORD, ip: `${ip}-2`, cookie: forged })).status).toBe(429)
  })

  test('one address spraying many accounts is stopped after 30 failures', async () => {
    const ip = uniqueIp()
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await login({ email: `sprayed-${i}-${randomUUID()}@example.com`, password: 'Summer2026!', ip })).status)
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(400))
    expect(statuses.slice(30)).toEqual([429, 429])
  })

  test('guesses spread over many accounts from rotating addresses stop at the service budget; known browsers still log in', async () => {
    const email = await newAccount()
    const knownBrowser = deviceCookieOf(await login({ email, password: PASSWORD, ip: uniqueIp() }))
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_LIMITS.service.limit + 5; i++) {
      statuses.push((await login({ email: `victim-${i}-${randomUUID()}@example.com`, password: 'Winter2026!', ip: uniqueIp() })).status)
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(LOGIN_LIMITS.service.limit)
    expect(statuses.slice(-5)).toEqual(Array(5).fill(429))
    const refused = await login({ email, password: PASSWORD, ip: uniqueIp() })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(JSON.stringify(refused.body)).toMatch(/on this service right now.*from a browser you have logged in with before/)
    expect((await login({ email, password: PASSWORD, ip: uniqueIp(), cookie: knownBrowser })).status).toBe(302)
  })

  test('concurrent guesses cannot slip past the limit: of 20 at once, at most 10 are checked', async () => {
    const email = await newAccount()
    const ip = uniqueIp()
    const results = await Promise.all(Array.from({ length: 20 }, () => login({ email, password: 'parallel guess', ip })))
    const checked = results.filter((r) => r.status === 400).length
    expect(checked).toBeGreaterThan(0)
    expect(checked).toBeLessThanOrEqual(10)
    // The rest are refused by the throttle (429) or by the password-hash gate when its queue is full (503).
    for (const r of results.filter((r) => r.status !== 400)) {
      expect([429, 503]).toContain(r.status)
      expect(Number(r.headers.get('Retry-After'))).toBeGreaterThan(0)
    }
    // Only the checked guesses stay counted.
    const [counter] = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `login:account-address:${email}|${ip}`))
    expect(counter!.count).toBe(checked)
  })
})
