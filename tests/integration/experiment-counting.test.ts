import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { db, queryRows } from '#app/db.server'
import { restoreHeldSubmission } from '#app/conversions/held-submissions.server'
import { catchUpExperimentConversionRollups } from '#app/experiments/counting.server'
import { getExperimentResults, readRollups, summarizeExperiments } from '#app/experiments/results/queries.server'
import { getExperiment } from '#app/experiments/experiment.server'
import { flushPageViews } from '#app/visitors/page-views.server'
import { spamSubmissions } from '#db/schema'
import { experimentApi, publishExperimentPage } from '#tests/factories/experiments'
import { BROWSER_UA, hiddenFieldsOf, loopbackAddress, postFrom, startVisitorServer } from '#tests/factories/published-forms'
import { startServer, startTcpProxy, type RunningServer } from '#tests/server-process'
import { waitFor } from '#tests/wait-for'

// Every acknowledged conversion of an experiment's visitor counts in the results, whatever happens to the process
// that acknowledged it: the experiment conversion commits with the conversion (app/experiments/counting.server.ts).
// The equality checked throughout: the results' converted visitors (per variant, per metric) equal the distinct
// experiment visitors with a stored conversion, read straight from `conversions`, and no step waits for a
// flush or for the rollup follower.

type Visitor = { html: string; cookie: string; visitorId: string; variant: string }

async function visit(baseUrl: string, slug: string): Promise<Visitor> {
  const response = await fetch(`${baseUrl}/p/${slug}`, { headers: { 'User-Agent': BROWSER_UA } })
  const html = await response.text()
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ')
  return { html, cookie, visitorId: /sf_vid=([^;]+)/.exec(cookie)![1]!, variant: /data-variant="([A-Z]+)"/.exec(html)![1]! }
}

type Posted = { status: number; conversionId: string | null; held: boolean }

/** The visitor's form post, as the enhancement sends it; `from`: a loopback address of its own (rate limits). */
async function submit(
  baseUrl: string,
  slug: string,
  v: Visitor,
  { idem = randomUUID(), email = `${randomUUID()}@example.com`, honeypot = '', from }: { idem?: string; email?: string; honeypot?: string; from?: string } = {},
): Promise<Posted> {
  const headers = { 'User-Agent': BROWSER_UA, Cookie: v.cookie, Accept: 'application/json', 'Content-Type': 'application/json' }
  const body = JSON.stringify({ ...hiddenFieldsOf(v.html), _idem: idem, _hp: honeypot, email, consent: true })
  const url = `${baseUrl}/p/${slug}`
  const response = from ? await postFrom(from, url, { headers, body }) : await fetch(url, { method: 'POST', headers, body })
  const json = response.status === 201 ? ((await response.json()) as { conversionId: string | null; held?: boolean }) : null
  return { status: response.status, conversionId: json?.conversionId ?? null, held: json?.held === true }
}

async function runningExperiment() {
  const { owner, api } = await experimentApi()
  const page = await publishExperimentPage(owner)
  const created = await api.create({
    pageId: page.pageId,
    name: 'Counting',
    variants: [
      { key: 'A', weight: 0.5 },
      { key: 'B', weight: 0.5 },
    ],
  })
  const id = created.body.id as string
  expect((await api.act(id, 'start')).body).toMatchObject({ status: 'running' })
  return { owner, page, id }
}

type Counts = Record<string, { any: number; soft: number; form: number }>

/** Converted visitors per variant as the results (and the experiments list) report them, follower behind or not. */
async function resultCounts(workspaceId: string, id: string, formId: string): Promise<Counts> {
  const [any, form] = await Promise.all([getExperimentResults({ workspaceId, id, metric: 'any' }), getExperimentResults({ workspaceId, id, metric: formId })])
  if (!any.ok || !form.ok) throw new Error(JSON.stringify(any.ok ? form : any))
  const found = await getExperiment({ workspaceId, id })
  const summary = (await summarizeExperiments({ workspaceId, experiments: [found!.experiment] })).get(id)!
  const counts: Counts = {}
  for (const v of any.results.variants) counts[v.key] = { any: v.conversions, soft: v.soft.conversions, form: form.results.variants.find((f) => f.key === v.key)!.conversions }
  // The list reads the same totals another way (with auto-ship and declarations): it must agree.
  expect(summary.variants.map((v) => [v.key, v.conversions])).toEqual(any.results.variants.map((v) => [v.key, v.conversions]))
  return counts
}

/** The same, straight from the stored conversions: distinct experiment visitors with a conversion. */
async function storedCounts(id: string, formId: string): Promise<Counts> {
  const rows = await queryRows<{ variant_key: string; any: number; soft: number; form: number }>(
    db,
    sql`select variant_key, count(distinct visitor_id)::int as any, count(distinct visitor_id) filter (where conversion_type = 'soft')::int as soft,
        count(distinct visitor_id) filter (where form_id = ${formId})::int as form
      from conversions where experiment_id = ${id} group by 1`,
  )
  const counts: Counts = { A: { any: 0, soft: 0, form: 0 }, B: { any: 0, soft: 0, form: 0 } }
  for (const r of rows) counts[r.variant_key] = { any: r.any, soft: r.soft, form: r.form }
  return counts
}

/** Visitors per variant as the results report them. */
async function resultVisitors(workspaceId: string, id: string) {
  const found = await getExperimentResults({ workspaceId, id, metric: 'any' })
  if (!found.ok) throw new Error(JSON.stringify(found))
  return Object.fromEntries(found.results.variants.map((v) => [v.key, v.visitors]))
}

const total = (counts: Counts) => Object.values(counts).reduce((n, c) => n + c.any, 0)

async function storedVisitors(id: string) {
  const rows = await queryRows<{ visitor_id: string }>(db, sql`select distinct visitor_id from conversions where experiment_id = ${id}`)
  return new Set(rows.map((r) => r.visitor_id))
}

describe('repeats, held submissions and concurrency', () => {
  test('converted visitors equal the distinct experiment visitors with a stored conversion, before and after the follower', async () => {
    const server = await startVisitorServer()
    try {
      const { owner, page, id } = await runningExperiment()
      const post = (v: Visitor, options: Parameters<typeof submit>[3] = {}) => submit(server.url, page.slug, v, { from: loopbackAddress(), ...options })
      const visitors = await Promise.all(Array.from({ length: 8 }, () => visit(server.url, page.slug)))
      const [once, repeater, doubleClicker, racer, heldThenConverted, heldOnly, heldTwice, never] = visitors as [Visitor, Visitor, Visitor, Visitor, Visitor, Visitor, Visitor, Visitor]

      expect((await post(once)).status).toBe(201)
      // A visitor's second and third conversion: stored, counted once.
      for (let i = 0; i < 3; i++) expect((await post(repeater)).status).toBe(201)
      // A double click: one conversion.
      const idem = randomUUID()
      const clicks = await Promise.all([post(doubleClicker, { idem }), post(doubleClicker, { idem })])
      expect(new Set(clicks.map((c) => c.conversionId)).size).toBe(1)
      // One visitor converting eight times at once, as eight leads: eight conversions, one converted visitor.
      const raced = await Promise.all(Array.from({ length: 8 }, () => post(racer)))
      expect(raced.map((r) => r.status)).toEqual(Array(8).fill(201))
      expect(new Set(raced.map((r) => r.conversionId)).size).toBe(8)
      // Held as spam (the honeypot), then converting for real, then the held one restored: still one visitor.
      expect(await post(heldThenConverted, { honeypot: 'x' })).toMatchObject({ status: 201, held: true })
      expect((await post(heldThenConverted)).status).toBe(201)
      // Held only, and held twice under one key: restoring makes them count, once.
      expect(await post(heldOnly, { honeypot: 'x' })).toMatchObject({ status: 201, held: true })
      const heldIdem = randomUUID()
      for (let i = 0; i < 2; i++) expect(await post(heldTwice, { honeypot: 'x', idem: heldIdem })).toMatchObject({ status: 201, held: true })
      expect(await post(never, { honeypot: 'x' })).toMatchObject({ status: 201, held: true })

      // Before restoring: the held ones are not conversions and do not count.
      expect(await resultCounts(owner.workspaceId, id, page.formId)).toEqual(await storedCounts(id, page.formId))
      expect(await storedVisitors(id)).toEqual(new Set([once, repeater, doubleClicker, racer, heldThenConverted].map((v) => v.visitorId)))

      const held = await db
        .select({ id: spamSubmissions.id, visitorId: spamSubmissions.visitorId, experimentId: spamSubmissions.experimentId })
        .from(spamSubmissions)
        .where(eq(spamSubmissions.pageId, page.pageId))
      expect(held.every((h) => h.experimentId === id)).toBe(true)
      const restoring = held.filter((h) => h.visitorId !== never.visitorId)
      // Restored concurrently, twice each: one conversion per key.
      const restored = await Promise.all([...restoring, ...restoring].map((h) => restoreHeldSubmission({ workspaceId: owner.workspaceId, id: h.id })))
      expect(restored.filter((r) => r.ok).length).toBeGreaterThanOrEqual(restoring.length)
      expect(restored.every((r) => r.ok || r.status === 409)).toBe(true)

      const expectedVisitors = new Set([once, repeater, doubleClicker, racer, heldThenConverted, heldOnly, heldTwice].map((v) => v.visitorId))
      expect(await storedVisitors(id)).toEqual(expectedVisitors)
      const stored = await storedCounts(id, page.formId)
      expect(total(stored)).toBe(7)
      // Exact with the conversions still queued for the rollups, and after the follower moved them, per day and
      // segment too.
      expect(await resultCounts(owner.workspaceId, id, page.formId)).toEqual(stored)
      const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort()
      const rollupsQueued = await readRollups(id)
      expect(await catchUpExperimentConversionRollups()).toBeGreaterThan(0)
      const rollupsMoved = await readRollups(id)
      for (const kind of ['daily', 'device', 'channel'] as const) expect(sorted(rollupsMoved[kind])).toEqual(sorted(rollupsQueued[kind]))
      const [queued] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from experiment_conversion_queue where experiment_id = ${id}`)
      expect(queued!.n).toBe(0)
      expect(await resultCounts(owner.workspaceId, id, page.formId)).toEqual(stored)
      // Each converted visitor's lead is in the lead-quality figures once per variant: one lead per email.
      const [leads] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from experiment_leads where experiment_id = ${id}`)
      expect(leads!.n).toBe(7)
    } finally {
      await server.close()
    }
  })

  test('the repair counts conversions whose experiment conversions (and exposures) an older version lost, once', async () => {
    const server = await startVisitorServer()
    try {
      const { owner, page, id } = await runningExperiment()
      const visitors = await Promise.all(Array.from({ length: 6 }, () => visit(server.url, page.slug)))
      for (const v of visitors) expect((await submit(server.url, page.slug, v, { from: loopbackAddress() })).status).toBe(201)
      await flushPageViews({ rollups: 'follower' })
      await catchUpExperimentConversionRollups()
      const stored = await storedCounts(id, page.formId)
      const visitorsBefore = await resultVisitors(owner.workspaceId, id)
      expect(Object.values(visitorsBefore).reduce((a, b) => a + b, 0)).toBe(6)
      // What a lost in-memory batch left behind: conversions without their experiment conversions (four visitors)
      // or their exposures either (two of them: the page views were lost too), nor leads or rollups.
      const day = (column: string) => sql.raw(`to_char(g.${column} at time zone 'UTC', 'YYYY-MM-DD')`)
      for (const [i, v] of visitors.slice(0, 4).entries()) {
        await db.execute(sql`with gone as (delete from experiment_conversions where experiment_id = ${id} and visitor_id = ${v.visitorId} returning variant_key, metric, converted_at)
          update experiment_daily d set count = d.count - 1 from gone g, exposures e
          where e.experiment_id = ${id} and e.visitor_id = ${v.visitorId} and d.experiment_id = ${id} and d.day = ${day('converted_at')}
            and (d.variant_key, d.device, d.channel, d.metric) = (g.variant_key, e.device, e.channel, g.metric)`)
        if (i >= 2) continue
        await db.execute(sql`with gone as (delete from exposures where experiment_id = ${id} and visitor_id = ${v.visitorId} returning variant_key, device, channel, exposed_at)
          update experiment_daily d set count = d.count - 1 from gone g
          where d.experiment_id = ${id} and d.day = ${day('exposed_at')} and (d.variant_key, d.device, d.channel, d.metric) = (g.variant_key, g.device, g.channel, '')`)
      }
      await db.execute(sql`delete from experiment_leads where experiment_id = ${id}`)
      expect(total(await resultCounts(owner.workspaceId, id, page.formId))).toBe(2)
      expect(Object.values(await resultVisitors(owner.workspaceId, id)).reduce((a, b) => a + b, 0)).toBe(4)

      const [repaired] = await queryRows<{ n: number }>(db, sql`select repair_experiment_conversions() as n`)
      expect(repaired!.n).toBe(4 * 3)
      expect(await resultCounts(owner.workspaceId, id, page.formId)).toEqual(stored)
      expect(await resultVisitors(owner.workspaceId, id)).toEqual(visitorsBefore)
      const [again] = await queryRows<{ n: number }>(db, sql`select repair_experiment_conversions() as n`)
      expect(again!.n).toBe(0)
      await catchUpExperimentConversionRollups()
      expect(await resultCounts(owner.workspaceId, id, page.formId)).toEqual(stored)
      expect(await resultVisitors(owner.workspaceId, id)).toEqual(visitorsBefore)
      const [leads] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from experiment_leads where experiment_id = ${id}`)
      expect(leads!.n).toBe(4)
    } finally {
      await server.close()
    }
  })
})

// A server process of its own on this worker's database: PostgreSQL only (PGlite is one process's).
const servers: RunningServer[] = []
afterAll(() => {
  for (const s of servers) if (s.proc.exitCode === null) s.proc.kill('SIGKILL')
})
const serverEnv = (databaseUrl: string) => ({ DATABASE_URL: databaseUrl, SESSION_SECRET: 's'.repeat(40), RATE_LIMITS: 'off' })

/** Runs `task` over `items`, `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]!)
    }),
  )
}

describe.skipIf(!process.env.TEST_SERVER_DATABASE_URL)('a server process', () => {
  test('killed with SIGKILL right after acknowledging conversions: every one counts', { timeout: 60_000 }, async () => {
    const { owner, page, id } = await runningExperiment()
    const server = await startServer(serverEnv(process.env.DATABASE_URL!))
    servers.push(server)
    const visitors = await Promise.all(Array.from({ length: 60 }, () => visit(server.url, page.slug)))
    const acknowledged: string[] = []
    // Conversions under load; the process dies the moment the 30th is acknowledged, others in flight.
    await pool(visitors, 8, async (v) => {
      if (server.proc.exitCode !== null || server.proc.signalCode) return
      const posted = await submit(server.url, page.slug, v).catch(() => null)
      if (posted?.status !== 201) return
      acknowledged.push(v.visitorId)
      if (acknowledged.length === 30) server.proc.kill('SIGKILL')
    })
    expect(await server.exited).toBeNull()
    expect(server.proc.signalCode).toBe('SIGKILL')
    expect(acknowledged.length).toBeGreaterThanOrEqual(30)

    const converted = await storedVisitors(id)
    for (const visitorId of acknowledged) expect(converted.has(visitorId)).toBe(true)
    const counts = await resultCounts(owner.workspaceId, id, page.formId)
    expect(counts).toEqual(await storedCounts(id, page.formId))
    expect(total(counts)).toBe(converted.size)
  })

  test('during a database outage, refused submissions do not count and acknowledged ones do', { timeout: 90_000 }, async () => {
    const { owner, page, id } = await runningExperiment()
    const target = new URL(process.env.DATABASE_URL!)
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const viaProxy = new URL(target)
    viaProxy.port = String(proxy.port)
    const server = await startServer(serverEnv(viaProxy.toString()))
    servers.push(server)
    try {
      const visitors = await Promise.all(Array.from({ length: 30 }, () => visit(server.url, page.slug)))
      const [before, during, after] = [visitors.slice(0, 10), visitors.slice(10, 20), visitors.slice(20)]
      for (const v of before) expect((await submit(server.url, page.slug, v)).status).toBe(201)
      // The database goes away at once, with those conversions just acknowledged.
      await proxy.cut()
      for (const v of during) expect((await submit(server.url, page.slug, v)).status).toBe(503)
      await proxy.restore()
      await waitFor(async () => ((await fetch(`${server.url}/healthz`)).status === 200 ? true : undefined), 20_000)
      for (const v of after) expect((await submit(server.url, page.slug, v)).status).toBe(201)
      expect(server.proc.exitCode).toBeNull()

      expect(await storedVisitors(id)).toEqual(new Set([...before, ...after].map((v) => v.visitorId)))
      const counts = await resultCounts(owner.workspaceId, id, page.formId)
      expect(counts).toEqual(await storedCounts(id, page.formId))
      expect(total(counts)).toBe(20)
    } finally {
      server.proc.kill('SIGKILL')
      await server.exited
      await proxy.cut()
    }
  })
})
