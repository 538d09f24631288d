import { expect, test, type APIRequestContext } from '@playwright/test'

// The visitor's side of an experiment: a fresh browser is given a variant and keeps it on every reload.
const API_KEY = process.env.DEMO_API_KEY ?? 'e2e_demo_key_0123456789abcdef'

async function call(request: APIRequestContext, path: string, body?: unknown) {
  const response = await (body === undefined
    ? request.get(`/api/v1${path}`, { headers: { Authorization: `Bearer ${API_KEY}` } })
    : request.post(`/api/v1${path}`, { headers: { Authorization: `Bearer ${API_KEY}` }, data: body }))
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true)
  return response.json()
}

test('A fresh visitor gets a variant of a running experiment and keeps it across reloads', async ({ browser, request }) => {
  const slug = `exp-${Date.now().toString(36)}`
  const page = await call(request, '/pages', { name: 'Experiment page', slug, template: 'demo' })
  await call(request, `/pages/${page.id}/variants`, { copyFrom: 'A', name: 'Challenger' })
  await call(request, `/pages/${page.id}/publish`, {})
  const experiment = await call(request, '/experiments', {
    pageId: page.id,
    name: 'E2E split',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  })
  await call(request, `/experiments/${experiment.id}/start`, {})

  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext()
    // A visitor who consented (the demo workspace may ask for consent, issue 19): identified, so sticky.
    await context.addCookies([{ name: 'sf_consent', value: 'granted', url: test.info().project.use.baseURL ?? 'http://127.0.0.1' }])
    const visitor = await context.newPage()
    await visitor.goto(`/p/${slug}`)
    const root = visitor.locator(`[data-page="${slug}"]`)
    const variant = (await root.getAttribute('data-variant'))!
    expect(['A', 'B']).toContain(variant)
    for (let reload = 0; reload < 3; reload++) {
      await visitor.reload()
      await expect(root).toHaveAttribute('data-variant', variant)
    }
    const cookies = await context.cookies()
    expect(cookies.find((c) => c.name.startsWith('sf_x_'))?.value).toBe(variant)
    expect(cookies.find((c) => c.name === 'sf_vid')?.httpOnly).toBe(true)
    await context.close()
  }
})
