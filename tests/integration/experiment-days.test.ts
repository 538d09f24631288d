// An experiment's days are its workspace's (issue 18, decision 087): experiment_daily, the results' daily series,
// the CSV, the leads' exposure days and the maturity cutoff count days in the workspace's time zone, and changing
// the zone recounts the workspace's experiment days in the same transaction. Real PostgreSQL (DATABASE_URL) or PGlite.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { db, queryRows, type Transaction } from '#app/db.server'
import { catchUpExperimentConversionRollups, lockExperimentDays, writeExperimentConversions } from '#app/experiments/counting.server'
import { getExperimentResults, readRollups } from '#app/experiments/results/queries.server'
import { getStageHistory } from '#app/experiments/stage-history.server'
import { loader as csvLoader } from '#app/routes/_app.experiments.$id_.results[.csv]'
import { action as workspacePatch } from '#app/routes/api.v1.workspace'
import { writePageViews } from '#app/visitors/page-views.server'
import { updateWorkspace } from '#app/workspaces/workspace.server'
import { experimentLeads, workspaces } from '#db/schema'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { publishExperimentPage, startExperiment } from '#tests/factories/experiments'
import { insertConversion, insertForm, insertLead, insertPageView } from '#tests/factories/lead-rows'
import { waitFor } from '#tests/wait-for'

const STOCKHOLM = 'Europe/Stockholm'

async function runningExperiment(timezone: string) {
  const owner = await createOwner({ name: 'Days' })
  await db.update(workspaces).set({ timezone }).where(eq(workspaces.id, owner.workspaceId))
  const page = await publishExperimentPage(owner)
  const id = await startExperiment(owner, page.pageId, { name: 'Local days', minRuntimeDays: 7, plannedVisitorsPerVariant: undefined })
  const form = await insertForm({ workspaceId: owner.workspaceId, conversionType: 'soft' })
  return { owner, pageId: page.pageId, formId: form.id, id }
}

type Experiment = Awaited<ReturnType<typeof runningExperiment>>

/** A visitor of variant A exposed at `at` (on the live page-view path); returns the visitor id. */
async function expose(x: Experiment, at: Date) {
  const visitorId = randomUUID()
  await writePageViews([
    {
      workspaceId: x.owner.workspaceId,
      pageId: x.pageId,
      variantKey: 'A',
      visitorId,
      device: 'desktop',
      channel: 'direct',
      path: '/p/x',
      viewedAt: at,
      exposure: { experimentId: x.id, channel: 'direct' },
    },
  ])
  return visitorId
}

/** The visitor's conversion (with its lead) at `at`, counted in the experiment; `queued`: left for the follower. */
async function convert(x: Experiment, visitorId: string, at: Date, { queued = false } = {}) {
  const lead = await insertLead({ workspaceId: x.owner.workspaceId, createdAt: at })
  const conversion = await insertConversion({ workspaceId: x.owner.workspaceId, leadId: lead.id, formId: x.formId, pageId: x.pageId, visitorId, createdAt: at })
  if (queued) {
    // As the conversion statement calls it: counted and queued, not yet moved into experiment_daily.
    await db.execute(
      sql`select count_experiment_conversion(${x.id}::uuid, ${visitorId}::uuid, 'A', array['any', 'soft', ${`form:${x.formId}`}], ${conversion.id}::uuid, ${lead.id}::uuid, 'desktop', 'direct', ${at.toISOString()}::timestamptz)`,
    )
    return lead.id
  }
  const row = { experimentId: x.id, visitorId, variantKey: 'A', conversionId: conversion.id, device: 'desktop', channel: 'direct', convertedAt: at }
  await writeExperimentConversions(['any', 'soft', `form:${x.formId}`].map((metric) => ({ ...row, metric })))
  return lead.id
}

/** Variant A's visitors and conversions (metric any) per day, as the results' daily series has them. */
async function seriesOf(x: Experiment) {
  const found = await getExperimentResults({ workspaceId: x.owner.workspaceId, id: x.id, metric: 'any', now: new Date('2026-12-01T12:00:00Z') })
  if (!found.ok) throw new Error(JSON.stringify(found.errors))
  return Object.fromEntries(found.results.daily.map((d) => [d.day, [d.variants[0]!.visitors, d.variants[0]!.conversions]]).filter(([, [v, c]]) => v || c))
}

async function exposureDaysOf(x: Experiment) {
  const rows = await db.select({ day: experimentLeads.exposureDay }).from(experimentLeads).where(eq(experimentLeads.experimentId, x.id))
  return rows.map((r) => r.day).sort()
}

describe('experiment days in the workspace’s zone', () => {
  test('in Stockholm an exposure and a conversion at 23:30 UTC count on the next day: series, CSV, lead cohort', async () => {
    const x = await runningExperiment(STOCKHOLM)
    const at = new Date('2026-11-22T23:30:00Z') // 00:30 on the 23rd in Stockholm
    const visitor = await expose(x, at)
    await convert(x, visitor, at)
    // A second visitor whose conversion is still queued: the readers add it on the same local day.
    const queuedVisitor = await expose(x, at)
    await convert(x, queuedVisitor, at, { queued: true })

    expect(await seriesOf(x)).toEqual({ '2026-11-23': [2, 2] })
    expect(await exposureDaysOf(x)).toEqual(['2026-11-23', '2026-11-23'])

    const csv = await callRoute(csvLoader as never, `/experiments/${x.id}/results.csv?table=daily&metric=any`, { cookie: x.owner.cookie, params: { id: x.id } }).then(readResult)
    expect(csv.status).toBe(200)
    const lines = String(csv.body).replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toMatch(/^metric,day,variant,visitors,conversions,/)
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(['any,2026-11-23,A,2,2', 'any,2026-11-23,B,0,0'])

    // The follower moves the queued one to the same day.
    await catchUpExperimentConversionRollups()
    expect(await seriesOf(x)).toEqual({ '2026-11-23': [2, 2] })
  })

  // Stockholm's clocks go forward at 01:00 UTC on the last Sunday of March (a 23-hour day) and back at 01:00 UTC on
  // the last Sunday of October (25 hours): the first and last instants of each day, exposed and converted.
  test.each([
    ['March', ['2026-03-28T22:59:59Z', '2026-03-28T23:00:00Z', '2026-03-29T21:59:59Z', '2026-03-29T22:00:00Z'], { '2026-03-28': [1, 1], '2026-03-29': [2, 2], '2026-03-30': [1, 1] }],
    ['October', ['2026-10-24T21:59:59Z', '2026-10-24T22:00:00Z', '2026-10-25T22:59:59Z', '2026-10-25T23:00:00Z'], { '2026-10-24': [1, 1], '2026-10-25': [2, 2], '2026-10-26': [1, 1] }],
  ])('the daylight-saving change in %s buckets each instant on its local day', async (_, instants, want) => {
    const x = await runningExperiment(STOCKHOLM)
    for (const instant of instants) {
      const at = new Date(instant)
      await convert(x, await expose(x, at), at)
    }
    expect(await seriesOf(x)).toEqual(want)
  })

  test('changing the zone moves the existing experiment days, queued conversions included, and counts stay exact', async () => {
    const x = await runningExperiment('UTC')
    const at = new Date('2026-11-22T23:30:00Z')
    await convert(x, await expose(x, at), at)
    const queued = await expose(x, at)
    await convert(x, queued, at, { queued: true })
    // A visitor exposed by the conversion itself (its page view never written): counted once, on the local day too.
    await convert(x, randomUUID(), at, { queued: true })
    const other = await runningExperiment('UTC')
    await convert(other, await expose(other, at), at)
    expect(await seriesOf(x)).toEqual({ '2026-11-22': [3, 3] })
    expect(await exposureDaysOf(x)).toEqual(['2026-11-22', '2026-11-22', '2026-11-22'])

    const api = await apiKeyCaller({ workspaceId: x.owner.workspaceId, createdBy: x.owner.userId })
    const patch = (timezone: string) => api(workspacePatch, '/api/v1/workspace', { method: 'PATCH', body: { timezone } })
    expect((await patch(STOCKHOLM)).status).toBe(200)
    expect(await seriesOf(x)).toEqual({ '2026-11-23': [3, 3] })
    expect(await exposureDaysOf(x)).toEqual(['2026-11-23', '2026-11-23', '2026-11-23'])
    await catchUpExperimentConversionRollups()
    expect(await seriesOf(x)).toEqual({ '2026-11-23': [3, 3] })
    // Another workspace's experiment keeps its days.
    expect(await seriesOf(other)).toEqual({ '2026-11-22': [1, 1] })

    // And back: New York is behind UTC, still the 22nd there.
    expect((await patch('America/New_York')).status).toBe(200)
    expect(await seriesOf(x)).toEqual({ '2026-11-22': [3, 3] })
    expect(await exposureDaysOf(x)).toEqual(['2026-11-22', '2026-11-22', '2026-11-22'])
    const rollups = await readRollups(x.id)
    expect(
      rollups.daily
        .filter((r) => r.variantKey === 'A')
        .map((r) => [r.day, r.metric, r.count])
        .sort(),
    ).toEqual([
      ['2026-11-22', '', 3],
      ['2026-11-22', 'any', 3],
      ['2026-11-22', `form:${x.formId}`, 3],
      ['2026-11-22', 'soft', 3],
    ])
  })

  test('the lead metrics’ maturity cutoff is a day in the workspace’s zone', async () => {
    const x = await runningExperiment(STOCKHOLM)
    // 23:30 UTC on the 30th is already December 1st in Stockholm: the cutoff is 14 days (the default) before that.
    const found = await getExperimentResults({ workspaceId: x.owner.workspaceId, id: x.id, metric: 'mql', now: new Date('2026-11-30T23:30:00Z') })
    if (!found.ok) throw new Error(JSON.stringify(found.errors))
    expect(found.results.maturity.cutoffDay).toBe('2026-11-17')
    expect(found.results.progress.timeZone).toBe(STOCKHOLM)
    await db
      .update(workspaces)
      .set({ timezone: 'UTC' })
      .where(and(eq(workspaces.id, x.owner.workspaceId)))
    const utc = await getExperimentResults({ workspaceId: x.owner.workspaceId, id: x.id, metric: 'mql', now: new Date('2026-11-30T23:30:00Z') })
    expect(utc.ok && utc.results.maturity.cutoffDay).toBe('2026-11-16')
  })
})

describe('the stage history’s mature visitors', () => {
  test('are those first seen on or before the results’ cutoff day, a day in the workspace’s zone', async () => {
    const x = await runningExperiment(STOCKHOLM)
    const now = new Date('2026-11-30T12:00:00Z') // 14 days before the 30th: the cutoff day is the 16th
    // 23:30 on the 16th in Stockholm, and 00:30 on the 17th there (still the 16th in UTC).
    for (const at of ['2026-11-16T22:30:00Z', '2026-11-16T23:30:00Z']) {
      await insertPageView({ workspaceId: x.owner.workspaceId, pageId: x.pageId, visitorId: randomUUID(), viewedAt: new Date(at) })
    }
    const history = () => getStageHistory({ workspaceId: x.owner.workspaceId, pageId: x.pageId, maturityDays: 14, now })
    expect((await history()).visitors).toBe(1)
    await db.update(workspaces).set({ timezone: 'UTC' }).where(eq(workspaces.id, x.owner.workspaceId))
    expect((await history()).visitors).toBe(2)
  })
})

// Real PostgreSQL only: two connections at once (PGlite has one).
describe.skipIf(!process.env.TEST_SERVER_DATABASE_URL)('a zone change racing a conversion', () => {
  /** Waits until some session waits for an advisory lock (the change, or the conversion, is blocked on the other). */
  const advisoryWaiter = () =>
    waitFor(async () => {
      const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`)
      return row!.n > 0 ? true : undefined
    })

  test('a conversion in flight when the zone changes is recounted by the change; one after it reads the new zone', async () => {
    const x = await runningExperiment('UTC')
    const at = new Date('2026-11-22T23:30:00Z')
    const first = await expose(x, at)
    const second = await expose(x, at)
    const lead = (visitorId: string) => convertInTransaction(x, visitorId, at)

    // The conversion's transaction is open (its lead written with the UTC day) when the change starts: the change waits.
    const inFlight = await lead(first)
    const change = updateWorkspace({ workspaceId: x.owner.workspaceId, changes: { timezone: STOCKHOLM } })
    await advisoryWaiter()
    await inFlight.commit()
    await change
    expect(await exposureDaysOf(x)).toEqual(['2026-11-23'])

    // The change's transaction is open when a conversion comes: the conversion waits and reads the new zone.
    const back = await openTransaction(async (tx) => {
      await lockExperimentDays(tx, x.owner.workspaceId)
      await tx.execute(sql`update workspaces set timezone = 'America/New_York' where id = ${x.owner.workspaceId}`)
    })
    const after = lead(second)
    await advisoryWaiter()
    await back.commit()
    await (await after).commit()
    expect(await exposureDaysOf(x)).toEqual(['2026-11-22', '2026-11-23'])
  })
})

/** Runs `work` in a transaction left open until commit() is called. */
async function openTransaction(work: (tx: Transaction) => Promise<void>) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let ready!: () => void
  let failed!: (error: unknown) => void
  const started = new Promise<void>((resolve, reject) => ((ready = resolve), (failed = reject)))
  const done = db
    .transaction(async (tx) => {
      await work(tx)
      ready()
      await released
    })
    .catch(failed)
  await started
  return { commit: async () => (release(), await done) }
}

/** The visitor's conversion counted in a transaction left open (its lead's exposure day written, not committed). */
async function convertInTransaction(x: Experiment, visitorId: string, at: Date) {
  const lead = await insertLead({ workspaceId: x.owner.workspaceId, createdAt: at })
  const conversion = await insertConversion({ workspaceId: x.owner.workspaceId, leadId: lead.id, formId: x.formId, pageId: x.pageId, visitorId, createdAt: at })
  return openTransaction(async (tx) => {
    await tx.execute(
      sql`select count_experiment_conversion(${x.id}::uuid, ${visitorId}::uuid, 'A', array['any'], ${conversion.id}::uuid, ${lead.id}::uuid, 'desktop', 'direct', ${at.toISOString()}::timestamptz)`,
    )
  })
}
