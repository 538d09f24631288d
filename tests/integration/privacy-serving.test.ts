// Serving published pages by the workspace's privacy mode (issue 19, decision 083): what each first response sets on
// the device, how views and exposures counted cookieless are stored, and how a conversion finds the variant its view
// served through the signed exposure in the form (never through a posted `_variant`). Real PostgreSQL, a real
// HTTP server in this process.
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { restoreHeldSubmission } from '#app/conversions/held-submissions.server'
import { db, queryRows } from '#app/db.server'
import { getExperimentResults } from '#app/experiments/results/queries.server'
import { flushPageViews } from '#app/visitors/page-views.server'
import { updateWorkspace } from '#app/workspaces/workspace.server'
import type { PrivacyMode } from '#db/enums'
import { conversions, experimentConversions, exposures, pageViews, spamSubmissions } from '#db/schema'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'
import { BROWSER_UA, hiddenFieldsOf, loopbackAddress, postFrom, startVisitorServer } from '#tests/factories/published-forms'
import { setPrivacyMode } from '#tests/factories/privacy'

const IDENTIFYING = /^(sf_vid|sf_ft|sf_lt|sf_x_[0-9a-f]+)=/
/** A Set-Cookie line that stores an identifying cookie (one that expires it does not). */
const storesIdentifying = (line: string) => IDENTIFYING.test(line) && !/; Max-Age=0(;|$)/.test(line)

let server: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (server = await startVisitorServer()))
afterAll(() => server.close())

/** A running 50/50 experiment on a published page with a form, its workspace in `mode`. */
async function experimentIn(mode: PrivacyMode, { coverage = 1 }: { coverage?: number } = {}) {
  const { owner, api } = await experimentApi()
  const page = await publishExperimentPage(owner, { privacyMode: mode })
  const variants = [
    { key: 'A', weight: 0.5 },
    { key: 'B', weight: 0.5 },
  ]
  const created = await api.create({ pageId: page.pageId, name: `Privacy ${mode}`, variants, coverage })
  const id = created.body.id as string
  expect((await api.act(id, 'start')).body).toMatchObject({ status: 'running' })
  return { owner, page, id }
}

type Served = { status: number; html: string; setCookies: string[]; cookie: string; variant: string }

/** A browser's GET of the page, sending `cookie`; `query` after the slug; `from`: the client's address. */
function view(slug: string, { cookie = '', query = '', from = '127.0.0.1' }: { cookie?: string; query?: string; from?: string } = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'User-Agent': BROWSER_UA, ...(cookie ? { Cookie: cookie } : {}) }
    const req = http.get(`${server.url}/p/${slug}${query}`, { headers, localAddress: from }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const html = Buffer.concat(chunks).toString()
        const setCookies = [res.headers['set-cookie'] ?? []].flat()
        const sent = setCookies.map((c) => c.split(';')[0]!)
        resolve({ status: res.statusCode!, html, setCookies, cookie: [cookie, ...sent].filter(Boolean).join('; '), variant: /data-variant="([A-Z]+)"/.exec(html)?.[1] ?? '' })
      })
    })
    req.on('error', reject)
  })
}

/** The form post as the page script sends it, with the page's hidden fields and `overrides`. */
async function submit(slug: string, served: Served, overrides: Record<string, string> = {}, cookie = served.cookie) {
  const headers = { 'User-Agent': BROWSER_UA, Accept: 'application/json', 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }
  const body = JSON.stringify({ ...hiddenFieldsOf(served.html), _idem: randomUUID(), email: `${randomUUID()}@example.com`, consent: true, ...overrides })
  const response = await postFrom(loopbackAddress(), `${server.url}/p/${slug}`, { headers, body })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { conversionId: string }).conversionId
}

const viewsOf = (pageId: string) => db.select().from(pageViews).where(eq(pageViews.pageId, pageId))
const exposuresOf = (experimentId: string) => db.select().from(exposures).where(eq(exposures.experimentId, experimentId))
const countedFor = (experimentId: string, conversionId: string) =>
  db
    .select({ visitorId: experimentConversions.visitorId, variantKey: experimentConversions.variantKey, metric: experimentConversions.metric })
    .from(experimentConversions)
    .where(and(eq(experimentConversions.experimentId, experimentId), eq(experimentConversions.conversionId, conversionId), eq(experimentConversions.metric, 'any')))

describe('the first response sets exactly what the mode allows', () => {
  test('cookies: the visitor, first-touch, last-touch and assignment cookies, as before', async () => {
    const { page } = await experimentIn('cookies')
    const served = await view(page.slug, { query: '?utm_source=news&utm_medium=email' })
    const names = served.setCookies.map((c) => c.split('=')[0]!)
    expect(names).toEqual(expect.arrayContaining(['sf_vid', 'sf_ft', 'sf_lt']))
    expect(names.some((n) => n.startsWith('sf_x_'))).toBe(true)
    expect(served.setCookies.find((c) => c.startsWith('sf_vid='))).toContain(`Max-Age=${365 * 86400}`)
  })

  test.each([
    ['consent without a choice', 'consent', ''],
    ['consent after a denial', 'consent', 'sf_consent=denied'],
    ['cookieless', 'cookieless', ''],
    ['cookieless, even with a granted choice', 'cookieless', 'sf_consent=granted'],
  ] as const)('%s: no identifying cookie, and none sent is read', async (_, mode, consent) => {
    const { page, id } = await experimentIn(mode)
    // A visitor id and an assignment cookie from before (or forged) are ignored, never read or renewed.
    const stale = `sf_vid=${randomUUID()}; sf_x_${id.replace(/-/g, '').slice(0, 12)}=B`
    const first = await view(page.slug, { query: '?utm_source=news&utm_medium=email', cookie: consent })
    const again = await view(page.slug, { cookie: [consent, stale].filter(Boolean).join('; ') })
    for (const served of [first, again]) {
      expect(served.status).toBe(200)
      expect(served.setCookies.filter(storesIdentifying)).toEqual([])
      // The server never sets the choice either: the banner (or the site's consent tool) does.
      expect(served.setCookies.filter((c) => c.startsWith('sf_consent='))).toEqual([])
    }
    await flushPageViews()
    const stored = await viewsOf(page.pageId)
    expect(stored).toHaveLength(2)
    expect(stored.map((v) => v.visitorId)).not.toContain(stale.slice(7, 43))
    expect(new Set(stored.map((v) => v.visitorId)).size).toBe(2)
    expect(new Set(stored.map((v) => v.consent))).toEqual(new Set([mode === 'cookieless' ? 'cookieless' : consent ? 'denied' : 'pending']))
  })

  test('consent granted: the ordinary cookies, capped at the workspace cookieDays, and one variant across reloads', async () => {
    const { owner, page, id } = await experimentIn('consent')
    await setPrivacyMode(owner.workspaceId, 'consent', { cookieDays: 30 })
    const first = await view(page.slug, { cookie: 'sf_consent=granted', query: '?utm_source=news&utm_medium=email' })
    const byName = new Map(first.setCookies.map((c) => [c.split('=')[0]!, c]))
    for (const name of ['sf_vid', 'sf_ft', 'sf_lt', `sf_x_${id.replace(/-/g, '').slice(0, 12)}`]) expect(byName.get(name), name).toContain(`Max-Age=${30 * 86400}`)
    let cookie = first.cookie
    for (let reload = 0; reload < 5; reload++) {
      const again = await view(page.slug, { cookie })
      expect(again.variant).toBe(first.variant)
      expect(again.setCookies.filter((c) => c.startsWith('sf_vid='))).toEqual([])
      cookie = again.cookie
    }
    await flushPageViews()
    const stored = await viewsOf(page.pageId)
    expect(stored).toHaveLength(6)
    expect(new Set(stored.map((v) => `${v.consent}:${v.visitorId}`))).toEqual(new Set([`granted:${/sf_vid=([^;]+)/.exec(first.cookie)![1]}`]))
    const exposed = await exposuresOf(id)
    expect(exposed.map((e) => [e.variantKey, e.cookieless])).toEqual([[first.variant, false]])
  })
})

describe('withdrawing consent takes the identifying cookies back', () => {
  /** The name of each cookie a line sets, with its value and attributes (what a browser matches to replace it). */
  const expiredBy = (served: Served) => Object.fromEntries(served.setCookies.filter((c) => IDENTIFYING.test(c)).map((c) => [c.split('=')[0]!, c.slice(c.indexOf('=') + 1)]))

  /** A consent-mode visitor who granted and came from a newsletter: the four identifying cookies their browser holds. */
  async function grantedVisitor() {
    const { owner, page, id } = await experimentIn('consent')
    const granted = await view(page.slug, { cookie: 'sf_consent=granted', query: '?utm_source=news&utm_medium=email' })
    const held = granted.cookie.replace('sf_consent=granted; ', '')
    const names = held.split('; ').map((c) => c.split('=')[0]!)
    expect(names.sort()).toEqual(['sf_ft', 'sf_lt', 'sf_vid', `sf_x_${id.replace(/-/g, '').slice(0, 12)}`].sort())
    return { owner, page, id, held, names, visitorId: /sf_vid=([^;]+)/.exec(held)![1]! }
  }

  test('a denial after a grant: each one expires with the attributes it was set with, and the view is counted denied, under a view id of its own', async () => {
    const { page, id, held, names, visitorId } = await grantedVisitor()
    const denied = await view(page.slug, { cookie: `sf_consent=denied; ${held}` })
    expect(denied.status).toBe(200)
    const expired = expiredBy(denied)
    expect(Object.keys(expired).sort()).toEqual([...names].sort())
    for (const name of names) expect(expired[name], name).toBe('; Max-Age=0; Path=/; HttpOnly; SameSite=Lax')
    // Nothing else identifying, and not the choice either (the banner's to set).
    expect(denied.setCookies.filter(storesIdentifying)).toEqual([])
    expect(denied.setCookies.some((c) => c.startsWith('sf_consent='))).toBe(false)
    // A browser that obeyed sends only the choice: nothing left to expire.
    expect((await view(page.slug, { cookie: 'sf_consent=denied' })).setCookies).toEqual([])
    await flushPageViews()
    const stored = await viewsOf(page.pageId)
    const afterDenial = stored.filter((v) => v.visitorId !== visitorId)
    expect(afterDenial.map((v) => v.consent)).toEqual(['denied', 'denied'])
    expect(stored.filter((v) => v.visitorId === visitorId).map((v) => v.consent)).toEqual(['granted'])
    // The old visitor is exposed once (their grant); the denied views only as views of their own.
    const exposed = await exposuresOf(id)
    expect(exposed.filter((e) => e.visitorId === visitorId).map((e) => e.cookieless)).toEqual([false])
  })

  test('a workspace turned cookieless expires what its visitors hold from before, whatever choice they send', async () => {
    const { owner, page, held, names } = await grantedVisitor()
    await setPrivacyMode(owner.workspaceId, 'cookieless')
    for (const choice of ['sf_consent=granted', '']) {
      const served = await view(page.slug, { cookie: [choice, held].filter(Boolean).join('; ') })
      expect(Object.keys(expiredBy(served)).sort(), choice).toEqual([...names].sort())
      expect(served.setCookies.filter(storesIdentifying)).toEqual([])
    }
    await flushPageViews()
    expect(new Set((await viewsOf(page.pageId)).map((v) => v.consent))).toEqual(new Set(['granted', 'cookieless']))
  })

  test('a granting visitor keeps theirs: nothing is expired while the visitor may be identified', async () => {
    const { page, held } = await grantedVisitor()
    const again = await view(page.slug, { cookie: `sf_consent=granted; ${held}` })
    expect(again.setCookies.filter((c) => /; Max-Age=0(;|$)/.test(c))).toEqual([])
  })
})

test('the banner follows the saved settings: a page built with it loses it when the workspace turns it off, and gets it back', async () => {
  const { owner, page } = await experimentIn('consent')
  const hasBanner = async () => (await view(page.slug)).html.includes('data-sf-consent-banner')
  expect(await hasBanner()).toBe(true)
  // The version is kept in memory by its id; the banner is in its template, so the settings must rebuild it.
  await updateWorkspace({ workspaceId: owner.workspaceId, changes: { privacy: { banner: false } } })
  expect(await hasBanner()).toBe(false)
  await updateWorkspace({ workspaceId: owner.workspaceId, changes: { privacy: { banner: true, bannerText: { en: { title: 'Cookies, honestly' } } } } })
  const served = await view(page.slug)
  expect(served.html).toContain('data-sf-consent-banner')
  expect(served.html).toContain('Cookies, honestly')
  await setPrivacyMode(owner.workspaceId, 'cookies')
  expect(await hasBanner()).toBe(false)
})

test('a saved privacy mode applies from the next request in the process that saved it (the page cache forgets the workspace)', async () => {
  const { owner, page } = await experimentIn('cookies')
  expect((await view(page.slug)).setCookies.some((c) => c.startsWith('sf_vid='))).toBe(true)
  // As the settings save does: the row, then changed({ kind: 'privacy' }). No wait for the cache's revalidation.
  await setPrivacyMode(owner.workspaceId, 'cookieless')
  expect((await view(page.slug)).setCookies.filter((c) => IDENTIFYING.test(c))).toEqual([])
  await setPrivacyMode(owner.workspaceId, 'cookies')
  expect((await view(page.slug)).setCookies.some((c) => c.startsWith('sf_vid='))).toBe(true)
})

describe('views counted cookieless', () => {
  test('each view is its own unit: its own id, its own exposure (cookieless), a variant drawn for it alone; the IP is not stored', async () => {
    const { page, id } = await experimentIn('cookieless')
    const from = '127.77.66.55'
    const served = await Promise.all(Array.from({ length: 40 }, () => view(page.slug, { from })))
    // 50/50 per view: 40 views all on one variant would happen about once in 5·10^11.
    expect(new Set(served.map((s) => s.variant))).toEqual(new Set(['A', 'B']))
    await flushPageViews()
    const stored = await viewsOf(page.pageId)
    expect(stored).toHaveLength(40)
    expect(new Set(stored.map((v) => v.visitorId)).size).toBe(40)
    expect(JSON.stringify(stored)).not.toContain(from)
    const exposed = await exposuresOf(id)
    expect(exposed).toHaveLength(40)
    expect(exposed.every((e) => e.cookieless)).toBe(true)
    // The exposure is the view's: same id, same variant.
    const viewVariant = new Map(stored.map((v) => [v.visitorId, v.variantKey]))
    for (const e of exposed) expect(viewVariant.get(e.visitorId)).toBe(e.variantKey)
    const counts = served.reduce<Record<string, number>>((n, s) => ({ ...n, [s.variant]: (n[s.variant] ?? 0) + 1 }), {})
    const [rollup] = await queryRows<{ n: number }>(db, sql`select coalesce(sum(count), 0)::int as n from experiment_daily where experiment_id = ${id} and metric = ''`)
    expect(rollup!.n).toBe(40)
    expect(counts.A! + counts.B!).toBe(40)
  })

  test('coverage is honoured per view: views outside it see the control, uncounted in the experiment and without a token', async () => {
    const { page, id } = await experimentIn('cookieless', { coverage: 0.3 })
    const served = await Promise.all(Array.from({ length: 40 }, () => view(page.slug)))
    await flushPageViews()
    const exposed = await exposuresOf(id)
    expect(exposed.length).toBeGreaterThan(0)
    expect(exposed.length).toBeLessThan(40)
    const withToken = served.filter((s) => hiddenFieldsOf(s.html)._x !== '')
    expect(withToken).toHaveLength(exposed.length)
    for (const s of served.filter((s) => hiddenFieldsOf(s.html)._x === '')) expect(s.variant).toBe('A')
  })
})

describe('cookieless attribution', () => {
  test('a conversion is counted for the view and the variant it served, whatever `_variant` says', async () => {
    const { page, id } = await experimentIn('consent')
    let served: Served[] = []
    // Views until both variants were served (per view, 50/50).
    while (new Set(served.map((s) => s.variant)).size < 2) served = [...served, await view(page.slug)]
    const a = served.find((s) => s.variant === 'A')!
    const b = served.find((s) => s.variant === 'B')!
    expect(hiddenFieldsOf(a.html)._x).not.toBe('')
    await flushPageViews()

    const fromA = await submit(page.slug, a, { _variant: 'B' })
    const fromB = await submit(page.slug, b)
    const countedA = await countedFor(id, fromA)
    const countedB = await countedFor(id, fromB)
    expect(countedA.map((c) => c.variantKey)).toEqual(['A'])
    expect(countedB.map((c) => c.variantKey)).toEqual(['B'])
    // Each is counted under its view's own id: the id of a stored cookieless exposure of that variant and a page view.
    const exposed = new Map((await exposuresOf(id)).map((e) => [e.visitorId, e]))
    const viewIds = new Set((await viewsOf(page.pageId)).map((v) => v.visitorId))
    for (const [c, variant] of [
      [countedA[0]!, 'A'],
      [countedB[0]!, 'B'],
    ] as const) {
      expect(exposed.get(c.visitorId)).toMatchObject({ variantKey: variant, cookieless: true })
      expect(viewIds.has(c.visitorId)).toBe(true)
    }
    const [rowA] = await db.select().from(conversions).where(eq(conversions.id, fromA))
    expect(rowA).toMatchObject({ experimentId: id, variantKey: 'A', visitorId: countedA[0]!.visitorId })
    // The same view converting again counts once.
    const repeat = await submit(page.slug, a)
    expect(await countedFor(id, repeat)).toEqual([])
  })

  test('a forged or tampered token, a token of another experiment, or a bare `_variant` never moves a conversion', async () => {
    const { page, id } = await experimentIn('cookieless')
    const other = await experimentIn('cookieless')
    const served = await view(page.slug)
    const token = hiddenFieldsOf(served.html)._x
    const [body, mac] = token.split('.') as [string, string]
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as { e: string; v: string; i: string }
    const flipped = Buffer.from(JSON.stringify({ ...payload, v: payload.v === 'A' ? 'B' : 'A' })).toString('base64url')
    const fromOther = hiddenFieldsOf((await view(other.page.slug)).html)._x
    const forged = [`${flipped}.${mac}`, `${body}.${mac.slice(0, -2)}AA`, Buffer.from(JSON.stringify({ e: id, v: 'B', i: randomUUID() })).toString('base64url') + '.' + mac, fromOther, 'garbage']
    for (const x of forged) {
      const conversionId = await submit(page.slug, served, { _x: x, _variant: 'B' })
      expect(await countedFor(id, conversionId), x).toEqual([])
      const [row] = await db.select().from(conversions).where(eq(conversions.id, conversionId))
      // Counted for no experiment, under the control, and tied to no visitor.
      expect(row).toMatchObject({ experimentId: null, variantKey: 'A', visitorId: null })
    }
    // A bare `_variant` without any token.
    const bare = await submit(page.slug, served, { _x: '', _variant: 'B' })
    expect(await db.select({ experimentId: conversions.experimentId, variantKey: conversions.variantKey }).from(conversions).where(eq(conversions.id, bare))).toEqual([
      { experimentId: null, variantKey: 'A' },
    ])
    // The intact token still counts, for what was served.
    const genuine = await submit(page.slug, served, { _variant: payload.v === 'A' ? 'B' : 'A' })
    expect((await countedFor(id, genuine)).map((c) => [c.variantKey, c.visitorId])).toEqual([[payload.v, payload.i]])
    expect(served.variant).toBe(payload.v)
  })

  test('an identified visitor (consent granted) keeps today’s attribution: their sticky variant and their visitor id', async () => {
    const { page, id } = await experimentIn('consent')
    const served = await view(page.slug, { cookie: 'sf_consent=granted' })
    expect(hiddenFieldsOf(served.html)._x).toBe('')
    const visitorId = /sf_vid=([^;]+)/.exec(served.cookie)![1]!
    const conversionId = await submit(page.slug, served, { _variant: served.variant === 'A' ? 'B' : 'A' })
    expect(await countedFor(id, conversionId)).toEqual([{ visitorId, variantKey: served.variant, metric: 'any' }])
  })

  test('a conversion that reaches PostgreSQL before its view writes the view’s exposure as a cookieless one', async () => {
    const { page, id } = await experimentIn('cookieless')
    const served = await view(page.slug)
    // Not flushed: the view (and its exposure) still waits in memory.
    const conversionId = await submit(page.slug, served)
    const [counted] = await countedFor(id, conversionId)
    const [exposure] = await db
      .select()
      .from(exposures)
      .where(and(eq(exposures.experimentId, id), eq(exposures.visitorId, counted!.visitorId)))
    expect(exposure).toMatchObject({ variantKey: served.variant, cookieless: true })
    await flushPageViews()
    expect(await exposuresOf(id)).toHaveLength(1)
  })
})

describe('restoring a held submission counts it as the post would have been counted', () => {
  /** The post as a bot that filled the honeypot sends it: held, not recorded; the held row. */
  async function holdPost(slug: string, served: Served, cookie?: string) {
    const idem = randomUUID()
    await submit(slug, served, { _idem: idem, _hp: 'filled by a bot' }, cookie)
    const [held] = await db.select().from(spamSubmissions).where(eq(spamSubmissions.idempotencyKey, idem))
    expect(held).toBeDefined()
    return held!
  }
  const cookielessCounts = async (workspaceId: string, id: string) => {
    const found = await getExperimentResults({ workspaceId, id, metric: 'any' })
    if (!found.ok) throw new Error(JSON.stringify(found))
    return Object.fromEntries(found.results.variants.map((v) => [v.key, v.cookieless]))
  }

  test.each(['cookieless', 'consent'] as const)(
    '%s: restored before its view is written (still queued, or lost with its process), under the view’s id and variant, as a cookieless exposure',
    async (mode) => {
      const { owner, page, id } = await experimentIn(mode)
      const served = await view(page.slug)
      // The view's own id, from the token its form carries (payload `i`, decision 083).
      const viewId = (JSON.parse(Buffer.from(hiddenFieldsOf(served.html)._x.split('.')[0]!, 'base64url').toString()) as { i: string }).i
      // Not flushed: PostgreSQL knows nothing of the view yet.
      const held = await holdPost(page.slug, served)
      expect(held).toMatchObject({ visitorId: viewId, experimentId: id, variantKey: served.variant })
      const restored = await restoreHeldSubmission({ workspaceId: owner.workspaceId, id: held.id })
      if (!restored.ok) throw new Error(restored.message)
      expect(await countedFor(id, restored.conversionId)).toEqual([{ visitorId: viewId, variantKey: served.variant, metric: 'any' }])
      await flushPageViews()
      expect((await exposuresOf(id)).map((e) => [e.visitorId, e.variantKey, e.cookieless])).toEqual([[viewId, served.variant, true]])
      expect((await cookielessCounts(owner.workspaceId, id))[served.variant]).toEqual({ exposures: 1, conversions: 1 })
    },
  )

  test('an identified visitor’s (consent granted) is restored under their visitor id, their exposure not a cookieless one', async () => {
    const { owner, page, id } = await experimentIn('consent')
    const served = await view(page.slug, { cookie: 'sf_consent=granted' })
    const visitorId = /sf_vid=([^;]+)/.exec(served.cookie)![1]!
    await flushPageViews()
    const held = await holdPost(page.slug, served)
    expect(held).toMatchObject({ visitorId, experimentId: id, variantKey: served.variant })
    const restored = await restoreHeldSubmission({ workspaceId: owner.workspaceId, id: held.id })
    if (!restored.ok) throw new Error(restored.message)
    expect(await countedFor(id, restored.conversionId)).toEqual([{ visitorId, variantKey: served.variant, metric: 'any' }])
    expect((await exposuresOf(id)).map((e) => [e.visitorId, e.cookieless])).toEqual([[visitorId, false]])
    expect((await cookielessCounts(owner.workspaceId, id))[served.variant]).toEqual({ exposures: 0, conversions: 0 })
  })
})

describe('the results say their unit', () => {
  const resultsOf = async (workspaceId: string, id: string) => {
    const found = await getExperimentResults({ workspaceId, id, metric: 'any' })
    if (!found.ok) throw new Error(JSON.stringify(found))
    return found.results
  }

  test('before any exposure, the unit the workspace mode will count', async () => {
    for (const [mode, unit] of [
      ['cookies', 'visitor'],
      ['cookieless', 'page_view'],
      ['consent', 'both'],
    ] as const) {
      const { owner, id } = await experimentIn(mode)
      expect((await resultsOf(owner.workspaceId, id)).unit, mode).toBe(unit)
    }
  })

  test('page views when every exposure was cookieless, both for a mix; cookieless exposures and conversions per variant; SRM on the mixed counts', async () => {
    const { owner, page, id } = await experimentIn('consent')
    const pending = await Promise.all(Array.from({ length: 12 }, () => view(page.slug)))
    await flushPageViews()
    let results = await resultsOf(owner.workspaceId, id)
    expect(results.unit).toBe('page_view')
    const converted = pending.slice(0, 5)
    for (const served of converted) await submit(page.slug, served)
    results = await resultsOf(owner.workspaceId, id)
    for (const variant of results.variants) {
      const served = pending.filter((s) => s.variant === variant.key)
      expect(variant.cookieless, variant.key).toEqual({ exposures: served.length, conversions: converted.filter((s) => s.variant === variant.key).length })
      expect(variant.visitors).toBe(served.length)
    }

    // Identified visitors join: the unit is both, and their exposures are not among the cookieless ones.
    await Promise.all(Array.from({ length: 4 }, () => view(page.slug, { cookie: 'sf_consent=granted' })))
    await flushPageViews()
    results = await resultsOf(owner.workspaceId, id)
    expect(results.unit).toBe('both')
    expect(results.variants.reduce((n, v) => n + v.visitors, 0)).toBe(16)
    expect(results.variants.reduce((n, v) => n + v.cookieless.exposures, 0)).toBe(12)
    expect(results.srm.variants.reduce((n, v) => n + v.visitors, 0)).toBe(16)
  })

  test('the consent section: per variant, the views asked, those consented and those counted cookieless over the experiment’s days', async () => {
    const { owner, page, id } = await experimentIn('consent')
    const served = [
      ...(await Promise.all(Array.from({ length: 6 }, () => view(page.slug)))).map((s) => ({ ...s, choice: 'pending' })),
      ...(await Promise.all(Array.from({ length: 4 }, () => view(page.slug, { cookie: 'sf_consent=granted' })))).map((s) => ({ ...s, choice: 'granted' })),
      ...(await Promise.all(Array.from({ length: 3 }, () => view(page.slug, { cookie: 'sf_consent=denied' })))).map((s) => ({ ...s, choice: 'denied' })),
    ]
    await flushPageViews()
    const { consent } = await resultsOf(owner.workspaceId, id)
    expect(consent.variants).toEqual(
      ['A', 'B'].map((key) => {
        const of = served.filter((s) => s.variant === key)
        const consented = of.filter((s) => s.choice === 'granted').length
        return { key, views: of.length, consented, rate: of.length ? consented / of.length : null, cookieless: of.length - consented }
      }),
    )
    // A draft has no days yet: nothing counted, whatever its page saw.
    const draft = await experimentApi().then(async ({ owner: other, api }) => {
      const p = await publishExperimentPage(other, { privacyMode: 'consent' })
      await view(p.slug)
      await flushPageViews()
      const created = await api.create({
        pageId: p.pageId,
        name: 'Draft',
        variants: [
          { key: 'A', weight: 0.5 },
          { key: 'B', weight: 0.5 },
        ],
      })
      return (await resultsOf(other.workspaceId, created.body.id as string)).consent
    })
    expect(draft).toEqual({ variants: ['A', 'B'].map((key) => ({ key, views: 0, consented: 0, rate: null, cookieless: 0 })), pValue: null, consentRateWarning: null })
  })

  test('visitors when no exposure was cookieless', async () => {
    const { owner, page, id } = await experimentIn('cookies')
    await Promise.all(Array.from({ length: 3 }, () => view(page.slug)))
    await flushPageViews()
    const results = await resultsOf(owner.workspaceId, id)
    expect(results.unit).toBe('visitor')
    expect(results.variants.map((v) => v.cookieless)).toEqual([
      { exposures: 0, conversions: 0 },
      { exposures: 0, conversions: 0 },
    ])
  })
})
