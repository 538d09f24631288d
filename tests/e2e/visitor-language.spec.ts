import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { CATALOGUES, ENGLISH } from '../../app/visitor-language/catalogue'
import { findEnglish } from '../english-scan'
import { pseudoFormText, pseudoLocalize } from '../pseudo-locale'

// Issue 18, "the language of a page", in Chromium: a Swedish and a German page speak only their language, with
// and without JavaScript, and say the same thing both ways; a pseudo-localised page (accented, ~40 % longer)
// keeps its layout at phone and laptop widths. Pages are made through the API with the demo workspace's key.

const API_KEY = process.env.DEMO_API_KEY ?? 'e2e_demo_key_0123456789abcdef'
const auth = { Authorization: `Bearer ${API_KEY}` }
const FIELDS = [
  { key: 'email', type: 'email', label: 'E-post', required: true },
  { key: 'name', type: 'text', label: 'Namn', required: true },
  { key: 'phone', type: 'phone', label: 'Telefon' },
  {
    key: 'size',
    type: 'select',
    label: 'Storlek',
    required: true,
    options: [
      { value: 's', label: 'S' },
      { value: 'm', label: 'M' },
    ],
  },
  {
    key: 'heard_about',
    type: 'heard_about',
    label: 'How did you hear about us?',
    options: ['search', 'social', 'other'].map((value) => ({ value, label: { search: 'Search engine', social: 'Social media', other: 'Other' }[value] })),
  },
  { key: 'consent', type: 'consent', label: 'Samtycke', consentText: 'Ja, tack.' },
]

async function publishPage(request: APIRequestContext, locale: string) {
  const form = await request.post('/api/v1/forms', { headers: auth, data: { name: `Språk ${locale} ${Date.now()}`, purpose: 'other', minFillSeconds: 0, fields: FIELDS } })
  expect(form.status()).toBe(201)
  const slug = `lang-${locale.toLowerCase()}-${Date.now()}`
  const page = await request.post('/api/v1/pages', { headers: auth, data: { name: slug, slug, template: 'blank', formId: (await form.json()).id, locale } })
  expect(page.status()).toBe(201)
  expect((await request.post(`/api/v1/pages/${(await page.json()).id}/publish`, { headers: auth })).ok()).toBe(true)
  return slug
}

/** The message under each field, by the field's error id, as the visitor reads them. */
const fieldMessages = (page: Page) => page.locator('.sf-form [id$="-error"]').evaluateAll((nodes) => Object.fromEntries(nodes.map((node) => [node.id, node.textContent])))

test('A Swedish and a German visitor read only their language, and the same message with and without JavaScript', async ({ browser, request }) => {
  const withJs = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const noJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
  for (const language of ['sv', 'de'] as const) {
    const slug = await publishPage(request, language)
    const form = CATALOGUES[language].form

    const visitor = await withJs.newPage()
    await visitor.goto(`/p/${slug}`) // waits for load: the deferred form script has run
    await expect(visitor.locator('html')).toHaveAttribute('lang', language)
    await expect(visitor.locator('.sf-form form')).toHaveJSProperty('noValidate', true)
    await visitor.getByLabel('E-post').fill('ada@')
    await visitor.locator('.sf-form [type=submit]').click()
    await expect(visitor.getByText(form.email)).toBeVisible()
    await expect.poll(async () => Object.keys(await fieldMessages(visitor)).length).toBe(4) // email, name, size, consent
    const scriptMessages = await fieldMessages(visitor)
    expect(findEnglish(await visitor.content(), language)).toEqual([])
    // The script itself carries no words: the English catalogue is not in it.
    const script = await (await request.get((await visitor.locator('script[src*="form"]').getAttribute('src'))!)).text()
    for (const english of [ENGLISH.form.email, ENGLISH.form.next, ENGLISH.form.unreachable]) expect(script).not.toContain(english)
    await visitor.close()

    const plain = await noJs.newPage()
    await plain.goto(`/p/${slug}`)
    await plain.getByLabel('E-post').fill('ada@')
    await plain.getByLabel('E-post').press('Enter')
    await expect(plain.getByText(form.email)).toBeVisible()
    expect(await fieldMessages(plain)).toEqual(scriptMessages)
    expect(findEnglish(await plain.content(), language)).toEqual([])
    await plain.close()
  }
  await withJs.close()
  await noJs.close()
})

/** The page's words pseudo-localised, as if its catalogue were the pseudo one: text, form definition and script text. */
function pseudoPage(html: string) {
  const pseudoText = (text: string) => text.replace(/(&#?\w+;)|([^&]+)/g, (_, entity: string | undefined, words: string) => entity ?? pseudoLocalize(words))
  const pseudoValues = (value: unknown, key = ''): unknown =>
    typeof value === 'string'
      ? ['label', 'submitLabel', 'consentText', 'placeholder', 'message'].includes(key)
        ? pseudoLocalize(value)
        : value
      : Array.isArray(value)
        ? value.map((item) => pseudoValues(item))
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudoValues(v, k)]))
          : value
  return html
    .split(/(<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>)/)
    .map((part) => {
      if (part.startsWith('<style')) return part
      const json = /^(<script type="application\/json" data-sf-(definition|language)="[^"]+">)([\s\S]*)(<\/script>)$/.exec(part)
      if (json) {
        const value = json[2] === 'language' ? { locale: 'en', text: pseudoFormText() } : pseudoValues(JSON.parse(json[3]!))
        return json[1] + JSON.stringify(value).replace(/</g, '\\u003c') + json[4]
      }
      return part.startsWith('<script') ? part : part.replace(/>([^<]+)</g, (_, text: string) => `>${pseudoText(text)}<`)
    })
    .join('')
}

/** What breaks a layout: the page wider than the screen, a button whose text does not fit, text past the edge. */
const layoutProblems = (page: Page) =>
  page.evaluate(() => {
    const problems: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) problems.push(`page is ${root.scrollWidth}px wide in ${root.clientWidth}px`)
    for (const button of document.querySelectorAll<HTMLElement>('.sf-page button, .sf-page .sf-btn')) {
      if (button.scrollWidth > button.clientWidth + 1) problems.push(`button "${button.textContent}" clipped`)
    }
    for (const text of document.querySelectorAll<HTMLElement>('.sf-form label, .sf-form legend, .sf-form__error, .sf-form__step-count')) {
      if (text.closest('.sf-form__hp')) continue
      if (text.getBoundingClientRect().right > root.clientWidth + 1) problems.push(`"${text.textContent}" runs past the edge`)
    }
    return problems
  })

test('A pseudo-localised page (accented, 40 % longer) keeps its layout at 390 and 1366 px, messages shown', async ({ browser, request }) => {
  const slug = await publishPage(request, 'en')
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const visitor = await context.newPage()
  await visitor.route(`**/p/${slug}`, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, body: pseudoPage(await response.text()) })
  })
  await visitor.goto(`/p/${slug}`)
  await expect(visitor.locator('.sf-form [type=submit]')).toHaveText(pseudoLocalize(ENGLISH.form.submit))
  expect(await layoutProblems(visitor)).toEqual([])
  await visitor.locator('.sf-form input[type=email]').fill('ada@')
  await visitor.locator('.sf-form [type=submit]').click() // checked by the script, in the pseudo language
  await expect(visitor.getByText(pseudoLocalize(ENGLISH.form.email))).toBeVisible()
  expect(await layoutProblems(visitor)).toEqual([])
  await visitor.setViewportSize({ width: 1366, height: 900 })
  expect(await layoutProblems(visitor)).toEqual([])
  await context.close()
})
