import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { apiKeyCaller, createOwner, type ApiCall } from '#tests/factories/accounts'
import { startServer, type RunningServer } from '#tests/server-process'

// Every API route file, every method: a method a route does not take is a 405 with an Allow header and a JSON
// message; a method it lists in Allow is never a 405; nothing is a 5xx. The files are enumerated, so a new
// route is covered as soon as it exists.

const ROUTE_FILES = readdirSync(path.resolve('app/routes')).filter((name) => /^api\.v1\..+\.ts$/.test(name) && !name.includes('.test.'))
// What Remix dispatches to a route (GET, HEAD and OPTIONS to the loader, the rest to the action); the real
// server also gets methods Remix refuses before any route, which server.js hands to the loader as OPTIONS.
const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const OTHER_METHODS = ['PROPFIND', 'PURGE', 'TRACE'] as const
const ID = randomUUID()

/** The URL a route file answers, with made-up params: `api.v1.pages.$id.variants.$key.ts` → /api/v1/pages/<id>/variants/A. */
function urlOf(file: string) {
  const segments = file.replace(/\.ts$/, '').split('.').slice(2)
  const params: Record<string, string> = {}
  const parts = segments.map((segment) => {
    if (segment === '$') return (params['*'] = 'no-such-endpoint')
    if (!segment.startsWith('$')) return segment
    const value = segment === '$key' ? 'A' : segment === '$action' ? 'start' : ID
    return (params[segment.slice(1)] = value)
  })
  return { path: `/api/v1/${parts.join('/')}`, params }
}

type Seen = { status: number; allow: string | null; body: unknown }

/** What each route answered to each method, and the problems with it. */
function problemsOf(answers: Map<string, Map<string, Seen>>) {
  const problems: string[] = []
  for (const [route, byMethod] of answers) {
    for (const [method, seen] of byMethod) {
      const where = `${method} ${route} → ${seen.status}`
      if (seen.status >= 500) problems.push(`${where}: a 5xx`)
      if (seen.status !== 405) continue
      if (!seen.allow) problems.push(`${where}: no Allow header`)
      const error = (seen.body as { error?: unknown } | null)?.error
      if (typeof error !== 'string' || !error.includes('not allowed') || /Unexpected Server Error/.test(error)) problems.push(`${where}: message ${JSON.stringify(seen.body)}`)
      for (const allowed of seen.allow?.split(', ') ?? []) {
        if (byMethod.get(allowed)?.status === 405) problems.push(`${route}: Allow lists ${allowed}, which is a 405`)
      }
    }
  }
  return problems
}

describe('in process, as Remix dispatches', () => {
  let call: ApiCall
  beforeAll(async () => {
    const owner = await createOwner()
    call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
  })

  test('every API route file has both halves, so Remix never answers with its own error', async () => {
    expect(ROUTE_FILES.length).toBeGreaterThanOrEqual(18)
    for (const file of ROUTE_FILES) {
      const module = (await import(`#app/routes/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>
      expect(typeof module.loader, `${file} loader`).toBe('function')
      expect(typeof module.action, `${file} action`).toBe('function')
    }
  })

  test('a method a route does not take is a 405 with Allow and a JSON message; the ones it lists are not', async () => {
    const answers = new Map<string, Map<string, Seen>>()
    for (const file of ROUTE_FILES) {
      const module = (await import(`#app/routes/${file.replace(/\.ts$/, '')}`)) as { loader: unknown; action: unknown }
      const { path: url, params } = urlOf(file)
      const byMethod = new Map<string, Seen>()
      for (const method of METHODS) {
        const half = method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? module.loader : module.action
        const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method)
        const res = await call(half, url, { method, params, body: hasBody ? {} : undefined })
        byMethod.set(method, { status: res.body instanceof Error ? 500 : res.status, allow: res.headers.get('Allow'), body: res.body })
      }
      answers.set(file, byMethod)
    }
    expect(problemsOf(answers)).toEqual([])
    // What the issue found, and each kind of route.
    // (api.v1.workspace.ts, the route the issue found, takes PATCH since issue 18: a GET-only route stands in for it.)
    expect(answers.get('api.v1.kpis.ts')!.get('PATCH')).toMatchObject({ status: 405, allow: 'GET, HEAD', body: { error: 'Method PATCH not allowed here: use GET' } })
    expect(answers.get('api.v1.workspace.ts')!.get('PUT')).toMatchObject({ status: 405, allow: 'GET, PATCH, HEAD', body: { error: 'Method PUT not allowed here: use GET or PATCH' } })
    expect(answers.get('api.v1.experiments.ts')!.get('GET')).toMatchObject({ status: 405, allow: 'POST' })
    expect(answers.get('api.v1.pages.$id.variants.$key.ts')!.get('DELETE')).toMatchObject({ status: 405, allow: 'GET, PUT, HEAD' })
    expect(answers.get('api.v1.analyze.ts')!.get('GET')).toMatchObject({ status: 405, allow: 'POST, OPTIONS' })
    expect(answers.get('api.v1.analyze.ts')!.get('OPTIONS')).toMatchObject({ status: 204, allow: 'POST, OPTIONS' }) // the CORS preflight
    expect([...answers.get('api.v1.$.ts')!.values()].map((seen) => seen.status)).toEqual(METHODS.map(() => 404))
  })
})

// On PostgreSQL (CI sets DATABASE_URL): with the embedded database the server seeds the demo workspace on
// every start, which took over 80 s on a loaded 2-core machine here.
describe.skipIf(!process.env.TEST_SERVER_DATABASE_URL)('through the real server (needs `npm run build`)', () => {
  let server: RunningServer | undefined
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: 'x'.repeat(40), RATE_LIMITS: 'off' })
  }, 60_000)
  afterAll(async () => {
    server?.proc.kill('SIGTERM')
    await server?.exited
  })

  test("every route and method, Remix's and others, without a key: 405s as above, the rest 401/404/204, never a 5xx", async () => {
    const answers = new Map<string, Map<string, Seen>>()
    for (const file of ROUTE_FILES) {
      const byMethod = new Map<string, Seen>()
      for (const method of [...METHODS, ...OTHER_METHODS]) {
        const res = await send(method, urlOf(file).path)
        let body: unknown = res.text
        try {
          body = JSON.parse(res.text)
        } catch {
          // not JSON: the body stays text
        }
        if (method === 'HEAD' && res.status === 405) body = { error: 'not allowed (HEAD has no body)' }
        byMethod.set(method, { status: res.status, allow: res.allow, body })
      }
      answers.set(file, byMethod)
    }
    expect(problemsOf(answers)).toEqual([])
    const patch = answers.get('api.v1.kpis.ts')!.get('PATCH')!
    expect(patch).toEqual({ status: 405, allow: 'GET, HEAD', body: { error: 'Method PATCH not allowed here: use GET' } })
    expect(answers.get('api.v1.workspace.ts')!.get('GET')!.status).toBe(401)
    expect(answers.get('api.v1.pages.ts')!.get('PROPFIND')).toMatchObject({ status: 405, allow: 'GET, POST, HEAD', body: { error: 'Method PROPFIND not allowed here: use GET or POST' } })
    expect(answers.get('api.v1.analyze.ts')!.get('OPTIONS')).toMatchObject({ status: 204, allow: 'POST, OPTIONS' })
    expect(answers.get('api.v1.$.ts')!.get('TRACE')).toMatchObject({ status: 404, body: { error: 'No such API endpoint: TRACE /api/v1/no-such-endpoint' } })
  }, 60_000)

  test('a client cannot name another method for its OPTIONS request: only server.js sets the header', async () => {
    const res = await send('OPTIONS', '/api/v1/kpis', { 'x-splitform-original-method': 'GET' })
    expect(res).toMatchObject({ status: 405, allow: 'GET, HEAD' })
    expect(JSON.parse(res.text)).toEqual({ error: 'Method OPTIONS not allowed here: use GET' })
  })

  test('an admin page answers a method it does not take with 405 and Allow: POST only where it has an action', async () => {
    const seen = async (method: string, url: string) => {
      const { status, allow } = await send(method, url)
      return { status, allow }
    }
    expect(await seen('PUT', '/tools/sample-size')).toEqual({ status: 405, allow: 'GET, HEAD' })
    expect(await seen('PROPFIND', '/tools/sample-size')).toEqual({ status: 405, allow: 'GET, HEAD' })
    expect(await seen('PROPFIND', '/login')).toEqual({ status: 405, allow: 'GET, HEAD, POST' })
  })

  /** Any method, TRACE included (fetch refuses to send it), without a key; a JSON body where one may go. */
  function send(method: string, url: string, headers: Record<string, string> = {}) {
    const hasBody = !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method)
    return new Promise<{ status: number; allow: string | null; text: string }>((resolve, reject) => {
      const req = http.request(`${server!.url}${url}`, { method, headers: { ...headers, ...(hasBody ? { 'Content-Type': 'application/json' } : {}) } }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, allow: (res.headers.allow as string | undefined) ?? null, text }))
      })
      req.on('error', reject)
      req.end(hasBody ? '{}' : undefined)
    })
  }
})
