import { expect, test, type Page } from '@playwright/test'
import { axeScan, hydrated, logIn } from './fixtures'

const DEMO = { email: 'demo@splitform.dev', password: 'splitform-demo' }

async function firstHref(page: Page, path: string, pattern: RegExp) {
  await page.goto(path)
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  const href = hrefs.find((h) => pattern.test(h))
  expect(href, `a link matching ${pattern} on ${path}`).toBeTruthy()
  return href!
}

for (const viewport of [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`Every admin screen and demo page at ${viewport.width} px`, async ({ browser }) => {
    // Two dozen screens, each scanned by axe in the browser: about a minute and a half on a quiet machine, several on a
    // busy one.
    test.setTimeout(600_000)
    const context = await browser.newContext({ viewport, bypassCSP: true })
    const page = await context.newPage()
    await logIn(page, DEMO)
    const pageDetail = await firstHref(page, '/pages', /^\/pages\/[^/]+$/)
    const editor = await firstHref(page, pageDetail, /^\/editor\//)
    const formDetail = await firstHref(page, '/forms', /^\/forms\/[^/]+$/)
    const experiment = await firstHref(page, '/experiments', /^\/experiments\/(?!new)[^/]+$/)
    const lead = await firstHref(page, '/leads', /^\/leads\/(?!held|export)[^/?]+$/)
    const screens = [
      '/dashboard',
      '/pages',
      pageDetail,
      editor,
      '/forms',
      formDetail,
      '/experiments',
      '/experiments/new',
      experiment,
      '/leads',
      lead,
      '/leads/held',
      '/settings',
      '/settings/members',
      '/settings/api-keys',
      '/settings/lead-scoring',
      '/settings/spend',
      '/settings/webhooks',
      '/settings/alerts',
      '/settings/security',
      '/tools/ab-test',
      '/tools/sample-size',
      '/p/demo-webinar',
      '/p/demo-whitepaper',
      '/p/demo-book-a-demo',
      '/p/demo-quote',
    ]
    const found: string[] = []
    for (const path of screens) {
      await page.goto(path)
      // Published pages are plain HTML served before Remix: nothing hydrates there.
      if (!path.startsWith('/p/')) await hydrated(page)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      if (width > viewport.width) found.push(`${path}: ${width} px wide`)
      for (const v of await axeScan(page)) found.push(`${path}: ${v}`)
    }
    console.log(found.join('\n'))
    expect(found).toEqual([])
    await context.close()
  })
}
