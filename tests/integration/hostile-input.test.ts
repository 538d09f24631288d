import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createApiKey } from '#app/api-keys/api-key.server'
import { publishExperimentPage } from '#tests/experiment-factories'
import { createOwner, loginCookie } from '#tests/factories'
import { BROWSER_UA, hiddenFieldsOf } from '#tests/form-factories'
import { bodiesPastLimits, hostileText, requestsFor, type Sent } from '#tests/hostile-requests'
import { listRoutes, type RouteSpec } from '#tests/hostile-routes'
import { insertLead } from '#tests/lead-factories'
import { startServer, type RunningServer } from '#tests/server-process'

// Hostile input against every route of app/routes (read from the folder, so a new route is fuzzed without being
// listed here) and the visitor path: NUL, lone surrogates, huge and deeply nested bodies (JSON, form-encoded and
// multipart), in query strings, route params and bodies, as the workspace's owner (session cookie and API key)
// and unauthenticated, against a real server process. It passes only if no answer is a 5xx. Deterministic: the
// requests come from fast-check with fixed seeds and are sent one at a time.

const SEED = 20261206
const RUNS_PER_ROUTE = 70

let server: RunningServer
let fixture: Awaited<ReturnType<typeof createFixture>>

const hasServerDatabase = !!process.env.TEST_SERVER_DATABASE_URL
beforeAll(async () => {
  if (!hasServerDatabase) return
  server = await startServer({ DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: process.env.SESSION_SECRET!, RATE_LIMITS: 'off' })
  fixture = await createFixture(server.url)
}, 60_000)
afterAll(async () => {
  if (server && server.proc.exitCode === null) {
    server.proc.kill('SIGKILL')
    await server.exited
  }
})

/** An owner with a cookie and an API key, a published page with two variants and a form, an experiment, a lead. */
async function createFixture(url: string) {
  const owner = await createOwner({ name: 'Hostile' })
  const { key } = await createApiKey({ workspaceId: owner.workspaceId, name: 'hostile input', createdBy: owner.userId })
  const page = await publishExperimentPage(owner, { variants: 2 })
  const created = await fetch(`${url}/api/v1/experiments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ pageId: page.pageId, name: 'Hostile', variants: [{ key: 'A', weight: 0.5 }, { key: 'B', weight: 0.5 }], primaryMetric: 'any' }),
  })
  if (created.status !== 201) throw new Error(`experiment: ${created.status} ${await created.text()}`)
  const experimentId = ((await created.json()) as { id: string }).id
  const lead = await insertLead({ workspaceId: owner.workspaceId })
  const pageHtml = await (await fetch(`${url}/p/${page.slug}`, { headers: { 'User-Agent': BROWSER_UA } })).text()
  return { owner, key, page, experimentId, leadId: lead.id, hidden: hiddenFieldsOf(pageHtml) }
}

// ---- what is excluded, and why: each exclusion names the part of issue 14 (and helper) that owns the fix ----

type Exclusion = { owner: string; matches: (sent: Sent, status: number) => boolean }
const EXCLUSIONS: Exclusion[] = []

// ---- sending ----

async function send(sent: Sent) {
  const headers: Record<string, string> = { 'User-Agent': BROWSER_UA }
  if (sent.auth === 'cookie') headers.Cookie = fixture.owner.cookie
  if (sent.auth === 'key') headers.Authorization = `Bearer ${fixture.key}`
  if (sent.contentType) headers['Content-Type'] = sent.contentType
  // Same-origin, as the admin's own forms post (a cross-site post is refused before any parsing).
  if (sent.method !== 'GET') headers.Origin = server.url
  const response = await fetch(`${server.url}${sent.path}`, { method: sent.method, headers, body: sent.body as BodyInit | undefined, redirect: 'manual' })
  const text = await response.text()
  return { status: response.status, text }
}

const describe = (sent: Sent) => `${sent.method} ${sent.path.slice(0, 160)} [${sent.auth}${sent.contentType ? `, ${sent.what}` : ''}]${typeof sent.body === 'string' ? ` ${JSON.stringify(sent.body.slice(0, 160))}` : ''}`

// Requests that change who the session is (or where it points): the cookie is renewed after them.
const RENEWS_SESSION = /^\/(logout|login|signup|workspaces\/(new|switch))|^\/invite\//

test.skipIf(!hasServerDatabase)('no hostile input gets a 5xx, on any route', { timeout: 120_000 }, async () => {
  const routes = listRoutes()
  const fixtureIds: Record<string, () => string> = {
    'pages.id': () => fixture.page.pageId,
    'forms.id': () => fixture.page.formId,
    'experiments.id': () => fixture.experimentId,
    'leads.id': () => fixture.leadId,
    'editor.pageId': () => fixture.page.pageId,
    'variants.key': () => 'B',
    'editor.key': () => 'B',
    'experiments.action': () => 'winner',
    'd.token': () => randomUUID(),
    'invite.token': () => randomUUID(),
  }
  const unknown = routes.flatMap((r) => r.params.filter((p) => !fixtureIds[`${p.after}.${p.name}`]).map((p) => `${r.id}: $${p.name} after "${p.after}"`))
  // A new route whose params this test cannot fill fails here: add a fixture value for it above.
  expect(unknown).toEqual([])
  const paramValue = (p: RouteSpec['params'][number]) => fixtureIds[`${p.after}.${p.name}`]!()

  const plan: { route: string; sent: Sent }[] = []
  for (const [index, route] of routes.entries()) {
    // The route's own document (API routes that answer GET and take a write), to mutate into bodies.
    let seedDoc: unknown = null
    if (route.hasLoader && route.hasAction && route.pattern.startsWith('/api/') && route.params.length) {
      const response = await fetch(`${server.url}${route.pattern.replace(/:(\w+)/g, (_, name: string) => paramValue(route.params.find((p) => p.name === name)!))}`, { headers: { Authorization: `Bearer ${fixture.key}` } })
      if (response.ok) seedDoc = await response.json()
    }
    for (const sent of fc.sample(requestsFor(route, paramValue, seedDoc), { numRuns: RUNS_PER_ROUTE, seed: SEED + index })) plan.push({ route: route.id, sent })
    if (route.hasAction) {
      const path = route.pattern.replace('*', 'x').replace(/:(\w+)/g, (_, name: string) => paramValue(route.params.find((p) => p.name === name)!))
      for (const sent of bodiesPastLimits(path, route.pattern.startsWith('/api/') ? 'PUT' : 'POST', route.pattern.startsWith('/api/') ? 'key' : 'cookie')) plan.push({ route: route.id, sent })
    }
  }
  // The visitor path is served before Remix (app/pages/serve.server.ts), so it is not in app/routes.
  const visitor = fc.record({ fields: fc.dictionary(fc.constantFrom('email', 'name', 'company', 'consent', '_idem', '_t', '_variant', '_form', '_step'), fc.oneof(hostileText, fc.constant(null)), { maxKeys: 4 }), json: fc.boolean(), query: fc.option(hostileText, { nil: undefined }) })
  for (const { fields, json, query } of fc.sample(visitor, { numRuns: 150, seed: SEED - 1 })) {
    const body = { ...fixture.hidden, email: `v-${randomUUID()}@example.com`, consent: 'on', ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) }
    const path = `/p/${fixture.page.slug}${query === undefined ? '' : `?${new URLSearchParams([['utm_source', query.slice(0, 1000)], [query.slice(0, 50), '1'], ['variant', query.slice(0, 50)]])}`}`
    plan.push({ route: 'p.$slug', sent: json ? { method: 'POST', path, auth: 'none', contentType: 'application/json', body: JSON.stringify(body), what: 'json' } : { method: 'POST', path, auth: 'none', contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(body as Record<string, string>).toString(), what: 'form' } })
    plan.push({ route: 'p.$slug', sent: { method: 'GET', path, auth: 'none', what: 'query' } })
  }

  const failures: string[] = []
  const statuses = new Map<number, number>()
  const started = Date.now()
  for (const { route, sent } of plan) {
    const answer = await send(sent).catch((error: Error) => ({ status: 0, text: `${error.message} (${String(error.cause)})` }))
    if (answer.status === 0) {
      failures.push(`${route}: no answer for ${describe(sent)}: ${answer.text}; server ${server.proc.exitCode === null ? 'running' : `exited ${server.proc.exitCode}`}`)
      if (server.proc.exitCode !== null) break
    }
    const { status, text } = answer
    if (process.env.HOSTILE_TRACE) (await import('node:fs')).appendFileSync(process.env.HOSTILE_TRACE, `${Date.now() - started} ${status} ${route} ${describe(sent).slice(0, 200)}\n`)
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
    if (status >= 500 && !EXCLUSIONS.some((e) => e.matches(sent, status))) failures.push(`${route}: ${status} for ${describe(sent)} → ${text.slice(0, 200)}`)
    if (RENEWS_SESSION.test(sent.path)) fixture.owner.cookie = await loginCookie(fixture.owner.userId, fixture.owner.workspaceId)
  }
  console.log(`[hostile input] ${plan.length} requests over ${routes.length} routes + the visitor path in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses`, Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))
  if (failures.length) console.log(`[hostile input] server output:\n${server.output().slice(-6000)}`)
  expect(failures).toEqual([])
})
