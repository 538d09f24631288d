import { chromium, expect, test } from '@playwright/test'
import config, { baseURL } from '../../playwright.config'
import { axeScan, hydrated, logIn, newAccount, signUp } from './fixtures'

test('A member changes their password, which logs out their other browser, then logs out everywhere', async ({ browser }) => {
  const account = newAccount('Petra')
  const laptop = await (await browser.newContext()).newPage()
  const phone = await (
    await browser.newContext({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' })
  ).newPage()
  await signUp(laptop, account)
  await logIn(phone, account)

  await laptop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await laptop.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Security' }).click()
  await expect(laptop).toHaveURL(/\/settings\/security$/)
  await hydrated(laptop)
  const sessions = laptop.getByTestId('session-row')
  await expect(sessions).toHaveCount(2)
  await expect(sessions.filter({ hasText: 'This browser' })).toContainText('Chrome on Linux')
  await expect(sessions.filter({ hasText: 'Safari on iPhone' })).toHaveCount(1)

  // A wrong current password is refused next to the field, which gets the focus.
  await laptop.getByLabel('Current password').fill('not my password')
  await laptop.getByLabel('New password', { exact: true }).fill('an even better password')
  await laptop.getByLabel('Repeat the new password').fill('an even better password')
  await laptop.getByRole('button', { name: 'Change password' }).click()
  await expect(laptop.getByText('That is not your current password')).toBeVisible()
  await expect(laptop.getByLabel('Current password')).toBeFocused()
  await expect(laptop.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true')

  await laptop.getByLabel('Current password').fill(account.password)
  await laptop.getByRole('button', { name: 'Change password' }).click()
  // Two scrypt hashes (check the old password, hash the new one): seconds on a busy machine.
  await expect(laptop.getByRole('status')).toHaveText('Password changed. Logged out 1 other session.', { timeout: 20_000 })
  await expect(sessions).toHaveCount(1)

  await phone.reload()
  await expect(phone).toHaveURL(/\/login\?redirectTo=/)
  await logIn(phone, { email: account.email, password: 'an even better password' })

  await laptop.reload()
  await expect(sessions).toHaveCount(2)
  await laptop.getByRole('button', { name: 'Log out everywhere' }).click()
  await expect(laptop).toHaveURL(/\/login$/)
  await phone.reload()
  await expect(phone).toHaveURL(/\/login\?redirectTo=/)
})

test('The Security page reads well at 1366 and 390 px and has no accessibility violations', async ({ browser }) => {
  // Two contexts, a sign-up and a login, and axe at two widths, now with the WCAG 2.1 and 2.2 rules too: past 60 s on
  // a busy machine.
  test.setTimeout(120_000)
  const account = newAccount('Sami')
  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    // bypassCSP: the admin pages' policy rightly refuses the injected axe script.
    const context = await browser.newContext({ viewport, bypassCSP: true })
    const page = await context.newPage()
    if (viewport.width === 1366) await signUp(page, account)
    else await logIn(page, account)
    await page.goto('/settings/security')
    await hydrated(page)
    await expect(page.getByRole('heading', { name: 'Password' })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
    // Any impact here, minor included: this screen was clean of all of them and stays so.
    const violations = await axeScan(page, { impacts: ['minor', 'moderate', 'serious', 'critical'] })
    expect(violations).toEqual([])
    await page.screenshot({ path: `test-results/settings-security-${viewport.width}.png`, fullPage: true })
    await context.close()
  }
})

test('A login whose cookie the browser does not keep explains why instead of bouncing back silently', async ({ page, request }) => {
  const account = newAccount('Lars')
  await signUp(page, account)
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await hydrated(page)
  // Play a browser that refuses the cookie: the login is sent from a separate client (the `request` fixture, whose
  // cookies are its own) and its answer reaches the page without Set-Cookie.
  await page.route(/\/login(\.data)?(\?.*)?$/, async (route) => {
    const sent = route.request()
    if (sent.method() !== 'POST') return route.continue()
    const response = await request.fetch(sent.url(), { method: 'POST', headers: sent.headers(), data: sent.postDataBuffer() ?? undefined, maxRedirects: 0 })
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name !== 'set-cookie'))
    await route.fulfill({ status: response.status(), headers, body: await response.body() })
  })
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/login\?check=1&redirectTo=%2Fdashboard$/)
  await expect(page.getByRole('alert')).toContainText('did not keep the login cookie')
  await expect(page.getByRole('alert')).toContainText('refusing cookies for localhost')
  // The form is still there to try again.
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible()
})

test('Over plain http at a name other than localhost, logging in works (cookies are not marked Secure)', async () => {
  // Chromium resolves splitform.test to this machine: an http origin that is not "potentially trustworthy", where
  // a Secure cookie would be dropped (issue 14: login bounced back to /login).
  const options = config.use!.launchOptions!
  const lan = await chromium.launch({ ...options, args: [...(options.args ?? []), '--host-resolver-rules=MAP splitform.test 127.0.0.1'] })
  try {
    const origin = baseURL.replace('localhost', 'splitform.test')
    const page = await (await lan.newContext({ baseURL: origin, userAgent: config.use!.userAgent })).newPage()
    const account = newAccount('Nina')
    await signUp(page, account)
    await page.getByRole('button', { name: 'Log out' }).click()
    await logIn(page, account)
    await expect(page.getByTestId('workspace-name')).toHaveText(account.workspaceName)
    const cookies = await page.context().cookies()
    expect(cookies.find((c) => c.name === 'sf_session')).toMatchObject({ domain: 'splitform.test', secure: false })
  } finally {
    await lan.close()
  }
})
