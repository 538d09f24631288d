import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// Debian's Chromium, never a downloaded browser (docs/stack.md pitfall 3). Its headless shell first when it is
// installed (`apt-get install chromium-headless-shell`, as .ci/run does): the full browser's headless mode runs a
// GPU process and a display compositor for nobody, and the shell took 44 % less of the browser's CPU for the same
// stories (docs/testing.md, "How long it takes"); the e2e run is CPU-bound, so that is the run's time.
const chromiumPath = process.env.CHROMIUM_PATH || ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
if (!chromiumPath) {
  throw new Error('No Chromium found for the e2e tests. Install it with `sudo apt-get install -y chromium-headless-shell` (or chromium), or set CHROMIUM_PATH.')
}

const port = Number(process.env.E2E_PORT ?? 3100)
export const baseURL = `http://localhost:${port}`
// The e2e server sends mail over SMTP to this loopback port, where tests/e2e/password-reset.spec.ts runs a real SMTP
// server (smtp-server) while it needs one; mail sent while none listens is retried by the outbox, harmlessly.
export const smtpPort = port + 10_000
const MAIL_STORIES = /(password-reset|double-opt-in)\.spec\.ts$/

export default defineConfig({
  testDir: './tests/e2e',
  // Its own folder: Playwright empties outputDir at start, and test-results/ also holds vitest's report.
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  // One retry, as Playwright advises for CI. A story that passes only on its retry is not hidden: Playwright counts
  // it as flaky, and .ci/run names every flaky story above its last line (decision 096). A story that fails twice
  // fails the run.
  retries: 1,
  // npm test runs vitest beside Playwright on the same cores (tests/run-all.mjs): on a busy 2-core machine the
  // two-browser stories (a password change seen from a phone, axe at two widths) took 30–35 s, sign-ups and
  // logins outlasted 5 s. Stories that need more say so (the editor's, the stored-XSS passes).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The stored-XSS story (setup, then a pass with CSP off and one with it on) is one serial chain, the longest in
  // the suite. Its project is listed first so a worker starts it at once while the other takes the remaining
  // stories; last in file order, it began when the others were done and ran alone. This did not help while the run
  // was CPU-bound (406 s against 397 s); with the headless shell and no traces it is not (docs/testing.md).
  // Both projects have no dependencies, so Playwright runs them in one phase, side by side.
  // The stories that read mail each run a real SMTP server on the one smtpPort the e2e server sends to: the 'mail'
  // project runs them in a single worker, one after the other, so two never bind the port at once (and no mail
  // lands in the other story's server) while the other projects go on beside them.
  projects: [
    { name: 'stored-xss', testMatch: /xss\.spec\.ts$/ },
    { name: 'mail', testMatch: MAIL_STORIES, workers: 1 },
    { name: 'stories', testIgnore: [/xss\.spec\.ts$/, MAIL_STORIES] },
  ],
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL,
    // Headless Chromium says "HeadlessChrome", which bot detection rightly flags: submissions would be held as
    // spam. The tests are people, so they present the user agent of the Chromium people run.
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    browserName: 'chromium',
    // No trace: recording one for every story (to keep the failures') cost a quarter of the run's CPU, in the
    // browser and the worker (docs/testing.md). A failure keeps a screenshot and the page's error-context.md;
    // `npx playwright test --trace retain-on-failure` records traces again when a failure needs one.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node tests/e2e/serve.js',
    url: `${baseURL}/healthz`,
    env: { PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
})
