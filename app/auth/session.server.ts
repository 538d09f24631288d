import { createHash, randomBytes } from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import { and, eq, gt } from 'drizzle-orm'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { db } from '#app/db.server'
import { getEnv } from '#app/env.server'
import { memberships, sessions, users, workspaces, type Role } from '#db/schema'

const SESSION_DAYS = 30

let sessionCookie: ReturnType<typeof createCookie> | undefined
function getSessionCookie() {
  const env = getEnv()
  sessionCookie ??= createCookie('sf_session', {
    secrets: [env.sessionSecret],
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production',
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600,
  })
  return sessionCookie
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

/** Starts a brand-new session (a fresh id at every login) and returns its Set-Cookie header. */
export async function createSession({ userId, workspaceId }: { userId: string; workspaceId: string | null }) {
  const token = randomBytes(32).toString('base64url')
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId,
    workspaceId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
  })
  return getSessionCookie().serialize(token)
}

async function readToken(request: Request): Promise<string | null> {
  const value = await getSessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' ? value : null
}

export async function destroySession(request: Request) {
  const token = await readToken(request)
  if (token) await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)))
  return getSessionCookie().serialize('', { maxAge: 0 })
}

export type CurrentUser = { id: string; email: string; name: string; sessionHash: string }
export type Member = {
  user: CurrentUser
  workspace: { id: string; name: string }
  role: Role
}

/** The logged-in user, or null. */
export async function getUser(request: Request): Promise<(CurrentUser & { workspaceId: string | null }) | null> {
  const token = await readToken(request)
  if (!token) return null
  const idHash = hashToken(token)
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, workspaceId: sessions.workspaceId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date())))
  return row ? { ...row, sessionHash: idHash } : null
}

const roleRank: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 }

/**
 * The logged-in member of the session's current workspace, or a redirect to log in.
 * Mutating requests are CSRF-checked here, so every admin action that calls this is protected.
 * With `role`, members below it get 403: viewers change nothing.
 */
export async function requireMember(request: Request, { role = 'viewer' }: { role?: Role } = {}): Promise<Member> {
  assertSameOrigin(request)
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
  }
  const membership = await findMembership(user.id, user.workspaceId)
  if (!membership) throw redirect('/workspaces/new')
  if (user.workspaceId !== membership.workspace.id) await switchSessionWorkspace(user.sessionHash, membership.workspace.id)
  if (roleRank[membership.role] < roleRank[role]) {
    throw new Response(`Your role (${membership.role}) cannot do this; ask an owner.`, { status: 403 })
  }
  const { workspaceId: _ignored, ...plainUser } = user
  return { user: plainUser, workspace: membership.workspace, role: membership.role }
}

// The session's workspace if the user still belongs to it, else their oldest membership.
async function findMembership(userId: string, preferredWorkspaceId: string | null) {
  const rows = await db
    .select({ role: memberships.role, workspace: { id: workspaces.id, name: workspaces.name } })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt)
  return rows.find((r) => r.workspace.id === preferredWorkspaceId) ?? rows[0] ?? null
}

export async function switchSessionWorkspace(sessionHash: string, workspaceId: string) {
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.idHash, sessionHash))
}

/** Only same-site relative paths, so a crafted link cannot send a user elsewhere after login. */
export function safeRedirectTo(value: unknown, fallback = '/dashboard') {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback
  }
  return value
}
