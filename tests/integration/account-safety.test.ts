import { describe, expect, test } from 'vitest'
import { createApiKey } from '#app/api-keys/api-key.server'
import { getUser } from '#app/auth/session.server'
import { action as loginAction } from '#app/routes/login'
import { action as securityAction, loader as securityLoader } from '#app/routes/_app.settings.security'
import { action as membersAction, loader as membersLoader } from '#app/routes/_app.settings.members'
import { loader as workspaceApi } from '#app/routes/api.v1.workspace'
import { buildRequest, callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'

// Settings → Security (password, sessions) and what happens to a member's API keys when they leave.

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

/** A session of `email` opened through the login form from a browser with this user agent. */
async function logInFrom(email: string, password: string, userAgent: string) {
  const result = await readResult(await callRoute(loginAction, '/login', { form: { email, password }, headers: { 'User-Agent': userAgent }, ip: `192.0.2.${Math.floor(Math.random() * 250)}` }))
  expect(result.status).toBe(302)
  return result.headers
    .getSetCookie()
    .find((c) => c.startsWith('sf_session='))!
    .split(';')[0]!
}

const isLoggedIn = async (cookie: string) => (await getUser(buildRequest('/', { cookie }))) !== null
const security = async (cookie: string, form: Record<string, string>) => readResult(await callRoute(securityAction, '/settings/security', { cookie, form }))

describe('changing the password', () => {
  test('needs the current password, then ends every other session and keeps this one', async () => {
    const owner = await createOwner()
    const laptop = await logInFrom(owner.email, 'a-long-password', FIREFOX)
    const phone = await logInFrom(owner.email, 'a-long-password', IPHONE)
    const change = { intent: 'changePassword', currentPassword: 'a-long-password', newPassword: 'a brand new password', confirmPassword: 'a brand new password' }

    const wrong = await security(owner.cookie, { ...change, currentPassword: 'not my password' })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toMatchObject({ errors: { fieldErrors: { currentPassword: ['That is not your current password'] } } })
    const mismatch = await security(owner.cookie, { ...change, confirmPassword: 'something else entirely' })
    expect(mismatch.status).toBe(400)
    expect(mismatch.body).toMatchObject({ errors: { fieldErrors: { confirmPassword: ['The two new passwords differ'] } } })
    expect(await isLoggedIn(laptop)).toBe(true)

    const changed = await security(owner.cookie, change)
    expect(changed).toMatchObject({ status: 200, body: { passwordChanged: { endedSessions: 2 } } })
    expect(await isLoggedIn(owner.cookie)).toBe(true)
    expect(await isLoggedIn(laptop)).toBe(false)
    expect(await isLoggedIn(phone)).toBe(false)

    const login = (password: string) => callRoute(loginAction, '/login', { form: { email: owner.email, password }, ip: '192.0.2.77' }).then(readResult)
    expect((await login('a-long-password')).status).toBe(400)
    expect((await login('a brand new password')).status).toBe(302)
  })
})

describe('sessions', () => {
  test('a member sees their own sessions, this one marked, each named by its browser', async () => {
    const owner = await createOwner()
    const other = await createOwner()
    const current = await logInFrom(owner.email, 'a-long-password', FIREFOX)
    await logInFrom(owner.email, 'a-long-password', IPHONE)
    const { sessions } = (await callRoute(securityLoader, '/settings/security', { cookie: current })) as Awaited<ReturnType<typeof securityLoader>>
    // The factory's session (no user agent), the laptop and the phone; not the other owner's.
    expect(sessions).toHaveLength(3)
    expect(sessions.filter((s) => s.isCurrent).map((s) => s.device)).toEqual(['Firefox on Linux'])
    expect(sessions.map((s) => s.device).sort()).toEqual(['Firefox on Linux', 'Safari on iPhone', 'Unknown browser'])
    expect(sessions.every((s) => s.createdAt && s.lastSeenAt)).toBe(true)
    const theirs = (await callRoute(securityLoader, '/settings/security', { cookie: other.cookie })) as Awaited<ReturnType<typeof securityLoader>>
    expect(theirs.sessions.map((s) => s.id)).not.toContain(sessions[0]!.id)
  })

  test('ending one session, the others, or all of them ("log out everywhere")', async () => {
    const owner = await createOwner()
    const stranger = await createOwner()
    const laptop = await logInFrom(owner.email, 'a-long-password', FIREFOX)
    const phone = await logInFrom(owner.email, 'a-long-password', IPHONE)
    const list = async () => ((await callRoute(securityLoader, '/settings/security', { cookie: owner.cookie })) as Awaited<ReturnType<typeof securityLoader>>).sessions
    const phoneId = (await list()).find((s) => s.device === 'Safari on iPhone')!.id

    // Nobody ends another person's session, even knowing its id.
    const strangers = await security(stranger.cookie, { intent: 'endSession', id: phoneId })
    expect(strangers.status).toBe(404)
    expect(await isLoggedIn(phone)).toBe(true)

    expect(await security(owner.cookie, { intent: 'endSession', id: phoneId })).toMatchObject({ status: 200, body: { ended: 1 } })
    expect(await isLoggedIn(phone)).toBe(false)
    expect(await isLoggedIn(laptop)).toBe(true)

    expect(await security(owner.cookie, { intent: 'endOthers' })).toMatchObject({ status: 200, body: { ended: 1 } })
    expect(await isLoggedIn(laptop)).toBe(false)
    expect(await isLoggedIn(owner.cookie)).toBe(true)

    const again = await logInFrom(owner.email, 'a-long-password', FIREFOX)
    const everywhere = await security(owner.cookie, { intent: 'endAll' })
    expect(everywhere.status).toBe(302)
    expect(everywhere.headers.get('Location')).toBe('/login')
    expect(everywhere.headers.get('Set-Cookie')).toMatch(/^sf_session=; Max-Age=0/)
    expect(await isLoggedIn(owner.cookie)).toBe(false)
    expect(await isLoggedIn(again)).toBe(false)
    expect(await isLoggedIn(stranger.cookie)).toBe(true)
  })
})

describe("a member's API keys when they leave", () => {
  const callApi = async (key: string) => (await readResult(await callRoute(workspaceApi, '/api/v1/workspace', { headers: { Authorization: `Bearer ${key}` } }))).status

  test('removing a member revokes the keys they created; the API then answers 401; other keys keep working', async () => {
    const owner = await createOwner()
    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    const theirs = await createApiKey({ workspaceId: owner.workspaceId, name: 'Zapier', createdBy: editor.userId })
    const ours = await createApiKey({ workspaceId: owner.workspaceId, name: 'CRM sync', createdBy: owner.userId })
    expect(await callApi(theirs.key)).toBe(200)

    const { members } = (await callRoute(membersLoader, '/settings/members', { cookie: owner.cookie })) as Awaited<ReturnType<typeof membersLoader>>
    expect(members.find((m) => m.userId === editor.userId)?.activeApiKeys).toBe(1)

    const removed = await readResult(await callRoute(membersAction, '/settings/members', { cookie: owner.cookie, form: { intent: 'remove', userId: editor.userId } }))
    expect(removed).toMatchObject({ status: 200, body: { done: true, revokedKeys: ['Zapier'] } })
    expect(await callApi(theirs.key)).toBe(401)
    expect(await callApi(ours.key)).toBe(200)
  })

  test('a member made viewer loses their keys too; one made owner keeps them', async () => {
    const owner = await createOwner()
    const demoted = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    const promoted = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    const demotedKey = await createApiKey({ workspaceId: owner.workspaceId, name: 'Old script', createdBy: demoted.userId })
    const promotedKey = await createApiKey({ workspaceId: owner.workspaceId, name: 'Warehouse', createdBy: promoted.userId })
    const changeRole = (userId: string, role: string) => callRoute(membersAction, '/settings/members', { cookie: owner.cookie, form: { intent: 'changeRole', userId, role } }).then(readResult)

    expect((await changeRole(demoted.userId, 'viewer')).body).toMatchObject({ revokedKeys: ['Old script'] })
    expect((await changeRole(promoted.userId, 'owner')).body).toMatchObject({ revokedKeys: [] })
    expect(await callApi(demotedKey.key)).toBe(401)
    expect(await callApi(promotedKey.key)).toBe(200)
  })
})
