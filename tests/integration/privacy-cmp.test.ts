// The site's own consent tool on published pages (issue 19, decision 095): set through PATCH /api/v1/workspace, it
// is loaded first in the served page's <head>, and the page's CSP allows exactly its origins, on every way a page
// is written (precomputed bytes and their 304, a page with a form spliced per request, a page rendered again after
// a bad post); another workspace's pages neither load it nor allow it; a change or its removal is served at once.
// Real PostgreSQL, a real HTTP server in this process.
import http from 'node:http'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { changed } from '#app/changes/signal'
import { db } from '#app/db.server'
import { UNKNOWN_CMP_HOST } from '#app/privacy/cmp-vendors'
import { PUBLISHED_PAGE_CSP } from '#app/published/compile.server'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { action as publishApi } from '#app/routes/api.v1.pages.$id.publish'
import { action as putVariantApi, loader as getVariantApi } from '#app/routes/api.v1.pages.$id.variants.$key'
import { action as workspacePatch, loader as workspaceGet } from '#app/routes/api.v1.workspace'
import { action as generalAction } from '#app/routes/_app.settings._index'
import { workspaces } from '#db/schema'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { BROWSER_UA, publishFormPage, startVisitorServer } from '#tests/factories/published-forms'

let server: Awaited<ReturnType<typeof startVisitorServer>>
beforeAll(async () => (server = await startVisitorServer()))
afterAll(() => server.close())

type Served = { status: number; html: string; csp: string; etag: string }

function request(slug: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/p/${slug}`, { method, headers: { 'User-Agent': BROWSER_UA, ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, html: Buffer.concat(chunks).toString(), csp: String(res.headers['content-security-policy'] ?? ''), etag: String(res.headers.etag ?? '') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The policy's directives by name, each with its sources. */
const directivesOf = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]))
const DEFAULT = directivesOf(PUBLISHED_PAGE_CSP)
const CMP_DIRECTIVES = ['script-src', 'connect-src', 'frame-src', 'img-src', 'style-src']

/** Fails unless `csp` is the fixed policy with `origins` added, in that order, to the five CMP directives only. */
function expectPolicyWith(csp: string, origins: string[]) {
  const expected = Object.fromEntries(Object.entries(DEFAULT).map(([name, sources]) => [name, CMP_DIRECTIVES.includes(name) ? [...sources, ...origins] : sources]))
  expect(directivesOf(csp)).toEqual(expected)
}

/** A workspace in consent mode with two published pages: one with a form (spliced per request), one without (static). */
async function workspaceWithPages(name: string) {
  const owner = await createOwner({ name })
  const api = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  const withForm = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, privacyMode: 'consent' })
  // A page without a form has no per-request holes: its bytes are precomputed, with an ETag.
  const slug = `static-${withForm.slug}`
  const created = await api(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: `Page ${slug}`, slug, template: 'demo' } })
  const params = { id: created.body.id as string, key: 'A' }
  const draft = (await api(getVariantApi, '', { params })).body.draft as { content: object[] }
  const content = draft.content.filter((block) => !JSON.stringify(block).includes('"type":"Form"'))
  expect((await api(putVariantApi, '', { method: 'PUT', body: { draft: { ...draft, content } }, params })).status).toBe(200)
  expect((await api(publishApi, '', { method: 'POST', params })).status).toBe(200)
  return { api, formSlug: withForm.slug, staticSlug: slug }
}

const COOKIEBOT = { scriptUrl: 'https://consent.cookiebot.com/uc.js', attributes: { id: 'Cookiebot', 'data-cbid': '0c1d2e3f-0000-4000-8000-000000000001', 'data-blockingmode': 'auto' } }
const COOKIEBOT_TAG = '<script src="https://consent.cookiebot.com/uc.js" id="Cookiebot" data-cbid="0c1d2e3f-0000-4000-8000-000000000001" data-blockingmode="auto"></script>'

describe("a workspace's consent tool on its published pages", () => {
  test('is loaded first in the head of every page, and the CSP allows exactly its origin, however the page is written', async () => {
    const mine = await workspaceWithPages('CMP mine')
    const other = await workspaceWithPages('CMP other')
    // Served once before the setting: the cache holds the version, and the change must rebuild it.
    expect((await request(mine.staticSlug)).csp).toBe(PUBLISHED_PAGE_CSP)

    const saved = await mine.api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { cmp: COOKIEBOT } } })
    expect(saved).toMatchObject({ status: 200, body: { privacy: { cmp: COOKIEBOT } } })

    const staticPage = await request(mine.staticSlug)
    const withForm = await request(mine.formSlug)
    for (const page of [staticPage, withForm]) {
      expect(page.status).toBe(200)
      const head = page.html.slice(0, page.html.indexOf('</head>'))
      expect(head).toContain(COOKIEBOT_TAG)
      // Before every other script of the page and before the title: the first thing the browser runs.
      expect(page.html.indexOf('<script')).toBe(page.html.indexOf(COOKIEBOT_TAG))
      expect(page.html.indexOf(COOKIEBOT_TAG)).toBeLessThan(page.html.indexOf('<title>'))
      expect(page.html.indexOf(COOKIEBOT_TAG)).toBeLessThan(page.html.indexOf('/page-assets/consent.js'))
      expectPolicyWith(page.csp, ['https://consent.cookiebot.com'])
    }
    // The precomputed page's 304 and a page rendered again after a bad post carry the same policy.
    expect(staticPage.etag).not.toBe('')
    const notModified = await request(mine.staticSlug, { headers: { 'If-None-Match': staticPage.etag } })
    expect(notModified.status).toBe(304)
    expectPolicyWith(notModified.csp, ['https://consent.cookiebot.com'])
    const form = /name="_form" value="([^"]+)"/.exec(withForm.html)![1]!
    const refused = await request(mine.formSlug, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _form: form, email: 'not an email' }).toString(),
    })
    expect(refused.status).toBe(400)
    expect(refused.html).toContain(COOKIEBOT_TAG)
    expectPolicyWith(refused.csp, ['https://consent.cookiebot.com'])

    // Another workspace's pages neither load it nor allow it.
    for (const slug of [other.staticSlug, other.formSlug]) {
      const page = await request(slug)
      expect(page.status).toBe(200)
      expect(page.html).not.toContain('cookiebot')
      expect(page.csp).toBe(PUBLISHED_PAGE_CSP)
    }

    // Other origins join the same five directives; a new tool replaces the old; null removes it.
    const moved = { scriptUrl: 'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js', attributes: { 'data-domain-script': 'abc-123' }, origins: ['https://geolocation.onetrust.com'] }
    expect((await mine.api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { cmp: moved } } })).status).toBe(200)
    for (const slug of [mine.staticSlug, mine.formSlug]) {
      const page = await request(slug)
      expect(page.html).toContain('<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="abc-123"></script>')
      expect(page.html).not.toContain('cookiebot')
      expectPolicyWith(page.csp, ['https://cdn.cookielaw.org', 'https://geolocation.onetrust.com'])
    }
    const removed = await mine.api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { cmp: null } } })
    expect(removed.body.privacy.cmp).toBeNull()
    for (const slug of [mine.staticSlug, mine.formSlug]) {
      const page = await request(slug)
      expect(page.html).not.toContain('cookielaw')
      expect(page.csp).toBe(PUBLISHED_PAGE_CSP)
    }
  })

  test('a bad address, an unknown key or an attribute that is not data-* or id is a 400 naming it, and nothing changes', async () => {
    const { api } = await workspaceWithPages('CMP bad')
    for (const [cmp, key, message] of [
      [{ scriptUrl: 'not a url' }, 'privacy.cmp.scriptUrl', /full http/],
      [{ scriptUrl: 'https://cmp.example.com;script-src/x.js' }, 'privacy.cmp.scriptUrl', /host name/],
      [{ scriptUrl: COOKIEBOT.scriptUrl, attributes: { onload: 'alert(1)', 'data-cbid': 'x' } }, 'privacy.cmp.attributes', /data-\* attributes and id: onload/],
      [{ scriptUrl: COOKIEBOT.scriptUrl, nonce: 'abc' }, 'privacy.cmp', /"nonce"/],
      [{ scriptUrl: COOKIEBOT.scriptUrl, origins: ['https://x.example.com/path'] }, 'privacy.cmp.origins.0', /without a path/],
    ] as const) {
      const res = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { cmp } } })
      expect(res.status, JSON.stringify(cmp)).toBe(400)
      expect(res.body.errors[key]?.join(' '), JSON.stringify(res.body.errors)).toMatch(message)
    }
    expect((await api(workspaceGet, '/api/v1/workspace')).body.privacy.cmp).toBeNull()
  })

  test("a host that is no known consent tool's is a 400 naming the field, even with an owner's key, and nothing is stored", async () => {
    const { api } = await workspaceWithPages('CMP unlisted')
    for (const [cmp, key, message] of [
      // A look-alike on no label boundary of cookiebot.com.
      [{ scriptUrl: 'https://evilcookiebot.com/uc.js' }, 'privacy.cmp.scriptUrl', UNKNOWN_CMP_HOST],
      [{ scriptUrl: 'https://cmp.attacker.example/steal-leads.js' }, 'privacy.cmp.scriptUrl', UNKNOWN_CMP_HOST],
      [{ ...COOKIEBOT, origins: ['https://consentcdn.cookiebot.com', 'https://collect.attacker.example'] }, 'privacy.cmp.origins', `https://collect.attacker.example: ${UNKNOWN_CMP_HOST}`],
    ] as const) {
      const res = await api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { cmp } } })
      expect(res.status, JSON.stringify(cmp)).toBe(400)
      expect(res.body.errors, JSON.stringify(cmp)).toEqual({ [key]: [message] })
    }
    expect((await api(workspaceGet, '/api/v1/workspace')).body.privacy.cmp).toBeNull()
  })

  test('a stored consent tool whose host is no longer allowed is left out: no tag, the fixed CSP, one warning naming the workspace', async () => {
    const mine = await workspaceWithPages('CMP narrowed')
    const saved = await mine.api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { privacy: { cmp: COOKIEBOT } } })
    expect(saved.status).toBe(200)
    const workspaceId = saved.body.id as string
    // Served once with the allowed tool, so the cache holds a version built with its tag.
    expect((await request(mine.staticSlug)).html).toContain(COOKIEBOT_TAG)
    // Saved while the operator allowed its host (CMP_ALLOWED_HOSTS), which the operator has since narrowed.
    const [row] = await db.select({ privacy: workspaces.privacy }).from(workspaces).where(eq(workspaces.id, workspaceId))
    const unlisted = { scriptUrl: 'https://cmp.attacker.example/steal-leads.js', origins: ['https://collect.attacker.example'] }
    await db
      .update(workspaces)
      .set({ privacy: { ...row!.privacy, cmp: unlisted } })
      .where(eq(workspaces.id, workspaceId))
    // The restart that narrows the list starts with an empty cache; here the cache is told to forget the workspace.
    changed({ kind: 'privacy', workspaceId })

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      for (const slug of [mine.staticSlug, mine.formSlug, mine.staticSlug]) {
        const page = await request(slug)
        expect(page.status).toBe(200)
        expect(page.html).not.toContain('attacker')
        expect(page.html).not.toContain('cookiebot')
        expect(page.csp).toBe(PUBLISHED_PAGE_CSP)
      }
      const warnings = warn.mock.calls.map((args) => args.join(' ')).filter((line) => line.includes('consent tool'))
      expect(warnings).toEqual([expect.stringContaining(`workspace ${workspaceId}`)])
      expect(warnings[0]).toContain('https://cmp.attacker.example/steal-leads.js')
    } finally {
      warn.mockRestore()
    }
  })
})

test('the owner connects it on Settings → General: attributes and origins one a line; a bad line is named', async () => {
  const owner = await createOwner({ name: 'CMP screen' })
  const stored = async () => (await db.select({ privacy: workspaces.privacy }).from(workspaces).where(eq(workspaces.id, owner.workspaceId)))[0]!.privacy.cmp
  const post = (fields: Record<string, string>) =>
    callRoute(generalAction, '/settings', { cookie: owner.cookie, form: { intent: 'privacy', mode: 'consent', banner: '', cookieDays: '180', retentionMonths: '13', policyUrl: '', ...fields } }).then(
      readResult,
    )
  const saved = await post({
    cmpScriptUrl: 'https://consent.cookiebot.com/uc.js',
    cmpAttributes: 'id=Cookiebot\ndata-cbid=0c1d2e3f-0000-4000-8000-000000000001\n',
    cmpOrigins: 'https://consentcdn.cookiebot.com\n',
  })
  expect(saved).toMatchObject({ status: 200, body: { saved: true, form: 'privacy' } })
  expect(await stored()).toEqual({
    scriptUrl: 'https://consent.cookiebot.com/uc.js',
    attributes: { id: 'Cookiebot', 'data-cbid': '0c1d2e3f-0000-4000-8000-000000000001' },
    origins: ['https://consentcdn.cookiebot.com'],
  })
  const bad = await post({ cmpScriptUrl: 'https://consent.cookiebot.com/uc.js', cmpAttributes: 'onload=alert(1)', cmpOrigins: '' })
  expect(bad).toMatchObject({ status: 400, body: { form: 'privacy', errors: { fieldErrors: { cmpAttributes: ['Only data-* attributes and id: onload'] } } } })
  const unlisted = await post({ cmpScriptUrl: 'https://cmp.attacker.example/x.js', cmpAttributes: '', cmpOrigins: 'https://consentcdn.cookiebot.com\nhttps://evilcookiebot.com' })
  expect(unlisted).toMatchObject({
    status: 400,
    body: { form: 'privacy', errors: { fieldErrors: { cmpScriptUrl: [UNKNOWN_CMP_HOST], cmpOrigins: [`https://evilcookiebot.com: ${UNKNOWN_CMP_HOST}`] } } },
  })
  expect((await stored())?.attributes).toEqual({ id: 'Cookiebot', 'data-cbid': '0c1d2e3f-0000-4000-8000-000000000001' })
  // An empty address disconnects it.
  expect((await post({ cmpScriptUrl: '', cmpAttributes: '', cmpOrigins: '' })).status).toBe(200)
  expect(await stored()).toBeNull()
})
