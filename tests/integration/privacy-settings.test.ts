// A workspace's privacy settings (issue 19, slice 19b): PATCH /api/v1/workspace merges `privacy` into what is stored
// and refuses bad values by name; the settings screen's Privacy form saves the same, owners only; every save tells
// the published-page caches (the 'privacy' change).
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { onChange, type Change } from '#app/changes/signal'
import { db } from '#app/db.server'
import { action as workspacePatch, loader as workspaceGet } from '#app/routes/api.v1.workspace'
import { action as generalAction, loader as generalLoader } from '#app/routes/_app.settings._index'
import { apiKeyCaller, callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'
import { changeMember } from '#app/workspaces/workspace.server'
import { workspaces } from '#db/schema'

const storedPrivacy = async (workspaceId: string) => (await db.select({ privacy: workspaces.privacy }).from(workspaces).where(eq(workspaces.id, workspaceId)))[0]!.privacy

describe('privacy in GET and PATCH /api/v1/workspace', () => {
  test('reads the defaults, merges a partial patch, and tells the caches', async () => {
    const owner = await createOwner({ name: 'Privacy API' })
    const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    expect((await api(workspaceGet, '/api/v1/workspace')).body).toMatchObject({
      privacy: { mode: 'consent', banner: true, cookieDays: 180, retentionMonths: 13, policyUrl: null, bannerText: {}, cmp: null },
    })

    const changes: Change[] = []
    const stop = onChange((change) => changes.push(change))
    try {
      const first = await api(workspacePatch, '/api/v1/workspace', {
        method: 'PATCH',
        body: { privacy: { banner: false, cookieDays: 90, policyUrl: 'https://example.com/privacy', bannerText: { sv: { title: 'Kakor', accept: 'Ja tack' } } } },
      })
      expect(first).toMatchObject({ status: 200, body: { privacy: { mode: 'consent', banner: false, cookieDays: 90, retentionMonths: 13, policyUrl: 'https://example.com/privacy' } } })
      expect(changes).toEqual([{ kind: 'privacy', workspaceId: owner.workspaceId }])

      // A second patch keeps what it does not name; a language's wording is replaced, null removes it.
      const second = await api(workspacePatch, '/api/v1/workspace', {
        method: 'PATCH',
        body: { privacy: { mode: 'cookieless', retentionMonths: 24, bannerText: { de: { body: 'Wir fragen.' }, sv: null } } },
      })
      expect(second.body.privacy).toEqual({
        mode: 'cookieless',
        banner: false,
        cookieDays: 90,
        retentionMonths: 24,
        policyUrl: 'https://example.com/privacy',
        bannerText: { de: { body: 'Wir fragen.' } },
        cmp: null,
      })
      expect(await storedPrivacy(owner.workspaceId)).toMatchObject({ mode: 'cookieless', cookieDays: 90, bannerText: { de: { body: 'Wir fragen.' } } })

      // Changing only the name tells nobody about privacy.
      await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { name: 'Renamed' } })
      expect(changes).toHaveLength(2)

      const cleared = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { policyUrl: null } } })
      expect(cleared.body.privacy.policyUrl).toBeNull()
    } finally {
      stop()
    }
  })

  test('a bad value or an unknown key is a 400 naming it, and changes nothing', async () => {
    const owner = await createOwner({ name: 'Privacy bad' })
    const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const before = await storedPrivacy(owner.workspaceId)
    for (const [privacy, key, message] of [
      [{ mode: 'sometimes' }, 'privacy.mode', /consent, cookieless or cookies/],
      [{ cookieDays: 29 }, 'privacy.cookieDays', /at least 30/],
      [{ cookieDays: 396 }, 'privacy.cookieDays', /at most 395/],
      [{ cookieDays: 100.5 }, 'privacy.cookieDays', /whole number/],
      [{ cookieDays: '180' }, 'privacy.cookieDays', /whole number/],
      [{ retentionMonths: 0 }, 'privacy.retentionMonths', /at least 1/],
      [{ retentionMonths: 121 }, 'privacy.retentionMonths', /at most 120/],
      [{ banner: 'yes' }, 'privacy.banner', /true or false/],
      [{ policyUrl: 'javascript:alert(1)' }, 'privacy.policyUrl', /http/],
      [{ policyUrl: 'not a url' }, 'privacy.policyUrl', /http/],
      [{ bannerText: { xx: { title: 'Hi' } } }, 'privacy.bannerText', /"xx"/],
      [{ bannerText: { sv: { footer: 'Hi' } } }, 'privacy.bannerText.sv', /footer/],
      [{ bannerText: { sv: { accept: 'x'.repeat(41) } } }, 'privacy.bannerText.sv.accept', /at most 40/],
      [{ tracking: true }, 'privacy', /tracking/],
      [{}, 'privacy', /at least one/],
    ] as const) {
      const res = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy } })
      expect(res.status, JSON.stringify(privacy)).toBe(400)
      expect(Object.keys(res.body.errors), JSON.stringify(privacy)).toContain(key)
      expect(res.body.errors[key].join(' '), JSON.stringify(privacy)).toMatch(message)
    }
    expect(await storedPrivacy(owner.workspaceId)).toEqual(before)
  })
})

describe("PATCH /api/v1/workspace is an owner's, as Settings is: a key acts with its creator's role", () => {
  const storedSettings = async (workspaceId: string) =>
    (
      await db
        .select({ name: workspaces.name, timezone: workspaces.timezone, currency: workspaces.currency, alerts: workspaces.alerts, privacy: workspaces.privacy })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId))
    )[0]!

  test("an editor's key reads the settings but changing privacy, alerts or the rest is a 403 naming each key; nothing changes", async () => {
    const owner = await createOwner({ name: 'Privacy keys' })
    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: editor.userId })
    expect((await api(workspaceGet, '/api/v1/workspace')).body).toMatchObject({ privacy: { mode: 'consent' } })
    const before = await storedSettings(owner.workspaceId)
    for (const [body, keys] of [
      [{ privacy: { mode: 'cookies' } }, ['privacy']],
      [{ alerts: { chatWebhookUrl: null } }, ['alerts']],
      [{ name: 'Taken over', timezone: 'Europe/Stockholm', currency: 'SEK' }, ['name', 'timezone', 'currency']],
      [{ privacy: { banner: false }, alerts: { chatWebhookUrl: 'https://hooks.slack.com/services/T0/B0/x' } }, ['alerts', 'privacy']],
    ] as const) {
      const res = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body })
      expect(res.status, JSON.stringify(body)).toBe(403)
      expect(Object.keys(res.body.errors)).toEqual(keys)
      for (const key of keys) expect(res.body.errors[key].join(' ')).toMatch(/owner/)
    }
    expect(await storedSettings(owner.workspaceId)).toEqual(before)
    // A bad value is still named as such (the body is read before the role is asked).
    expect((await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { cookieDays: 1 } } })).status).toBe(400)
  })

  test("an owner's key changes them; an editor's key does once its creator is made owner (the role is read on each call)", async () => {
    const owner = await createOwner({ name: 'Privacy owner key' })
    const ownerApi = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    expect(await ownerApi(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { mode: 'cookieless' }, alerts: { chatWebhookUrl: null } } })).toMatchObject({
      status: 200,
      body: { privacy: { mode: 'cookieless' } },
    })
    const editor = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'editor' })
    const editorApi = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: editor.userId })
    expect((await editorApi(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { mode: 'cookies' } } })).status).toBe(403)
    await changeMember({ workspaceId: owner.workspaceId, userId: editor.userId, role: 'owner' })
    expect(await editorApi(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { mode: 'cookies' } } })).toMatchObject({ status: 200, body: { privacy: { mode: 'cookies' } } })
  })
})

describe('Settings → General → Privacy', () => {
  const form = (overrides: Record<string, string> = {}) => ({ intent: 'privacy', mode: 'consent', banner: 'on', cookieDays: '180', retentionMonths: '13', policyUrl: '', ...overrides })

  test('the owner saves the mode, the banner and its wording; a bad value is a 400 naming it', async () => {
    const owner = await createOwner({ name: 'Privacy screen' })
    const post = (fields: Record<string, string>) => callRoute(generalAction, '/settings', { cookie: owner.cookie, form: fields }).then(readResult)
    const saved = await post(form({ mode: 'cookieless', banner: '', cookieDays: '60', policyUrl: 'https://example.com/p', bannerText_fi_reject: 'Ei kiitos' }))
    expect(saved).toMatchObject({ status: 200, body: { saved: true, form: 'privacy' } })
    expect(await storedPrivacy(owner.workspaceId)).toEqual({
      mode: 'cookieless',
      banner: false,
      cookieDays: 60,
      retentionMonths: 13,
      policyUrl: 'https://example.com/p',
      bannerText: { fi: { reject: 'Ei kiitos' } },
      cmp: null,
    })
    const loaded = await readResult(await callRoute(generalLoader, '/settings', { cookie: owner.cookie }))
    expect(loaded.body).toMatchObject({ privacy: { mode: 'cookieless', cookieDays: 60 }, bannerDefaults: { sv: { accept: 'Godkänn', reject: 'Avvisa' } } })

    const bad = await post(form({ cookieDays: '10' }))
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ form: 'privacy', errors: { fieldErrors: { cookieDays: [expect.stringMatching(/at least 30/)] } } })
    expect((await storedPrivacy(owner.workspaceId)).cookieDays).toBe(60)
  })

  test('an editor or a viewer reads the settings but cannot change them', async () => {
    const owner = await createOwner({ name: 'Privacy roles' })
    for (const role of ['viewer', 'editor'] as const) {
      const member = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role })
      expect((await readResult(await callRoute(generalLoader, '/settings', { cookie: member.cookie }))).body).toMatchObject({ privacy: { mode: 'consent' } })
      const res = await readResult(await callRoute(generalAction, '/settings', { cookie: member.cookie, form: form({ mode: 'cookies' }) }))
      expect(res.status, role).toBe(403)
    }
    expect((await storedPrivacy(owner.workspaceId)).mode).toBe('consent')
  })
})
