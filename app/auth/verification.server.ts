import { eq } from 'drizzle-orm'
import { consumeAccountToken, issueAccountToken } from '#app/auth/account-tokens.server'
import { db, type Database, type Transaction } from '#app/db.server'
import { getEnv } from '#app/env.server'
import { enqueueMail, mailQueued } from '#app/mail/outbox.server'
import { users } from '#db/schema'

// Email verification, optional per installation (REQUIRE_EMAIL_VERIFICATION, off by default). When on, a new
// account is mailed a link at sign-up, and requireMember sends an account without a verified address to
// /verify-email (which can mail a new link) instead of into the app. When off, nothing of this runs or is asked.

export const isEmailVerificationRequired = () => getEnv().REQUIRE_EMAIL_VERIFICATION === 'on'

/** Queues a verification mail for the user in the caller's transaction; call mailQueued() after the commit. */
export async function queueVerificationMail(tx: Database | Transaction, { userId, email, name, now = new Date() }: { userId: string; email: string; name: string; now?: Date }) {
  const token = await issueAccountToken(tx, { userId, purpose: 'email-verification', now })
  await enqueueMail(tx, { workspaceId: null, to: [email], template: 'email-verification', data: { name, token }, kind: 'account', now })
}

/** "Send the link again": a new link (the old ones keep working until they expire). */
export async function resendVerificationMail({ userId }: { userId: string }) {
  const [user] = await db.select({ email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId))
  if (!user || user.emailVerifiedAt) return false
  await db.transaction((tx) => queueVerificationMail(tx, { userId, email: user.email, name: user.name }))
  mailQueued()
  return true
}

/** Marks the address of the link's account verified; the link works once. */
export async function verifyEmail({ token, now = new Date() }: { token: string; now?: Date }) {
  return db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, { token, purpose: 'email-verification', now })
    if (!used.ok) return used
    await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, used.userId))
    return { ok: true as const, userId: used.userId }
  })
}
