import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { createApiKey, hydrated, newAccount, signUp } from './fixtures'

// Issue 19, a consent tool the site already has (decision 095): the owner names the CMP's script on the settings
// screen (a bad attribute is named), published pages load it first in their head from its own origin (a second HTTP
// server here, on another port, as a vendor's CDN would be), the page's CSP lets it load its stylesheet, fetch its
// settings and show its images, and its IAB TCF answer is Splitform's: after the visitor accepts in the CMP's own
// dialog, sf_consent is granted and the next request issues sf_vid. No CSP violation on the way.

/** A tiny IAB TCF v2.2 CMP: __tcfapi at once (as a vendor's stub does), then its settings, its dialog, the choice. */
const CMP_SCRIPT = `(() => {
  const script = document.currentScript
  const origin = new URL(script.src).origin
  const listeners = []
  let tcData = { gdprApplies: true, eventStatus: 'cmpuishown', purpose: { consents: {} } }
  window.__tcfapi = (command, version, callback) => {
    if (command !== 'addEventListener') return
    listeners.push(callback)
    callback(tcData, true)
  }
  const sheet = document.createElement('link')
  sheet.rel = 'stylesheet'
  sheet.href = origin + '/cmp.css'
  document.head.appendChild(sheet)
  fetch(origin + '/settings.json').then((res) => res.json()).then((settings) => {
    const dialog = document.createElement('div')
    dialog.className = 'e2e-cmp'
    dialog.setAttribute('role', 'dialog')
    dialog.setAttribute('aria-label', settings.title + ' (' + script.getAttribute('data-cmp-id') + ')')
    const logo = document.createElement('img')
    logo.src = origin + '/logo.svg'
    logo.alt = ''
    const accept = document.createElement('button')
    accept.textContent = settings.accept
    accept.addEventListener('click', () => {
      tcData = { gdprApplies: true, eventStatus: 'useractioncomplete', purpose: { consents: { 1: true, 8: true, 9: true } } }
      for (const listener of listeners) listener(tcData, true)
      dialog.remove()
    })
    dialog.append(logo, accept)
    document.body.appendChild(dialog)
  })
})()`

const FILES: Record<string, [string, string]> = {
  '/cmp.js': ['text/javascript', CMP_SCRIPT],
  '/cmp.css': ['text/css', '.e2e-cmp{position:fixed;bottom:0;left:0;right:0;padding:16px;background:#fff;border-top:2px solid #111}'],
  '/settings.json': ['application/json', JSON.stringify({ title: 'Example CMP', accept: 'Accept all' })],
  '/logo.svg': ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="#111"/></svg>'],
}

let cmpServer: http.Server
let cmpOrigin: string
const requested: string[] = []

test.beforeAll(async () => {
  cmpServer = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requested.push(path)
    const file = FILES[path]
    if (!file) return void res.writeHead(404).end()
    // Another origin than the page's: its settings are fetched with CORS, as a vendor's are.
    res.writeHead(200, { 'Content-Type': file[0], 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' })
    res.end(file[1])
  })
  await new Promise<void>((resolve) => cmpServer.listen(0, '127.0.0.1', resolve))
  cmpOrigin = `http://127.0.0.1:${(cmpServer.address() as AddressInfo).port}`
})

test.afterAll(() => new Promise<void>((resolve) => cmpServer.close(() => resolve())))

test("A visitor accepts in the site's own consent tool; Splitform follows it, and nothing breaks the page's CSP", async ({ browser, request }) => {
  const owner = await browser.newPage()
  await signUp(owner, newAccount('Cmp'))
  const auth = { Authorization: `Bearer ${await createApiKey(owner, 'cmp e2e')}` }
  // The owner connects the CMP on the settings screen, where it asks instead of Splitform's banner.
  await owner.goto('/settings')
  await hydrated(owner)
  const privacy = owner.getByRole('form', { name: 'Privacy' })
  await privacy.getByLabel("Show Splitform's consent banner").uncheck()
  await privacy.getByLabel('Script address').fill(`${cmpOrigin}/cmp.js`)
  await privacy.getByLabel('Attributes').fill('data-cmp-id=e2e-42\nonload=alert(1)')
  await privacy.getByRole('button', { name: 'Save privacy settings' }).click()
  await expect(privacy.getByText('Only data-* attributes and id: onload')).toBeVisible()
  await privacy.getByLabel('Attributes').fill('data-cmp-id=e2e-42')
  await privacy.getByRole('button', { name: 'Save privacy settings' }).click()
  await expect(privacy.getByRole('status')).toHaveText(/Saved/)
  await owner.close()
  const cmp = { scriptUrl: `${cmpOrigin}/cmp.js`, attributes: { 'data-cmp-id': 'e2e-42' } }
  const settings = await request.get('/api/v1/workspace', { headers: auth })
  expect((await settings.json()).privacy).toMatchObject({ mode: 'consent', banner: false, cmp })
  const form = await request.post('/api/v1/forms', {
    headers: auth,
    data: { name: `Cmp ${Date.now()}`, purpose: 'other', minFillSeconds: 0, fields: [{ key: 'email', type: 'email', label: 'Email', required: true }] },
  })
  expect(form.status()).toBe(201)
  const slug = `cmp-${Date.now()}`
  const page = await request.post('/api/v1/pages', { headers: auth, data: { name: slug, slug, template: 'blank', formId: (await form.json()).id, locale: 'en' } })
  expect(page.status(), await page.text()).toBe(201)
  expect((await request.post(`/api/v1/pages/${(await page.json()).id}/publish`, { headers: auth })).ok()).toBe(true)

  const context = await browser.newContext()
  const visitor = await context.newPage()
  const violations: string[] = []
  await visitor.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await visitor.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  visitor.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  const cookie = async (name: string) => (await context.cookies()).find((c) => c.name === name)

  const response = await visitor.goto(`/p/${slug}`)
  expect(response!.headers()['content-security-policy']).toContain(`script-src 'self' ${cmpOrigin}`)
  const dialog = visitor.getByRole('dialog', { name: 'Example CMP (e2e-42)' })
  await expect(dialog).toBeVisible()
  // Its stylesheet applied and its image loaded: style-src and img-src allow its origin.
  await expect(dialog).toHaveCSS('position', 'fixed')
  await expect.poll(() => dialog.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  expect(requested).toEqual(expect.arrayContaining(['/cmp.js', '/cmp.css', '/settings.json', '/logo.svg']))
  // Splitform's banner stays off, and nothing identifying is set before the choice.
  await expect(visitor.locator('[data-sf-consent-banner]')).toHaveCount(0)
  expect(await cookie('sf_consent')).toBeUndefined()
  expect(await cookie('sf_vid')).toBeUndefined()

  await dialog.getByRole('button', { name: 'Accept all' }).click()
  await expect(dialog).toHaveCount(0)
  await expect.poll(async () => (await cookie('sf_consent'))?.value).toBe('granted')
  expect(await cookie('sf_vid')).toBeUndefined() // nothing reloads: the choice serves the next request
  await visitor.reload()
  await expect(visitor.locator('main')).toBeVisible()
  expect(await cookie('sf_vid')).toBeDefined()

  expect(violations).toEqual([])
  await context.close()
})
