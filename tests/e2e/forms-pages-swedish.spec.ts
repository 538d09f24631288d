import { expect, test } from '@playwright/test'
import { hydrated, newAccount, signUp } from './fixtures'

// Issue 18: the forms, the form builder and the pages screens in Swedish with JavaScript on, so the browser's own
// checks (zod in the builder, the slug check while typing) speak Swedish too and hydration matches the server.

test('A Swedish marketer builds a form and starts a page in Swedish, and the browser-side checks answer in Swedish', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await signUp(page, newAccount('Sara'))
  await page.locator('#language-picker').selectOption('sv')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible()

  await page.goto('/forms')
  await hydrated(page)
  await expect(page).toHaveTitle('Formulär · Splitform')
  await page.getByLabel('Namn (syns bara för dig)').fill('Boka demo')
  await page.getByLabel('Demoförfrågan').check()
  await page.getByRole('button', { name: 'Skapa formulär' }).click()
  const builder = page.getByRole('form', { name: 'Formulärbyggare' })
  await expect(builder).toBeVisible()
  await hydrated(page)

  // A field added in the browser, named in Swedish; then a name left empty is refused in Swedish before saving.
  await page.getByLabel('Fälttyp').selectOption('phone')
  await page.getByRole('button', { name: 'Lägg till fält' }).click()
  await expect(page.getByText('Lade till ett fält av typen Telefon')).toBeAttached()
  await builder.getByLabel('Namn (syns bara för dig)').fill('')
  await page.getByRole('button', { name: 'Spara formulär' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Åtgärda det här problemet för att kunna spara:' })).toContainText('Ange ett namn')
  await builder.getByLabel('Namn (syns bara för dig)').fill('Boka demo')
  await page.getByRole('button', { name: 'Spara formulär' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^(Sparat\.|Alla ändringar är sparade)$/ })).toBeVisible()

  await page.goto('/pages')
  await hydrated(page)
  const slug = `varsida-${Date.now()}`
  await page.getByLabel('Namn', { exact: true }).fill('Vårsida')
  await page.getByLabel('Adressnamn (slug)').fill(slug)
  await expect(page.getByText(`/p/${slug} är ledig`)).toBeVisible()
  await page.getByRole('button', { name: 'Skapa sida' }).click()
  await expect(page.getByRole('heading', { name: 'Sidinställningar' })).toBeVisible()
  await hydrated(page)
  await expect(page.getByRole('button', { name: 'Publicera alla varianter' })).toBeVisible()
  expect(errors, 'no hydration mismatch or other console error').toEqual([])
})
