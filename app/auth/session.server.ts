import { randomBytes } from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import { and, eq, gt } from 'drizzle-orm'
import { assertSameOrigin } from '#app/auth/csrf.server'
import { hashToken } from '#app/auth/token-hash'
import { isEmailVerificationRequired } from '#app/auth/verification.server'
import { db } from '#app/db.server'
import { getEnv } from '#app/env.server'
import type { SessionCookieState } from '#app/auth/cookie-check'
import { isSecureRequest } from '#app/http/secure-cookies.server'
import type { WorkspaceCalendar } from '#app/workspaces/locale'
import { memberships, sessions, users, workspaces, type Role } from '#db/schema'

const SESSION_DAYS = 30
// Last seen is written at most this often per session: a busy member must not turn every request into an update.
const LAST_SEEN_EVERY_MS = 5 * 60 * 1000

const SESSION_COOKIE = 'sf_session'
const SESSION_COOKIE_PRESENT = /(?:^|;)\s*sf_session=[^;\s]/

// Secure is decided per request (app/http/secure-cookies.server.ts), so it is passed to serialize, not fixed here.
let sessionCookie: ReturnType<typeof createCookie> | undefined
function getSessionCookie() {
  sessionCookie ??= createCookie(SESSION_COOKIE, {
    secrets: [getEnv().sessionSecret],
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600,
  })
  return sessionCookie
}

const hashSessionToken = hashToken

/**
 * Starts a brand-new session (a fresh id at every login) and returns its Set-Cookie header. `request` is the
 * login's: it decides Secure and names the browser in the member's session list.
 */
export async function createSession({ userId, workspaceId, request }: { userId: string; workspaceId: string | null; request?: Request }) {
  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  await db.insert(sessions).values({
    idHash: hashSessionToken(token),
    userId,
    workspaceId,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000),
    userAgent: request?.headers.get('User-Agent')?.slice(0, 500) ?? null,
    lastSeenAt: now,
  })
  return getSessionCookie().serialize(token, { secure: request ? isSecureRequest(request) : false })
}

/** The Set-Cookie header that removes the session cookie. */
export function clearSessionCookie(request: Request) {
  return getSessionCookie().serialize('', { maxAge: 0, secure: isSecureRequest(request) })
}

async function readToken(request: Request): Promise<string | null> {
  const value = await getSessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' ? value : null
}

export async function destroySession(request: Request) {
  const token = await readToken(request)
  if (token) await db.delete(sessions).where(eq(sessions.idHash, hashSessionToken(token)))
  return clearSessionCookie(request)
}

/** Whether the request carries a live session, and if not, why: for explaining a login that did not stick. */
export async function inspectSessionCookie(request: Request): Promise<'ok' | SessionCookieState> {
  if (!SESSION_COOKIE_PRESENT.test(request.headers.get('Cookie') ?? '')) return 'absent'
  if (!(await readToken(request))) return 'unverifiable'
  return (await getUser(request)) ? 'ok' : 'ended'
}

export type CurrentUser = { id: string; email: string; name: string; locale: string | null; sessionHash: string }
export type Member = {
  user: CurrentUser
  workspace: WorkspaceCalendar & { id: string; name: string }
  role: Role
}

/** The logged-in user, or null. */
export async function getUser(request: Request): Promise<(CurrentUser & { workspaceId: string | null; isEmailVerified: boolean }) | null> {
  const token = await readToken(request)
  if (!token) return null
  const idHash = hashSessionToken(token)
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, workspaceId: sessions.workspaceId, lastSeenAt: sessions.lastSeenAt, emailVerifiedAt: users.emailVerifiedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date())))
  if (!row) return null
  if (!row.lastSeenAt || Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash))
  }
  const { lastSeenAt: _seen, emailVerifiedAt, ...user } = row
  return { ...user, isEmailVerified: emailVerifiedAt !== null, sessionHash: idHash }
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
  // Only when the installation asks for it (REQUIRE_EMAIL_VERIFICATION): otherwise nobody is ever sent there.
  if (!user.isEmailVerified && isEmailVerificationRequired()) throw redirect('/verify-email')
  const membership = await findMembership(user.id, user.workspaceId)
  if (!membership) throw redirect('/workspaces/new')
  if (user.workspaceId !== membership.workspace.id) await switchSessionWorkspace(user.sessionHash, membership.workspace.id)
  if (roleRank[membership.role] < roleRank[role]) {
    throw new Response(`Your role (${membership.role}) cannot do this; ask an owner.`, { status: 403 })
  }
  const { workspaceId: _ignored, isEmailVerified: _verified, ...plainUser } = user
  return { user: plainUser, workspace: membership.workspace, role: membership.role }
}

// The session's workspace if the user still belongs to it, else their oldest membership.
async function findMembership(userId: string, preferredWorkspaceId: string | null) {
  const rows = await db
    .select({ role: memberships.role, workspace: { id: workspaces.id, name: workspaces.name, timezone: workspaces.timezone, currency: workspaces.currency } })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt)
  return rows.find((r) => r.workspace.id === preferredWorkspaceId) ?? rows[0] ?? null
}

export async function switchSessionWorkspace(sessionHash: string, workspaceId: string) {
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.idHash, sessionHash))
}
