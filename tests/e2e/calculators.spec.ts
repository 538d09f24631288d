import { expect, test } from '@playwright/test'

test('A visitor without JavaScript checks an A/B test and reads the verdict', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/tools/ab-test')
  await page.getByLabel('Visitors of A').fill('20000')
  await page.getByLabel('Conversions of A').fill('1000')
  await page.getByLabel('Visitors of B').fill('20000')
  await page.getByLabel('Conversions of B').fill('1200')
  await page.getByRole('button', { name: 'Analyse' }).click()
  await expect(page.getByTestId('decision')).toHaveAttribute('data-status', 'winner')
  await expect(page.getByTestId('decision')).toContainText('B')
  await expect(page.getByTestId('results-table')).toContainText('+20.0%')
  await expect(page.getByRole('img', { name: /Relative lift of each variant/ })).toBeVisible()

  await page.getByRole('button', { name: 'Add variant' }).click()
  await expect(page.getByLabel('Visitors of C')).toBeVisible()
  await page.getByLabel('Visitors of C').fill('100')
  await page.getByLabel('Conversions of C').fill('101')
  await page.getByRole('button', { name: 'Analyse' }).click()
  await expect(page.getByText(/cannot exceed|more than|greater than/i)).toBeVisible()
  await context.close()
})

test('A marketer sizes a test from the sample-size calculator', async ({ page }) => {
  await page.goto('/tools/sample-size?baseline=5&mde=10&daily=1000')
  // The plan is the always-valid analysis's; the fixed-horizon figure (31,234, as statsmodels gives) is beside it.
  await expect(page.getByTestId('sample-size')).toContainText('54,354')
  await expect(page.getByTestId('sample-size')).toContainText('109 days')
  await expect(page.getByTestId('sample-size-alternative')).toContainText('31,234')
  await expect(page.getByTestId('sample-size-alternative')).toContainText('63 days')
  await page.goto('/tools/sample-size?baseline=5&mde=10&daily=30')
  await expect(page.getByTestId('sample-size')).toContainText('not reachable at current traffic (more than a year)')
})
