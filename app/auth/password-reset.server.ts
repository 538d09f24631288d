import { setTimeout as sleep } from 'node:timers/promises'
import { eq } from 'drizzle-orm'
import { consumeAccountToken, issueAccountToken, retireAccountTokens } from '#app/auth/account-tokens.server'
import { db } from '#app/db.server'
import { enqueueMail, mailQueued } from '#app/mail/outbox.server'
import { sessions, users } from '#db/schema'

// Forgot password → a mailed link → a new password. The request answers the same whether or not the address has an
// account (the route also evens out the time): only the mailbox's owner learns whether it has one.

// Every answer takes at least this long: a known address writes a token and a mail (a few ms), an unknown one
// writes nothing, and the difference must not show in the response time.
export const ANSWER_FLOOR_MS = 300

/** requestPasswordReset, taking ANSWER_FLOOR_MS whatever the outcome: what /forgot-password calls. */
export async function answerPasswordResetRequest({ email, floorMs = ANSWER_FLOOR_MS }: { email: string; floorMs?: number }) {
  const startedAt = Date.now()
  await requestPasswordReset({ email })
  await sleep(Math.max(0, startedAt + floorMs - Date.now()))
}

/** Queues a reset mail when the address has an account; does nothing (visibly the same) when it has none. */
export async function requestPasswordReset({ email, now = new Date() }: { email: string; now?: Date }) {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email))
  if (!user) return false
  await db.transaction(async (tx) => {
    const token = await issueAccountToken(tx, { userId: user.id, purpose: 'password-reset', now })
    // No workspace: the email log is for owners, and a reset link in it would let an owner take a member's account.
    await enqueueMail(tx, { workspaceId: null, to: [email], template: 'password-reset', data: { name: user.name, token }, kind: 'account', now })
  })
  mailQueued()
  return true
}

/**
 * Sets the new password (already hashed: the caller spends the hash behind the hash gate) if the token is good, and
 * in the same transaction uses the token up, retires the user's other reset links and ends every session of the
 * user: whoever held one (perhaps the reason for the reset) is out the moment the new password holds. The reset
 * also proves the address, so it counts as a verification.
 */
export async function resetPassword({ token, passwordHash, now = new Date() }: { token: string; passwordHash: string; now?: Date }) {
  return db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, { token, purpose: 'password-reset', now })
    if (!used.ok) return used
    const [user] = await tx.select({ emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, used.userId))
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: user?.emailVerifiedAt ?? now })
      .where(eq(users.id, used.userId))
    await retireAccountTokens(tx, { userId: used.userId, purpose: 'password-reset', now })
    const ended = await tx.delete(sessions).where(eq(sessions.userId, used.userId)).returning({ id: sessions.idHash })
    return { ok: true as const, userId: used.userId, endedSessions: ended.length }
  })
}
