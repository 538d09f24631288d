import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startServer, type RunningServer } from '#tests/server-process'

// The admin CSP, as a browser receives it from the production build: every document the app renders carries
// it with a nonce of its own, every inline script carries that nonce, and scripts come from this origin only.

let server: RunningServer
let cookie = ''
let apiKey = ''

// On PostgreSQL the server shares this worker's database (no demo data to seed, so it starts in seconds); else
// it gets an in-memory PGlite. Either way the test signs up and sets up over HTTP, as a browser would.
beforeAll(async () => {
  server = await startServer(process.env.TEST_SERVER_DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL! } : { DATA_DIR: 'memory://', DATABASE_URL: '' })
  const signup = await fetch(`${server.url}/signup`, {
    method: 'POST',
    body: new URLSearchParams({ name: 'Cora', email: `cora-${Date.now()}@example.com`, password: 'a-long-password', workspaceName: 'CSP' }),
    redirect: 'manual',
  })
  expect(signup.status).toBe(302)
  cookie = signup.headers.get('set-cookie')!.split(';')[0]!
  const created = await fetch(`${server.url}/settings/api-keys`, { method: 'POST', headers: { Cookie: cookie }, body: new URLSearchParams({ intent: 'create', name: 'csp' }) })
  apiKey = /data-testid="new-api-key"[^>]*>([^<]+)</.exec(await created.text())![1]!
  const page = await api('/api/v1/pages', { name: 'CSP', slug: `csp-${Date.now().toString(36)}`, template: 'webinar' })
  await api(`/api/v1/pages/${page.id}/publish`, {})
}, 120_000)

async function api(path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.status, `${path}: ${response.status}`).toBeLessThan(300)
  return response.json()
}

afterAll(async () => {
  server?.proc.kill('SIGKILL')
  await server?.exited
})

/** The policy's directives by name: `{ 'script-src': ["'self'", "'nonce-…'"], … }`. */
function directives(policy: string) {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

/** Fetches an admin document and checks its CSP and scripts; returns the nonce. */
async function checkAdminDocument(path: string, { status = 200 } = {}) {
  const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } })
  expect(response.status, path).toBe(status)
  expect(response.headers.get('content-type')).toContain('text/html')
  const policy = directives(response.headers.get('content-security-policy') ?? '')
  const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(policy['script-src']?.find((v) => v.startsWith("'nonce-")) ?? '')?.[1]
  expect(nonce, `a 128-bit nonce in ${path}'s script-src`).toBeDefined()
  expect(policy['script-src']).toEqual(["'self'", `'nonce-${nonce}'`])
  expect(policy['default-src']).toEqual(["'self'"])
  expect(policy['frame-ancestors']).toEqual(["'none'"])
  expect(policy['object-src']).toEqual(["'none'"])
  expect(policy['base-uri']).toEqual(["'self'"])
  expect(policy['form-action']).toEqual(["'self'"])
  expect(policy['connect-src']).toEqual(["'self'"])
  expect(response.headers.get('x-frame-options')).toBe('DENY')

  const html = await response.text()
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]!)
  expect(scripts.length, `${path} has Remix's scripts`).toBeGreaterThan(2)
  for (const attributes of scripts) {
    const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1]
    if (src) expect(src, `${path}: a script from elsewhere`).toMatch(/^\/(?!\/)/)
    else expect(attributes, `${path}: an inline script without the nonce`).toContain(`nonce="${nonce}"`)
  }
  return nonce!
}

describe('admin pages send a Content-Security-Policy', () => {
  test('with a fresh nonce for every response, carried by every inline script', async () => {
    const nonces = [await checkAdminDocument('/login'), await checkAdminDocument('/login'), await checkAdminDocument('/signup')]
    expect(new Set(nonces).size).toBe(3)
  })

  test('on the admin screens and the editor, for members', async () => {
    const { pages } = (await api('/api/v1/pages')) as { pages: { id: string }[] }
    for (const path of ['/dashboard', '/pages', `/pages/${pages[0]!.id}`, '/forms', '/experiments', '/leads', '/settings/api-keys', `/editor/${pages[0]!.id}/A`]) {
      await checkAdminDocument(path)
    }
  })

  test('on error pages too', async () => {
    await checkAdminDocument('/no-such-page', { status: 404 })
  })

  test('but not on the JSON API or the published pages, which have their own', async () => {
    const list = await fetch(`${server.url}/api/v1/pages`, { headers: { Authorization: `Bearer ${apiKey}` } })
    expect(list.headers.get('content-type')).toContain('application/json')
    expect(list.headers.get('content-security-policy')).toBeNull()
    const { pages } = (await list.json()) as { pages: { slug: string; status: string }[] }
    const live = pages.find((p) => p.status === 'published')!
    const published = await fetch(`${server.url}/p/${live.slug}`)
    expect(published.status).toBe(200)
    expect(directives(published.headers.get('content-security-policy')!)['default-src']).toEqual(["'none'"])
  })
})
