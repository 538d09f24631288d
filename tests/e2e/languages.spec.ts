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
