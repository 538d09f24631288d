import { randomUUID } from 'node:crypto'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { createApiKey } from '#app/api-keys/api-key.server'
import { createAccount } from '#app/auth/user.server'
import { createSession } from '#app/auth/session.server'
import { createInvite, acceptInvite } from '#app/workspaces/invites.server'
import type { Role } from '#db/schema'

export const BASE_URL = 'http://app.test'

/** A new user who owns a new workspace, and a Cookie header for a logged-in session of theirs. */
export async function createOwner({ name = 'Olive Owner' }: { name?: string } = {}) {
  const email = `owner-${randomUUID()}@example.com`
  const account = await createAccount({ name, email, password: 'a-long-password', workspaceName: `${name}'s workspace` })
  if ('error' in account) throw new Error(account.error)
  return { userId: account.userId, workspaceId: account.workspaceId!, email, cookie: await loginCookie(account.userId, account.workspaceId) }
}

/** A new user who joins `workspaceId` with `role` through a real invite. */
export async function createMember({ workspaceId, invitedBy, role }: { workspaceId: string; invitedBy: string; role: Role }) {
  const email = `${role}-${randomUUID()}@example.com`
  const account = await createAccount({ name: `A ${role}`, email, password: 'a-long-password', workspaceName: null })
  if ('error' in account) throw new Error(account.error)
  const { token } = await createInvite({ workspaceId, role, email, createdBy: invitedBy })
  await acceptInvite({ token, userId: account.userId })
  return { userId: account.userId, email, cookie: await loginCookie(account.userId, workspaceId) }
}

export async function loginCookie(userId: string, workspaceId: string | null) {
  const setCookie = await createSession({ userId, workspaceId })
  return setCookie.split(';')[0]!
}

type RequestOptions = { method?: string; cookie?: string; form?: Record<string, string>; headers?: Record<string, string>; ip?: string }

export function buildRequest(path: string, { method, cookie, form, headers = {} }: RequestOptions = {}) {
  return new Request(new URL(path, BASE_URL), {
    method: method ?? (form ? 'POST' : 'GET'),
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(form ? { Origin: BASE_URL } : {}), ...headers },
    body: form ? new URLSearchParams(form) : undefined,
  })
}

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown

/**
 * Calls a loader or action like Remix does and returns what came out, thrown Responses included,
 * so tests can assert on redirects and 404s the same way as on data.
 */
export async function callRoute(fn: RouteFunction, path: string, options: RequestOptions & { params?: Record<string, string> } = {}) {
  const request = buildRequest(path, options)
  try {
    return await fn({ request, params: options.params ?? {}, context: { clientIp: options.ip ?? '203.0.113.7' } })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** Status and body of whatever a route returned: a Response, `data()` or a plain object (200). */
export async function readResult(result: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  if (result instanceof Response) {
    const text = await result.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON: the body stays text
    }
    return { status: result.status, body, headers: result.headers }
  }
  if (result && typeof result === 'object' && 'type' in result && (result as { type: string }).type === 'DataWithResponseInit') {
    const d = result as unknown as { data: unknown; init: ResponseInit | null }
    return { status: d.init?.status ?? 200, body: d.data, headers: new Headers(d.init?.headers) }
  }
  return { status: 200, body: result, headers: new Headers() }
}

export type ApiCall = (
  fn: unknown,
  path: string,
  options?: { method?: string; body?: unknown; params?: Record<string, string>; auth?: boolean },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read API bodies by path; a wrong path fails the test
) => Promise<{ status: number; body: any; headers: Headers }>

/**
 * Calls API route modules in process with a new API key of `workspaceId`, like Remix does (thrown Responses
 * included). A string body is sent as it is, anything else as JSON; `auth: false` leaves the key out.
 */
export async function apiKeyCaller({ workspaceId, createdBy, name = 'tests' }: { workspaceId: string; createdBy: string; name?: string }): Promise<ApiCall> {
  const { key } = await createApiKey({ workspaceId, name, createdBy })
  return async (fn, path, { method = 'GET', body, params = {}, auth = true } = {}) => {
    const request = new Request(new URL(path, BASE_URL), {
      method,
      headers: { ...(auth ? { Authorization: `Bearer ${key}` } : {}), 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    return readResult(await (fn as (a: unknown) => Promise<unknown>)({ request, params, context: { clientIp: '203.0.113.9' } }).catch((e: unknown) => e))
  }
}
