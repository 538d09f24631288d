import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { logIn } from './fixtures'

// The growth team's side of the demo's A/B/C test (app/demo/experiment.server.ts, a month of history on the
// report page): the results page tells them what to do, in words, with the table and the charts behind it; it
// reads on a phone; and declaring the winner makes the page serve it to every new visitor.
//
// Declaring a winner concludes the demo experiment for good, so the two stories run in order, reading first.

const DEMO = { email: 'demo@splitform.dev', password: 'splitform-demo' }
const EXPERIMENT = 'Report headline: topic vs. outcome'
const SLUG = 'demo-whitepaper'

test.describe.configure({ mode: 'serial' })

async function waitForHydration(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
}

/** The demo experiment, found the way a marketer finds it: in the experiments list. */
async function openDemoResults(page: Page) {
  await logIn(page, DEMO)
  await page.goto('/experiments')
  const row = page.getByTestId('experiment-row').filter({ hasText: EXPERIMENT })
  await expect(row).toHaveCount(1)
  // The list already says how it stands: visitors, the leader with its lift, the decision.
  await expect(row.getByTestId('experiment-visitors')).toHaveText(/^[\d,]+$/)
  await expect(row.getByTestId('experiment-leading')).toHaveText(/^[A-C]( [+−][\d.]+%| \(control\))$/)
  await row.getByRole('link', { name: EXPERIMENT }).click()
  await expect(page.getByRole('heading', { level: 1, name: EXPERIMENT })).toBeVisible()
}

test('The growth team reads the demo experiment: decision, variant table and charts, also on a phone', async ({ page }) => {
  await openDemoResults(page)

  // The decision in plain language, and the step it suggests.
  const decision = page.getByTestId('decision')
  await expect(decision).toHaveAttribute('data-status', /^(winner|control|no_difference|collecting|srm)$/)
  await expect(page.getByTestId('decision-reason')).toHaveText(/\w.{20,}/)
  await expect(page.getByTestId('suggested-action')).toContainText('Next step:')

  // One row per variant with its figures; server-rendered, so it is there before any JavaScript runs.
  const table = page.getByTestId('variant-table')
  for (const key of ['A', 'B', 'C']) await expect(table.locator(`tr[data-variant="${key}"]`)).toBeVisible()
  await expect(table.locator('tr[data-variant="A"]')).toContainText('control')
  await expect(table.locator('tr[data-variant="B"] td').nth(2)).toHaveText(/^\d+\.\d{2}%\s*[\d.]+% to [\d.]+%$/)
  for (const heading of ['Progress', 'Lead quality', 'Breakdowns']) await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()

  // The split check in one plain line; the demo's traffic follows its split.
  await expect(page.getByTestId('srm-line')).toHaveText(/^✓ Split is healthy \(SRM p = [\d.]+\): /)

  // Each table has its CSV download, a real link reached from the keyboard.
  const csvLink = page.getByRole('link', { name: 'Download CSV of the variant table' })
  await csvLink.focus()
  const downloading = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^experiment-[0-9a-f-]{36}-any-variants\.csv$/)
  const csv = (await readFile((await download.path())!, 'utf8')).replace('\uFEFF', '').trim().split('\r\n')
  expect(csv[0]).toMatch(/^metric,variant,is_control,weight,visitors,conversions,rate,/)
  expect(csv.slice(1).map((line) => line.split(',')[1])).toEqual(['A', 'B', 'C'])
  for (const name of ['the daily figures', 'the lead quality table', 'the breakdown by device', 'the breakdown by traffic source'])
    await expect(page.getByRole('link', { name: `Download CSV of ${name}` })).toHaveAttribute('download', '')

  // The charts are drawn once the page has hydrated: cumulative rate, lift, daily visitors.
  await waitForHydration(page)
  await expect(page.locator('[data-testid="results-charts"] svg.recharts-surface')).toHaveCount(3)

  // The metric switcher is a link: the URL holds the view.
  await page.getByTestId('metric-switcher').getByRole('link', { name: 'Hard conversions' }).click()
  await expect(page).toHaveURL(/\?metric=hard$/)
  await expect(decision).toContainText('Decision on hard conversions')
  await page
    .getByTestId('metric-switcher')
    .getByRole('link', { name: /Any conversion/ })
    .click()
  await expect(page).toHaveURL(/\?metric=any$/)

  // At phone width: nothing wider than the screen (wide tables scroll inside their own box), text at a readable size.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.reload()
  await waitForHydration(page)
  await expect(page.locator('[data-testid="results-charts"] svg.recharts-surface')).toHaveCount(3)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const reasonSize = await page.getByTestId('decision-reason').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(reasonSize).toBeGreaterThanOrEqual(14)
  const chartBox = await page.locator('[data-testid="results-charts"] svg.recharts-surface').first().boundingBox()
  expect(chartBox!.width).toBeGreaterThan(250)
  expect(chartBox!.width).toBeLessThanOrEqual(390)
  await page.screenshot({ path: 'test-results/experiment-results-390.png', fullPage: true })
})

test('Declaring a winner, after a confirmation that states the evidence, makes the page serve it to new visitors', async ({ page, browser }) => {
  await openDemoResults(page)
  await waitForHydration(page)
  const decision = page.getByTestId('decision')
  const status = await decision.getAttribute('data-status')
  // The decision's winner when there is one; otherwise C, so the served variant visibly changes from A.
  const winner = status === 'winner' ? (await decision.getAttribute('data-variant'))! : 'C'
  expect(['B', 'C']).toContain(winner)

  await page.getByLabel('Winner', { exact: true }).selectOption(winner)
  await page.getByRole('button', { name: 'Declare winner…' }).click()
  await expect(page).toHaveURL(new RegExp(`declare=${winner}`))
  const confirmation = page.getByTestId('declare-confirmation')
  await expect(confirmation.getByRole('heading', { name: `Declare ${winner} the winner?` })).toBeVisible()
  await expect(page.getByTestId('declare-evidence')).toContainText(`${winner} converted`)
  await expect(page.getByTestId('declare-evidence')).toContainText('chance to beat A')
  if (status !== 'winner') await expect(page.getByTestId('declare-warnings')).toContainText('Not significant')
  await confirmation.getByRole('button', { name: new RegExp(`^Declare ${winner} (the winner|anyway)$`) }).click()

  await expect(page.getByRole('status').filter({ hasText: 'Winner declared.' })).toBeVisible()
  await expect(page.getByTestId('experiment-status').first()).toHaveText('concluded')
  await expect(decision).toContainText(`${winner} was declared the winner`)

  // A visitor who has never been here: no cookie, no assignment, and the winner is what they get.
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext()
    const visitor = await context.newPage()
    await visitor.goto(`/p/${SLUG}`)
    await expect(visitor.locator(`[data-page="${SLUG}"]`)).toHaveAttribute('data-variant', winner)
    await context.close()
  }
})
