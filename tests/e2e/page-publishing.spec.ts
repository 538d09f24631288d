import { expect, test, type Locator, type Page } from '@playwright/test'
import { hydrated, newAccount, signUp } from './fixtures'

// A new marketer's first pages: a template brings its form, so the first published page collects leads at once; a
// page whose Form block has no form is not published, with a one-click fix; and a workspace without any form makes
// its first one right in the editor's picker.

async function createPage(page: Page, name: string, slug: string, template: string) {
  await page.goto('/pages')
  await hydrated(page)
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Slug').fill(slug)
  await expect(page.getByText(`/p/${slug} is available`)).toBeVisible()
  await page.getByLabel(template).check()
  await page.getByRole('button', { name: 'Create page' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await page.getByRole('link', { name: 'Edit A' }).click()
  const canvas = page.frameLocator('iframe').first()
  await expect(canvas.locator('h1').first()).toBeVisible({ timeout: 20_000 })
  return canvas
}

/**
 * axe's serious and critical WCAG 2.2 AA findings inside one element: the picker's own, apart from the rest of Puck's
 * editor (the whole-page scan is accessibility.spec.ts's).
 */
async function axeViolationsIn(element: Locator) {
  await element.page().addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
  return element.evaluate(async (node) => {
    const axe = (window as unknown as { axe: { run: (n: Element, o: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe
    const result = await axe.run(node, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
  })
}

// The editor's Publish control: Puck's header item today, a real button once the publish control is rebuilt.
const publish = (page: Page) =>
  page
    .getByRole('button', { name: /^Publish/ })
    .or(page.getByText('Publish', { exact: true }))
    .first()

test('A new workspace publishes a webinar page that collects leads; an empty Form block stops a publish until the one-click fix', async ({ page, browser }) => {
  // Two pages in the editor and a visitor's browser: about 30 s on a busy 2-core machine.
  test.setTimeout(120_000)
  await signUp(page, newAccount('Wendy'))
  const stamp = Date.now().toString(36)

  // The webinar template comes with its form (made on first use): the page publishes as it is.
  const canvas = await createPage(page, 'Month-end webinar', `webinar-${stamp}`, 'Webinar registration')
  await expect(canvas.getByTestId('pick-a-form')).toHaveCount(0)
  await expect(canvas.locator('.sf-form').getByRole('button', { name: 'Register', exact: true })).toBeVisible()
  await publish(page).click()
  await expect(page.getByTestId('save-status')).toContainText('Published version 1')

  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  await visitor.goto(`/p/webinar-${stamp}`)
  const form = visitor.locator('.sf-form')
  await form.getByLabel('Work email').fill('wanda@ledger.example')
  await form.getByRole('textbox', { name: 'Name (required)', exact: true }).fill('Wanda Ledger')
  await form.getByLabel('Company').fill('Ledger & Co')
  await form.getByRole('checkbox').check()
  await visitor.waitForTimeout(1100) // the form's minimum fill time (spam-rules.ts): sooner is held, not a lead
  await form.getByRole('button', { name: 'Register', exact: true }).click()
  await expect(visitor.locator('.sf-form__success')).toBeVisible()
  await visitorContext.close()

  await page.goto('/leads')
  await expect(page.getByRole('link', { name: 'wanda@ledger.example' })).toBeVisible()

  // A blank page's Form block has no form: Publish saves the draft, names the block and offers the fixes.
  const blank = await createPage(page, 'Contact us', `contact-${stamp}`, 'Blank page')
  await expect(blank.getByTestId('pick-a-form')).toBeVisible()
  await publish(page).click()
  const refusal = page.getByTestId('publish-refusal')
  await expect(refusal.getByRole('heading', { name: /Not published: a Form block has no form/ })).toBeVisible()
  await expect(refusal).toContainText('Variant A: the Form block “Get in touch”')
  await expect(page.getByTestId('save-status')).toContainText('Draft saved, not published')
  await expect(refusal.getByLabel('New form for')).toHaveValue('contact_sales')
  await refusal.getByRole('button', { name: 'Create a form and publish' }).click()
  await expect(refusal).toContainText('Fixed and published version 1')
  // The editor restarts on the fixed draft: the block shows its new form.
  await expect(blank.getByTestId('pick-a-form')).toHaveCount(0)
  await expect(blank.locator('.sf-form form')).toBeVisible()
  const live = await page.context().newPage()
  await live.goto(`/p/contact-${stamp}`)
  await expect(live.locator('.sf-form').getByLabel('Work email')).toBeVisible()
  await live.close()
})

test('In a workspace without forms, the Form block’s picker makes the first one and selects it', async ({ browser }) => {
  test.setTimeout(90_000)
  // bypassCSP for axe's injected script (fixtures.ts).
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  await signUp(page, newAccount('Nora'))
  const slug = `first-form-${Date.now().toString(36)}`
  const canvas = await createPage(page, 'First form', slug, 'Blank page')
  await canvas.getByTestId('pick-a-form').click()

  const picker = page.getByRole('combobox', { name: 'Form', exact: true })
  await expect(picker).toHaveValue('')
  await expect(picker.locator('option:checked')).toHaveText('No forms yet: create one below')
  // By role: Puck keeps a hidden second copy of the fields panel.
  const first = page.getByRole('group', { name: 'Create this workspace’s first form' })
  await expect(first).toContainText('Visitors become leads through a form')
  expect(await axeViolationsIn(page.getByTestId('form-picker').locator('visible=true'))).toEqual([])
  await first.getByRole('combobox', { name: 'What is it for?' }).selectOption({ label: 'Demo request' })
  await first.getByRole('button', { name: 'Create a form', exact: true }).click()

  // Made, listed, selected in the block, shown on the canvas and saved with the draft.
  await expect(picker.locator('option:checked')).toHaveText('Demo request (hard)')
  await expect(canvas.getByTestId('pick-a-form')).toHaveCount(0)
  await expect(canvas.locator('.sf-form').getByRole('button', { name: 'Book a demo' })).toBeVisible()
  const edit = page.getByRole('link', { name: /Edit this form/ })
  await expect(edit).toHaveAttribute('target', '_blank')
  await expect(edit).toHaveAttribute('href', `/forms/${await picker.inputValue()}`)
  await expect(page.getByTestId('save-status')).toContainText('Draft saved')
  await publish(page).click()
  await expect(page.getByTestId('save-status')).toContainText('Published version 1')
  await expect(page.getByTestId('publish-refusal')).toHaveCount(0)
  await context.close()
})

test('A Swedish marketer picks the Swedish templates, makes a demo page and publishes it with its Swedish form', async ({ page }) => {
  test.setTimeout(90_000)
  await signUp(page, newAccount('Stina'))
  const slug = `boka-demo-${Date.now().toString(36)}`
  await page.goto('/pages')
  await hydrated(page)
  await page.getByRole('navigation', { name: 'Template language' }).getByRole('link', { name: 'Swedish' }).click()
  await expect(page).toHaveURL(/\?language=sv$/)
  await expect(page.getByRole('radio')).toHaveCount(4)
  await expect(page.getByRole('group', { name: 'Swedish' })).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill('Boka en demo')
  await page.getByLabel('Slug').fill(slug)
  await expect(page.getByText(`/p/${slug} is available`)).toBeVisible()
  await page.getByLabel('Demobokning').check()
  await page.getByRole('button', { name: 'Create page' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Boka en demo' })).toBeVisible()
  await page.getByRole('link', { name: 'Edit A' }).click()
  const canvas = page.frameLocator('iframe').first()
  await expect(canvas.locator('h1').first()).toBeVisible({ timeout: 20_000 })
  // The template's Swedish form came with it: the page publishes as it is.
  await expect(canvas.getByTestId('pick-a-form')).toHaveCount(0)
  await publish(page).click()
  await expect(page.getByTestId('save-status')).toContainText('Published version 1')

  const live = await page.context().newPage()
  await live.goto(`/p/${slug}`)
  await expect(live.locator('h1')).toHaveText('Pipeline, prognoser och förnyelser – äntligen på ett ställe')
  const form = live.locator('.sf-form')
  await expect(form.getByLabel('Arbetsmejl')).toBeVisible()
  await expect(form.getByLabel('Företag')).toBeVisible()
  await expect(form.getByRole('button', { name: 'Boka demo', exact: true })).toBeVisible()
  await expect(form).toContainText('personuppgifter')
  await expect(live.getByText(/Book a demo|Work email|Company size/)).toHaveCount(0)
  await live.close()
})
