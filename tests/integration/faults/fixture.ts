import { execFile } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import postgres from 'postgres'
import { expect } from 'vitest'
import type { PgCluster } from '#tests/pg-cluster'
import { startServer, type RunningServer } from '#tests/server-process'
import type { LoadReport } from '#tests/visitor-load'

// The fault suite's fixture: a database on the suite's own cluster, a server process on it, and a published page
// with a form and a running A/B experiment, made through the public API with a key from create-api-key.ts.

export type Fixture = { databaseUrl: string; apiKey: string; slug: string; pageId: string; experimentId: string }

// Webhooks go to the suite's receiver on loopback, which production refuses unless allowed.
export const serverEnv = (databaseUrl: string) => ({ DATABASE_URL: databaseUrl, SESSION_SECRET: 'f'.repeat(40), RATE_LIMITS: 'off', WEBHOOK_PRIVATE_TARGETS: 'allow' })

/**
 * An API key on a fresh workspace of `databaseUrl`, with a webhook to `webhookUrl`, made by the app's own code in a
 * child process (it migrates the database first, so it may run while the server starts).
 */
function createApiKey(databaseUrl: string, webhookUrl: string): Promise<string> {
  const script = path.resolve('tests/integration/faults/create-api-key.ts')
  const env = { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: '', WEBHOOK_URL: webhookUrl }
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', script], { env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`create-api-key failed: ${error.message}\n${stdout}${stderr}`))
      resolve((JSON.parse(stdout.trim().split('\n').at(-1)!) as { apiKey: string }).apiKey)
    }),
  )
}

export function apiClient(server: () => RunningServer, apiKey: string) {
  return async (method: string, apiPath: string, body?: unknown) => {
    const res = await fetch(`${server().url}/api/v1${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
}

/** A webhook receiver on loopback that accepts every delivery. */
export async function startWebhookReceiver() {
  let received = 0
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      received += 1
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type Workspace = { databaseUrl: string; apiKey: string }

/** A new database on `cluster`, migrated, with a workspace, its API key and a webhook to `webhookUrl`. */
export async function createWorkspace(cluster: PgCluster, name: string, { webhookUrl }: { webhookUrl: string }): Promise<Workspace> {
  const databaseUrl = await cluster.createDatabase(name)
  return { databaseUrl, apiKey: await createApiKey(databaseUrl, webhookUrl) }
}

/**
 * A server on the workspace's database, and a new published page there with a form and a running A/B experiment,
 * made through the API. `track` gets the server as soon as it runs, for the caller's cleanup.
 */
export async function startWithExperiment(
  workspace: Workspace,
  name: string,
  { track, nodeFlags }: { track: (server: RunningServer) => void; nodeFlags?: string[] },
): Promise<{ server: RunningServer; fixture: Fixture }> {
  const started = Date.now()
  const server = await startServer(serverEnv(workspace.databaseUrl), { nodeFlags })
  track(server)
  const api = apiClient(() => server, workspace.apiKey)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the body is read by path in the tests, as ApiCall's
  const expectStatus = async (call: Promise<{ status: number; body: any }>, status: number) => {
    const result = await call
    expect(result.status, JSON.stringify(result.body)).toBe(status)
    return result.body
  }
  const form = await expectStatus(
    api('POST', '/forms', {
      name: `Fault form ${name}`,
      purpose: 'content_download',
      minFillSeconds: 0,
      fields: [
        { key: 'email', type: 'email', label: 'Email', required: true },
        { key: 'name', type: 'text', label: 'Name' },
      ],
      success: { type: 'message', message: 'Thanks!' },
    }),
    201,
  )
  const slug = `faults-${name}`
  const page = await expectStatus(api('POST', '/pages', { name: `Fault page ${name}`, slug, template: 'blank', formId: form.id }), 201)
  await expectStatus(api('POST', `/pages/${page.id}/variants`, { copyFrom: 'A', name: 'Bold' }), 201)
  await expectStatus(api('POST', `/pages/${page.id}/publish`, {}), 200)
  const experiment = await expectStatus(
    api('POST', '/experiments', {
      pageId: page.id,
      name: `Fault experiment ${name}`,
      variants: [
        { key: 'A', weight: 0.5 },
        { key: 'B', weight: 0.5 },
      ],
    }),
    201,
  )
  // Nothing requested the page before: its first view finds the experiment running.
  await expectStatus(api('POST', `/experiments/${experiment.id}/start`, {}), 200)
  console.log(`[faults] ${name}: server and experiment ready in ${Date.now() - started} ms`)
  return { server, fixture: { ...workspace, slug, pageId: page.id, experimentId: experiment.id } }
}

export type Stored = {
  experimentConversionRows: number | null
  conversions: number
  missing: string[]
  experimentConvertedVisitors: number
  pageViews: number
  exposures: number
}

/** What the database holds for the fixture, and which acknowledged submissions it lacks. */
export async function readStored(fixture: Fixture, report: LoadReport): Promise<Stored> {
  const sql = postgres(fixture.databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const keys = report.acknowledged.map((a) => a.idempotencyKey)
    const found = await sql<{ idempotency_key: string }[]>`select idempotency_key from conversions where idempotency_key = any(${keys})`
    const stored = new Set(found.map((r) => r.idempotency_key))
    const [counts] = await sql<{ conversions: number; converted: number; page_views: number; exposures: number }[]>`select
        (select count(*)::int from conversions where page_id = ${fixture.pageId}) as conversions,
        (select count(distinct visitor_id)::int from conversions where experiment_id = ${fixture.experimentId}) as converted,
        (select count(*)::int from page_views where page_id = ${fixture.pageId}) as page_views,
        (select count(*)::int from exposures where experiment_id = ${fixture.experimentId}) as exposures`
    // For the log only: the rows the experiment's rollups count (the counting module's table), when it exists.
    const counted = await sql<{ n: number }[]>`select count(*)::int as n from experiment_conversions where experiment_id = ${fixture.experimentId} and metric = 'any'`.then(
      ([row]) => row!.n,
      () => null,
    )
    return {
      experimentConversionRows: counted,
      conversions: counts!.conversions,
      missing: keys.filter((k) => !stored.has(k)),
      experimentConvertedVisitors: counts!.converted,
      pageViews: counts!.page_views,
      exposures: counts!.exposures,
    }
  } finally {
    await sql.end()
  }
}

/** Converted visitors over all variants, as the results API reports them (metric "any"). */
export async function resultsConvertedVisitors(server: RunningServer, fixture: Fixture): Promise<number> {
  const res = await apiClient(() => server, fixture.apiKey)('GET', `/experiments/${fixture.experimentId}/results`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const variants = res.body.variants as { key: string; conversions: number }[]
  return variants.reduce((sum, v) => sum + v.conversions, 0)
}
