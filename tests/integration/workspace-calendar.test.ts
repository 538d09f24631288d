// The workspace's calendar and money (issue 18, decision 072): PATCH /api/v1/workspace and the settings screen set
// the time zone and currency, sign-up guesses them from the browser, and the KPI report counts the workspace's
// local days and names its currency.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { listLeads } from '#app/leads/list.server'
import type { KpiReport } from '#app/kpis/shape'
import { loader as kpisLoader } from '#app/routes/api.v1.kpis'
import { action as workspacePatch, loader as workspaceGet } from '#app/routes/api.v1.workspace'
import { action as generalAction } from '#app/routes/_app.settings._index'
import { action as signupAction } from '#app/routes/signup'
import { writePageViews } from '#app/visitors/page-views.server'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { insertLead, insertPage } from '#tests/factories/lead-rows'
import { workspaces } from '#db/schema'

const calendarOf = async (workspaceId: string) =>
  (await db.select({ name: workspaces.name, timezone: workspaces.timezone, currency: workspaces.currency }).from(workspaces).where(eq(workspaces.id, workspaceId)))[0]

describe('GET and PATCH /api/v1/workspace', () => {
  test('reads and changes the timezone, currency and name; a bad one is a 400 naming it and changes nothing', async () => {
    const a = await createOwner({ name: 'Anna' })
    const b = await createOwner({ name: 'Bo' })
    const api = await apiKeyCaller({ workspaceId: a.workspaceId, createdBy: a.userId })
    expect(await api(workspaceGet, '/api/v1/workspace')).toMatchObject({ status: 200, body: { id: a.workspaceId, timezone: 'UTC', currency: 'EUR' } })

    const changed = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { timezone: 'Europe/Stockholm', currency: 'SEK', name: 'Anna AB' } })
    expect(changed).toMatchObject({ status: 200, body: { id: a.workspaceId, name: 'Anna AB', timezone: 'Europe/Stockholm', currency: 'SEK' } })
    expect(await api(workspaceGet, '/api/v1/workspace')).toMatchObject({ body: { timezone: 'Europe/Stockholm', currency: 'SEK' } })

    for (const [body, field, message] of [
      [{ timezone: 'Europe/Stokholm' }, 'timezone', /Unknown time zone "Europe\/Stokholm"/],
      [{ currency: 'SEKK' }, 'currency', /Unknown currency "SEKK"/],
      [{ timezone: 'UTC', currency: 'XYZ' }, 'currency', /"XYZ"/],
      [{ privacy: {} }, '', /privacy/],
      [{}, '', /at least one/],
    ] as const) {
      const res = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(field ? res.body.errors[field].join(' ') : JSON.stringify(res.body.errors)).toMatch(message)
    }
    expect((await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: 'not json' })).status).toBe(400)
    expect(await calendarOf(a.workspaceId)).toEqual({ name: 'Anna AB', timezone: 'Europe/Stockholm', currency: 'SEK' })
    // UTC itself is accepted though Intl does not list it; a currency in lower case is not a code.
    expect((await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { timezone: 'UTC' } })).status).toBe(200)
    expect((await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { currency: 'sek' } })).status).toBe(400)

    // A's key reaches A alone: B is as it was, and B's own key still reads B.
    expect(await calendarOf(b.workspaceId)).toEqual({ name: "Bo's workspace", timezone: 'UTC', currency: 'EUR' })
    const bApi = await apiKeyCaller({ workspaceId: b.workspaceId, createdBy: b.userId })
    expect(await bApi(workspaceGet, '/api/v1/workspace')).toMatchObject({ body: { id: b.workspaceId, timezone: 'UTC', currency: 'EUR' } })
    // Only GET and PATCH.
    expect((await api(workspacePatch, '/api/v1/workspace', { method: 'POST', body: { currency: 'SEK' } })).status).toBe(405)
    expect((await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { currency: 'SEK' }, auth: false })).status).toBe(401)
  })

  test('a new timezone says the rollups are being rebuilt and how many page views are counted again', async () => {
    const owner = await createOwner({ name: 'Rebuild' })
    const page = await insertPage({ workspaceId: owner.workspaceId })
    const at = new Date('2026-11-22T23:30:00Z')
    await writePageViews([{ workspaceId: owner.workspaceId, pageId: page.id, variantKey: 'A', visitorId: randomUUID(), device: 'desktop', channel: 'direct', path: '/p/x', viewedAt: at }])
    const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const res = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { timezone: 'Europe/Stockholm' } })
    expect(res.body).toMatchObject({ timezone: 'Europe/Stockholm', rollups: { rebuilding: true, pageViewsRequeued: 1 } })
    expect((await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { currency: 'SEK' } })).body).not.toHaveProperty('rollups')
  })
})

describe('Settings → General', () => {
  test('the owner sets the zone and currency; a bad zone is a 400 naming it', async () => {
    const owner = await createOwner({ name: 'Settings' })
    const post = (form: Record<string, string>) => callRoute(generalAction, '/settings', { cookie: owner.cookie, form }).then(readResult)
    expect(await post({ name: 'Settings AB', timezone: 'Europe/Copenhagen', currency: 'DKK' })).toMatchObject({ status: 200, body: { saved: true, requeued: 0 } })
    expect(await calendarOf(owner.workspaceId)).toEqual({ name: 'Settings AB', timezone: 'Europe/Copenhagen', currency: 'DKK' })
    const bad = await post({ name: 'Settings AB', timezone: 'Mars/Olympus', currency: 'DKK' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('Unknown time zone \\"Mars/Olympus\\"')
    expect((await calendarOf(owner.workspaceId))?.timezone).toBe('Europe/Copenhagen')
  })
})

describe('sign-up', () => {
  test.each([
    [
      { timeZone: 'Europe/Stockholm', locale: 'en-GB' },
      { timezone: 'Europe/Stockholm', currency: 'SEK' },
    ],
    [
      { timeZone: 'America/New_York', locale: 'da-DK' },
      { timezone: 'America/New_York', currency: 'DKK' },
    ],
    [
      { timeZone: 'Europe/Berlin', locale: 'sv' },
      { timezone: 'Europe/Berlin', currency: 'EUR' },
    ],
    [
      { timeZone: 'Not/AZone', locale: 'nb-NO' },
      { timezone: 'UTC', currency: 'NOK' },
    ],
    [{}, { timezone: 'UTC', currency: 'EUR' }],
  ])('the browser says %j: the workspace starts with %j', async (browser, want) => {
    const workspaceName = `New ${randomUUID()}`
    const form = { name: 'New Person', email: `new-${randomUUID()}@example.com`, password: 'a long enough password', workspaceName, ...browser }
    expect((await readResult(await callRoute(signupAction, '/signup', { form }))).status).toBe(302)
    const [row] = await db.select({ timezone: workspaces.timezone, currency: workspaces.currency }).from(workspaces).where(eq(workspaces.name, workspaceName))
    expect(row).toEqual(want)
  })
})

describe('the KPI report in the workspace’s zone and currency', () => {
  test('in Stockholm a view and a lead at 23:30 UTC count on the next day; the API names the currency', async () => {
    const owner = await createOwner({ name: 'Stockholm' })
    await db.update(workspaces).set({ timezone: 'Europe/Stockholm', currency: 'SEK' }).where(eq(workspaces.id, owner.workspaceId))
    const page = await insertPage({ workspaceId: owner.workspaceId })
    const at = new Date('2026-11-22T23:30:00Z')
    await writePageViews([{ workspaceId: owner.workspaceId, pageId: page.id, variantKey: 'A', visitorId: randomUUID(), device: 'desktop', channel: 'direct', path: '/p/x', viewedAt: at }])
    const lead = await insertLead({ workspaceId: owner.workspaceId, createdAt: at })
    const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const report = async (from: string, to: string) => (await api(kpisLoader, `/api/v1/kpis?from=${from}&to=${to}&compare=none`)).body as KpiReport

    const next = await report('2026-11-23', '2026-11-23')
    expect({ currency: next.currency, timeZone: next.timeZone }).toEqual({ currency: 'SEK', timeZone: 'Europe/Stockholm' })
    expect({ visitors: next.summary.visitors.value, leads: next.summary.leads.value, pageViews: next.summary.pageViews.value }).toEqual({ visitors: 1, leads: 1, pageViews: 1 })
    const before = await report('2026-11-22', '2026-11-22')
    expect({ visitors: before.summary.visitors.value, leads: before.summary.leads.value }).toEqual({ visitors: 0, leads: 0 })
    const both = await report('2026-11-22', '2026-11-23')
    expect(both.daily.map((d) => [d.day, d.visitors, d.leads])).toEqual([
      ['2026-11-22', 0, 0],
      ['2026-11-23', 1, 1],
    ])
    // The inbox behind the day's leads counts the same local day.
    const listed = async (from: string) => (await listLeads({ workspaceId: owner.workspaceId, timeZone: 'Europe/Stockholm', filters: { from, to: from } })).leads.map((l) => l.id)
    expect(await listed('2026-11-23')).toEqual([lead.id])
    expect(await listed('2026-11-22')).toEqual([])
  })
})
