import { expect, test, type Page } from '@playwright/test'
import { axeScan, hydrated, logIn } from './fixtures'

// The admin in pseudo-localisation (en-XA: every letter accented, every text ~40 % longer, app/i18n/pseudo.ts), as
// the e2e server offers it (PSEUDO_LOCALE=1, tests/e2e/serve.js): the longer words of Swedish or German must wrap,
// never widen the page or clip a button, at a phone's width and a laptop's.

const DEMO = { email: 'demo@splitform.dev', password: 'splitform-demo' }
const SCREENS = ['/dashboard', '/settings', '/settings/spend', '/leads', '/experiments']

/** What overflows: the page or a main container wider than its box, or a button or input whose text is cut off. */
async function overflowsOn(page: Page) {
  return page.evaluate(() => {
    const found: string[] = []
    const viewport = document.documentElement.clientWidth
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`
    for (const el of [document.documentElement, document.body, ...document.querySelectorAll('main, header, nav, form, section, article')]) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto') found.push(`${name(el)}: ${el.scrollWidth} px of content in ${el.clientWidth} px`)
    }
    for (const el of document.querySelectorAll('button, a[class*="rounded"], select, [role="tab"], nav a')) {
      const box = el.getBoundingClientRect()
      // Only what shows: the links of a closed <details> menu are laid out but hidden (content-visibility).
      if (box.width === 0 || !el.checkVisibility({ visibilityProperty: true })) continue
      // Inside a frame that scrolls sideways (a wide table) a control may lie beyond the edge: it scrolls into view.
      const scrolls = el.closest('[data-table-frame], .overflow-x-auto, .overflow-auto')
      if (!scrolls && box.right > viewport + 1) found.push(`${name(el)} ends at ${Math.round(box.right)} px, beyond ${viewport} px`)
      if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT') found.push(`${name(el)} is clipped: ${el.scrollWidth} px of text in ${el.clientWidth} px`)
    }
    return found
  })
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]) {
  test(`The admin in pseudo-localisation fits at ${viewport.width} px: nothing wider than the screen, no clipped button, axe clean`, async ({ browser }) => {
    test.setTimeout(180_000)
    // Logged in in English (the login story's labels), then the same session in a browser whose language is en-XA:
    // Chromium sends its locale as Accept-Language on every request.
    const english = await browser.newContext()
    await logIn(await english.newPage(), DEMO)
    const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'en-XA', storageState: await english.storageState() })
    await english.close()
    const page = await context.newPage()
    const found: string[] = []
    // The browser makes the pseudo catalogue before it hydrates: a page that hydrated in other words than it rendered says so here.
    page.on('console', (message) => {
      if (message.type() === 'error') found.push(`console: ${message.text().slice(0, 200)}`)
    })
    for (const path of SCREENS) {
      await page.goto(path)
      await hydrated(page)
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA')
      // The header reads pseudo, not English (a string left in English would read plain).
      await expect(page.getByRole('button', { name: /^Ļöö+ĝ öö+ûţ/ })).toBeVisible()
      for (const problem of await overflowsOn(page)) found.push(`${path}: ${problem}`)
      for (const violation of await axeScan(page)) found.push(`${path}: ${violation}`)
    }
    expect(found).toEqual([])
    await context.close()
  })
}
