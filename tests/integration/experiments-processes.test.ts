import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, expect, test } from 'vitest'
import { createApiKey } from '#app/api-keys/api-key.server'
import { createOwner } from '#tests/factories/accounts'
import { publishExperimentPage } from '#tests/factories/experiments'
import { startServer, type RunningServer } from '#tests/server-process'
import { BROWSER_UA } from '#tests/factories/published-forms'
import { waitFor } from '#tests/wait-for'

// Two app processes on one PostgreSQL, the way a load balancer runs them: they must assign every visitor the
// same variant without talking to each other, and together count each visitor's exposure exactly once.

const BOT_UA = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

const servers: RunningServer[] = []
afterAll(async () => {
  for (const s of servers) if (s.proc.exitCode === null) s.proc.kill('SIGKILL')
})

test.skipIf(!process.env.TEST_SERVER_DATABASE_URL)('two servers assign identically and count exactly the exposures sent', { timeout: 180_000 }, async () => {
  // Both on the worker's database (migrated already), with a workspace, a published page with two variants and a
  // key of their own. They used to start on a new database that each start migrated and seeded with the demo's 90
  // days, which this test never reads (docs/testing.md, "How long it takes").
  const url = new URL(process.env.DATABASE_URL!)
  const owner = await createOwner({ name: 'Two processes' })
  const { key: apiKey } = await createApiKey({ workspaceId: owner.workspaceId, name: 'two processes', createdBy: owner.userId })
  const { pageId, slug } = await publishExperimentPage(owner, { variants: 2 })
  const env = { DATABASE_URL: url.toString(), SESSION_SECRET: 's'.repeat(40), RATE_LIMITS: 'off' }
  servers.push(await startServer(env, { startTimeoutMs: 60_000 }))
  servers.push(await startServer(env, { startTimeoutMs: 60_000 }))
  const [one, two] = servers as [RunningServer, RunningServer]
  const api = (path: string, body?: unknown) =>
    fetch(`${one.url}/api/v1${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => ({ status: r.status, body: await r.json() }))
  const created = await api('/experiments', {
    pageId,
    name: 'Two processes',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  })
  expect((await api(`/experiments/${created.body.id}/start`, {})).status).toBe(200)

  const VISITORS = 200
  const variantOf = async (server: RunningServer, visitorId: string, userAgent = BROWSER_UA) => {
    const response = await fetch(`${server.url}/p/${slug}`, { headers: { 'User-Agent': userAgent, Cookie: `sf_vid=${visitorId}` } })
    return /data-variant="([A-Z]+)"/.exec(await response.text())?.[1]
  }
  // The other process learns of the start on its own (within a second). A bot is served its variant but never
  // counted: wait until the second process serves B to a bot the first one puts on B.
  const onB = await waitFor(async () => {
    const visitorId = randomUUID()
    return (await variantOf(one, visitorId, BOT_UA)) === 'B' ? visitorId : undefined
  })
  await waitFor(async () => ((await variantOf(two, onB, BOT_UA)) === 'B' ? true : undefined), 10_000)
  const counts = { A: 0, B: 0 } as Record<string, number>
  for (let i = 0; i < VISITORS; i++) {
    const visitorId = randomUUID()
    // No assignment cookie is sent back, so each process decides from the hash alone, and both record.
    const [a, b] = await Promise.all([variantOf(one, visitorId), variantOf(two, visitorId)])
    expect(b).toBe(a)
    counts[a!]! += 1
  }
  expect(counts.A).toBeGreaterThan(60)
  expect(counts.B).toBeGreaterThan(60)

  // A graceful stop writes what each process still holds in memory.
  for (const s of servers) s.proc.kill('SIGTERM')
  expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0])
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} })
  const [exposed] = await db`select count(*)::int as n, count(distinct visitor_id)::int as visitors from exposures where experiment_id = ${created.body.id}`
  const [rollup] = await db`select coalesce(sum(count), 0)::int as n from experiment_daily where experiment_id = ${created.body.id} and metric = ''`
  const byVariant = await db`select variant_key, count(*)::int as n from exposures where experiment_id = ${created.body.id} group by 1 order by 1`
  await db.end()
  expect(exposed).toEqual({ n: VISITORS, visitors: VISITORS })
  expect(rollup!.n).toBe(VISITORS)
  expect(byVariant.map((r) => [r.variant_key, r.n])).toEqual([
    ['A', counts.A],
    ['B', counts.B],
  ])
})
