import { eq } from 'drizzle-orm'
import { getDummyHash, hashPassword, verifyPassword } from '#app/auth/password.server'
import { queueVerificationMail } from '#app/auth/verification.server'
import { db } from '#app/db.server'
import { DEFAULT_CALENDAR, type WorkspaceCalendar } from '#app/workspaces/locale'
import { memberships, users, workspaces } from '#db/schema'

export async function findUserByEmail(email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  return user ?? null
}

/**
 * Creates the user and, unless they join through an invite, their own workspace with them as owner. With
 * `sendVerification` a verification mail is queued in the same transaction (the caller calls mailQueued()).
 */
export async function createAccount({
  name,
  email,
  password,
  workspaceName,
  calendar = DEFAULT_CALENDAR,
  sendVerification = false,
}: {
  name: string
  email: string
  password: string
  workspaceName: string | null
  /** The new workspace's time zone and currency. */
  calendar?: WorkspaceCalendar
  sendVerification?: boolean
}) {
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ name, email, passwordHash }).onConflictDoNothing({ target: users.email }).returning({ id: users.id })
    if (!user) return { error: 'emailTaken' as const }
    if (sendVerification) await queueVerificationMail(tx, { userId: user.id, email, name })
    if (workspaceName === null) return { userId: user.id, workspaceId: null }
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name: workspaceName, ...calendar })
      .returning({ id: workspaces.id })
    await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: user.id, role: 'owner' })
    return { userId: user.id, workspaceId: workspace!.id }
  })
}

/** The user id when email and password match; spends the same time when the email is unknown. */
export async function verifyLogin({ email, password }: { email: string; password: string }) {
  const [user] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email))
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()))
  return user && isValid ? user.id : null
}

/** The user's language for the admin ('en', 'sv'…), or null to follow the browser's. */
export async function setUserLocale({ userId, locale }: { userId: string; locale: string | null }) {
  await db.update(users).set({ locale }).where(eq(users.id, userId))
}
