import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { db } from '#app/db.server'
import type { WorkspaceCalendar } from '#app/workspaces/locale'
import { apiKeys, memberships, users, workspaces, type Role } from '#db/schema'

const PREFIX_LENGTH = 11 // "sf_" + 8 characters: enough to tell keys apart in a list, useless to an attacker

// API keys carry 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex')

export function generateApiKey() {
  return `sf_${randomBytes(32).toString('base64url')}`
}

export async function createApiKey({ workspaceId, name, createdBy, key = generateApiKey() }: { workspaceId: string; name: string; createdBy: string | null; key?: string }) {
  const [row] = await db
    .insert(apiKeys)
    .values({ workspaceId, name, createdBy, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(key) })
    .returning({ id: apiKeys.id, prefix: apiKeys.prefix })
  return { ...row!, key }
}

export function listApiKeys({ workspaceId }: { workspaceId: string }) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      revokedReason: apiKeys.revokedReason,
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt))
}

/** Revokes a key of this workspace; false when there is no such key here (the caller answers 404). */
export async function revokeApiKey({ workspaceId, id, revokedBy }: { workspaceId: string; id: string; revokedBy?: string }) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date(), revokedReason: revokedBy ? `revoked by ${revokedBy}` : 'revoked' })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id })
  return rows.length > 0
}

export type ApiCaller = {
  keyId: string
  workspace: WorkspaceCalendar & { id: string; name: string }
  /** The role its creator holds in the workspace now (a key acts for them); null when no member created it. */
  role: Role | null
}

/** The workspace behind `Authorization: Bearer <key>`, or null. */
export async function findApiCaller(request: Request): Promise<ApiCaller | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '')
  if (!match) return null
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      lastUsedAt: apiKeys.lastUsedAt,
      role: memberships.role,
      workspace: { id: workspaces.id, name: workspaces.name, timezone: workspaces.timezone, currency: workspaces.currency },
    })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .leftJoin(memberships, and(eq(memberships.workspaceId, apiKeys.workspaceId), eq(memberships.userId, apiKeys.createdBy)))
    .where(and(eq(apiKeys.keyHash, hashApiKey(match[1]!)), isNull(apiKeys.revokedAt)))
  if (!row) return null
  // Touch last-used at most once a minute: a busy key must not turn every request into a row update.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.keyId))
  }
  return { keyId: row.keyId, workspace: row.workspace, role: row.role }
}

/** Like findApiCaller, but answers 401 JSON when the key is missing, unknown or revoked. */
export async function requireApiCaller(request: Request): Promise<ApiCaller> {
  const caller = await findApiCaller(request)
  if (caller) return caller
  const hasHeader = request.headers.has('Authorization')
  throw Response.json({ error: hasHeader ? 'Invalid or revoked API key' : 'Missing API key: send Authorization: Bearer <key>' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } })
}
