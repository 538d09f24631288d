import { and, desc, eq, gt, ne, sql } from 'drizzle-orm'
import { hashPassword, verifyPassword } from '#app/auth/password.server'
import { db } from '#app/db.server'
import { sessions, users } from '#db/schema'

// A member's own account: their password and their sessions (Settings → Security). Every query is scoped by
// the user id from the current session, so nobody reaches another person's sessions.

/** The user's live sessions, most recently used first. `id` is the stored hash: useless as a cookie. */
export function listSessions({ userId }: { userId: string }) {
  return db
    .select({ id: sessions.idHash, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`))
}

/** Ends one of the user's sessions; false when they have no such session. */
export async function endSession({ userId, id }: { userId: string; id: string }) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.idHash, id)))
    .returning({ id: sessions.idHash })
  return rows.length > 0
}

/** Ends every session of the user ("log out everywhere"), or every one but `keep`; returns how many ended. */
export async function endSessions({ userId, keep }: { userId: string; keep?: string }) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep ? ne(sessions.idHash, keep) : undefined))
    .returning({ id: sessions.idHash })
  return rows.length
}

export async function isCurrentPassword({ userId, password }: { userId: string; password: string }) {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId))
  return !!user && (await verifyPassword(password, user.passwordHash))
}

/**
 * Sets a new password and ends every other session of the user, in one transaction: whoever else held a
 * session (perhaps the reason for the change) is out the moment the new password holds. Returns how many
 * sessions ended.
 */
export async function changePassword({ userId, newPassword, keepSession }: { userId: string; newPassword: string; keepSession: string }) {
  const passwordHash = await hashPassword(newPassword)
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId))
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepSession)))
      .returning({ id: sessions.idHash })
    return ended.length
  })
}
