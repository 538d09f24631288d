import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'

// A visitor on a published demo page (seeded by the e2e server): the form on the blue section of "Book a demo".
const SLUG = 'demo-book-a-demo'
/** The message under each field, by the field's error id, as the visitor reads them. */
const fieldMessages = (page: Page) => page.locator('.sf-form [id$="-error"]').evaluateAll((nodes) => Object.fromEntries(nodes.map((node) => [node.id, node.textContent])))

test('A visitor reads the same message for the same bad field with and without JavaScript, never a browser bubble, in AA contrast', async ({ browser }) => {
  // With JavaScript, at 1366 px. bypassCSP: the page's policy rightly refuses the injected axe script.
  const withJs = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true })
  const visitor = await withJs.newPage()
  const posts: string[] = []
  visitor.on('request', (request) => void (request.method() === 'POST' && posts.push(request.resourceType())))
  await visitor.goto(`/p/${SLUG}`) // waits for load: the deferred form script has run
  await expect(visitor.locator('.sf-form form')).toHaveJSProperty('noValidate', true)
  await visitor.getByLabel(/email/i).fill('ada@')
  // Enter submits from the field (a mouse click on the button is the next story's).
  await visitor.getByLabel(/email/i).press('Enter')
  await expect.poll(async () => Object.keys(await fieldMessages(visitor)).length).toBeGreaterThan(1) // the required fields' too
  await expect(visitor.getByText('Enter a valid email address')).toBeVisible()
  const scriptMessages = await fieldMessages(visitor)
  expect(posts).toEqual([]) // the page's script checked, nothing was sent, and no bubble stopped the submit
  // The messages and the button on the blue card meet WCAG AA.
  await visitor.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') })
  const contrast = await visitor.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: string, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run('.sf-page', { runOnly: { type: 'rule', values: ['color-contrast'] } })
    return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`))
  })
  expect(contrast).toEqual([])
  await withJs.close()

  // Without JavaScript, at 390 px: the server answers with the same messages.
  const noJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
  const plain = await noJs.newPage()
  await plain.goto(`/p/${SLUG}`)
  await plain.getByLabel(/email/i).fill('ada@')
  await plain.getByLabel(/email/i).press('Enter')
  await expect(plain.getByText('Enter a valid email address')).toBeVisible()
  expect(await fieldMessages(plain)).toEqual(scriptMessages)
  await noJs.close()
})

test('A visitor who types a bad email and clicks submit gets the submit: the messages show then, not on leaving the field', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const visitor = await context.newPage()
  const posts: string[] = []
  visitor.on('request', (request) => void (request.method() === 'POST' && posts.push(request.url())))
  await visitor.goto(`/p/${SLUG}`)
  await expect(visitor.locator('.sf-form form')).toHaveJSProperty('noValidate', true)
  const email = visitor.getByLabel(/email/i)
  await email.fill('ada@')
  // A real mouse click (down on the button, up on it): leaving the field must not show its message and push the
  // button away between the two, which lost the click and left only the email's message.
  await visitor.locator('.sf-form [type=submit]').click()
  await expect(visitor.getByText('Enter a valid email address')).toBeVisible()
  await expect.poll(async () => Object.keys(await fieldMessages(visitor)).length).toBeGreaterThan(1) // the required fields' too: it was submitted
  expect(posts).toEqual([]) // checked in the page, nothing sent
  // From then on the message follows the correction as it is typed.
  await email.fill('ada@example.com')
  await expect(visitor.getByText('Enter a valid email address')).toHaveCount(0)
  await context.close()
})

test('A form hydrates when the visitor reaches for it, not at load, and is enhanced before its first keystroke', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const visitor = await context.newPage()
  await visitor.goto(`/p/${SLUG}`) // waits for load: the deferred form script has run
  const slot = visitor.locator('[data-sf-slot]').first()
  // A reader who never touches the form costs its phone no hydration (docs/performance.md). The script ran before
  // the load event, and it used to hydrate right then.
  expect(await slot.getAttribute('data-sf-enhanced')).toBeNull()
  await visitor.getByLabel(/email/i).focus()
  await expect(slot).toHaveAttribute('data-sf-enhanced', '')
  await context.close()
})

test('An address with no page behind it is a styled 404 without links into the app', async ({ page }) => {
  for (const path of ['/p/no-such-page', '/p/Not_A_Slug']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    // The published pages' stylesheet: their font and spacing, not the browser's defaults.
    expect(await page.locator('.sf-page').evaluate((node) => getComputedStyle(node).fontFamily)).toContain('system-ui')
    await expect(page.locator('a')).toHaveCount(0)
  }
})
