import { expect, test, type APIRequestContext } from '@playwright/test'
import { createApiKey, newAccount, signUp } from './fixtures'

// A visitor of a consent-mode workspace who has made no choice (issue 19, decision 083): a real browser gets no
// identifying cookie, and its form, sent by the page script, is counted for the variant it showed through the
// signed exposure the page put in the form.

async function call(request: APIRequestContext, key: string, path: string, body?: unknown) {
  const headers = { Authorization: `Bearer ${key}` }
  const response = await (body === undefined ? request.get(`/api/v1${path}`, { headers }) : request.post(`/api/v1${path}`, { headers, data: body }))
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true)
  return response.json()
}

test('Without consent a browser gets no identifying cookie, and its conversion counts for the variant it saw', async ({ browser, page, request }) => {
  // A new workspace asks for consent (the contract's default).
  await signUp(page, newAccount('Privy'))
  const key = await createApiKey(page, 'privacy e2e')
  const form = await call(request, key, '/forms', {
    name: 'Guide',
    purpose: 'content_download',
    fields: [{ key: 'email', type: 'email', label: 'Work email', required: true }],
    // Filled at machine speed: no fill-time check, or the post would be held as too fast.
    minFillSeconds: 0,
  })
  const slug = `privacy-${Date.now().toString(36)}`
  const created = await call(request, key, '/pages', { name: 'Privacy page', slug, template: 'whitepaper', formId: form.id })
  await call(request, key, `/pages/${created.id}/variants`, { copyFrom: 'A', name: 'Challenger' })
  await call(request, key, `/pages/${created.id}/publish`, {})
  const experiment = await call(request, key, '/experiments', {
    pageId: created.id,
    name: 'Privacy split',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  })
  await call(request, key, `/experiments/${experiment.id}/start`, {})

  const context = await browser.newContext()
  const visitor = await context.newPage()
  await visitor.goto(`/p/${slug}`)
  const variant = (await visitor.locator(`[data-page="${slug}"]`).getAttribute('data-variant'))!
  expect(['A', 'B']).toContain(variant)
  expect((await context.cookies()).filter((c) => /^(sf_vid|sf_ft|sf_lt|sf_x_)/.test(c.name))).toEqual([])
  await expect(visitor.locator('input[name="_x"]')).not.toHaveValue('')
  // Sent by the page script (JSON), with the keyboard: a consent banner, if shown, covers nothing here.
  const email = visitor.getByLabel('Work email')
  await email.fill(`visitor-${Date.now()}@example.com`)
  const posted = visitor.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/p/${slug}`))
  await email.press('Enter')
  expect((await posted).status()).toBe(201)
  expect((await context.cookies()).filter((c) => /^(sf_vid|sf_ft|sf_lt|sf_x_)/.test(c.name))).toEqual([])
  await context.close()

  // The conversion is committed before its 201, and writes the view's exposure if the view is not written yet.
  const results = await call(request, key, `/experiments/${experiment.id}/results?metric=any`)
  expect(results.unit).toBe('page_view')
  const seen = results.variants.find((v: { key: string }) => v.key === variant)
  expect(seen.cookieless).toEqual({ exposures: 1, conversions: 1 })
  expect(seen.conversions).toBe(1)
  const other = results.variants.find((v: { key: string }) => v.key !== variant)
  expect(other.cookieless).toEqual({ exposures: 0, conversions: 0 })
})
