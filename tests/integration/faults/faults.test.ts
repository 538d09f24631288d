import path from 'node:path'
import { pathToFileURL } from 'node:url'
import postgres from 'postgres'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { canRunPgCluster, startPgCluster, type PgCluster } from '#tests/pg-cluster'
import { startServer, type RunningServer } from '#tests/server-process'
import { waitFor } from '#tests/wait-for'
import { startVisitorLoad, type LoadReport } from '#tests/visitor-load'
import { createWorkspace, readStored, resultsConvertedVisitors, serverEnv, startWebhookReceiver, startWithExperiment, type Fixture, type Workspace } from './fixture'

// The fault suite: real server processes on a PostgreSQL cluster of the suite's own (tests/pg-cluster.ts), which it
// restarts, crashes, stops and whose backends it kills under load, and server processes it kills and stops under load. What must hold: the process
// survives the database's faults, every acknowledged submission is stored, the experiment's results count every
// converted visitor, and a graceful stop under keep-alive load exits 0 in time with nothing lost.
// Needs a production build (`npm test` makes one) and the PostgreSQL server binaries (initdb, pg_ctl).

const SHUTDOWN_GRACE_MS = 10_000 // server.js
const BATCH_WINDOW_MS = 1000 // app/events/batch-writer.server.ts: a batch goes out at most this long after its first row

let cluster: PgCluster | undefined
let webhooks: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined
// One database and workspace for the suite; each test makes its own page and experiment there.
let workspace: Workspace | undefined
const servers: RunningServer[] = []
const loads: { stop: () => Promise<unknown> }[] = []

const canRun = canRunPgCluster()

beforeAll(async () => {
  if (!canRun) return
  webhooks = await startWebhookReceiver()
  cluster = await startPgCluster({ name: 'splitform-faults' })
  workspace = await createWorkspace(cluster, 'splitform_faults', { webhookUrl: webhooks.url })
}, 60_000)
afterEach(async () => {
  await Promise.all(loads.splice(0).map((l) => l.stop()))
  for (const s of servers.splice(0)) {
    if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL')
    await s.exited
  }
  await cluster?.ensureRunning()
})
afterAll(async () => {
  cluster?.destroy()
  await webhooks?.close()
})

async function start(name: string, { nodeFlags }: { nodeFlags?: string[] } = {}) {
  return startWithExperiment(workspace!, name, { track: (server) => servers.push(server), nodeFlags })
}

function load(server: RunningServer, fixture: Fixture, concurrency = 16) {
  const l = startVisitorLoad({ url: server.url, slug: fixture.slug, concurrency, maxVisitors: 4000, maxMs: 40_000 })
  loads.push(l)
  return l
}

const acknowledgedAtLeast = (report: LoadReport, n: number) => waitFor(async () => (report.acknowledged.length >= n ? true : undefined), 20_000)

/** A failure message with what the server printed (its last lines), so a CI log says what happened. */
const withOutput = (server: RunningServer, what: string) => {
  const output = server.output()
  const crash = output.indexOf('Uncaught exception')
  return `${what}\nserver exit code: ${server.proc.exitCode} (${server.proc.signalCode})\n${crash >= 0 ? `server crash:\n${output.slice(crash, crash + 1500)}\n` : ''}server output (end):\n${output.slice(-3000)}`
}

/** What the server logged about its event batches (failures, retries, shedding), for a failure message. */
const eventsLog = (server: RunningServer, what: string) =>
  `${what}\nthe server's [events] log:\n${server
    .output()
    .split('\n')
    .filter((line) => line.includes('[events]'))
    .slice(-20)
    .join('\n')}`

/** Waits until the batches are written (page views reach `served`, results equal conversions), then reads both. */
async function settled(server: RunningServer, fixture: Fixture, report: LoadReport) {
  await waitFor(async () => ((await readStored(fixture, report)).pageViews >= report.served ? true : undefined), 10_000).catch(() => undefined)
  await waitFor(async () => {
    const stored = await readStored(fixture, report)
    return (await resultsConvertedVisitors(server, fixture)) === stored.experimentConvertedVisitors ? true : undefined
  }, 5_000).catch(() => undefined)
  return { stored: await readStored(fixture, report), resultsConverted: await resultsConvertedVisitors(server, fixture) }
}

describe.skipIf(!canRun)('faults', () => {
  test('PostgreSQL restarted (fast, immediate), its backends killed, and stopped for a while, under load: the process stays up, healthz is back within 5 s, nothing acknowledged is lost', async () => {
    const { server, fixture } = await start('database-faults')
    const visitors = load(server, fixture)
    const refusedSubmissions = () => visitors.report.refused['503'] ?? 0
    const health = async () => (await fetch(`${server.url}/healthz`)).status
    // Each fault returns once PostgreSQL takes connections again.
    const faults: [string, () => Promise<void>][] = [
      ['restart -m fast', () => cluster!.restart('fast')],
      ['restart -m immediate', () => cluster!.restart('immediate')],
      [
        'backends killed',
        async () => {
          const admin = postgres(cluster!.url(), { max: 1, onnotice: () => {} })
          await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${new URL(fixture.databaseUrl).pathname.slice(1)}`
          await admin.end()
        },
      ],
      [
        'stopped (connections refused)',
        async () => {
          await cluster!.stop('fast')
          // The outage lasts until the load has met it: healthz says so, and submissions are refused with a 503.
          await waitFor(async () => ((await health()) === 503 ? true : undefined), 10_000)
          const before = refusedSubmissions()
          await waitFor(async () => (refusedSubmissions() >= before + 20 ? true : undefined), 20_000)
          await cluster!.start()
        },
      ],
    ]
    const recoveries: Record<string, number> = {}
    for (const [fault, run] of faults) {
      await acknowledgedAtLeast(visitors.report, visitors.report.acknowledged.length + 40)
      await run()
      const back = Date.now()
      await waitFor(async () => ((await health()) === 200 ? true : undefined), 5_000).catch((error: Error) => {
        throw new Error(withOutput(server, `healthz not 200 within 5 s of PostgreSQL's return (${fault}): ${error.message}`))
      })
      recoveries[fault] = Date.now() - back
      expect(server.proc.exitCode, withOutput(server, `the server exited after: ${fault}`)).toBeNull()
    }
    await acknowledgedAtLeast(visitors.report, visitors.report.acknowledged.length + 60) // submissions go in again
    const report = await visitors.stop()
    expect(server.proc.exitCode, withOutput(server, 'the server exited')).toBeNull()

    const { stored, resultsConverted } = await settled(server, fixture, report)
    console.log(
      `[faults] database faults: ${JSON.stringify({ recoveriesMs: recoveries, served: report.served, acknowledged: report.acknowledged.length, refused: report.refused, abandoned: report.abandoned, ...stored, missing: stored.missing.length, resultsConverted })}`,
    )
    expect(stored.missing, 'acknowledged submissions missing from conversions').toEqual([])
    expect(stored.experimentConvertedVisitors, 'the submissions ran through the experiment').toBeGreaterThan(report.acknowledged.length / 2)
    expect(stored.pageViews, eventsLog(server, 'page views lost')).toBeGreaterThanOrEqual(report.served)
    // At least: a batch whose commit PostgreSQL crashed before confirming is written again, and page views have no
    // key to skip a repeat (exposures do). The log line above shows any such repeat.
    expect(stored.exposures, 'exposures lost').toBeGreaterThanOrEqual(report.served)
    expect(resultsConverted, eventsLog(server, 'the results count every converted visitor of the experiment')).toBe(stored.experimentConvertedVisitors)
  }, 90_000)

  test('kill -9 under load, then a restart on the same database: every acknowledged submission is stored and counted', async () => {
    const first = await start('kill')
    const { fixture } = first
    const visitors = load(first.server, fixture)
    await acknowledgedAtLeast(visitors.report, 100)
    visitors.markStop()
    const killedAt = Date.now()
    first.server.proc.kill('SIGKILL')
    await first.server.exited
    const report = await visitors.stop()

    const second = await startServer(serverEnv(fixture.databaseUrl))
    servers.push(second)
    // What the killed process had written: views served within the last batch window before the kill may be lost.
    const afterKill = await readStored(fixture, report)
    const servedInLastWindow = report.servedAt.filter((t) => t > killedAt - BATCH_WINDOW_MS - 500).length
    // The restarted process takes load again.
    const more = load(second, fixture, 4)
    await acknowledgedAtLeast(more.report, 10)
    const moreReport = await more.stop()

    // Expected now: the views the killed process wrote, and every view since.
    const { stored, resultsConverted } = await settled(second, fixture, {
      ...report,
      served: afterKill.pageViews + moreReport.served,
      acknowledged: [...report.acknowledged, ...moreReport.acknowledged],
    })
    console.log(
      `[faults] kill -9: ${JSON.stringify({ served: report.served, acknowledged: report.acknowledged.length, refused: report.refused, pageViewsLost: report.served - afterKill.pageViews, servedInLastWindow, afterRestart: { served: moreReport.served, acknowledged: moreReport.acknowledged.length }, ...stored, missing: stored.missing.length, resultsConverted })}`,
    )
    expect(stored.missing, 'acknowledged submissions missing from conversions').toEqual([])
    expect(report.served - afterKill.pageViews, 'page views lost beyond the last batch window').toBeLessThanOrEqual(servedInLastWindow)
    expect(stored.pageViews, 'page views lost after the restart').toBeGreaterThanOrEqual(afterKill.pageViews + moreReport.served)
    expect(resultsConverted, 'the results count every converted visitor of the experiment').toBe(stored.experimentConvertedVisitors)
  }, 90_000)

  test('an uncaught exception: logged with its stack, the page views in memory written, exit 1 for the supervisor', async () => {
    // A server that throws, where nothing can catch it, when sent SIGUSR2 (tests/throw-on-signal.mjs).
    const { server: throwing, fixture } = await start('crash', { nodeFlags: ['--import', pathToFileURL(path.resolve('tests/throw-on-signal.mjs')).href] })
    const visitors = load(throwing, fixture, 4)
    await acknowledgedAtLeast(visitors.report, 30)
    visitors.markStop()
    const thrownAt = Date.now()
    throwing.proc.kill('SIGUSR2')
    const code = await throwing.exited
    const exitedInMs = Date.now() - thrownAt
    const report = await visitors.stop()
    const stored = await readStored(fixture, report)
    console.log(
      `[faults] uncaught exception: ${JSON.stringify({ code, exitedInMs, served: report.served, acknowledged: report.acknowledged.length, failedAfterStop: report.failedAfterStop, pageViews: stored.pageViews, missing: stored.missing.length })}`,
    )
    expect(code).toBe(1)
    expect(exitedInMs).toBeLessThan(5_000)
    expect(throwing.output()).toMatch(/Uncaught exception \(uncaughtException\); exiting for the supervisor to restart the process: Error: uncaught test exception[^\n]*\n\s+at /)
    expect(stored.missing).toEqual([])
    expect(stored.pageViews, 'page views held in memory were written before the exit').toBeGreaterThanOrEqual(report.served)
  }, 90_000)

  test('SIGTERM with busy keep-alive clients: exit 0 within the grace, nothing acknowledged or served is lost', async () => {
    const { server, fixture } = await start('sigterm')
    const visitors = load(server, fixture, 16)
    await acknowledgedAtLeast(visitors.report, 100)
    visitors.markStop()
    const signalledAt = Date.now()
    server.proc.kill('SIGTERM')
    const code = await server.exited
    const stoppedInMs = Date.now() - signalledAt
    const report = await visitors.stop()
    expect(code, withOutput(server, 'exit code')).toBe(0)
    expect(stoppedInMs).toBeLessThan(SHUTDOWN_GRACE_MS)

    const stored = await readStored(fixture, report)
    console.log(
      `[faults] SIGTERM: ${JSON.stringify({ code, stoppedInMs, served: report.served, acknowledged: report.acknowledged.length, failedAfterStop: report.failedAfterStop, refused: report.refused, ...stored, missing: stored.missing.length })}`,
    )
    expect(stored.missing, 'acknowledged submissions missing from conversions').toEqual([])
    // Every view served was written; a view whose answer was cut by the stop may have been written too.
    expect(stored.pageViews).toBeGreaterThanOrEqual(report.served)
    expect(stored.pageViews).toBeLessThanOrEqual(report.served + report.failedAfterStop)
    expect(stored.exposures).toBe(stored.pageViews)

    const again = await startServer(serverEnv(fixture.databaseUrl))
    servers.push(again)
    expect(await resultsConvertedVisitors(again, fixture), 'the results count every converted visitor of the experiment').toBe(stored.experimentConvertedVisitors)
  }, 90_000)
})
