import { randomBytes } from 'node:crypto'
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { hashToken } from '#app/auth/token-hash'
import { db } from '#app/db.server'
import { enqueueMail } from '#app/mail/outbox.server'
import { invites, memberships, users, workspaces, type Role } from '#db/schema'

const INVITE_DAYS = 7

// Not yet used, revoked or expired.
const isOpen = () => and(isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date()))

/**
 * Creates an invite link token; only its hash is stored, so the link is shown once. With an address, the link is
 * also mailed there, queued in the same transaction (the owner still gets the link to copy). Returns whether a
 * mail was queued; the caller calls mailQueued() after.
 */
export async function createInvite({ workspaceId, role, email, createdBy }: { workspaceId: string; role: Role; email: string | null; createdBy: string }) {
  const token = randomBytes(24).toString('base64url')
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invites)
      .values({
        workspaceId,
        role,
        email,
        createdBy,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000),
      })
      .returning({ id: invites.id })
    if (email) {
      const [names] = await tx.select({ workspaceName: workspaces.name, invitedBy: users.name }).from(workspaces).innerJoin(users, eq(users.id, createdBy)).where(eq(workspaces.id, workspaceId))
      await enqueueMail(tx, { workspaceId, to: [email], template: 'workspace-invite', data: { ...names!, role, token }, kind: 'account' })
    }
    return { id: row!.id, token, isMailed: !!email }
  })
}

export function listOpenInvites({ workspaceId }: { workspaceId: string }) {
  return db
    .select({ id: invites.id, role: invites.role, email: invites.email, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(and(eq(invites.workspaceId, workspaceId), isOpen()))
    .orderBy(desc(invites.createdAt))
}

export async function revokeInvite({ workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(and(eq(invites.id, id), eq(invites.workspaceId, workspaceId), isOpen()))
    .returning({ id: invites.id })
  return rows.length > 0
}

/** The open invite behind a link, with its workspace name, or null when unknown, used, revoked or expired. */
export async function findOpenInvite(token: string) {
  const [row] = await db
    .select({ id: invites.id, role: invites.role, email: invites.email, workspace: { id: workspaces.id, name: workspaces.name } })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(and(eq(invites.tokenHash, hashToken(token)), isOpen()))
  return row ?? null
}

/**
 * Joins the user to the invite's workspace and uses the invite up, atomically: a link works once.
 * Someone already in the workspace keeps their role.
 */
export async function acceptInvite({ token, userId }: { token: string; userId: string }) {
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .update(invites)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(and(eq(invites.tokenHash, hashToken(token)), isOpen()))
      .returning({ workspaceId: invites.workspaceId, role: invites.role })
    if (!invite) return null
    await tx.insert(memberships).values({ workspaceId: invite.workspaceId, userId, role: invite.role }).onConflictDoNothing()
    return invite
  })
}
