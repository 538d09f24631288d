import { expect, test, type Page } from '@playwright/test'
import { axeScan, hydrated, logIn } from './fixtures'

const DEMO = { email: 'demo@splitform.dev', password: 'splitform-demo' }

/** A screen by its path, or the first link matching `pattern` on the screen named `on`, scanned before it. */
type Screen = string | { as: string; on: string; pattern: RegExp }

// Each detail screen is the first one its list links to. The links are read while the list is scanned: opening each
// list once more just to find them cost five page loads per width.
const SCREENS: Screen[] = [
  '/dashboard',
  '/pages',
  { as: 'a page', on: '/pages', pattern: /^\/pages\/[^/]+$/ },
  { as: 'its editor', on: 'a page', pattern: /^\/editor\// },
  '/forms',
  { as: 'a form', on: '/forms', pattern: /^\/forms\/[^/]+$/ },
  '/experiments',
  '/experiments/new',
  { as: 'an experiment', on: '/experiments', pattern: /^\/experiments\/(?!new)[^/]+$/ },
  '/leads',
  { as: 'a lead', on: '/leads', pattern: /^\/leads\/(?!held|export)[^/?]+$/ },
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
const nameOf = (screen: Screen) => (typeof screen === 'string' ? screen : screen.as)
const LISTS = new Set(SCREENS.flatMap((screen) => (typeof screen === 'string' ? [] : [screen.on])))

async function hrefsOn(page: Page) {
  return page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
}

function linkFor(links: Map<string, string[]>, { as, on, pattern }: Exclude<Screen, string>) {
  const href = links.get(on)?.find((h) => pattern.test(h))
  expect(href, `${as}: a link matching ${pattern} on ${on}`).toBeTruthy()
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
    const links = new Map<string, string[]>()
    const found: string[] = []
    for (const screen of SCREENS) {
      const path = typeof screen === 'string' ? screen : linkFor(links, screen)
      await page.goto(path)
      // Published pages are plain HTML served before Remix: nothing hydrates there.
      if (!path.startsWith('/p/')) await hydrated(page)
      if (LISTS.has(nameOf(screen))) links.set(nameOf(screen), await hrefsOn(page))
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      if (width > viewport.width) found.push(`${path}: ${width} px wide`)
      for (const v of await axeScan(page)) found.push(`${path}: ${v}`)
    }
    console.log(found.join('\n'))
    expect(found).toEqual([])
    await context.close()
  })
}
