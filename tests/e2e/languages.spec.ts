import { expect, test } from '@playwright/test'
import { hydrated, newAccount, signUp } from './fixtures'

test('A marketer picks Swedish in the header: the admin speaks it, hydrates in it, and a Swedish browser gets it before login', async ({ page, browser }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
  })
  const stina = newAccount('Stina')
  await signUp(page, stina)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.locator('#language-picker').selectOption('sv')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await page.reload()
  await hydrated(page)
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' })).toBeVisible()
  expect(errors, 'no hydration mismatch or other console error').toEqual([])

  const swedishBrowser = await browser.newContext({ locale: 'sv-SE' })
  const login = await swedishBrowser.newPage()
  await login.goto('/login')
  await hydrated(login)
  await expect(login.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(login).toHaveTitle('Logga in · Splitform')
  await login.getByLabel('E-post').fill(stina.email)
  await login.getByLabel('Lösenord').fill('wrong password')
  await login.getByRole('button', { name: 'Logga in' }).click()
  await expect(login.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord')
  await swedishBrowser.close()
})

test('A marketer picks Danish: the dashboard and an experiment list hydrate in Danish, and a Danish browser logs in in Danish', async ({ page, browser }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
  })
  const mette = newAccount('Mette')
  await signUp(page, mette)
  await page.locator('#language-picker').selectOption('da')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'da')
  // Dates and numbers are written on the server and again in the browser: a Danish format that differs between
  // the two would show here as a hydration warning.
  for (const path of ['/dashboard', '/experiments', '/leads']) {
    await page.goto(path)
    await hydrated(page)
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Overblik' })).toBeVisible()
  }
  expect(errors, 'no hydration mismatch or other console error').toEqual([])

  const danishBrowser = await browser.newContext({ locale: 'da-DK' })
  const login = await danishBrowser.newPage()
  await login.goto('/login')
  await hydrated(login)
  await expect(login.locator('html')).toHaveAttribute('lang', 'da')
  await login.getByLabel('E-mail').fill(mette.email)
  await login.getByLabel('Adgangskode').fill('wrong password')
  await login.getByRole('button', { name: 'Log ind' }).click()
  await expect(login.getByRole('alert')).toHaveText('Forkert e-mail eller adgangskode')
  await danishBrowser.close()
})

test('A Swedish user’s dashboard document refers to the cached catalogue instead of carrying it, and hydrates in Swedish', async ({ browser }) => {
  const signup = await browser.newContext()
  const setup = await signup.newPage()
  await signUp(setup, newAccount('Ebba'))
  await setup.locator('#language-picker').selectOption('sv')
  await setup.getByRole('button', { name: 'Save' }).click()
  await expect(setup.getByRole('button', { name: 'Logga ut' })).toBeVisible()
  // A browser of its own with her session: an empty cache, as on her first visit from another computer.
  const context = await browser.newContext({ storageState: await signup.storageState() })
  await signup.close()
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  const catalogueRequests: string[] = []
  page.on('request', (request) => {
    if (/\/assets\/sv-[\w-]+\.json$/.test(request.url())) catalogueRequests.push(request.url())
  })

  const html = await (await page.goto('/dashboard'))!.text()
  expect(html).toContain('<html lang="sv"')
  // The sign-up form's hint: a catalogue entry the dashboard does not show, in the document only with the whole catalogue.
  expect(html).not.toContain('Ditt företag eller team')
  const href = /<link rel="preload" href="(\/assets\/sv-[\w-]+\.json)" as="fetch" crossorigin="anonymous"\/>/.exec(html)?.[1]
  expect(href, 'the document preloads the catalogue').toBeTruthy()
  await hydrated(page)
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Översikt' })).toBeVisible()
  // A screen the browser renders itself speaks Swedish too: the translator it hydrated with has the catalogue.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sidor' }).click()
  await expect(page.getByText('Landningssidor med sina varianter och publicerade versioner.')).toBeVisible()
  // The preload and the fetch before hydration are one request (a preload left unused warns in the console).
  expect(catalogueRequests).toEqual([new URL(href!, page.url()).href])
  const asset = await page.request.get(href!)
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(asset.headers()['content-type']).toMatch(/^application\/json/)
  expect(problems, 'no hydration mismatch or other console error').toEqual([])
  await context.close()
})
