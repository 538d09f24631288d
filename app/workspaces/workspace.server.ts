import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import { db, type Transaction } from '#app/db.server'
import { changed } from '#app/changes/signal'
import { lockExperimentDays, rebuildExperimentDays } from '#app/experiments/counting.server'
import { rebuildWorkspaceRollups } from '#app/kpis/rollup-queue.server'
import { applyPrivacyPatch } from '#app/privacy/schema'
import { readPrivacySettings } from '#app/privacy/settings'
import type { WorkspaceCalendar } from '#app/workspaces/locale'
import type { WorkspacePatch } from '#app/workspaces/schema'
import { apiKeys, memberships, users, workspaces, type Role } from '#db/schema'

export function listUserWorkspaces({ userId }: { userId: string }) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(workspaces.name)
}

/** A new workspace with its owner; its calendar and currency from the browser's guess (guessCalendar), else the defaults. */
export async function createWorkspace({ name, ownerId, calendar }: { name: string; ownerId: string; calendar?: WorkspaceCalendar }) {
  return db.transaction(async (tx) => {
    const [workspace] = await tx
      .insert(workspaces)
      .values({ name, ...calendar })
      .returning({ id: workspaces.id })
    await tx.insert(memberships).values({ workspaceId: workspace!.id, userId: ownerId, role: 'owner' })
    return workspace!
  })
}

export async function renameWorkspace({ workspaceId, name }: { workspaceId: string; name: string }) {
  await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId))
}

/** A workspace's name, calendar, currency, alerts and privacy settings (GET /api/v1/workspace, the settings screen). */
export async function getWorkspaceSettings({ workspaceId }: { workspaceId: string }) {
  const [row] = await db
    .select({ id: workspaces.id, name: workspaces.name, timezone: workspaces.timezone, currency: workspaces.currency, alerts: workspaces.alerts, privacy: workspaces.privacy })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
  return row ? { ...row, privacy: readPrivacySettings(row.privacy) } : null
}

/**
 * Changes what `changes` names (already validated: WorkspacePatchSchema). A new time zone starts the workspace's
 * KPI rollups over in the same transaction (rebuildWorkspaceRollups): the follower then counts its views by the new
 * days (days whose views retention has deleted keep their rollups, by the old days). Its experiments' days are recounted in the transaction itself (rebuildExperimentDays, decision 087), so the
 * results show the new days as soon as it commits. Privacy settings are merged into the stored ones under the same
 * row lock, and once committed every page of the workspace is told (the published-page cache rebuilds them with the
 * new banner and cookie rules). Returns how many page views were queued again and how many experiments were
 * recounted (0 and 0 when the zone did not change).
 */
export async function updateWorkspace({ workspaceId, changes }: { workspaceId: string; changes: WorkspacePatch }) {
  const { privacy: privacyPatch, ...rest } = changes
  const result = await db.transaction(async (tx) => {
    // Before the row lock: a conversion in flight may hold the shared lock and then need the row (its foreign key).
    if (changes.timezone !== undefined) await lockExperimentDays(tx, workspaceId)
    const [before] = await tx.select({ timezone: workspaces.timezone, privacy: workspaces.privacy }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update')
    if (!before) return { requeued: 0, experimentsRecounted: 0 }
    const privacy = privacyPatch ? applyPrivacyPatch(readPrivacySettings(before.privacy), privacyPatch) : undefined
    await tx
      .update(workspaces)
      .set({ ...rest, ...(privacy ? { privacy } : {}) })
      .where(eq(workspaces.id, workspaceId))
    if (changes.timezone === undefined || changes.timezone === before.timezone) return { requeued: 0, experimentsRecounted: 0 }
    const requeued = await rebuildWorkspaceRollups(tx, { workspaceId, oldTimeZone: before.timezone })
    return { requeued, experimentsRecounted: await rebuildExperimentDays(tx, { workspaceId, timeZone: changes.timezone }) }
  })
  if (privacyPatch) changed({ kind: 'privacy', workspaceId })
  return result
}

export function listMembers({ workspaceId }: { workspaceId: string }) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
      // Shown beside each member: removing them (or making them a viewer) revokes these.
      activeApiKeys: sql<number>`(select count(*)::int from ${apiKeys} where ${apiKeys.workspaceId} = ${memberships.workspaceId} and ${apiKeys.createdBy} = ${memberships.userId} and ${apiKeys.revokedAt} is null)`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(memberships.createdAt)
}

type MemberChange = { ok: true; revokedKeys: string[] } | { ok: false; status: 404 | 400; message: string }

/**
 * Changes a member's role or removes them (role null). A workspace always keeps at least one owner;
 * the check and the change run in one transaction that locks the workspace's memberships.
 * A member who leaves, or becomes a viewer (who may not hold keys), loses the API keys they created, in the
 * same transaction (docs/decisions/003-api-keys-when-a-member-leaves.md): their names are returned.
 */
export async function changeMember({ workspaceId, userId, role }: { workspaceId: string; userId: string; role: Role | null }): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    const rows = await tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, workspaceId)).for('update')
    const target = rows.find((r) => r.userId === userId)
    if (!target) return { ok: false, status: 404, message: 'No such member in this workspace' }
    const otherOwners = rows.filter((r) => r.role === 'owner' && r.userId !== userId).length
    if (target.role === 'owner' && role !== 'owner' && otherOwners === 0) {
      return { ok: false, status: 400, message: 'A workspace needs at least one owner: make someone else owner first' }
    }
    const where = and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))
    if (role === null) await tx.delete(memberships).where(where)
    else await tx.update(memberships).set({ role }).where(where)
    const revokedKeys =
      role === null || role === 'viewer' ? await revokeKeysCreatedBy(tx, { workspaceId, userId, reason: role === null ? 'its creator left the workspace' : 'its creator became a viewer' }) : []
    return { ok: true, revokedKeys }
  })
}

async function revokeKeysCreatedBy(tx: Transaction, { workspaceId, userId, reason }: { workspaceId: string; userId: string; reason: string }) {
  const rows = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)))
    .returning({ name: apiKeys.name })
  return rows.map((r) => r.name)
}

export async function countOtherMembers({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), ne(memberships.userId, userId)))
  return row?.n ?? 0
}
