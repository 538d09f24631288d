import { expect, test, type Page } from '@playwright/test'
import { hydrated, newAccount, signUp } from './fixtures'

// Issue 17's walkthrough as a user story, at a laptop's width and a phone's: one marketer's afternoon from sign-up to
// the first lead of an A/B test, through the app's navigation only (at 390 px, its menu). Lean on purpose: one
// browser context per width, and the details of each screen stay with that screen's own stories.

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
]

/** Goes to a section through the main navigation, as the marketer would: at phone widths it is behind "Menu". */
async function openSection(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Main' })
  const menu = nav.getByText('Menu', { exact: true })
  if (await menu.isVisible()) {
    await menu.click()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
  }
  await nav.getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await hydrated(page)
  // Never sideways as a whole: wide tables scroll inside their frames.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
}

for (const viewport of WIDTHS) {
  test(`At ${viewport.width} px a marketer signs up, builds a form and a page, tests two variants and sees the first lead`, async ({ browser }) => {
    test.setTimeout(240_000)
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    const account = newAccount(`Walk${viewport.width}`)
    const id = `${viewport.width}-${Date.now().toString(36)}`
    const formName = `Guide form ${id}`
    const slug = `walk-${id}`

    // Sign-up lands on an honest, empty dashboard.
    await signUp(page, account)
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'No visitors or leads yet' })).toBeVisible()

    // A form from scratch.
    await openSection(page, 'Forms')
    await page.getByLabel('Name (only you see it)').fill(formName)
    await page.getByLabel('Content download').check()
    await page.getByRole('button', { name: 'Create form' }).click()
    await expect(page.getByRole('form', { name: 'Form builder' })).toBeVisible()
    await hydrated(page)
    await page.getByRole('button', { name: 'Save form' }).click()
    await expect(page.getByRole('status').filter({ hasText: /Saved\.|All changes saved/ })).toBeVisible()

    // A page from a template, the form placed on it in the editor, published; then variant B, published too.
    await openSection(page, 'Pages')
    await page.getByLabel('Name').fill('Benchmark guide')
    await page.getByLabel('Slug').fill(slug)
    await expect(page.getByText(`/p/${slug} is available`)).toBeVisible()
    await page.getByLabel('Report download').check()
    await page.getByRole('button', { name: 'Create page' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Benchmark guide' })).toBeVisible()
    // The editor is a laptop's tool: below 768 px Puck hides its side panels (the block fields, the outline), so on
    // a phone the marketer finishes the page on a laptop, logged in as the same person, and comes back.
    const desk = viewport.width < 768 ? await (await browser.newContext({ viewport: WIDTHS[0], storageState: await context.storageState() })).newPage() : page
    if (desk !== page) await desk.goto(page.url())
    // From the editor back to the page, by its link (the editor has no app navigation), where the phone stayed.
    const leaveEditor = async () => {
      if (desk !== page) return
      await page
        .getByRole('link', { name: /Benchmark guide/ })
        .first()
        .click()
      await expect(page.getByRole('heading', { level: 1, name: 'Benchmark guide' })).toBeVisible()
    }
    await desk.getByRole('link', { name: 'Edit A' }).click()
    const canvas = desk.frameLocator('iframe').first()
    await expect(canvas.locator('h1').first()).toBeVisible({ timeout: 20_000 })
    await canvas.locator('.sf-form').first().click()
    await desk.getByRole('combobox', { name: 'Form', exact: true }).selectOption({ label: `${formName} (soft)` })
    await expect(desk.getByTestId('save-status')).toContainText('Draft saved')
    await desk.getByText('Publish', { exact: true }).click()
    await expect(desk.getByTestId('save-status')).toContainText('Published version 1')
    await leaveEditor()
    await openSection(page, 'Pages')
    await page.getByRole('link', { name: 'Benchmark guide' }).click()
    await page.getByRole('button', { name: 'Duplicate as new variant' }).first().click()
    await expect(page.getByTestId('variant-row')).toHaveCount(2)
    await desk.goto(page.url())
    await desk.getByRole('link', { name: 'Edit B' }).click()
    await expect(canvas.locator('h1').first()).toBeVisible({ timeout: 20_000 })
    await desk.getByText('Publish', { exact: true }).click()
    await expect(desk.getByTestId('save-status')).toContainText('Published version 2')
    await leaveEditor()
    if (desk !== page) await desk.context().close()

    // An A/B test of the two variants, started.
    await openSection(page, 'Experiments')
    await page.getByRole('link', { name: 'New experiment' }).first().click()
    await hydrated(page)
    await page.getByLabel('Name', { exact: true }).fill('Guide A/B')
    await page.getByRole('button', { name: 'Create experiment' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Guide A/B' })).toBeVisible()
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page.getByTestId('experiment-status').first()).toHaveText('running')

    // A visitor on the same kind of screen converts.
    const visitorContext = await browser.newContext({ viewport })
    const visitor = await visitorContext.newPage()
    await visitor.goto(`/p/${slug}?utm_source=newsletter&utm_medium=email`)
    const variant = await visitor.locator(`[data-page="${slug}"]`).getAttribute('data-variant')
    expect(['A', 'B']).toContain(variant)
    await visitor.getByLabel('Work email').fill(`reader-${id}@example.com`)
    await visitor.getByRole('textbox', { name: 'Name (required)', exact: true }).fill('Rita Reader')
    await visitor.getByLabel('Company').fill('Readers Ltd')
    await visitor.getByRole('checkbox').check()
    await visitor.getByRole('button', { name: /download|get|submit/i }).click()
    await expect(visitor.locator('.sf-form__success')).toBeVisible()
    await visitorContext.close()

    // The results count the visitor in the variant they saw; the lead is in the inbox with its source.
    await openSection(page, 'Experiments')
    await page.getByRole('link', { name: 'Guide A/B' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Guide A/B' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Variants (scrolls sideways)' })).toBeVisible()
    // Visitors and conversions of the visitor's variant: counted on the way in, so a reload may be needed.
    const cells = page.locator(`[data-testid="variant-row"][data-variant="${variant}"] td`)
    await expect
      .poll(async () => {
        await page.reload()
        return [await cells.nth(0).textContent(), await cells.nth(1).textContent()]
      })
      .toEqual(['1', '1'])
    await openSection(page, 'Leads')
    await expect(page.getByRole('link', { name: `reader-${id}@example.com` })).toBeVisible()
    await context.close()
  })
}
