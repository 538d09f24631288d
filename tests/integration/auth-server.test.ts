import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createOwner } from '#tests/factories/accounts'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'
import { startServer, type RunningServer } from '#tests/server-process'

// Login, redirects and cookies through real HTTP against the production build (`node server.js`), the way a
// browser on a LAN address or behind a TLS proxy meets them: what Remix does with headers, and what the
// published-page server sets, only show here. Two servers: one reached directly over plain http, one behind a
// (pretend) proxy it trusts (TRUST_PROXY=1). Both run on this worker's PostgreSQL database, so the accounts, the
// page and the running experiment are made here with the factories (no demo seed: it takes 25 s under load).

const PASSWORD = 'a-long-password' // the factories' password
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

type Reply = { status: number; headers: http.IncomingHttpHeaders; cookies: string[]; body: string }

/** One raw HTTP request (fetch cannot set Host, and joins Set-Cookie lines). */
function send(server: RunningServer, pathname: string, { method = 'GET', headers = {}, form }: { method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {}) {
  const url = new URL(server.url)
  const body = form ? new URLSearchParams(form).toString() : undefined
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: form ? 'POST' : method,
        path: pathname,
        headers: { 'User-Agent': CHROME, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {}), ...headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, cookies: res.headers['set-cookie'] ?? [], body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const cookieNamed = (reply: Reply, name: string) => reply.cookies.find((c) => c.startsWith(`${name}=`))
const cookieHeader = (reply: Reply) => reply.cookies.map((c) => c.split(';')[0]).join('; ')
const isSecure = (setCookie: string | undefined) => /;\s*Secure/i.test(setCookie ?? '')

let direct: RunningServer
let proxied: RunningServer
let account: { email: string; password: string }
let guessed: string // an account strangers guess at
let slug: string

beforeAll(async () => {
  if (!process.env.TEST_SERVER_DATABASE_URL) return
  const owner = await createOwner({ name: 'Server test' })
  account = { email: owner.email, password: PASSWORD }
  // Guessed at with wrong passwords: its hash (the factories') is cheap to check, unlike the production-cost
  // hash an unknown email is checked against.
  guessed = (await createOwner({ name: 'Guessed' })).email
  // A published page with a running experiment: a first visit gets the visitor, touch and assignment cookies.
  const { owner: growth, api } = await experimentApi()
  const page = await publishExperimentPage(growth)
  const created = await api.create({
    pageId: page.pageId,
    name: 'Cookies',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  })
  expect((await api.act(created.body.id, 'start')).status).toBe(200)
  slug = page.slug
  const env = { DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: process.env.SESSION_SECRET! }
  direct = await startServer(env)
  proxied = await startServer({ ...env, TRUST_PROXY: '1' })
}, 120_000)

afterAll(async () => {
  for (const server of [direct, proxied]) {
    if (server && server.proc.exitCode === null) {
      server.proc.kill('SIGKILL')
      await server.exited
    }
  }
})

// Needs a PostgreSQL server (the servers share this worker's database); CI always sets DATABASE_URL.
describe.skipIf(!process.env.TEST_SERVER_DATABASE_URL)('plain http at a name other than localhost', () => {
  const lan = { Host: '192.168.1.20:3000', Origin: 'http://192.168.1.20:3000' }

  test('login keeps its cookie: nothing is Secure over http, even when the client claims https', async () => {
    const login = await send(direct, '/login', { headers: { ...lan, 'X-Forwarded-Proto': 'https' }, form: { ...account, redirectTo: '/leads' } })
    expect(login.status).toBe(302)
    expect(login.headers.location).toBe('/login?check=1&redirectTo=%2Fleads')
    expect(cookieNamed(login, 'sf_session')).toMatch(/HttpOnly/)
    expect(login.cookies.filter(isSecure)).toEqual([])
    const check = await send(direct, login.headers.location!, { headers: { ...lan, Cookie: cookieHeader(login) } })
    expect(check.status).toBe(302)
    expect(check.headers.location).toBe('/leads')
  })

  test("visitors' cookies are kept too (no Secure over http)", async () => {
    const page = await send(direct, `/p/${slug}`, { headers: lan })
    expect(page.status).toBe(200)
    expect(page.cookies.map((c) => c.split('=')[0]).sort()).toEqual(expect.arrayContaining(['sf_ft', 'sf_vid', expect.stringMatching(/^sf_x_/)]))
    expect(page.cookies.filter(isSecure)).toEqual([])
  })

  test('a login that comes back without its cookie is explained, not bounced silently', async () => {
    const page = await send(direct, '/login?check=1&redirectTo=%2Fdashboard', { headers: lan })
    expect(page.status).toBe(200)
    expect(page.body).toContain('did not keep the login cookie')
    expect(page.body).toContain('refusing cookies for 192.168.1.20:3000')
    expect(page.body).toContain('TRUST_PROXY')
    // A cookie signed with another secret (another process, another SESSION_SECRET) is named as such.
    const foreign = await send(direct, '/login?check=1&redirectTo=%2Fdashboard', { headers: { ...lan, Cookie: 'sf_session=ImFiYyI%3D.bm90LWEtc2lnbmF0dXJl' } })
    expect(foreign.body).toContain('same SESSION_SECRET')
    // Without ?check=1 the login page is the plain login page.
    expect((await send(direct, '/login', { headers: lan })).body).not.toContain('login cookie')
  })

  test('hostile redirect targets are ignored after a correct login, never followed and never a 500', async () => {
    for (const redirectTo of ['/\t/evil.example/', '//evil.example/', '/\\evil.example', '/a\r\nX-Injected: 1', '/a\u2028b', '/..//evil.example']) {
      const login = await send(direct, '/login', { headers: lan, form: { ...account, redirectTo } })
      expect(login.status, JSON.stringify(redirectTo)).toBe(302)
      expect(login.headers.location).toBe('/login?check=1&redirectTo=%2Fdashboard')
      expect(login.headers['x-injected']).toBeUndefined()
      // The same target straight in the check link (a crafted URL) is ignored too.
      const crafted = await send(direct, `/login?${new URLSearchParams({ check: '1', redirectTo })}`, { headers: { ...lan, Cookie: cookieHeader(login) } })
      expect(crafted.status).toBe(302)
      expect(crafted.headers.location).toBe('/dashboard')
    }
  })

  test('a locked login answers 429 with Retry-After, on the page and on the data request alike', async () => {
    const email = guessed
    for (let i = 0; i < 10; i++) expect((await send(direct, '/login', { headers: lan, form: { email, password: `guess ${i}` } })).status).toBe(400)
    const page = await send(direct, '/login', { headers: lan, form: { email, password: 'guess 11' } })
    expect(page.status).toBe(429)
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(800)
    expect(page.body).toContain('Too many failed login attempts. Try again in 15 minutes.')
    // With JavaScript, Remix posts the form to /login.data.
    const data = await send(direct, '/login.data', { headers: lan, form: { email, password: 'guess 12' } })
    expect(data.status).toBe(429)
    expect(Number(data.headers['retry-after'])).toBeGreaterThan(800)
    // The account that was logged into meanwhile is untouched by someone else's failures.
    expect((await send(direct, '/login', { headers: lan, form: account })).status).toBe(302)
  })
})

describe.skipIf(!process.env.TEST_SERVER_DATABASE_URL)('behind a TLS proxy that the server trusts (TRUST_PROXY=1)', () => {
  const viaProxy = (proto: string, ip: string) => ({ Host: 'app.example.com', Origin: 'https://app.example.com', 'X-Forwarded-Proto': proto, 'X-Forwarded-For': ip })

  test('https reported by the proxy makes the session, device and visitor cookies Secure', async () => {
    const login = await send(proxied, '/login', { headers: viaProxy('https', '203.0.113.10'), form: account })
    expect(login.status).toBe(302)
    expect(isSecure(cookieNamed(login, 'sf_session'))).toBe(true)
    expect(isSecure(cookieNamed(login, 'sf_device'))).toBe(true)
    const page = await send(proxied, `/p/${slug}`, { headers: viaProxy('https', '203.0.113.11') })
    expect(page.cookies.map((c) => c.split('=')[0]).sort()).toEqual(expect.arrayContaining(['sf_ft', 'sf_vid', expect.stringMatching(/^sf_x_/)]))
    expect(page.cookies.every(isSecure)).toBe(true)
  })

  test('http reported by the proxy, or https only in a part the client wrote, is not Secure', async () => {
    for (const proto of ['http', 'https, http']) {
      const login = await send(proxied, '/login', { headers: viaProxy(proto, '203.0.113.12'), form: account })
      expect(login.status).toBe(302)
      expect(login.cookies.filter(isSecure)).toEqual([])
      const page = await send(proxied, `/p/${slug}`, { headers: viaProxy(proto, '203.0.113.13') })
      expect(page.cookies.filter(isSecure)).toEqual([])
    }
  })

  test('a Secure cookie that does not come back says to use https or unset TRUST_PROXY', async () => {
    const page = await send(proxied, '/login?check=1&redirectTo=%2Fdashboard', { headers: viaProxy('https', '203.0.113.14') })
    expect(page.body).toContain('open https://app.example.com instead')
    expect(page.body).toContain('unset TRUST_PROXY')
  })
})
