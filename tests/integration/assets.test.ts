import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createApiKey } from '#app/api-keys/api-key.server'
import { createDownloadLink, DOWNLOAD_LINK_TTL_SECONDS, readDownloadLink } from '#app/assets/download-link.server'
import { MAX_ASSET_BYTES } from '#app/assets/files'
import { createAsset, getAsset } from '#app/assets/asset.server'
import { db } from '#app/db.server'
import { newFormDefinition } from '#app/forms/builder'
import { createForm, getForm } from '#app/forms/form.server'
import { action as formsApi } from '#app/routes/api.v1.forms'
import { action as formAction } from '#app/routes/_app.forms.$id/route'
import { loader as downloadLoader } from '#app/routes/d.$token'
import { assets } from '#db/schema'
import { BASE_URL, callRoute, createMember, createOwner, readResult } from '#tests/factories/accounts'

const PDF = Buffer.from('%PDF-1.4\n% a tiny guide\n')

async function ownerWithForm() {
  const owner = await createOwner()
  const form = await createForm({ workspaceId: owner.workspaceId, name: 'Guide', definition: newFormDefinition({ purpose: 'content_download' }) })
  return { ...owner, formId: form.id }
}

/** The builder's upload: a multipart post of `file` to the form's route. */
async function upload(cookie: string, formId: string, file: File | null, headers: Record<string, string> = {}) {
  const body = new FormData()
  if (file) body.append('file', file)
  const request = new Request(`${BASE_URL}/forms/${formId}`, { method: 'POST', headers: { Cookie: cookie, Origin: BASE_URL, ...headers }, body })
  const result = await (formAction as (args: unknown) => Promise<unknown>)({ request, params: { id: formId }, context: { clientIp: '203.0.113.7' } }).catch((e: unknown) => e)
  return readResult(result)
}

async function download(path: string) {
  const token = path.replace(/^\/d\//, '')
  const response = (await (downloadLoader as (args: unknown) => Promise<Response>)({ request: new Request(`${BASE_URL}${path}`), params: { token }, context: {} })) as Response
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

const assetRows = (workspaceId: string) => db.select({ id: assets.id }).from(assets).where(eq(assets.workspaceId, workspaceId))

describe('uploads', () => {
  test('a PDF is stored with the type its extension allows, whatever the browser claimed', async () => {
    const owner = await ownerWithForm()
    const result = await upload(owner.cookie, owner.formId, new File([PDF], 'Q3 guide.pdf', { type: 'text/html' }))
    expect(result).toMatchObject({ status: 200, body: { done: 'upload', asset: { filename: 'Q3 guide.pdf', size: PDF.length, contentType: 'application/pdf' } } })
    const stored = await getAsset({ workspaceId: owner.workspaceId, id: (result.body as { asset: { id: string } }).asset.id })
    expect(stored!.data.equals(PDF)).toBe(true)
  })

  test(`files over ${MAX_ASSET_BYTES / 1024 / 1024} MB are refused with 413 and nothing stored`, async () => {
    const owner = await ownerWithForm()
    const big = await upload(owner.cookie, owner.formId, new File([new Uint8Array(MAX_ASSET_BYTES + 1)], 'huge.pdf'))
    expect(big).toMatchObject({ status: 413, body: { errors: { fieldErrors: { file: ['The file is larger than 10 MB'] } } } })
    // Far past the cap: refused while reading, so the body never sits in memory whole.
    const huge = await upload(owner.cookie, owner.formId, new File([new Uint8Array(MAX_ASSET_BYTES * 2)], 'huge.zip'))
    expect(huge.status).toBe(413)
    expect(await assetRows(owner.workspaceId)).toEqual([])
    const exact = await upload(owner.cookie, owner.formId, new File([new Uint8Array(MAX_ASSET_BYTES)], 'exactly-10mb.zip'))
    expect(exact.status).toBe(200)
  })

  test('a declared Content-Length over the cap is refused before reading', async () => {
    const owner = await ownerWithForm()
    const result = await upload(owner.cookie, owner.formId, new File([PDF], 'a.pdf'), { 'Content-Length': String(MAX_ASSET_BYTES * 5) })
    expect(result.status).toBe(413)
  })

  test.each(['page.html', 'logo.svg', 'setup.exe', 'data.json', 'no-extension'])('%s is not an allowed type: 400 naming the file field', async (name) => {
    const owner = await ownerWithForm()
    const result = await upload(owner.cookie, owner.formId, new File(['<script>alert(1)</script>'], name, { type: 'application/pdf' }))
    expect(result.status).toBe(400)
    expect((result.body as { errors: { fieldErrors: { file: string[] } } }).errors.fieldErrors.file[0]).toMatch(/not allowed/)
    expect(await assetRows(owner.workspaceId)).toEqual([])
  })

  test('an upload without a file, or an empty one, is a 400', async () => {
    const owner = await ownerWithForm()
    expect((await upload(owner.cookie, owner.formId, null)).status).toBe(400)
    expect((await upload(owner.cookie, owner.formId, new File([], 'empty.pdf'))).status).toBe(400)
  })

  test("viewers cannot upload, nor anyone through another workspace's form", async () => {
    const owner = await ownerWithForm()
    const viewer = await createMember({ workspaceId: owner.workspaceId, invitedBy: owner.userId, role: 'viewer' })
    expect((await upload(viewer.cookie, owner.formId, new File([PDF], 'a.pdf'))).status).toBe(403)
    const stranger = await createOwner({ name: 'Stranger' })
    expect((await upload(stranger.cookie, owner.formId, new File([PDF], 'a.pdf'))).status).toBe(404)
    expect(await assetRows(owner.workspaceId)).toEqual([])
    expect(await assetRows(stranger.workspaceId)).toEqual([])
  })
})

describe('the asset success action', () => {
  test("a form may deliver its own workspace's upload, never another workspace's", async () => {
    const owner = await ownerWithForm()
    const stranger = await createOwner({ name: 'Stranger' })
    const theirs = await createAsset({ workspaceId: stranger.workspaceId, filename: 'theirs.pdf', contentType: 'application/pdf', data: PDF, createdBy: null })
    const ours = await createAsset({ workspaceId: owner.workspaceId, filename: 'ours.pdf', contentType: 'application/pdf', data: PDF, createdBy: owner.userId })
    const definition = (assetId: string) => ({ ...newFormDefinition({ purpose: 'content_download' }), success: { type: 'asset', assetId, label: 'Get the guide' } })
    const save = (assetId: string) =>
      callRoute(formAction as never, `/forms/${owner.formId}`, {
        cookie: owner.cookie,
        params: { id: owner.formId },
        form: { intent: 'save', name: 'Guide', definition: JSON.stringify(definition(assetId)) },
      }).then(readResult)

    const refused = await save(theirs.id)
    expect(refused.status).toBe(400)
    expect((refused.body as { errors: { fieldErrors: Record<string, string[]> } }).errors.fieldErrors['success.assetId']).toEqual(['No such uploaded file in this workspace: upload it again'])
    expect((await save(ours.id)).status).toBe(200)
    expect((await getForm({ workspaceId: owner.workspaceId, id: owner.formId }))!.definition.success).toEqual({ type: 'asset', assetId: ours.id, label: 'Get the guide' })
  })

  test('the API checks the same', async () => {
    const owner = await createOwner()
    const stranger = await createOwner({ name: 'Stranger' })
    const theirs = await createAsset({ workspaceId: stranger.workspaceId, filename: 'theirs.pdf', contentType: 'application/pdf', data: PDF, createdBy: null })
    const { key } = await createApiKey({ workspaceId: owner.workspaceId, name: 'forms', createdBy: owner.userId })
    const request = new Request(`${BASE_URL}/api/v1/forms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Guide', purpose: 'content_download', fields: [{ key: 'email', type: 'email', label: 'Email' }], success: { type: 'asset', assetId: theirs.id, label: 'Get it' } }),
    })
    const result = await readResult(await (formsApi as (args: unknown) => Promise<unknown>)({ request, params: {}, context: { clientIp: 'x' } }))
    expect(result).toMatchObject({ status: 400, body: { errors: { 'success.assetId': [expect.any(String)] } } })
  })
})

describe('download links', () => {
  async function uploaded(filename = 'Guide für Käufer.pdf', contentType = 'application/pdf') {
    const owner = await ownerWithForm()
    const asset = await createAsset({ workspaceId: owner.workspaceId, filename, contentType, data: PDF, createdBy: owner.userId })
    return { owner, asset, link: createDownloadLink({ workspaceId: owner.workspaceId, formId: owner.formId, conversionId: randomUUID(), asset: { id: asset.id } }) }
  }

  test('a valid link serves the file as an attachment of its stored type, never sniffed', async () => {
    const { link } = await uploaded()
    expect(link).toMatch(/^\/d\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    const res = await download(link)
    expect(res.status).toBe(200)
    expect(res.bytes.equals(PDF)).toBe(true)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="Guide fur Kaufer.pdf"; filename*=UTF-8''Guide%20f%C3%BCr%20K%C3%A4ufer.pdf`)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Content-Security-Policy')).toContain('sandbox')
    expect(res.headers.get('Cache-Control')).toBe('private, no-store')
  })

  test('a row whose stored type is HTML still goes out as bytes to save, not a page', async () => {
    const { link } = await uploaded('page.html', 'text/html')
    const res = await download(link)
    expect(res.headers.get('Content-Type')).toBe('application/octet-stream')
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment;/)
  })

  test('a link to a URL redirects there without leaking the token', async () => {
    const owner = await ownerWithForm()
    const link = createDownloadLink({ workspaceId: owner.workspaceId, formId: owner.formId, conversionId: null, asset: { url: 'https://cdn.example.com/guide.pdf' } })
    const res = await download(link)
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('https://cdn.example.com/guide.pdf')
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
  })

  test('links work for 7 days by default; an expired one is a 410 page that says so', async () => {
    const { owner, asset } = await uploaded()
    const issued = new Date('2026-01-01T00:00:00Z')
    const link = createDownloadLink({ workspaceId: owner.workspaceId, formId: owner.formId, conversionId: null, asset: { id: asset.id }, now: issued })
    const token = link.slice(3)
    const at = (seconds: number) => readDownloadLink(token, { now: new Date(issued.getTime() + seconds * 1000) })
    expect(DOWNLOAD_LINK_TTL_SECONDS).toBe(7 * 24 * 3600)
    expect(at(DOWNLOAD_LINK_TTL_SECONDS - 1)).toMatchObject({ ok: true, link: { workspaceId: owner.workspaceId, formId: owner.formId, asset: { id: asset.id } } })
    expect(at(DOWNLOAD_LINK_TTL_SECONDS)).toEqual({ ok: false, reason: 'expired' })

    const res = await download(link) // issued in 2026-01 with a week to live: long gone
    expect(res.status).toBe(410)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(res.bytes.toString()).toContain('This download link has expired')
  })

  test('forged, edited or truncated links are a 404 page, never a 500', async () => {
    const { owner, asset, link } = await uploaded()
    const [payload, signature] = link.slice(3).split('.') as [string, string]
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), e: Math.floor(Date.now() / 1000) + 10 * 365 * 24 * 3600 })).toString('base64url')
    const otherSignature = createDownloadLink({ workspaceId: owner.workspaceId, formId: owner.formId, conversionId: null, asset: { id: asset.id }, ttlSeconds: 60 }).split('.')[1]
    const forgeries = [
      `/d/${edited}.${signature}`, // a later expiry
      `/d/${payload}.${otherSignature}`, // another link's signature
      `/d/${payload}.${signature.slice(0, -2)}`,
      `/d/${payload}`,
      `/d/${payload}.${signature}.extra`,
      '/d/not-a-token',
      `/d/${'a'.repeat(5000)}.${signature}`,
    ]
    for (const path of forgeries) {
      const res = await download(path)
      expect(res.status, path).toBe(404)
      expect(res.bytes.toString()).toContain('This download link is not valid')
    }
  })

  test("a genuine link naming another workspace's file finds nothing", async () => {
    const { asset } = await uploaded()
    const stranger = await ownerWithForm()
    const link = createDownloadLink({ workspaceId: stranger.workspaceId, formId: stranger.formId, conversionId: null, asset: { id: asset.id } })
    const res = await download(link)
    expect(res.status).toBe(404)
    expect(res.bytes.toString()).toContain('no longer available')
    expect(res.bytes.equals(PDF)).toBe(false)
  })

  test('a file deleted after the link was sent is a 404 page', async () => {
    const { asset, link } = await uploaded()
    await db.delete(assets).where(eq(assets.id, asset.id))
    expect((await download(link)).status).toBe(404)
  })

  test('members get short-lived links to check their uploads in the builder', async () => {
    const owner = await ownerWithForm()
    const result = await upload(owner.cookie, owner.formId, new File([PDF], 'check.pdf'))
    const id = (result.body as { asset: { id: string } }).asset.id
    const { loader } = await import('#app/routes/_app.forms.$id/route')
    const loaded = await readResult(await callRoute(loader as never, `/forms/${owner.formId}`, { cookie: owner.cookie, params: { id: owner.formId } }))
    const [listed] = (loaded.body as { assets: { id: string; url: string }[] }).assets
    expect(listed).toMatchObject({ id, filename: 'check.pdf', size: PDF.length })
    const reading = readDownloadLink(listed!.url.slice(3))
    expect(reading.ok && reading.link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3600 * 1000)
    expect((await download(listed!.url)).bytes.equals(PDF)).toBe(true)
  })
})
