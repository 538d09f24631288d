import { expect, test } from '@playwright/test'
import { createApiKey, logIn, newAccount, signUp } from './fixtures'

test('A marketer signs up, logs in, creates an API key and logs out', async ({ page, request }) => {
  const ada = newAccount('Ada')
  await signUp(page, ada)
  await expect(page.getByTestId('workspace-name')).toHaveText(ada.workspaceName)
  for (const section of ['Pages', 'Forms', 'Experiments', 'Leads', 'Dashboard']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).click()
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible()
  }

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await logIn(page, ada)

  const key = await createApiKey(page, 'CRM sync')
  await expect(page.getByTestId('api-key-row')).toContainText(key.slice(0, 11))
  await page.reload()
  await expect(page.getByTestId('new-api-key')).toHaveCount(0) // shown once, never again
  const workspace = await request.get('/api/v1/workspace', { headers: { Authorization: `Bearer ${key}` } })
  expect(workspace.status()).toBe(200)
  expect(await workspace.json()).toMatchObject({ name: ada.workspaceName })

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await page.goto('/settings/api-keys')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings%2Fapi-keys$/)

  await page.goto('/settings/api-keys')
  await page.getByLabel('Email').fill(ada.email)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password')
})

test('Sign-up explains bad input next to each field, with and without JavaScript', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled })
    const page = await context.newPage()
    await page.goto('/signup')
    if (javaScriptEnabled) await expect(page.locator('html[data-hydrated]')).toBeAttached()
    await page.getByLabel('Work email').fill('not-an-email')
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Sign up' }).click()
    await expect(page.getByText('Enter a valid email address')).toBeVisible()
    await expect(page.getByText('Use at least 10 characters')).toBeVisible()
    await expect(page).toHaveURL(/\/signup$/)
    await context.close()
  }
})

test('Unknown addresses get a real 404 page', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response!.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})
