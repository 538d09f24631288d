import { describe, expect, test } from 'vitest'
import { createApiKey, listApiKeys } from '#app/api-keys/api-key.server'
import { createInvite } from '#app/workspaces/invites.server'
import { loader as appLoader } from '#app/routes/_app'
import { action as apiKeysAction, loader as apiKeysLoader } from '#app/routes/_app.settings.api-keys'
import { action as membersAction, loader as membersLoader } from '#app/routes/_app.settings.members'
import { action as generalAction } from '#app/routes/_app.settings._index'
import { action as inviteAction, loader as inviteLoader } from '#app/routes/invite.$token'
import { action as signupAction } from '#app/routes/signup'
import { callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'

describe('workspace isolation', () => {
  test("a member of workspace B gets 404 for workspace A's resources by id", async () => {
    const a = await createOwner({ name: 'Alice' })
    const b = await createOwner({ name: 'Bob' })
    const aKey = await createApiKey({ workspaceId: a.workspaceId, name: 'A key', createdBy: a.userId })
    const aInvite = await createInvite({ workspaceId: a.workspaceId, role: 'editor', email: null, createdBy: a.userId })
    const aInviteId = aInvite.id

    const revokeKey = await readResult(await callRoute(apiKeysAction, '/settings/api-keys', { cookie: b.cookie, form: { intent: 'revoke', id: aKey.id } }))
    expect(revokeKey.status).toBe(404)
    const revokeInvite = await readResult(await callRoute(membersAction, '/settings/members', { cookie: b.cookie, form: { intent: 'revokeInvite', id: aInviteId } }))
    expect(revokeInvite.status).toBe(404)
    const demote = await readResult(await callRoute(membersAction, '/settings/members', { cookie: b.cookie, form: { intent: 'changeRole', userId: a.userId, role: 'viewer' } }))
    expect(demote.status).toBe(404)
    const remove = await readResult(await callRoute(membersAction, '/settings/members', { cookie: b.cookie, form: { intent: 'remove', userId: a.userId } }))
    expect(remove.status).toBe(404)

    // Nothing of A's leaks into B's lists, and A's key still works.
    const bKeys = (await readResult(await callRoute(apiKeysLoader, '/settings/api-keys', { cookie: b.cookie }))).body as { keys: { id: string }[] }
    expect(bKeys.keys.map((k) => k.id)).not.toContain(aKey.id)
    const bMembers = (await readResult(await callRoute(membersLoader, '/settings/members', { cookie: b.cookie }))).body as { members: { userId: string }[] }
    expect(bMembers.members.map((m) => m.userId)).toEqual([b.userId])
    expect((await listApiKeys({ workspaceId: a.workspaceId }))[0]!.revokedAt).toBeNull()
  })
})

describe('roles', () => {
  test('viewers read but change nothing; editors manage keys but not members', async () => {
    const owner = await createOwner()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })

    expect((await readResult(await callRoute(apiKeysLoader, '/settings/api-keys', { cookie: viewer.cookie }))).status).toBe(200)
    for (const [fn, path, form] of [
      [apiKeysAction, '/settings/api-keys', { intent: 'create', name: 'k' }],
      [membersAction, '/settings/members', { intent: 'invite', role: 'owner' }],
      [generalAction, '/settings', { name: 'Renamed' }],
    ] as const) {
      const result = await readResult(await callRoute(fn, path, { cookie: viewer.cookie, form }))
      expect(result.status, `${path} as viewer`).toBe(403)
    }

    const created = await readResult(await callRoute(apiKeysAction, '/settings/api-keys', { cookie: editor.cookie, form: { intent: 'create', name: 'CRM' } }))
    expect(created.status).toBe(200)
    expect((created.body as { created: { key: string } }).created.key).toMatch(/^sf_/)
    const invite = await readResult(await callRoute(membersAction, '/settings/members', { cookie: editor.cookie, form: { intent: 'invite', role: 'editor' } }))
    expect(invite.status).toBe(403)
  })

  test('a workspace always keeps an owner', async () => {
    const owner = await createOwner()
    const result = await readResult(await callRoute(membersAction, '/settings/members', { cookie: owner.cookie, form: { intent: 'changeRole', userId: owner.userId, role: 'editor' } }))
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.body)).toMatch(/at least one owner/)
  })

  test('unknown intents and malformed ids are 400s naming the problem', async () => {
    const owner = await createOwner()
    const bad = await readResult(await callRoute(membersAction, '/settings/members', { cookie: owner.cookie, form: { intent: 'explode' } }))
    expect(bad.status).toBe(400)
    const badId = await readResult(await callRoute(apiKeysAction, '/settings/api-keys', { cookie: owner.cookie, form: { intent: 'revoke', id: 'not-a-uuid' } }))
    expect(badId.status).toBe(400)
    expect(JSON.stringify(badId.body)).toMatch(/Unknown key/)
  })
})

describe('invites', () => {
  test('an owner invites; the link signs a new person up into that workspace, once', async () => {
    const owner = await createOwner({ name: 'Inviter' })
    const created = await readResult(await callRoute(membersAction, '/settings/members', { cookie: owner.cookie, form: { intent: 'invite', role: 'viewer', email: '' } }))
    const inviteUrl = (created.body as { inviteUrl: string }).inviteUrl
    const token = new URL(inviteUrl).pathname.split('/').pop()!

    const landing = await readResult(await callRoute(inviteLoader, `/invite/${token}`, { params: { token } }))
    expect(landing.body).toMatchObject({ workspaceName: "Inviter's workspace", role: 'viewer' })

    const form = { name: 'New', email: `new-${token.slice(0, 6)}@example.com`, password: 'long enough pw', inviteToken: token }
    const joined = await readResult(await callRoute(signupAction, '/signup', { form, ip: `192.0.2.${token.length}` }))
    expect(joined.status).toBe(302)
    const cookie = joined.headers.get('Set-Cookie')!.split(';')[0]!
    const shell = (await readResult(await callRoute(appLoader, '/dashboard', { cookie }))).body as { workspace: { id: string }; role: string }
    expect(shell).toMatchObject({ workspace: { id: owner.workspaceId }, role: 'viewer' })

    const reused = await readResult(await callRoute(inviteLoader, `/invite/${token}`, { params: { token } }))
    expect(reused.status).toBe(404)
  })

  test('a logged-in user accepts an invite and lands in the new workspace', async () => {
    const owner = await createOwner()
    const other = await createOwner({ name: 'Other' })
    const { token } = await createInvite({ workspaceId: owner.workspaceId, role: 'editor', email: null, createdBy: owner.userId })
    const accepted = await readResult(await callRoute(inviteAction, `/invite/${token}`, { cookie: other.cookie, form: {}, params: { token } }))
    expect(accepted.status).toBe(302)
    const shell = (await readResult(await callRoute(appLoader, '/dashboard', { cookie: other.cookie }))).body as { workspace: { id: string }; workspaces: unknown[] }
    expect(shell.workspace.id).toBe(owner.workspaceId)
    expect(shell.workspaces).toHaveLength(2)
  })
})
