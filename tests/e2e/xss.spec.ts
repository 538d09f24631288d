import { randomUUID } from 'node:crypto'
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { XSS_PAYLOADS } from '../xss-payloads'
import { comeFromOwnAddress, createApiKey } from './fixtures'
import { Placements, XssWatch } from './xss-harness'

// Stored XSS, the way an attacker with an API key (or a colleague's account) would try it: every payload of
// tests/xss-payloads.ts goes into every text field, through the API and through the UI, and then the owner
// opens the editor and every admin screen that shows them. Nothing may run: not with the admin CSP, and not
// with CSP switched off in the browser (bypassCSP), which proves the escaping and sanitising on their own.
// The setup and the two passes are one story, run in order.
test.describe.configure({ mode: 'serial', timeout: 900_000 })

const placements = new Placements()
const run = randomUUID().slice(0, 8)
const owner = { email: `xss-${run}@example.com`, password: 'correct horse battery' }
type Ids = {
  apiKey: string
  workspaceId: string
  mainFormId: string
  plainFormId: string
  formIds: string[]
  mainPageId: string
  mainSlug: string
  typedPageId: string
  typedSlug: string
  namedPageIds: string[]
  experimentIds: string[]
  leadId: string
}
const ids = {} as Ids

async function api(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
  const response = await page.request.fetch(path, { method, headers: { Authorization: `Bearer ${ids.apiKey}` }, data: body })
  return { status: response.status(), body: await response.json().catch(() => null) }
}

async function apiOk(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
  const result = await api(page, method, path, body)
  expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)?.slice(0, 500)}`).toBeLessThan(300)
  return result.body
}

// The requests the admin screens' forms send, with the owner's session (the same actions the UI posts to).
async function postForm(page: Page, path: string, form: Record<string, string>) {
  const response = await page.request.post(path, { form, headers: { Origin: new URL(page.url()).origin } })
  return response.status()
}

// Each block's text fields, filled from one payload; the lengths are the blocks' own limits (app/pages/blocks).
function blocksFor(field: (name: string, max: number) => string | undefined, index: number, formId: string) {
  const p = (name: string, max: number, fallback = 'ok') => field(name, max) ?? fallback
  const id = (type: string) => `${type}-${index}`
  return [
    {
      type: 'Hero',
      props: {
        id: id('Hero'),
        eyebrow: p('Hero eyebrow', 120),
        headline: p('Hero headline', 200),
        subheadline: p('Hero subheadline', 600),
        ctaLabel: p('Hero button label', 80),
        ctaLink: p('Hero button link', 2048),
        secondaryLabel: p('Hero second button label', 80),
        secondaryLink: p('Hero second button link', 2048),
        imageUrl: p('Hero image URL', 2048),
        imageAlt: p('Hero image alt', 300),
        imageWidth: 0,
        imageHeight: 0,
        layout: 'split',
        background: 'light',
      },
    },
    { type: 'RichText', props: { id: id('RichText'), content: p('Rich text', 100_000), align: 'left' } },
    {
      type: 'Section',
      props: {
        id: id('Section'),
        background: 'light',
        spacing: 'medium',
        anchor: '',
        content: [{ type: 'RichText', props: { id: id('RichTextInSection'), content: p('Rich text in a section', 100_000), align: 'left' } }],
      },
    },
    {
      type: 'Columns',
      props: {
        id: id('Columns'),
        count: '2',
        verticalAlign: 'top',
        left: [{ type: 'RichText', props: { id: id('RichTextInColumns'), content: p('Rich text in columns', 100_000), align: 'center' } }],
        middle: [],
        right: [],
      },
    },
    {
      type: 'FeaturesGrid',
      props: {
        id: id('FeaturesGrid'),
        heading: p('Features heading', 200),
        intro: p('Features intro', 600),
        items: [{ title: p('Feature title', 120), text: p('Feature text', 600), icon: p('Feature icon', 16, '*') }],
      },
    },
    {
      type: 'Testimonials',
      props: {
        id: id('Testimonials'),
        heading: p('Testimonials heading', 200),
        items: [{ quote: p('Testimonial quote', 1000), name: p('Testimonial name', 120), role: p('Testimonial role', 160), avatar: p('Testimonial avatar URL', 2048) }],
      },
    },
    { type: 'LogoStrip', props: { id: id('LogoStrip'), heading: p('Logos heading', 200), items: [{ name: p('Logo name', 120), logo: p('Logo URL', 2048), width: 100, height: 30 }] } },
    { type: 'Faq', props: { id: id('Faq'), heading: p('FAQ heading', 200), items: [{ question: p('FAQ question', 300), answer: p('FAQ answer', 3000) }] } },
    { type: 'Stats', props: { id: id('Stats'), heading: p('Stats heading', 200), items: [{ value: p('Stat value', 40), label: p('Stat label', 160) }] } },
    { type: 'Image', props: { id: id('Image'), url: p('Image URL', 2048), alt: p('Image alt', 300), width: 0, height: 0, caption: p('Image caption', 300), size: 'narrow' } },
    { type: 'Video', props: { id: id('Video'), url: p('Video URL', 2048), title: p('Video title', 200), caption: p('Video caption', 300) } },
    { type: 'CtaButton', props: { id: id('CtaButton'), label: p('Button label', 80), action: 'link', link: p('Button link', 2048), style: 'primary', align: 'center', note: p('Button note', 200) } },
    { type: 'Countdown', props: { id: id('Countdown'), target: '2030-01-01T09:00:00Z', label: p('Countdown label', 200), expiredText: p('Countdown expired text', 200) } },
    { type: 'Footer', props: { id: id('Footer'), text: p('Footer text', 500), links: [{ label: p('Footer link label', 80), url: p('Footer link URL', 2048) }] } },
    // Every Form block needs a form (publishing refuses one without); its heading and text take the payloads in every
    // copy. The form full of payloads is the same in every copy, so only the first shows it (payloadDocument).
    { type: 'Form', props: { id: id('Form'), formId, heading: p('Form block heading', 200), text: p('Form block text', 600) } },
  ]
}

/**
 * A page document with every block's every text field holding each payload (one set of blocks per payload). The
 * first set's Form block shows `formId`, the form holding payloads; the others a form without any (ids.plainFormId).
 * Rendering the same payload form in all 60 copies proved nothing more and was most of the browser's work on these
 * pages (docs/testing.md, "How long it takes").
 */
function payloadDocument(path: string, formId: string) {
  const content = XSS_PAYLOADS.flatMap((payload, index) => {
    const field = (name: string, max: number) => {
      const value = placements.one(`${path}: ${name}`, index)
      if (value.text.length <= max) return value.text
      placements.all.pop()
      placements.skipped.push(`${payload.name} in ${path}: ${name} (longer than ${max} characters)`)
      return undefined
    }
    return blocksFor(field, index, index === 0 ? formId : ids.plainFormId)
  })
  return { root: { props: {} }, content }
}

function mainFormDefinition() {
  const labels = placements.each('form field label', 200)
  const placeholders = placements.each('form field placeholder', 200)
  const helps = placements.each('form field help text', 500)
  const options = placements.each('form option label', 200)
  const values = placements.each('form option value', 100)
  return {
    purpose: 'other',
    conversionType: 'soft',
    minFillSeconds: 0,
    submitLabel: placements.pack('form submit label', 60),
    success: { type: 'message', message: placements.pack('form success message', 1000), nextStep: { text: placements.pack('form next-step text', 200), url: '/p/next' } },
    fields: [
      { type: 'email', key: 'email', label: 'Email', required: true },
      { type: 'text', key: 'name', label: 'Name' },
      { type: 'text', key: 'company', label: 'Company' },
      ...XSS_PAYLOADS.map((_, i) => ({ type: 'textarea', key: `a${i}`, label: labels[i]?.text ?? `Answer ${i}`, placeholder: placeholders[i]?.text, help: helps[i]?.text })),
      { type: 'select', key: 'pick', label: 'Pick', options: XSS_PAYLOADS.map((_, i) => ({ value: `v${i}`, label: options[i]?.text ?? `Option ${i}` })) },
      { type: 'radio', key: 'tone', label: 'Tone', options: XSS_PAYLOADS.map((_, i) => ({ value: values[i]?.text ?? `value ${i}`, label: `Tone ${i}` })) },
      { type: 'checkboxes', key: 'boxes', label: 'Boxes', options: XSS_PAYLOADS.map((_, i) => ({ value: `c${i}`, label: options[i] ? `${i} ${options[i]!.text}` : `Box ${i}` })) },
      { type: 'hidden', key: 'campaign', label: 'Campaign', defaultValue: placements.pack('hidden field default value', 500) },
      { type: 'consent', key: 'consent', label: 'Consent', consentText: placements.pack('consent text', 1000) },
    ],
  }
}

async function signUpOwner(page: Page) {
  await comeFromOwnAddress(page)
  await page.goto('/signup')
  await page.getByLabel('Your name').fill(placements.pack('user name (sign-up form)', 100))
  await page.getByLabel('Work email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByLabel('Workspace name').fill(placements.pack('workspace name (sign-up form)', 100))
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

async function createForms(page: Page) {
  ids.mainFormId = (await apiOk(page, 'POST', '/api/v1/forms', { name: placements.pack('form name', 120), ...mainFormDefinition() })).id
  const plain = { name: 'Plain', purpose: 'other', fields: [{ type: 'email', key: 'email', label: 'Email' }], success: { type: 'message', message: 'Thanks' } }
  ids.plainFormId = (await apiOk(page, 'POST', '/api/v1/forms', plain)).id
  const names = placements.each('form name', 120)
  const messages = placements.each('form success message', 1000)
  ids.formIds = []
  for (const [i, name] of names.entries()) {
    if (!name) continue
    const form = { name: name.text, purpose: 'other', fields: [{ type: 'email', key: 'email', label: 'Email' }], success: { type: 'message', message: messages[i]?.text ?? 'Thanks' } }
    ids.formIds.push((await apiOk(page, 'POST', '/api/v1/forms', form)).id)
  }
}

async function createPages(page: Page) {
  ids.mainSlug = `xss-${run}`
  const main = await apiOk(page, 'POST', '/api/v1/pages', { name: placements.pack('page name', 120), slug: ids.mainSlug, template: 'blank', formId: ids.mainFormId })
  ids.mainPageId = main.id
  // A: a draft PUT with an API key. B: a variant copied from A by the API. C: written by the editor's save.
  await apiOk(page, 'PUT', `/api/v1/pages/${ids.mainPageId}/variants/A`, { draft: payloadDocument('draft PUT with an API key', ids.mainFormId) })
  for (const name of placements.each('variant name', 60)) {
    if (name) await apiOk(page, 'POST', `/api/v1/pages/${ids.mainPageId}/variants`, { name: name.text, copyFrom: 'A' })
  }
  // The copies hold A's document as it is: the passes open A and C in the editor, and opening B drew A's again.
  const variant = async (key: string) => (await apiOk(page, 'GET', `/api/v1/pages/${ids.mainPageId}/variants/${key}`)).draft
  expect(await variant('B'), 'variant B, copied from A, holds the same document').toEqual(await variant('A'))
  const saved = await postForm(page, `/editor/${ids.mainPageId}/C`, { intent: 'save', draft: JSON.stringify(payloadDocument("the editor's save action", ids.mainFormId)) })
  expect(saved).toBe(200)
  const settings = {
    intent: 'settings',
    slug: ids.mainSlug,
    title: placements.pack('page title (settings)', 120),
    description: placements.pack('page description (settings)', 300),
    socialImage: '',
    favicon: '',
    brandColor: '#3b55e6',
    font: 'system-sans',
    logo: '',
  }
  expect(await postForm(page, `/pages/${ids.mainPageId}`, settings)).toBe(200)
  await apiOk(page, 'POST', `/api/v1/pages/${ids.mainPageId}/publish`, {})

  ids.namedPageIds = []
  for (const [i, name] of placements.each('page name', 120).entries()) {
    if (name) ids.namedPageIds.push((await apiOk(page, 'POST', '/api/v1/pages', { name: name.text, slug: `xss-${run}-${i}`, template: 'blank' })).id)
  }
}

// In the editor itself: type into the hero's headline, paste HTML into a rich-text field, publish.
async function typeInEditor(page: Page) {
  ids.typedSlug = `xss-${run}-typed`
  ids.typedPageId = (await apiOk(page, 'POST', '/api/v1/pages', { name: 'Typed in the editor', slug: ids.typedSlug, template: 'blank', formId: ids.mainFormId })).id
  const draft = (await apiOk(page, 'GET', `/api/v1/pages/${ids.typedPageId}/variants/A`)).draft
  draft.content.splice(1, 0, { type: 'RichText', props: { id: 'typed-rich-text', content: '<p>Paste here</p>', align: 'left' } })
  await apiOk(page, 'PUT', `/api/v1/pages/${ids.typedPageId}/variants/A`, { draft })

  await page.goto(`/editor/${ids.typedPageId}/A`)
  const canvas = page.frameLocator('iframe').first()
  await canvas.locator('h1').first().click({ timeout: 60_000 })
  await page.locator('input[name="headline"]:visible').fill(placements.pack('editor UI: typed hero headline', 200))
  await expect(page.getByTestId('save-status')).toContainText('Draft saved', { timeout: 20_000 })
  await pasteIntoRichText(page, XSS_PAYLOADS.map((_, i) => placements.one('editor UI: pasted rich text', i).text).join('<p>next</p>'))
  await page.getByText('Publish', { exact: true }).click()
  await expect(page.getByTestId('save-status')).toContainText('Published version 1', { timeout: 20_000 })
}

/** Selects the first rich-text block in the editor's canvas and pastes `html` into its field, as from a clipboard. */
async function pasteIntoRichText(page: Page, html: string) {
  await page.frameLocator('iframe').first().locator('.sf-richtext').first().click()
  const editor = page.locator('.ProseMirror:visible').first()
  await editor.click()
  const saved = await page.getByTestId('save-status').textContent()
  await editor.evaluate((element, pasted) => {
    const data = new DataTransfer()
    data.setData('text/html', pasted)
    data.setData('text/plain', pasted)
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
  // Autosave: a new "Draft saved" time once the pasted text is stored.
  await expect(page.getByTestId('save-status')).not.toHaveText(saved ?? '', { timeout: 20_000 })
  await expect(page.getByTestId('save-status')).toContainText('Draft saved', { timeout: 20_000 })
}

/**
 * A visitor fills the published form with payloads; with JavaScript (the page's script posts it) or without. On
 * `slug`'s page, opened first; or, with `slug` null, on the published page the browser is on already.
 */
async function submitLead(page: Page, answers: { name: string; company: string; text: string[] }, slug: string | null = ids.mainSlug) {
  if (slug !== null) await page.goto(`/p/${slug}`)
  const form = page.locator('form[data-sf-form]').first()
  await form.locator('input[name="email"]').fill(`lead-${randomUUID().slice(0, 8)}@example.com`)
  await form.locator('input[name="name"]').fill(answers.name)
  await form.locator('input[name="company"]').fill(answers.company)
  for (const [i, text] of answers.text.entries()) await form.locator(`textarea[name="a${i}"]`).fill(text)
  await form.locator('select[name="pick"]').selectOption('v1')
  await form.locator('input[name="tone"]').first().check()
  await form.locator('input[name="boxes"]').first().check()
  await form.locator('input[name="consent"]').check()
  await form.locator('button[type="submit"]').click()
}

async function createLeads(browser: Browser, setup: Page) {
  const visitor = await browser.newContext({ bypassCSP: true })
  const watch = await XssWatch.attach(visitor, placements)
  const page = await visitor.newPage()
  watch.at('a visitor submits the published form (JavaScript on)')
  const answers = placements.each('lead answer (textarea)', 10_000).map((value) => value?.text ?? 'ok')
  // On the page typed in the editor, which shows the same form as the main page in four blocks instead of hundreds
  // (the passes submit the main page's, with JavaScript); and so do the submissions without JavaScript below.
  await submitLead(page, { name: placements.pack('lead answer: name', 500), company: placements.pack('lead answer: company', 500), text: answers }, ids.typedSlug)
  await expect(page.getByText('top.__xss(').first()).toBeVisible({ timeout: 20_000 })
  await visitor.close()

  // Without JavaScript, one submission per payload: on the main page, each opened its hundreds of blocks anew.
  const noScript = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true })
  const plain = await noScript.newPage()
  const names = placements.each('lead answer: name (no JavaScript)', 500)
  for (const [i, name] of names.entries()) {
    if (!name) continue
    await submitLead(plain, { name: name.text, company: placements.one('lead answer: company (no JavaScript)', i).text, text: [] }, ids.typedSlug)
    await expect(plain.getByText('top.__xss(').first()).toBeVisible({ timeout: 20_000 })
  }
  await noScript.close()
  expect(watch.findings).toEqual([])

  const leads = await apiOk(setup, 'GET', '/api/v1/leads?limit=100')
  const withAnswers = (leads.leads as { id: string; name: string | null }[]).find((lead) => lead.name?.includes('top.__xss('))
  expect(withAnswers, 'the leads are stored').toBeDefined()
  ids.leadId = withAnswers!.id
}

async function addNotesAndWebhooksAndKeys(page: Page) {
  await page.goto(`/leads/${ids.leadId}`)
  await expect(page.locator('html[data-hydrated]')).toBeAttached()
  await page.getByLabel('New note').fill(placements.pack('lead note (typed)', 5000))
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByText('Note added.')).toBeVisible()
  for (const note of placements.each('lead note', 5000)) if (note) expect(await postForm(page, `/leads/${ids.leadId}`, { intent: 'note', body: note.text })).toBe(200)

  await page.goto('/settings/webhooks')
  await expect(page.locator('html[data-hydrated]')).toBeAttached()
  const typed = placements.one(
    'webhook URL (typed)',
    XSS_PAYLOADS.findIndex((p) => p.name.startsWith('attribute break')),
  )
  await page.getByLabel('Endpoint URL').fill(`https://example.com/hook?x=${typed.text}`)
  await page.getByRole('button', { name: 'Add webhook' }).click()
  await expect(page.getByText('top.__xss(').first()).toBeVisible()
  const refused: number[] = []
  for (const url of placements.each('webhook URL', 1900)) {
    if (!url) continue
    const status = await postForm(page, '/settings/webhooks', { intent: 'create', url: `https://example.com/?q=${url.text}`, events: 'lead.created' })
    expect([200, 400], `a webhook URL is stored or refused with 400, never ${status}`).toContain(status)
    if (status === 400) refused.push(url.id)
  }
  placements.refused(refused)

  for (const name of placements.each('API key name', 100)) if (name) expect(await postForm(page, '/settings/api-keys', { intent: 'create', name: name.text })).toBe(200)
}

async function createExperiments(page: Page) {
  const notes = placements.each('experiment hypothesis (notes)', 2000)
  ids.experimentIds = []
  for (const [i, name] of placements.each('experiment name', 120).entries()) {
    if (!name) continue
    const body = {
      pageId: ids.mainPageId,
      name: name.text,
      hypothesis: notes[i]?.text ?? '',
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    }
    ids.experimentIds.push((await apiOk(page, 'POST', '/api/v1/experiments', body)).id)
  }
}

// More workspaces for the same owner, each named with a payload: every screen's workspace switcher lists them.
async function createWorkspaces(page: Page) {
  for (const name of placements.each('workspace name (another workspace)', 100)) if (name) expect(await postForm(page, '/workspaces/new', { name: name.text })).toBe(200)
  expect(await postForm(page, '/workspaces/switch', { workspaceId: ids.workspaceId })).toBe(200)
}

// A positive control: the same payloads written straight into a page with CSP off must be caught, so a pass
// below means nothing ran, not that the watch saw nothing.
test('The watch catches payloads that do run, and script-capable markup that waits for a click', async ({ browser }) => {
  const context = await browser.newContext({ bypassCSP: true })
  const control = new Placements()
  const watch = await XssWatch.attach(context, control)
  const page = await context.newPage()
  const html = `<!doctype html><title>control</title><body>${control
    .each('a page that renders HTML raw')
    .map((p) => p!.text)
    .join('\n')}</body>`
  await page.route('**/__xss-control', (route) => route.fulfill({ contentType: 'text/html', body: html }))
  await watch.visit(page, '/__xss-control', { hydrates: false })
  await context.close()
  const caught = (kind: string) => watch.findings.filter((f) => f.kind === kind).map((f) => f.detail.replace(/ in a page that renders HTML raw$/, ''))
  expect(caught('ran')).toEqual(expect.arrayContaining(['img onerror', 'iframe javascript: src', 'noscript mutation XSS', 'details ontoggle', 'script element', 'svg onload']))
  expect(caught('dialog')).toEqual([expect.stringContaining('alert dialog')])
  expect(caught('left in the DOM')).toEqual(
    expect.arrayContaining([expect.stringMatching(/^<a href="javascript:/), expect.stringMatching(/^<a href="jav\tascript:/), expect.stringMatching(/^<img onerror=/)]),
  )
  console.log(`control: ${caught('ran').length} ran (${[...new Set(caught('ran'))].join(', ')}), ${caught('dialog').length} dialog, ${caught('left in the DOM').length} left in the DOM`)
})

// The setup runs with CSP off in the browser too, so typing and pasting payloads into the UI proves that
// nothing runs on the way in either, not merely that the CSP blocked it.
test('Setup: payloads go into every text field, through the API with a key and through the UI', async ({ browser }) => {
  const context = await browser.newContext({ bypassCSP: true })
  const watch = await XssWatch.attach(context, placements)
  const page = await context.newPage()
  await signUpOwner(page)
  ids.apiKey = await createApiKey(page, placements.pack('API key name (typed)', 100))
  ids.workspaceId = (await apiOk(page, 'GET', '/api/v1/workspace')).id
  await createForms(page)
  await createPages(page)
  await typeInEditor(page)
  await createExperiments(page)
  await createLeads(browser, page)
  await addNotesAndWebhooksAndKeys(page)
  await createWorkspaces(page)
  await context.close()
  // Nothing ran while the owner set all this up (the dashboard, the editor, the lead page, the settings).
  expect(watch.findings).toEqual([])
  const stored = placements.all.filter((p) => p.stored)
  console.log(
    `${stored.length} payload values stored in ${new Set(stored.map((p) => p.field)).size} fields; ${placements.all.length - stored.length} refused; ${placements.skipped.length} longer than their field`,
  )
  await test.info().attach('placements.json', { contentType: 'application/json', body: JSON.stringify({ placements: placements.all, skipped: placements.skipped }, null, 1) })
})

/** Every screen that shows stored text, in the order a person would look. */
async function visitEverything(page: Page, watch: XssWatch) {
  const editor = (key: string) => async (p: Page) => {
    const canvas = p.frameLocator('iframe').first()
    await expect(canvas.locator('.sf-page h1').first()).toBeVisible({ timeout: 60_000 })
    if (key !== 'typed') await expect(canvas.locator('.sf-richtext')).toHaveCount(XSS_PAYLOADS.length * 3, { timeout: 60_000 })
    // Selecting a rich-text block opens its field editor (TipTap) in the sidebar with the stored HTML.
    await canvas.locator('.sf-richtext').first().click()
    await expect(p.locator('.ProseMirror:visible').first()).toBeVisible()
  }
  await watch.visit(page, '/dashboard')
  await watch.visit(page, '/pages')
  await watch.visit(page, `/pages/${ids.mainPageId}`)
  // A (written with an API key) and C (the editor's save); B is a copy of A, the same document (createPages).
  for (const key of ['A', 'C']) await watch.visit(page, `/editor/${ids.mainPageId}/${key}`, { ready: editor(key) })
  await watch.visit(page, `/editor/${ids.typedPageId}/A`, { ready: editor('typed') })
  for (const id of ids.namedPageIds) await watch.visit(page, `/pages/${id}`)
  await watch.visit(page, '/forms')
  await watch.visit(page, `/forms/${ids.mainFormId}`)
  for (const id of ids.formIds) await watch.visit(page, `/forms/${id}`)
  await watch.visit(page, '/experiments')
  await watch.visit(page, '/experiments/new')
  for (const id of ids.experimentIds) await watch.visit(page, `/experiments/${id}`)
  await watch.visit(page, '/leads')
  await watch.visit(page, `/leads/${ids.leadId}`)
  await watch.visit(page, '/leads/held', { shows: false })
  for (const path of ['/settings', '/settings/api-keys', '/settings/webhooks', '/settings/members']) await watch.visit(page, path)
  // The published pages (their own CSP), a URL parameter reflected into dynamic text, and the thank-you.
  await watch.visit(page, `/p/${ids.mainSlug}`, { hydrates: false })
  await watch.visit(page, `/p/${ids.typedSlug}`, { hydrates: false })
  const reflected = placements.one('URL parameter shown as dynamic text', 0)
  await watch.visit(page, `/p/${ids.mainSlug}?q=${encodeURIComponent(reflected.text)}`, { hydrates: false })
  // Submitted from the page just watched: opening it once more to submit drew the same hundreds of blocks again.
  watch.at(`/p/${ids.mainSlug} (after submitting)`)
  await submitLead(page, { name: 'Visitor', company: 'Company', text: [] }, null)
  await expect(page.getByText('top.__xss(').first()).toBeVisible({ timeout: 20_000 })
  await watch.settle(page, { hydrates: false })
}

async function ownerContext(browser: Browser, options: { bypassCSP: boolean }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Email').fill(owner.email)
  await page.getByLabel('Password').fill(owner.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  return { context, page }
}

test('With CSP switched off in the browser, nothing stored runs on any screen: escaping and sanitising hold on their own', async ({ browser }) => {
  const { context, page } = await ownerContext(browser, { bypassCSP: true })
  const watch = await XssWatch.attach(context, placements)
  await visitEverything(page, watch)
  await context.close()
  console.log(`bypassCSP: ${watch.visited.length} screens, ${watch.findings.length} findings`)
  expect(watch.findings).toEqual([])
})

test('With the admin CSP, nothing runs and no screen reports a CSP violation', async ({ browser }) => {
  const { context, page } = await ownerContext(browser, { bypassCSP: false })
  const watch = await XssWatch.attach(context, placements)
  await visitEverything(page, watch)
  console.log(`CSP: ${watch.visited.length} screens, ${watch.findings.length} findings`)
  expect(watch.findings).toEqual([])

  // The one report the CSP makes: pasting HTML with inline handlers into a rich-text field. ProseMirror parses
  // pasted HTML in a document of its own that has no window (document.implementation.createHTMLDocument), where
  // no handler can ever run (the setup pasted the same with CSP off and nothing ran); Chromium still reports
  // each handler attribute against the page's script-src-attr. Nothing else may be reported, and nothing may run.
  watch.at('pasting payloads into a rich-text field')
  await page.goto(`/editor/${ids.typedPageId}/A`)
  await expect(page.frameLocator('iframe').first().locator('.sf-richtext').first()).toBeVisible({ timeout: 60_000 })
  await pasteIntoRichText(page, XSS_PAYLOADS.map((_, i) => placements.one('editor UI: pasted rich text (CSP on)', i).text).join('<p>next</p>'))
  await context.close()
  const inertHandlerReports = (f: { kind: string; detail: string }) => f.kind === 'csp-violation' && /^script-src-attr blocked inline|console: .*inline event handler/.test(f.detail)
  console.log(`CSP, pasting: ${watch.findings.filter(inertHandlerReports).length} reports of inline handlers in pasted HTML`)
  expect(watch.findings.filter((f) => !inertHandlerReports(f))).toEqual([])
})
