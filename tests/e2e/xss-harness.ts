// Watches Chromium for script that should never run: every payload calls top.__xss(<id>), which the test
// exposes; dialogs, CSP violations and script-capable markup left in the DOM are findings too. The ids say
// which payload in which field ran (Placements), the screen says where.
import { expect, type BrowserContext, type Frame, type Page } from '@playwright/test'
import { XSS_PAYLOADS } from '../xss-payloads'

export type Placement = { id: number; payload: string; field: string; stored: boolean }

/** Payloads by field, each with an id of its own: `top.__xss(id)` is what runs if it ever does. */
export class Placements {
  readonly all: Placement[] = []

  /** One payload for one value: `payload` is its index in XSS_PAYLOADS. */
  one(field: string, payload: number) {
    const id = this.all.length + 1
    this.all.push({ id, payload: XSS_PAYLOADS[payload]!.name, field, stored: true })
    return { id, text: XSS_PAYLOADS[payload]!.html(`top.__xss(${id})`) }
  }

  /**
   * Every payload, one value each, in payload order; undefined where the payload is longer than `maxLength`
   * (listed in `skipped`: the field's own length limit refuses it before anything could store it).
   */
  each(field: string, maxLength = Infinity) {
    return XSS_PAYLOADS.map((payload, index) => {
      const length = payload.html(`top.__xss(${this.all.length + 1})`).length
      if (length <= maxLength) return this.one(field, index)
      this.skipped.push(`${payload.name} in ${field} (${length} > ${maxLength} characters)`)
      return undefined
    })
  }

  /** As many payloads as fit in one value of `maxLength` characters, for fields a screen shows only once. */
  pack(field: string, maxLength: number, separator = ' ') {
    let text = ''
    XSS_PAYLOADS.forEach((_, index) => {
      const next = this.one(field, index)
      if ((text ? text.length + separator.length : 0) + next.text.length <= maxLength) text = text ? text + separator + next.text : next.text
      else this.all.pop()
    })
    return text
  }

  /** Marks values the server refused (a 4xx): they were tried but not stored, so no screen can show them. */
  refused(ids: number[]) {
    for (const id of ids) this.all.find((p) => p.id === id)!.stored = false
  }

  readonly skipped: string[] = []

  describe(id: number) {
    const placement = this.all.find((p) => p.id === id)
    return placement ? `${placement.payload} in ${placement.field}` : `unknown id ${id}`
  }
}

export type Finding = { screen: string; kind: 'ran' | 'dialog' | 'csp-violation' | 'left in the DOM'; detail: string }

const SENTINEL_BASE = 1_000_000

/**
 * Installs the watchers on a context: top.__xss, dialogs, CSP violation events (every frame) and console
 * reports. Each visit ends with sentinels: an image that fails to load and a <details> that opens, added to
 * every frame, with listeners of our own. Once both have fired, whatever stored payload was going to fire on
 * load (an image's error, a toggle, an svg's load) has fired too.
 */
export class XssWatch {
  readonly findings: Finding[] = []
  readonly visited: string[] = []
  private screen = 'setup'
  private sentinelsSeen = new Set<number>()
  private nextSentinel = SENTINEL_BASE

  private constructor(private readonly placements: Placements) {}

  static async attach(context: BrowserContext, placements: Placements) {
    const watch = new XssWatch(placements)
    await context.exposeFunction('__xss', (id: number) => {
      if (id >= SENTINEL_BASE) watch.sentinelsSeen.add(id)
      else watch.findings.push({ screen: watch.screen, kind: 'ran', detail: placements.describe(id) })
    })
    await context.exposeFunction('__cspViolation', (detail: string) => watch.findings.push({ screen: watch.screen, kind: 'csp-violation', detail }))
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __cspViolation?: (d: string) => void }).__cspViolation ?? (top as unknown as { __cspViolation?: (d: string) => void }).__cspViolation
        report?.(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}: ${e.sample}`)
      })
    })
    context.on('dialog', (dialog) => {
      watch.findings.push({ screen: watch.screen, kind: 'dialog', detail: `${dialog.type()}(${dialog.message()}): ${placements.describe(Number(dialog.message()))}` })
      void dialog.dismiss()
    })
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) watch.findings.push({ screen: watch.screen, kind: 'csp-violation', detail: `console: ${message.text().slice(0, 300)}` })
    })
    return watch
  }

  /** Names what happens next in the findings (setup steps that are not visits). */
  at(screen: string) {
    this.screen = screen
  }

  /**
   * Opens a screen, waits until it is hydrated, loaded and its sentinels have fired in every frame, then looks
   * for markup that could run later (event handlers, javascript: URLs). `shows` checks that the screen really
   * displays stored payloads, as text.
   */
  async visit(page: Page, path: string, { shows = true, hydrates = true, ready }: { shows?: boolean; hydrates?: boolean; ready?: (page: Page) => Promise<void> } = {}) {
    this.screen = path
    this.visited.push(path)
    await page.goto(path)
    await this.settle(page, { shows, hydrates, ready })
  }

  /** The same checks for the screen the page is on now (after a click or a submission). */
  async settle(page: Page, { shows = true, hydrates = true, ready }: { shows?: boolean; hydrates?: boolean; ready?: (page: Page) => Promise<void> } = {}) {
    if (hydrates) await expect(page.locator('html[data-hydrated]')).toBeAttached({ timeout: 30_000 })
    if (ready) await ready(page)
    for (const frame of ownFrames(page)) await frame.waitForFunction(() => document.readyState === 'complete')
    await this.runSentinels(page)
    for (const frame of ownFrames(page)) {
      for (const detail of await frame.evaluate(auditDom).catch(() => [] as string[])) this.findings.push({ screen: this.screen, kind: 'left in the DOM', detail })
    }
    if (shows) {
      const texts = await Promise.all(ownFrames(page).map((frame) => frame.evaluate(visibleText).catch(() => '')))
      expect(texts.join('\n'), `${this.screen} shows the stored payloads as text`).toContain('top.__xss(')
    }
  }

  private async runSentinels(page: Page) {
    const ids: number[] = []
    for (const frame of ownFrames(page)) {
      const id = (this.nextSentinel += 2)
      ids.push(id, id + 1)
      // Listeners, not inline handlers, so the sentinels fire under the admin CSP too.
      await frame.evaluate((n) => {
        const report = (top as unknown as { __xss: (id: number) => void }).__xss
        const box = document.createElement('div')
        box.dataset.xssSentinel = ''
        const image = document.createElement('img')
        image.addEventListener('error', () => report(n))
        image.src = `/__xss-sentinel-${n}`
        const details = document.createElement('details')
        details.addEventListener('toggle', () => report(n + 1))
        box.append(image, details)
        ;(document.body ?? document.documentElement).append(box)
        details.open = true
      }, id)
    }
    await expect.poll(() => ids.filter((id) => !this.sentinelsSeen.has(id)), { message: `our own script ran in every frame of ${this.screen}`, timeout: 15_000 }).toEqual([])
  }
}

// Frames of this origin (the page and the editor's canvas); a video player's frame is someone else's.
function ownFrames(page: Page): Frame[] {
  const origin = new URL(page.url()).origin
  return page.frames().filter((frame) => frame.url() === '' || frame.url().startsWith('about:') || frame.url().startsWith(origin))
}

// Runs in the browser: markup that could run script later, on a click or a focus.
function auditDom() {
  const found: string[] = []
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'srcdoc']
  for (const element of Array.from(document.querySelectorAll('*'))) {
    if (element.closest('[data-xss-sentinel]')) continue
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      if (name.startsWith('on')) found.push(`<${element.localName} ${name}="${attribute.value.slice(0, 80)}">`)
      if (urlAttributes.includes(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attribute.value.replace(/[\t\n\r]/g, ''))) {
        found.push(`<${element.localName} ${name}="${attribute.value.slice(0, 80)}">`)
      }
    }
    // A payload's own <script> (inert if it came in through innerHTML, but proof that markup got through);
    // Remix's streamed data and the forms' JSON hold the payloads as escaped strings, which is fine.
    if (element.localName === 'script' && /^\s*top\.__xss\(\d+\)\s*$/.test(element.textContent ?? '')) found.push(`<script>${element.textContent}</script>`)
  }
  return found
}

// Runs in the browser: what a person sees, including the values of inputs and the document title.
function visibleText() {
  const values = Array.from(document.querySelectorAll('input, textarea, select')).map((el) => (el as HTMLInputElement).value)
  return [document.title, document.body?.innerText ?? '', ...values].join('\n')
}
