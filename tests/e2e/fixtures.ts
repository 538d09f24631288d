import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, type Locator, type Page } from '@playwright/test'

export type Account = { name: string; email: string; password: string; workspaceName: string }

export function newAccount(name: string): Account {
  return { name, email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`, password: 'correct horse battery', workspaceName: `${name} Inc` }
}

/**
 * Each new account's browser comes from an address of its own (the e2e server trusts one proxy hop,
 * tests/e2e/serve.js), as real sign-ups do: from one address, the e2e run's sign-ups would pass the per-address
 * sign-up limit (10 an hour). The address is a header value only (IPv6 documentation prefix); nothing is sent there.
 */
export async function comeFromOwnAddress(page: Page) {
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}` })
}

export async function signUp(page: Page, account: Account) {
  await comeFromOwnAddress(page)
  await page.goto('/signup')
  await page.getByLabel('Your name').fill(account.name)
  await page.getByLabel('Work email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByLabel('Workspace name').fill(account.workspaceName)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

export async function logIn(page: Page, account: Pick<Account, 'email' | 'password'>) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

export async function createApiKey(page: Page, name: string) {
  await page.goto('/settings/api-keys')
  await page.getByLabel('Key name').fill(name)
  await page.getByRole('button', { name: 'Create key' }).click()
  const key = (await page.getByTestId('new-api-key').textContent())!.trim()
  expect(key).toMatch(/^sf_/)
  return key
}

/** Waits until React has hydrated the page (root.tsx sets the attribute), before exercising client behaviour. */
export const hydrated = (page: Page) => expect(page.locator('html[data-hydrated]')).toBeAttached()

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }
let axeSource: string | undefined

/**
 * Runs axe-core on the page against WCAG 2.0–2.2 A and AA and returns its violations of the given impacts (serious
 * and critical unless told), one line per element ("color-contrast (serious): … at .selector"). The context needs
 * bypassCSP: the admin pages' policy rightly refuses the injected script.
 */
export async function axeScan(page: Page, { impacts = ['serious', 'critical'] }: { impacts?: string[] } = {}) {
  axeSource ??= readFileSync('node_modules/axe-core/axe.min.js', 'utf8')
  await page.addScriptTag({ content: axeSource })
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: object) => Promise<AxeResult> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  )
  return result.violations.filter((v) => impacts.includes(v.impact ?? '')).flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} ${n.html.slice(0, 120)}`))
}

/**
 * Fails unless keyboard focus is on an element with a focus indicator a sighted keyboard user can see (WCAG 2.4.7):
 * not the page itself, and an outline (style not none, width above 0) or a box shadow. Focus inside a same-origin
 * iframe (the editor's canvas) is followed to the element within it.
 */
export async function expectVisibleFocus(page: Page, { orOutsideThePage = false }: { orOutsideThePage?: boolean } = {}) {
  const focus = await page.evaluate((outsideIsFine) => {
    let element = document.activeElement
    while (element instanceof HTMLIFrameElement && element.contentDocument?.activeElement) element = element.contentDocument.activeElement
    if (!element || element === element.ownerDocument.body) return { ok: outsideIsFine, what: 'the page itself (focus was lost)' }
    const style = getComputedStyle(element)
    const what = `${element.outerHTML.slice(0, 160)} (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`
    const shows = (node: Element) => {
      const { outlineStyle, outlineWidth, boxShadow } = getComputedStyle(node)
      return (outlineStyle !== 'none' && parseFloat(outlineWidth) > 0) || boxShadow !== 'none'
    }
    // Or on the box inside it that draws the control (Puck's drawer items ring their inner card, not themselves).
    return { ok: shows(element) || (element.firstElementChild !== null && shows(element.firstElementChild)), what }
  }, orOutsideThePage)
  expect(focus.ok, `a visible focus indicator on ${focus.what}`).toBe(true)
}

/**
 * Presses Tab (Shift+Tab with backwards) until the locator's element has keyboard focus, checking at every stop that
 * focus is visible; fails after max presses: the control is unreachable, or further than a person would tab.
 */
export async function tabTo(page: Page, target: Locator, { max = 30, backwards = false }: { max?: number; backwards?: boolean } = {}) {
  await target.waitFor()
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    // Past the first or last control focus leaves the page for the browser's own UI (the body is active), then wraps.
    await expectVisibleFocus(page, { orOutsideThePage: true })
  }
  if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return
  throw new Error(`${String(target)} not reached in ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`)
}
