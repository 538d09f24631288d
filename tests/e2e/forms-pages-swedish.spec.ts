import { expect, test } from '@playwright/test'
import { hydrated, newAccount, signUp } from './fixtures'

// Issue 18: the forms, the form builder and the pages screens in Swedish with JavaScript on, so the browser's own
// checks (zod in the builder, the slug check while typing) speak Swedish too and hydration matches the server.

test('A Swedish marketer builds a form, starts a page and opens its editor in Swedish, and the browser-side checks answer in Swedish', async ({ page }) => {
  // The editor (Puck) loads after the form builder and the pages screens: 25–40 s on a busy 2-core machine.
  test.setTimeout(120_000)
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

  // The editor: our blocks and fields, Puck's own chrome (its dictionary) and the names we give its parts.
  await page.getByRole('link', { name: 'Redigera A' }).click()
  const canvas = page.frameLocator('iframe').first()
  await expect(canvas.locator('h1').first()).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText('Skiljelinje', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('Innehåll', { exact: true }).first()).toBeVisible()
  await expect(page.locator('iframe[title="Förhandsvisning av sidan"]')).toBeAttached()
  await expect(page.locator('[title="Förhandsgranska på mobil"], [aria-label="Förhandsgranska på mobil"]').first()).toBeAttached()
  await canvas.locator('h1').first().click()
  await expect(page.getByText('Överrubrik (liten text ovanför rubriken)').filter({ visible: true })).toBeVisible()
  await expect(page.getByText('Divider', { exact: true })).toHaveCount(0)
  await expect(page.getByText('Headline', { exact: true })).toHaveCount(0)
  expect(errors, 'no hydration mismatch or other console error').toEqual([])
})
