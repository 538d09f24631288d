import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectVisibleFocus, hydrated, newAccount, signUp, tabTo } from './fixtures'

// Issue 17's keyboard-only journey (WCAG 2.1.1 Keyboard, 2.4.7 Focus Visible, 2.4.3 Focus Order): after sign-up,
// everything is done with page.keyboard alone (Tab, Shift+Tab, Enter, arrows, typing), never a click or fill, and
// every stop of the focus must be visible. The page's blocks and form come with its template: Puck's canvas cannot
// select a block by keyboard (docs/testing.md, "Accessibility"), so the journey publishes from our own header button.

/** Presses an arrow key in a radio group until the radio is checked, as a keyboard user picks an option. */
async function arrowTo(page: Page, radio: Locator, { max = 8 }: { max?: number } = {}) {
  for (let presses = 0; presses < max && !(await radio.isChecked()); presses++) {
    await page.keyboard.press('ArrowDown')
    await expectVisibleFocus(page)
  }
  await expect(radio).toBeChecked()
  await expect(radio).toBeFocused()
}

/** Reaches a section through the main navigation, behind the content the focus is in, and opens it with Enter. */
async function openSection(page: Page, name: string) {
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }), { backwards: true, max: 80 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await hydrated(page)
}

test('A marketer builds a form and a page, publishes it and starts an experiment with the keyboard alone, seeing where the focus is', async ({ browser }) => {
  test.setTimeout(120_000)
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  const id = Date.now().toString(36)
  const formName = `Keyboard form ${id}`
  const pageName = `Keyboard guide ${id}`
  await signUp(page, newAccount('Keys'))
  await hydrated(page)

  // A form, named and given a purpose, saved in the builder.
  await openSection(page, 'Forms')
  await tabTo(page, page.getByLabel('Name (only you see it)'))
  await page.keyboard.type(formName)
  await page.keyboard.press('Tab')
  await arrowTo(page, page.getByLabel('Content download'))
  await tabTo(page, page.getByRole('button', { name: 'Create form' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('form', { name: 'Form builder' })).toBeVisible()
  await hydrated(page)
  await tabTo(page, page.getByRole('button', { name: 'Save form' }), { max: 80 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: /Saved\.|All changes saved/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save form' })).toBeFocused()
  await expectVisibleFocus(page)

  // A page from a template, which brings its blocks and a form of its purpose; its slug follows the name.
  await openSection(page, 'Pages')
  await tabTo(page, page.getByLabel('Name', { exact: true }))
  await page.keyboard.type(pageName)
  await expect(page.getByText(/is available/)).toBeVisible()
  await tabTo(page, page.getByRole('radio').first())
  await arrowTo(page, page.getByLabel('Report download'))
  await tabTo(page, page.getByRole('button', { name: 'Create page' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: pageName })).toBeVisible()
  await hydrated(page)

  // Variant B, a copy of A, from the page screen.
  await tabTo(page, page.getByRole('button', { name: 'Duplicate as new variant' }).first(), { max: 60 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('variant-row')).toHaveCount(2)
  await expectVisibleFocus(page)

  // The editor, and its Publish button: a real button in Puck's header, reached by Tab, publishing A and B.
  await tabTo(page, page.getByRole('link', { name: 'Edit A' }), { backwards: true, max: 40 })
  await page.keyboard.press('Enter')
  await expect(page.frameLocator('iframe').first().locator('h1').first()).toBeVisible({ timeout: 20_000 })
  const publish = page.getByRole('button', { name: 'Publish', exact: true })
  await tabTo(page, publish, { max: 40 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('save-status')).toContainText('Published version 1')
  await expect(publish).toBeFocused()
  await expectVisibleFocus(page)
  // Back to the page by the editor's own link to it.
  await tabTo(page, page.getByRole('link', { name: pageName }).first(), { backwards: true, max: 40 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: pageName })).toBeVisible()
  await hydrated(page)

  // An experiment on the page (the only one with two variants, so chosen for us), created and started.
  await openSection(page, 'Experiments')
  await tabTo(page, page.getByRole('link', { name: 'New experiment' }).first())
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'New experiment' })).toBeVisible()
  await hydrated(page)
  await tabTo(page, page.getByLabel('Name', { exact: true }), { max: 20 })
  await page.keyboard.type('Keyboard A/B')
  await tabTo(page, page.getByRole('button', { name: 'Create experiment' }), { max: 60 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard A/B' })).toBeVisible()
  await hydrated(page)
  await tabTo(page, page.getByRole('button', { name: 'Start', exact: true }), { max: 40 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('experiment-status').first()).toHaveText('running')
  await context.close()
})
