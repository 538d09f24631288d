import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { CATALOGUES } from '../../app/visitor-language/catalogue'
import { axeScan, createApiKey, hydrated, logIn, newAccount, signUp, type Account } from './fixtures'

// Issue 19, the consent banner (slice 19b): a page of a workspace that asks for consent shows the banner until the
// visitor chooses; the keyboard alone accepts or rejects; the choice is `sf_consent`; a site's consent tool can
// choose through window.splitform.consent; the banner passes axe at phone and laptop widths and moves nothing (CLS 0).
// One new workspace (new workspaces ask for consent), so no other story meets its banner; the stories run in order
// because the last one turns the banner off.

test.describe.configure({ mode: 'serial' })

const english = CATALOGUES.en.consent
let auth: Record<string, string>
let slug: string
const account: Account = newAccount('Consent')

async function publishPage(request: APIRequestContext) {
  const form = await request.post('/api/v1/forms', {
    headers: auth,
    data: { name: `Consent ${Date.now()}`, purpose: 'other', minFillSeconds: 0, fields: [{ key: 'email', type: 'email', label: 'Email', required: true }] },
  })
  expect(form.status()).toBe(201)
  const name = `consent-${Date.now()}`
  const page = await request.post('/api/v1/pages', { headers: auth, data: { name, slug: name, template: 'blank', formId: (await form.json()).id, locale: 'en' } })
  expect(page.status()).toBe(201)
  expect((await request.post(`/api/v1/pages/${(await page.json()).id}/publish`, { headers: auth })).ok()).toBe(true)
  return name
}

const banner = (page: Page) => page.getByRole('region', { name: english.title })
const consentCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'sf_consent')

async function visitor(browser: Browser, width = 1366) {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } })
  return { context, page: await context.newPage() }
}

test.beforeAll(async ({ browser, request }) => {
  const owner = await browser.newPage()
  await signUp(owner, account)
  auth = { Authorization: `Bearer ${await createApiKey(owner, 'consent e2e')}` }
  await owner.close()
  const settings = await request.patch('/api/v1/workspace', { headers: auth, data: { privacy: { policyUrl: 'https://example.com/privacy', cookieDays: 200 } } })
  expect(await settings.json()).toMatchObject({ privacy: { mode: 'consent', banner: true, cookieDays: 200 } })
  slug = await publishPage(request)
})

test('A visitor accepts with the keyboard alone; the banner goes, focus stays in the page, and it does not come back', async ({ browser }) => {
  const { context, page } = await visitor(browser)
  await page.goto(`/p/${slug}`)
  await expect(banner(page)).toBeVisible()
  await expect(banner(page).getByRole('link', { name: english.policy })).toHaveAttribute('href', 'https://example.com/privacy')
  // Non-modal: nothing took focus on its own; the banner is first in the page, so the first Tab reaches Accept.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(banner(page).getByRole('button', { name: english.accept })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-sf-consent-banner]')).toHaveCount(0)
  await expect(page.locator('main')).toBeFocused()
  const cookie = await consentCookie(context)
  expect(cookie).toMatchObject({ value: 'granted', path: '/', sameSite: 'Lax', httpOnly: false, secure: false })
  // Max-Age is the workspace's cookieDays (200): it expires in 200 days, give or take the test's own run time.
  expect(Math.abs(cookie!.expires - (Date.now() / 1000 + 200 * 86400))).toBeLessThan(120)
  await page.reload()
  await expect(page.locator('h1, main').first()).toBeVisible()
  await expect(page.locator('[data-sf-consent-banner]')).toBeHidden()
  await context.close()
})

test('A visitor rejects with Space; the banner is not shown again', async ({ browser }) => {
  const { context, page } = await visitor(browser, 390)
  await page.goto(`/p/${slug}`)
  const reject = banner(page).getByRole('button', { name: english.reject })
  await expect(reject).toBeVisible()
  for (let presses = 0; presses < 5 && !(await reject.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab')
  await expect(reject).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.locator('[data-sf-consent-banner]')).toHaveCount(0)
  expect((await consentCookie(context))?.value).toBe('denied')
  await page.reload()
  await expect(page.locator('main')).toBeVisible()
  await expect(page.locator('[data-sf-consent-banner]')).toBeHidden()
  await context.close()
})

test("While the banner shows, a phone visitor can still reach and use the page's last control", async ({ browser }) => {
  const { context, page } = await visitor(browser, 390)
  await page.goto(`/p/${slug}`)
  await expect(banner(page)).toBeVisible()
  // The submit button ends the page: it must scroll clear of the fixed banner, which would otherwise cover it.
  await page.locator('.sf-form [type=submit]').click({ timeout: 5000 })
  await expect(page.locator('.sf-form [id$="-error"]').first()).toBeVisible()
  await expect(banner(page)).toBeVisible() // using the page is not a choice
  expect(await consentCookie(context)).toBeUndefined()
  await context.close()
})

test('Accept and Reject carry equal weight: same size, same style', async ({ browser }) => {
  const { context, page } = await visitor(browser)
  await page.goto(`/p/${slug}`)
  const look = (name: string) =>
    banner(page)
      .getByRole('button', { name })
      .evaluate((el) => {
        const s = getComputedStyle(el)
        const box = el.getBoundingClientRect()
        return { w: Math.round(box.width), h: Math.round(box.height), color: s.color, background: s.backgroundColor, border: s.border, weight: s.fontWeight, size: s.fontSize }
      })
  expect(await look(english.accept)).toEqual(await look(english.reject))
  await context.close()
})

test("A site's own consent tool chooses through window.splitform.consent", async ({ browser }) => {
  const { context, page } = await visitor(browser)
  await page.goto(`/p/${slug}`)
  await expect(banner(page)).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { splitform: { consent: () => unknown } }).splitform.consent())).toBeNull()
  const refused = await page.evaluate(() => {
    try {
      ;(window as unknown as { splitform: { consent: (c: string) => unknown } }).splitform.consent('maybe')
      return 'accepted'
    } catch (error) {
      return String(error)
    }
  })
  expect(refused).toMatch(/TypeError/)
  expect(await page.evaluate(() => (window as unknown as { splitform: { consent: (c: string) => unknown } }).splitform.consent('granted'))).toBe('granted')
  await expect(page.locator('[data-sf-consent-banner]')).toHaveCount(0)
  expect((await consentCookie(context))?.value).toBe('granted')
  await context.close()
})

test('A consent tool already on the page decides: a Google Consent Mode update, an IAB TCF choice', async ({ browser }) => {
  type Tcf = (data: object, success: boolean) => void
  const google = await visitor(browser)
  await google.page.addInitScript(() => {
    const w = window as unknown as { dataLayer: unknown[]; gtag: (...args: unknown[]) => void }
    w.dataLayer = []
    w.gtag = function () {
      // eslint-disable-next-line prefer-rest-params -- gtag pushes its arguments object, as Google's snippet does
      w.dataLayer.push(arguments)
    }
    w.gtag('consent', 'default', { analytics_storage: 'denied' })
  })
  await google.page.goto(`/p/${slug}`)
  await expect(banner(google.page)).toBeVisible() // a default is the site's starting point, not the visitor's choice
  expect(await consentCookie(google.context)).toBeUndefined()
  await google.page.evaluate(() => (window as unknown as { gtag: (...args: unknown[]) => void }).gtag('consent', 'update', { analytics_storage: 'granted' }))
  await expect(google.page.locator('[data-sf-consent-banner]')).toHaveCount(0)
  expect((await consentCookie(google.context))?.value).toBe('granted')
  await google.context.close()

  const tcf = await visitor(browser)
  await tcf.page.addInitScript(() => {
    const w = window as unknown as { __tcfapi: (command: string, version: number, callback: Tcf) => void; tcfListener: Tcf }
    w.__tcfapi = (command, _version, callback) => {
      if (command !== 'addEventListener') return
      w.tcfListener = callback
      callback({ gdprApplies: true, eventStatus: 'cmpuishown' }, true)
    }
  })
  await tcf.page.goto(`/p/${slug}`)
  await expect(banner(tcf.page)).toBeVisible()
  const choose = (consents: Record<number, boolean>) =>
    tcf.page.evaluate((purposes) => (window as unknown as { tcfListener: Tcf }).tcfListener({ gdprApplies: true, eventStatus: 'useractioncomplete', purpose: { consents: purposes } }, true), consents)
  await choose({ 1: true, 8: true, 9: false })
  expect((await consentCookie(tcf.context))?.value).toBe('denied')
  await expect(tcf.page.locator('[data-sf-consent-banner]')).toHaveCount(0)
  await choose({ 1: true, 8: true, 9: true })
  expect((await consentCookie(tcf.context))?.value).toBe('granted')
  await tcf.context.close()
})

test('The banner passes axe at 390 and 1366 px and shifts nothing (CLS 0)', async ({ browser }) => {
  for (const width of [390, 1366]) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, bypassCSP: true })
    const page = await context.newPage()
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number }
      w.shifts = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.shifts += entry.value
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(`/p/${slug}`)
    await expect(banner(page)).toBeVisible()
    expect(await axeScan(page, { impacts: ['minor', 'moderate', 'serious', 'critical'] }), `at ${width} px`).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), `CLS at ${width} px`).toBe(0)
    await context.close()
  }
})

test('With a consent tool in charge (banner off) there is no banner, and the hook still works', async ({ browser, request }) => {
  expect((await request.patch('/api/v1/workspace', { headers: auth, data: { privacy: { banner: false } } })).ok()).toBe(true)
  const hooksOnly = await publishPage(request)
  const { context, page } = await visitor(browser)
  await page.goto(`/p/${hooksOnly}`)
  await expect(page.locator('main')).toBeVisible()
  await expect(page.locator('[data-sf-consent-banner]')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { splitform: { consent: (c: string) => unknown } }).splitform.consent('denied'))).toBe('denied')
  expect((await consentCookie(context))?.value).toBe('denied')
  await context.close()
})

// The server's half (consent-aware serving, decision 083): identifying cookies only after `granted`. Before the
// settings story below, which leaves the workspace cookieless.
test('The server follows the choice: no sf_vid before a choice or after a rejection, sf_vid on the view after acceptance, gone after a withdrawal', async ({ browser }) => {
  const { context, page } = await visitor(browser)
  const visitorCookie = async () => (await context.cookies()).find((c) => c.name === 'sf_vid')
  await page.goto(`/p/${slug}`)
  expect(await visitorCookie()).toBeUndefined()
  await page.evaluate(() => (window as unknown as { splitform: { consent: (c: string) => unknown } }).splitform.consent('denied'))
  await page.reload()
  expect(await visitorCookie()).toBeUndefined()
  await banner(page).waitFor({ state: 'detached' })
  await page.evaluate(() => (window as unknown as { splitform: { consent: (c: string) => unknown } }).splitform.consent('granted'))
  expect(await visitorCookie()).toBeUndefined() // nothing reloads: the choice serves the next request
  await page.reload()
  expect(await visitorCookie()).toBeDefined()
  // Withdrawn: the script cannot delete an HttpOnly cookie, so the next response expires it.
  await page.evaluate(() => (window as unknown as { splitform: { consent: (c: string) => unknown } }).splitform.consent('denied'))
  await page.reload()
  expect((await context.cookies()).filter((c) => /^sf_(vid|ft|lt|x_)/.test(c.name))).toEqual([])
  await context.close()
})

test('The owner sets the mode on the settings screen, the wording of a language, and a bad value is named', async ({ page, request }) => {
  await logIn(page, account)
  await page.goto('/settings')
  await hydrated(page)
  const privacy = page.getByRole('form', { name: 'Privacy' })
  await expect(privacy.getByLabel('Ask for consent')).toBeChecked()
  await expect(privacy.getByLabel("Show Splitform's consent banner")).not.toBeChecked() // turned off by the story before
  await privacy.getByLabel('Never use cookies').check()
  await privacy.getByLabel("Show Splitform's consent banner").check()
  await privacy.getByLabel('Remember the choice for (days)').fill('20')
  await privacy.getByRole('button', { name: 'Save privacy settings' }).click()
  await expect(privacy.getByText('Keep cookies at least 30 days')).toBeVisible()
  await privacy.getByLabel('Remember the choice for (days)').fill('365')
  await privacy.getByText("The banner's wording").click()
  await privacy
    .getByRole('group', { name: /Svenska/ })
    .getByLabel('Accept button')
    .fill('Ja tack')
  await privacy.getByRole('button', { name: 'Save privacy settings' }).click()
  await expect(privacy.getByRole('status')).toHaveText(/Saved/)
  const saved = await (await request.get('/api/v1/workspace', { headers: auth })).json()
  expect(saved.privacy).toEqual({
    mode: 'cookieless',
    banner: true,
    cookieDays: 365,
    retentionMonths: 13,
    policyUrl: 'https://example.com/privacy',
    bannerText: { sv: { accept: 'Ja tack' } },
    cmp: null,
  })
})
