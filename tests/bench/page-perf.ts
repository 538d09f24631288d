// npm run perf:page: what a visitor's phone downloads for each demo page, its Lighthouse mobile performance
// score, and how the editor copes with a 60-block page. Builds first; serves on a throwaway embedded database.
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { DEMO_PAGES } from '#app/demo/pages'
import { startServer } from '#tests/server-process'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-quic'
const API_KEY = 'perf_page_key_0123456789abcdef'

if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1)
const dataDir = mkdtempSync(path.join(tmpdir(), 'splitform-perf-'))
const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', DEMO_API_KEY: API_KEY, RATE_LIMITS: 'off' })

type Summary = { resourceType: string; transferSize: number }
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

try {
  console.log(`\nPublished demo pages, Lighthouse ${readVersion()} mobile (simulated slow 4G, 4× CPU slowdown)`)
  console.log(
    `${'page'.padEnd(24)} ${'score'.padStart(5)} ${'FCP'.padStart(6)} ${'LCP'.padStart(6)} ${'TBT'.padStart(6)} ${'CLS'.padStart(5)} ${'JS'.padStart(8)} ${'CSS'.padStart(8)} ${'HTML'.padStart(8)} ${'total'.padStart(9)}`,
  )
  for (const page of DEMO_PAGES) {
    const out = path.join(dataDir, `${page.slug}.json`)
    // Asynchronous on purpose: a blocked event loop would stop draining the server's output pipe.
    await promisify(execFile)(
      'npx',
      ['lighthouse', `${server.url}/p/${page.slug}`, '--only-categories=performance', '--form-factor=mobile', `--chrome-flags=${CHROME_FLAGS}`, '--output=json', `--output-path=${out}`, '--quiet'],
      {
        env: { ...process.env, CHROME_PATH: CHROMIUM },
      },
    )
    const report = JSON.parse(readFileSync(out, 'utf8'))
    const items: Summary[] = report.audits['resource-summary'].details.items
    const size = (type: string) => items.find((i) => i.resourceType === type)?.transferSize ?? 0
    // CSS is inlined in the document: count the bytes of its <style> as CSS, not as HTML.
    const html = await (await fetch(`${server.url}/p/${page.slug}`)).text()
    const inlineCss = Buffer.byteLength(/<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '')
    const ratio = size('document') / Buffer.byteLength(html)
    const audit = (id: string) => report.audits[id].displayValue as string
    console.log(
      `${page.slug.padEnd(24)} ${String(Math.round(report.categories.performance.score * 100)).padStart(5)} ${audit('first-contentful-paint').padStart(6)} ${audit('largest-contentful-paint').padStart(6)} ${audit('total-blocking-time').padStart(6)} ${audit('cumulative-layout-shift').padStart(5)} ${kb(size('script')).padStart(8)} ${kb(size('stylesheet') + inlineCss * ratio).padStart(8)} ${kb(size('document') - inlineCss * ratio).padStart(8)} ${kb(size('total')).padStart(9)}`,
    )
  }
  console.log("JS and CSS are bytes transferred (compressed); the CSS is inlined in the page, estimated at the document's compression ratio.")
  await measureEditor()
} catch (error) {
  console.error(error, '\nserver output:\n', server.output().slice(-3000))
  process.exitCode = 1
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  rmSync(dataDir, { recursive: true, force: true })
}

function readVersion() {
  return JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version as string
}

/** A 60-block page in the editor: time until its canvas shows every block, and what one keystroke costs. */
async function measureEditor() {
  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${p}`, { ...init, headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' } }).then((r) => r.json())
  const created = await api('/pages', { method: 'POST', body: JSON.stringify({ name: 'Sixty blocks', slug: 'sixty-blocks', template: 'demo' }) })
  const { draft } = await api(`/pages/${created.id}/variants/A`)
  const base = draft.content as { type: string; props: Record<string, unknown> }[]
  // Copies of the template's blocks, with fresh ids all the way down (ids must be unique in a page).
  const reId = (value: unknown, suffix: string): unknown =>
    Array.isArray(value)
      ? value.map((v) => reId(v, suffix))
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'id' && typeof v === 'string' ? `${v}-${suffix}` : reId(v, suffix)]))
        : value
  const content = Array.from({ length: 60 }, (_, i) => reId(base[i % base.length], `perf${i}`))
  const saved = await api(`/pages/${created.id}/variants/A`, { method: 'PUT', body: JSON.stringify({ draft: { ...draft, content } }) })
  if (!saved.savedAt) throw new Error(`could not save the 60-block page: ${JSON.stringify(saved)}`)

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.split(' ').filter((f) => f !== '--headless=new') })
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(`${server.url}/login`)
  await page.getByLabel('Email').fill('demo@splitform.dev')
  await page.getByLabel('Password').fill('splitform-demo')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL(/dashboard/)

  const loads: number[] = []
  for (let run = 0; run < 5; run++) {
    const start = Date.now()
    await page.goto(`${server.url}/editor/${created.id}/A`)
    await page
      .frameLocator('iframe')
      .first()
      .locator(`[data-puck-component="${(content[59] as { props: { id: string } }).props.id}"]`)
      .waitFor({ timeout: 30_000 })
    loads.push(Date.now() - start)
  }
  const canvas = page.frameLocator('iframe').first()
  await canvas.locator('h1').first().click()
  const input = page.locator('input[name="headline"]:visible')
  // Count which top-level blocks' DOM changes while typing: only the edited block should.
  await page.frames()[1]!.evaluate(() => {
    const w = window as unknown as { __changed: Set<string> }
    w.__changed = new Set()
    new MutationObserver((records) => {
      for (const r of records) {
        const el = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[data-puck-component]')
        if (el) w.__changed.add(el.getAttribute('data-puck-component')!)
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await input.fill('Go')
  await canvas.locator('h1').first().filter({ hasText: /^Go$/ }).waitFor()
  const keystrokes: number[] = []
  let typed = 'Go'
  for (const ch of ' faster') {
    typed += ch
    const start = performance.now()
    await input.press(ch === ' ' ? 'Space' : ch)
    await canvas
      .locator('h1')
      .first()
      .filter({ hasText: typed.trimEnd() === typed ? typed : typed.trimEnd() })
      .waitFor()
    keystrokes.push(performance.now() - start)
  }
  const changed = await page.frames()[1]!.evaluate(() => [...(window as unknown as { __changed: Set<string> }).__changed])
  await browser.close()
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  console.log(`\nEditor, 60-block page: canvas with every block shown after median ${median(loads)} ms (runs: ${loads.join(', ')} ms; target < 1 s)`)
  console.log(
    `Typing in the headline field: median ${median(keystrokes).toFixed(0)} ms from key to canvas update; blocks whose DOM changed while typing: ${changed.length} of 60 (${changed.join(', ')})`,
  )
}
