import { expect, test, type Page } from '@playwright/test'
import { newAccount, signUp } from './fixtures'

// The whole way from a marketer's form to a lead in sales' hands: build, place, publish, visitors submit with
// JavaScript and without, and the lead shows up with its source and moves to SQL.

async function buildForm(page: Page, name: string) {
  await page.goto('/forms')
  await expect(page.locator('html[data-hydrated]')).toBeAttached()
  await page.getByLabel('Name (only you see it)').fill(name)
  await page.getByLabel('Content download').check()
  await page.getByRole('button', { name: 'Create form' }).click()
  await expect(page.getByRole('form', { name: 'Form builder' })).toBeVisible()
  await expect(page.locator('html[data-hydrated]')).toBeAttached()
  // The starter fields carry a consent checkbox; add a phone field and see it in the live preview.
  const preview = page.getByTestId('form-preview')
  await expect(preview.getByRole('checkbox')).toBeVisible()
  await page.getByLabel('Field type').selectOption('phone')
  await page.getByRole('button', { name: 'Add field' }).click()
  await expect(preview.locator('input[type="tel"]')).toBeVisible()
  await page.getByRole('button', { name: 'Save form' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved\.|All changes saved/ })).toBeVisible()
}

async function placeOnPage(page: Page, formName: string, slug: string) {
  await page.goto('/pages')
  await expect(page.locator('html[data-hydrated]')).toBeAttached()
  await page.getByLabel('Name').fill('Benchmark report')
  await page.getByLabel('Slug').fill(slug)
  await expect(page.getByText(`/p/${slug} is available`)).toBeVisible()
  await page.getByLabel('Report download').check()
  await page.getByRole('button', { name: 'Create page' }).click()
  await page.getByRole('link', { name: 'Edit A' }).click()
  const canvas = page.frameLocator('iframe').first()
  await expect(canvas.locator('h1').first()).toBeVisible({ timeout: 20_000 })
  await canvas.locator('.sf-form').first().click()
  await page.getByRole('combobox', { name: 'Form', exact: true }).selectOption({ label: `${formName} (soft)` })
  await expect(canvas.getByTestId('pick-a-form')).toHaveCount(0)
  await expect(page.getByTestId('save-status')).toContainText('Draft saved', { timeout: 10_000 })
  await page.getByText('Publish', { exact: true }).click()
  await expect(page.getByTestId('save-status')).toContainText('Published version 1', { timeout: 10_000 })
}

test('A form with consent goes on a page; visitors with and without JavaScript become leads that sales can work', async ({ page, browser }) => {
  test.setTimeout(180_000)
  await signUp(page, newAccount('Fay'))
  const formName = `Report form ${Date.now().toString(36)}`
  const slug = `report-${Date.now().toString(36)}`
  await buildForm(page, formName)
  await placeOnPage(page, formName, slug)

  // With JavaScript: react-hook-form checks the email before anything is sent, then the thank-you replaces the form.
  const withJs = await browser.newContext()
  const visitor = await withJs.newPage()
  await visitor.goto(`/p/${slug}?utm_source=newsletter&utm_medium=email&utm_campaign=november`)
  await visitor.getByLabel('Work email').fill('ada@')
  await visitor.getByRole('textbox', { name: 'Name (required)', exact: true }).fill('Ada Lovelace')
  await visitor.getByLabel('Company').fill('Analytical Engines')
  await visitor.getByRole('checkbox').check()
  await visitor.getByRole('button', { name: /download|get|submit/i }).click()
  await expect(visitor.getByText('Enter a valid email address')).toBeVisible()
  await visitor.getByLabel('Work email').fill('ada@analytical.example')
  await visitor.getByRole('button', { name: /download|get|submit/i }).click()
  await expect(visitor.locator('.sf-form__success')).toBeVisible()
  expect(visitor.url()).toContain(`/p/${slug}?utm_source=newsletter`) // no page load: the same URL
  await withJs.close()

  // Without JavaScript: the server answers with the errors and keeps what was typed, then the thank-you page.
  const noJs = await browser.newContext({ javaScriptEnabled: false })
  const plain = await noJs.newPage()
  await plain.goto(`/p/${slug}`)
  await plain.getByLabel('Work email').fill('grace@navy') // valid for the browser, not for us: no domain suffix
  await plain.getByRole('textbox', { name: 'Name (required)', exact: true }).fill('Grace Hopper')
  await plain.getByLabel('Company').fill('US Navy')
  await plain.getByRole('checkbox').check()
  await plain.waitForTimeout(1100) // the form's minimum fill time
  await plain.getByRole('button', { name: /download|get|submit/i }).click()
  await expect(plain.getByText('Enter a valid email address')).toBeVisible()
  await expect(plain.getByLabel('Company')).toHaveValue('US Navy')
  await plain.getByLabel('Work email').fill('grace@navy.example')
  await plain.getByRole('checkbox').check()
  await plain.getByRole('button', { name: /download|get|submit/i }).click()
  await expect(plain).toHaveURL(/sf_done=/)
  await expect(plain.locator('.sf-form__success')).toBeVisible()
  await noJs.close()

  // Both are leads: cold (a soft form), with where they came from; move Ada to SQL.
  await page.goto('/leads')
  await expect(page.getByRole('link', { name: 'grace@navy.example' })).toBeVisible()
  await page.getByRole('link', { name: 'ada@analytical.example' }).click()
  await expect(page.getByText(/Cold/).first()).toBeVisible()
  await expect(page.getByText(/newsletter \/ email/).first()).toBeVisible()
  await expect(page.locator('html[data-hydrated]')).toBeAttached()
  await page.getByLabel('Stage').selectOption('sql')
  await page.getByRole('button', { name: 'Save stage' }).click()
  await expect(page.getByLabel('Stage')).toHaveValue('sql')
  await expect(page.getByText(/Lead → SQL|Lead\s*→\s*SQL/).first()).toBeVisible()
})
