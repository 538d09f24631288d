import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { checkAccountToken, consumeAccountToken, issueAccountToken, TOKEN_LIFETIME_MS } from '#app/auth/account-tokens.server'
import { hashPassword } from '#app/auth/password.server'
import { resetPassword } from '#app/auth/password-reset.server'
import { verifyLogin } from '#app/auth/user.server'
import { db } from '#app/db.server'
import { accountTokens, sessions } from '#db/schema'
import { createOwner, loginCookie } from '#tests/factories/accounts'

// One-time account links on the test database: what is stored, how long they work, that they work once, and what
// a password reset does to the account's sessions.

const HOUR = 60 * 60 * 1000

describe('account tokens', () => {
  test('only the SHA-256 of the token is stored', async () => {
    const owner = await createOwner()
    const token = await issueAccountToken(db, { userId: owner.userId, purpose: 'password-reset' })
    const rows = await db.select().from(accountTokens).where(eq(accountTokens.userId, owner.userId))
    expect(rows).toHaveLength(1)
    expect(token.length).toBeGreaterThanOrEqual(43) // 32 random bytes
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('base64url'))
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  test('a reset link lasts one hour by the injected clock, then says expired', async () => {
    const owner = await createOwner()
    const t0 = new Date('2026-12-06T10:00:00Z')
    const token = await issueAccountToken(db, { userId: owner.userId, purpose: 'password-reset', now: t0 })
    expect(TOKEN_LIFETIME_MS['password-reset']).toBe(HOUR)
    expect(await checkAccountToken({ token, purpose: 'password-reset', now: new Date(t0.getTime() + HOUR - 1000) })).toBe('valid')
    const late = new Date(t0.getTime() + HOUR + 1000)
    expect(await checkAccountToken({ token, purpose: 'password-reset', now: late })).toBe('expired')
    expect(await consumeAccountToken(db, { token, purpose: 'password-reset', now: late })).toEqual({ ok: false, state: 'expired' })
  })

  test('a token works once, only for its purpose; an unknown one is unknown', async () => {
    const owner = await createOwner()
    const token = await issueAccountToken(db, { userId: owner.userId, purpose: 'password-reset' })
    expect(await consumeAccountToken(db, { token, purpose: 'email-verification' })).toEqual({ ok: false, state: 'unknown' })
    expect(await consumeAccountToken(db, { token, purpose: 'password-reset' })).toEqual({ ok: true, userId: owner.userId })
    expect(await consumeAccountToken(db, { token, purpose: 'password-reset' })).toEqual({ ok: false, state: 'used' })
    expect(await checkAccountToken({ token: 'nope', purpose: 'password-reset' })).toBe('unknown')
  })
})

describe('resetPassword', () => {
  test('sets the new password, ends every session of the user, and retires their other reset links', async () => {
    const owner = await createOwner()
    const other = await createOwner()
    await loginCookie(owner.userId, owner.workspaceId) // a second session (a phone, say)
    const sessionsOf = (userId: string) => db.select().from(sessions).where(eq(sessions.userId, userId))
    expect(await sessionsOf(owner.userId)).toHaveLength(2)
    const older = await issueAccountToken(db, { userId: owner.userId, purpose: 'password-reset' })
    const token = await issueAccountToken(db, { userId: owner.userId, purpose: 'password-reset' })

    const reset = await resetPassword({ token, passwordHash: await hashPassword('the brand new password') })
    expect(reset).toEqual({ ok: true, userId: owner.userId, endedSessions: 2 })
    expect(await sessionsOf(owner.userId)).toHaveLength(0)
    expect(await sessionsOf(other.userId)).toHaveLength(1) // nobody else's
    expect(await verifyLogin({ email: owner.email, password: 'the brand new password' })).toBe(owner.userId)
    expect(await verifyLogin({ email: owner.email, password: 'a-long-password' })).toBeNull()
    expect(await checkAccountToken({ token: older, purpose: 'password-reset' })).toBe('used')
    expect(await resetPassword({ token, passwordHash: await hashPassword('yet another password') })).toEqual({ ok: false, state: 'used' })
  })
})
