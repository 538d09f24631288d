import { expect, test, type Locator, type Page } from '@playwright/test'
import { logIn } from './fixtures'

// The demo workspace's owner (app/demo/seed.server.ts DEMO_LOGIN), seeded with three months of history at server start.
const DEMO = { email: 'demo@splitform.dev', password: 'splitform-demo' }

/** The first number a dashboard figure shows ("1,234 ▲ up 5.0% · was 1,175" → 1234). */
async function numberIn(locator: Locator) {
  const text = ((await locator.first().textContent()) ?? '').trim()
  return Number((/[\d,.]+/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''))
}

async function waitForHydration(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
}

test('The demo marketer logs in to a dashboard of real numbers, with charts', async ({ page }) => {
  await logIn(page, DEMO)
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  for (const id of ['kpi-visitors', 'kpi-leads']) {
    expect(await numberIn(page.getByTestId(id).locator('[data-figure]')), id).toBeGreaterThan(0)
  }
  // Each KPI says how it moved in words, not by colour alone.
  await expect(page.getByTestId('kpi-leads')).toContainText(/(up|down) [\d.]+%|no change|up from none/)
  await expect(page.getByTestId('kpi-leads')).toContainText(/was [\d,]+/)

  const funnel = page.getByTestId('funnel')
  for (const stage of ['Lead', 'MQL', 'SQL', 'Opportunity', 'Customer']) await expect(funnel.getByRole('rowheader', { name: stage })).toBeVisible()
  expect(await numberIn(funnel.locator('tr[data-stage="lead"] td'))).toBeGreaterThan(0)

  // The charts are drawn in the browser once it has hydrated: trend, funnel, sources, time to convert.
  await waitForHydration(page)
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(4)
})

test('The marketer switches the period and the attribution model, and the URL keeps both', async ({ page }) => {
  await logIn(page, DEMO)
  await waitForHydration(page)

  // With JavaScript a preset applies at once; the URL holds it, so the view can be shared.
  await page.getByText('Last 90 days', { exact: true }).click()
  await expect(page).toHaveURL(/\/dashboard\?period=90d/)
  await expect(page.getByRole('radio', { name: 'Last 90 days' })).toBeChecked()

  // The URL changes a moment before the page re-renders with the new period: wait for the links to carry it.
  const lastTouch = page.getByRole('navigation', { name: 'Attribution model' }).getByRole('link', { name: 'Last touch' })
  await expect(lastTouch).toHaveAttribute('href', /period=90d/)
  await lastTouch.click()
  await expect(page).toHaveURL(/period=90d/)
  await expect(page).toHaveURL(/model=last/)
  await expect(page.getByTestId('attribution')).toHaveAttribute('data-model', 'last')
  await expect(page.locator('select[name=model]')).toHaveValue('last')

  // A custom period: typing a date picks "Custom"; Apply sends both days.
  await page.getByLabel('From', { exact: true }).fill('2026-01-01')
  // The demo workspace counts Stockholm's days (decision 072).
  await page.getByLabel('To (Europe/Stockholm)').fill('2026-01-31')
  await expect(page.getByRole('radio', { name: 'Custom' })).toBeChecked()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/period=custom&from=2026-01-01&to=2026-01-31/)
  await expect(page.getByText('2026-01-01 to 2026-01-31 (Europe/Stockholm)')).toBeVisible()

  // The same URL opened afresh (a shared link) shows the same view.
  await page.goto('/dashboard?period=90d&model=linear')
  await expect(page.getByTestId('attribution')).toHaveAttribute('data-model', 'linear')
})

test('A number on the dashboard opens the leads behind it', async ({ page }) => {
  await logIn(page, DEMO)
  const hot = page.getByTestId('kpi-temperature').getByRole('link', { name: /hot leads/ })
  const count = await numberIn(hot)
  expect(count).toBeGreaterThan(0)
  await hot.click()
  await expect(page).toHaveURL(/\/leads\?.*temperature=hot/)
  const rows = page.getByTestId('lead-row')
  await expect(rows.first()).toBeVisible()
  // Every lead listed is hot, and (on one page of the inbox) there are as many as the dashboard said.
  for (const row of await rows.all()) await expect(row).toContainText('Hot')
  if (count <= 50) await expect(rows).toHaveCount(count)
})

test('On a phone the dashboard is one column and readable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await logIn(page, DEMO)
  await waitForHydration(page)
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  // Single column: the KPI cards stack, and the page does not scroll sideways.
  const [visitors, leads] = await Promise.all([page.getByTestId('kpi-visitors').boundingBox(), page.getByTestId('kpi-leads').boundingBox()])
  expect(leads!.y).toBeGreaterThan(visitors!.y + visitors!.height - 1)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({ path: 'test-results/dashboard-390.png', fullPage: true })
  await context.close()
})
