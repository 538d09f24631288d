import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { validateFormDefinition, type FormDefinitionInput } from '#app/forms/definition'
import { createForm } from '#app/forms/form.server'
import { createPage, publishPage } from '#app/pages/queries.server'
import { servePublishedPage } from '#app/published/router.server'
import type { PrivacyMode } from '#db/enums'
import { setPrivacyMode } from '#tests/factories/privacy'

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

export const CONSENT_FORM: FormDefinitionInput = {
  purpose: 'content_download',
  conversionType: 'soft',
  minFillSeconds: 0,
  fields: [
    { key: 'email', type: 'email', label: 'Work email', required: true },
    { key: 'name', type: 'text', label: 'Name' },
    { key: 'company', type: 'text', label: 'Company' },
    { key: 'consent', type: 'consent', label: 'Consent', consentText: 'I agree to receive the guide and related emails.' },
  ],
  success: { type: 'message', message: 'Thanks! Check your inbox.' },
}

/**
 * A form on a published page in `workspaceId`, served at /p/<slug>. The workspace is put in `privacyMode`: by default
 * `cookies`, what the tests written before privacy modes (issue 19) expect of a visitor; new workspaces ask for consent.
 */
export async function publishFormPage({
  workspaceId,
  userId,
  definition = CONSENT_FORM,
  name = 'Guide form',
  locale,
  privacyMode = 'cookies',
}: {
  workspaceId: string
  userId: string
  definition?: FormDefinitionInput
  name?: string
  /** The page's language (a tag PageLocaleSchema accepts); English when left out. */
  locale?: string
  privacyMode?: PrivacyMode
}) {
  await setPrivacyMode(workspaceId, privacyMode)
  const parsed = validateFormDefinition(definition)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const form = await createForm({ workspaceId, name, definition: parsed.definition })
  const slug = `form-${randomUUID().slice(0, 8)}`
  const page = await createPage({ workspaceId, name: `Page ${slug}`, slug, template: 'blank', formId: form.id, locale })
  if (!page.ok) throw new Error(JSON.stringify(page))
  const published = await publishPage({ workspaceId, pageId: page.page.id, userId })
  if (!published.ok) throw new Error(JSON.stringify(published))
  return { formId: form.id, pageId: page.page.id, slug }
}

/** The visitor path (GET and POST /p/:slug) on a real HTTP server in this process. */
export async function startVisitorServer() {
  const server = http.createServer((req, res) => void servePublishedPage(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** The hidden runtime fields of the first form in a served page, as a browser would post them back. */
export function hiddenFieldsOf(html: string) {
  const value = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? ''
  return { _form: value('_form'), _idem: value('_idem'), _t: value('_t'), _variant: value('_variant'), _x: value('_x'), _hp: '' }
}

/** An address of 127.0.0.0/8 (all of it reaches this machine) for one test file: its own per-IP rate limit. */
export function loopbackAddress() {
  return `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`
}

/** A POST from `localAddress`, as a Response (fetch cannot choose its source address). */
export function postFrom(localAddress: string, url: string, { headers = {}, body = '' }: { headers?: Record<string, string>; body?: string }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', localAddress, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const responseHeaders = new Headers()
        for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) responseHeaders.append(name, String(v))
        const status = res.statusCode!
        resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: responseHeaders }))
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}
