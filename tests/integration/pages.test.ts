import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { db } from '#app/db.server'
import { servePublishedPage } from '#app/published/router.server'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { loader as pageApi } from '#app/routes/api.v1.pages.$id'
import { action as publishApi } from '#app/routes/api.v1.pages.$id.publish'
import { action as variantsApi } from '#app/routes/api.v1.pages.$id.variants'
import { action as putVariantApi, loader as getVariantApi } from '#app/routes/api.v1.pages.$id.variants.$key'
import { action as pageAction } from '#app/routes/_app.pages.$id/route'
import { pages, pageVersions } from '#db/schema'
import { apiKeyCaller, callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'

type Doc = { root: { props?: Record<string, unknown> }; content: { type: string; props: Record<string, unknown> }[] }

// The visitor fast path, on a real HTTP server over the test database.
let baseUrl = ''
let server: http.Server
beforeAll(async () => {
  server = http.createServer((req, res) => void servePublishedPage(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

async function apiClient() {
  const owner = await createOwner({ name: 'Pagemaker' })
  return { owner, call: await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId, name: 'pages' }) }
}

const slug = () => `test-${randomUUID().slice(0, 8)}`
const withHeadline = (doc: Doc, headline: string): Doc => ({
  ...doc,
  content: doc.content.map((b) => (b.type === 'Hero' ? { ...b, props: { ...b.props, headline } } : b)),
})
// A template brings a form, whose published markup carries its definition (JSON) and per-visitor tokens; the
// tests of static serving (no script, ETags) use a page without one.
const withoutForm = (doc: Doc): Doc => ({
  ...doc,
  content: doc.content.filter((b) => !JSON.stringify(b).includes('"type":"Form"')),
})

describe('pages API', () => {
  test('create from a template, add variant B, edit it, publish, and serve both', async () => {
    const { call } = await apiClient()
    const pageSlug = slug()
    const created = await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'Demo day', slug: pageSlug, template: 'demo' } })
    expect(created.status).toBe(201)
    const page = created.body as { id: string; slug: string; variants: { key: string; name: string }[] }
    expect(page).toMatchObject({ slug: pageSlug, variants: [{ key: 'A' }] })
    const params = { id: page.id }
    const draftA = (await call(getVariantApi, '', { params: { ...params, key: 'A' } })).body as { draft: Doc }
    expect((await call(putVariantApi, '', { method: 'PUT', body: { draft: withoutForm(draftA.draft) }, params: { ...params, key: 'A' } })).status).toBe(200)

    const b = await call(variantsApi, `/api/v1/pages/${page.id}/variants`, { method: 'POST', body: { name: 'Bold headline', copyFrom: 'A' }, params })
    expect(b).toMatchObject({ status: 201, body: { key: 'B', name: 'Bold headline' } })

    const draftB = (await call(getVariantApi, `/api/v1/pages/${page.id}/variants/B`, { params: { ...params, key: 'B' } })).body as { draft: Doc }
    expect(draftB.draft.content.some((block) => block.type === 'Hero')).toBe(true)
    const saved = await call(putVariantApi, `/api/v1/pages/${page.id}/variants/B`, {
      method: 'PUT',
      body: { draft: withHeadline(draftB.draft, 'Book a demo in 30 seconds') },
      params: { ...params, key: 'B' },
    })
    expect(saved.status).toBe(200)

    // Nothing is served before the first publish.
    expect((await fetch(`${baseUrl}/p/${pageSlug}`)).status).toBe(404)
    const published = await call(publishApi, `/api/v1/pages/${page.id}/publish`, { method: 'POST', params })
    expect(published).toMatchObject({ status: 200, body: { version: 1, url: `/p/${pageSlug}` } })

    const control = await fetch(`${baseUrl}/p/${pageSlug}`)
    expect(control.status).toBe(200)
    const controlHtml = await control.text()
    expect(controlHtml).toContain(`data-page="${pageSlug}"`)
    expect(controlHtml).toContain('data-variant="A"')
    expect(controlHtml).not.toContain('Book a demo in 30 seconds')
    expect(controlHtml).not.toMatch(/<script(?![^>]*page-assets)/)
    expect(control.headers.get('content-security-policy')).toContain("default-src 'none'")

    const preview = await (await fetch(`${baseUrl}/p/${pageSlug}?variant=B`)).text()
    expect(preview).toContain('data-variant="B"')
    expect(preview).toContain('Book a demo in 30 seconds')

    const details = await call(pageApi, `/api/v1/pages/${page.id}`, { params })
    expect(details.body).toMatchObject({ status: 'published', variants: [{ key: 'A' }, { key: 'B' }], versions: [{ number: 1, live: true }] })
  })

  test('a new publish is served at once, with compression and ETags', async () => {
    const { call } = await apiClient()
    const pageSlug = slug()
    const page = (await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'Webinar', slug: pageSlug, template: 'webinar' } })).body as { id: string }
    const params = { id: page.id, key: 'A' }
    const initial = (await call(getVariantApi, '', { params })).body as { draft: Doc }
    await call(putVariantApi, '', { method: 'PUT', body: { draft: withoutForm(initial.draft) }, params })
    await call(publishApi, '', { method: 'POST', params })
    const first = await fetch(`${baseUrl}/p/${pageSlug}`, { headers: { 'Accept-Encoding': 'gzip' } })
    const etag = first.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect((await fetch(`${baseUrl}/p/${pageSlug}`, { headers: { 'If-None-Match': etag } })).status).toBe(304)

    const draft = (await call(getVariantApi, '', { params })).body as { draft: Doc }
    await call(putVariantApi, '', { method: 'PUT', body: { draft: withHeadline(draft.draft, 'Second edition') }, params })
    await call(publishApi, '', { method: 'POST', params })
    const second = await fetch(`${baseUrl}/p/${pageSlug}`)
    expect(await second.text()).toContain('Second edition')
    expect(second.headers.get('etag')).not.toBe(etag)
  })

  test('bad drafts are rejected with the reason; nothing is stored', async () => {
    const { call } = await apiClient()
    const page = (await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'X', slug: slug() } })).body as { id: string }
    const params = { id: page.id, key: 'A' }
    const unknownType = await call(putVariantApi, '', { method: 'PUT', body: { draft: { root: { props: {} }, content: [{ type: 'Marquee', props: { id: 'm1' } }] } }, params })
    expect(unknownType.status).toBe(400)
    expect(JSON.stringify(unknownType.body)).toMatch(/Marquee/)
    const huge = { root: { props: {} }, content: [{ type: 'RichText', props: { id: 'r1', content: `<p>${'x'.repeat(1_050_000)}</p>` } }] }
    const tooBig = await call(putVariantApi, '', { method: 'PUT', body: { draft: huge }, params })
    expect([400, 413]).toContain(tooBig.status)
    expect(JSON.stringify(tooBig.body)).toMatch(/1 ?MB|too large|bytes/i)
    expect((await call(putVariantApi, '', { method: 'PUT', body: '{not json', params })).status).toBe(400)
    expect((await call(putVariantApi, '', { method: 'PUT', body: {}, params })).status).toBe(400)
  })

  test('slugs are unique; fields are named in errors; other workspaces get 404', async () => {
    const { call } = await apiClient()
    const taken = slug()
    expect((await call(pagesApi, '', { method: 'POST', body: { name: 'One', slug: taken } })).status).toBe(201)
    const again = await call(pagesApi, '', { method: 'POST', body: { name: 'Two', slug: taken } })
    expect(again.status).toBe(409)
    expect(again.body).toHaveProperty('errors.slug')
    const bad = await call(pagesApi, '', { method: 'POST', body: { name: '', slug: 'Not A Slug', template: 'nope' } })
    expect(bad.status).toBe(400)
    expect(Object.keys((bad.body as { errors: object }).errors)).toEqual(expect.arrayContaining(['name', 'slug', 'template']))

    const mine = (await call(pagesApi, '', { method: 'POST', body: { name: 'Mine', slug: slug() } })).body as { id: string }
    const stranger = await apiClient()
    for (const [fn, method] of [
      [pageApi, 'GET'],
      [publishApi, 'POST'],
      [variantsApi, 'POST'],
    ] as const) {
      const result = await stranger.call(fn, '', { method, params: { id: mine.id, key: 'A' }, body: method === 'POST' ? {} : undefined })
      expect(result.status, `${method} as another workspace`).toBe(404)
    }
    expect((await stranger.call(getVariantApi, '', { params: { id: mine.id, key: 'A' } })).status).toBe(404)
    expect((await stranger.call(pageApi, '', { params: { id: 'not-a-uuid' } })).status).toBe(404)
  })
})

describe('published pages', () => {
  test('dynamic text comes from the query, escaped and capped, else the fallback', async () => {
    const { call } = await apiClient()
    const pageSlug = slug()
    const page = (await call(pagesApi, '', { method: 'POST', body: { name: 'DTR', slug: pageSlug, template: 'demo' } })).body as { id: string }
    const params = { id: page.id, key: 'A' }
    const draft = (await call(getVariantApi, '', { params })).body as { draft: Doc }
    await call(putVariantApi, '', { method: 'PUT', body: { draft: withHeadline(draft.draft, 'Software for {{utm_term|growing teams}}') }, params })
    await call(publishApi, '', { method: 'POST', params })
    expect(await (await fetch(`${baseUrl}/p/${pageSlug}`)).text()).toContain('Software for growing teams')
    const hostile = await (await fetch(`${baseUrl}/p/${pageSlug}?utm_term=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)).text()
    expect(hostile).toContain('Software for &lt;img src=x onerror=alert(1)&gt;')
    expect(hostile).not.toContain('<img src=x onerror')
  })

  test('damaged stored content renders what it can and never answers 500', async () => {
    const { call } = await apiClient()
    const pageSlug = slug()
    const page = (await call(pagesApi, '', { method: 'POST', body: { name: 'Damaged', slug: pageSlug, template: 'blank' } })).body as { id: string }
    const [version] = await db
      .insert(pageVersions)
      .values({
        pageId: page.id,
        number: 1,
        content: {
          settings: { title: 'Damaged', description: '', socialImage: '', noindex: false, favicon: '', theme: { brandColor: '#3b55e6', font: 'system-sans', logo: '' } },
          variants: [
            {
              key: 'A',
              name: 'Control',
              document: {
                root: { props: {} },
                content: [{ type: 'Hero', props: { id: 'h', headline: 42 } }, { type: 'Nope', props: {} }, { type: 'Spacer', props: { id: 's', size: 'md' } }, 'garbage'] as unknown[],
              },
            },
          ],
        },
      })
      .returning({ id: pageVersions.id })
    await db.update(pages).set({ publishedVersionId: version!.id }).where(eq(pages.id, page.id))
    const response = await fetch(`${baseUrl}/p/${pageSlug}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('data-page')
  })

  test('unknown, unpublished and archived pages are 404', async () => {
    expect((await fetch(`${baseUrl}/p/no-such-page-${randomUUID().slice(0, 6)}`)).status).toBe(404)
    expect((await fetch(`${baseUrl}/p/Not_A_Slug`)).status).toBe(404)

    const { owner, call } = await apiClient()
    const pageSlug = slug()
    const page = (await call(pagesApi, '', { method: 'POST', body: { name: 'Archived', slug: pageSlug, template: 'webinar' } })).body as { id: string }
    expect((await fetch(`${baseUrl}/p/${pageSlug}`)).status).toBe(404) // not published yet
    await call(publishApi, '', { method: 'POST', params: { id: page.id } })
    expect((await fetch(`${baseUrl}/p/${pageSlug}`)).status).toBe(200)
    const { updatePage } = await import('#app/pages/queries.server')
    await updatePage({ workspaceId: owner.workspaceId, id: page.id, changes: { archivedAt: new Date() } })
    expect((await fetch(`${baseUrl}/p/${pageSlug}`)).status).toBe(404)
  })

  // Issue 17: /p/unknown was a bare, unstyled "Page not found".
  test('a page that is not there is a 404 in the published look, with a language and no link into the app', async () => {
    const { call } = await apiClient()
    const unpublished = slug()
    await call(pagesApi, '', { method: 'POST', body: { name: 'Draft only', slug: unpublished } })
    for (const path of [`/p/no-such-page-${randomUUID().slice(0, 6)}`, '/p/Not_A_Slug', `/p/${unpublished}`]) {
      const response = await fetch(`${baseUrl}${path}`)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      const html = await response.text()
      expect(html).toMatch(/^<!doctype html><html lang="en">/)
      expect(html).toContain('<title>Page not found</title>')
      expect(html).toContain('<h1>Page not found</h1>')
      expect(html).toContain('class="sf-page"') // the published pages' stylesheet and its default theme
      expect(html).toContain('.sf-page{--sf-brand:')
      expect(html).not.toMatch(/<a\b|\/login|\/dashboard|<script/)
    }
  })
})

describe('roles', () => {
  test('viewers cannot publish or change a page', async () => {
    const owner = await createOwner()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const created = await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'P', slug: slug(), template: 'webinar' } })
    const id = (created.body as { id: string }).id
    for (const intent of ['publish', 'archive']) {
      const result = await readResult(await callRoute(pageAction, `/pages/${id}`, { cookie: viewer.cookie, form: { intent }, params: { id } }))
      expect(result.status, intent).toBe(403)
    }
    const asOwner = await readResult(await callRoute(pageAction, `/pages/${id}`, { cookie: owner.cookie, form: { intent: 'publish' }, params: { id } }))
    expect(asOwner.body).toMatchObject({ done: 'publish', version: 1 })
  })
})

describe('pages list', () => {
  test('counts variants and shows the last publish', async () => {
    const { owner, call } = await apiClient()
    const page = (await call(pagesApi, '', { method: 'POST', body: { name: 'Listed', slug: slug(), template: 'webinar' } })).body as { id: string }
    await call(variantsApi, '', { method: 'POST', body: {}, params: { id: page.id } })
    await call(publishApi, '', { method: 'POST', params: { id: page.id } })
    const { listPages } = await import('#app/pages/queries.server')
    const [row] = await listPages({ workspaceId: owner.workspaceId })
    expect(row).toMatchObject({ name: 'Listed', variantCount: 2, publishedVersionId: expect.any(String) })
    expect(row!.lastPublishedAt).not.toBeNull()
  })
})

describe('versions', () => {
  test('revert serves an older version again as a new version and restores its drafts', async () => {
    const { call } = await apiClient()
    const pageSlug = slug()
    const page = (await call(pagesApi, '', { method: 'POST', body: { name: 'Versions', slug: pageSlug, template: 'demo' } })).body as { id: string }
    const params = { id: page.id, key: 'A' }
    const draft = ((await call(getVariantApi, '', { params })).body as { draft: Doc }).draft
    await call(putVariantApi, '', { method: 'PUT', body: { draft: withHeadline(draft, 'First headline') }, params })
    await call(publishApi, '', { method: 'POST', params })
    await call(putVariantApi, '', { method: 'PUT', body: { draft: withHeadline(draft, 'Second headline') }, params })
    await call(publishApi, '', { method: 'POST', params })
    expect(await (await fetch(`${baseUrl}/p/${pageSlug}`)).text()).toContain('Second headline')

    const { revertToVersion } = await import('#app/pages/queries.server')
    const workspaceId = (await db.select({ w: pages.workspaceId }).from(pages).where(eq(pages.id, page.id)))[0]!.w
    const reverted = await revertToVersion({ workspaceId, pageId: page.id, number: 1, userId: null })
    expect(reverted).toMatchObject({ ok: true, version: { number: 3 } })
    expect(await (await fetch(`${baseUrl}/p/${pageSlug}`)).text()).toContain('First headline')
    const restored = ((await call(getVariantApi, '', { params })).body as { draft: Doc }).draft
    expect(JSON.stringify(restored)).toContain('First headline')
    const details = (await call(pageApi, '', { params })).body as { versions: { number: number; live: boolean }[] }
    expect(details.versions.map((v) => [v.number, v.live])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ])
    // Another workspace cannot revert it.
    expect(await revertToVersion({ workspaceId: (await createOwner()).workspaceId, pageId: page.id, number: 2, userId: null })).toMatchObject({ ok: false, status: 404 })
  })
})
