import { existsSync } from 'node:fs'
import http from 'node:http'
import { afterEach, describe, expect, test } from 'vitest'
import { ServerStartError, startServer, startTcpProxy, type RunningServer } from '#tests/server-process'
import { waitFor } from '#tests/wait-for'

// These start the production build as real processes, the way `npm start` and a load balancer see it.
let server: RunningServer | undefined
afterEach(async () => {
  if (server && server.proc.exitCode === null) {
    server.proc.kill('SIGKILL')
    await server.exited
  }
  server = undefined
})

/** A form POST sent with `Expect: 100-continue`: `dispatched` resolves when the server has started handling it. */
function postOnceDispatched(url: string, form: URLSearchParams) {
  const body = form.toString()
  let dispatched!: () => void
  const started = new Promise<void>((resolve) => (dispatched = resolve))
  const response = new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Expect: '100-continue' },
    })
    req.on('continue', () => {
      dispatched()
      req.end(body)
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location }))
    })
    req.on('error', reject)
  })
  return { dispatched: started, response }
}

describe('the server process', () => {
  // A first start on a new PGlite folder seeds the demo's 90 days: 5–35 s on a busy 2-core machine.
  test('on SIGTERM it finishes the request in flight, closes the database and exits 0', { timeout: 90_000 }, async () => {
    const started = await startServer({}, { dataDir: 'temp', startTimeoutMs: 60_000 })
    server = started
    // Printed right after the line startServer waits for.
    await waitFor(() => (started.output().includes('Demo login: demo@splitform.dev') ? true : undefined), 5_000)
    // A first start says what it does and how far along it is (issue 17: it was silent for ~40 s).
    const total = /Migrating database… 0\/(\d+)\n/.exec(started.output())?.[1]
    expect(total, started.output()).toBeDefined()
    expect(started.output()).toContain(`Migrating database… ${total}/${total} (`)
    expect(started.output()).toMatch(/Seeding demo data…\n(.*\n)*Seeding demo data… 20 %\n(.*\n)*Seeding demo data… 100 %\n(.*\n)*Seeding demo data… done \(\d+\.\d s\)\n/)
    // The signal lands once the server is handling the login: it answers `100 Continue` when it dispatches the
    // request (and only then is the body sent), and the login then spends ~0.4 s hashing (scrypt).
    const inFlight = postOnceDispatched(`${server.url}/login`, new URLSearchParams({ email: 'demo@splitform.dev', password: 'splitform-demo' }))
    await inFlight.dispatched
    server.proc.kill('SIGTERM')
    const response = await inFlight.response
    expect(response.status).toBe(302)
    expect(response.location).toBe('/login?check=1&redirectTo=%2Fdashboard')
    expect(await server.exited).toBe(0)
    expect(server.output()).toContain('SIGTERM: finishing in-flight requests')
  })

  test('a start that times out leaves no process and no data folder behind', async () => {
    const failed = await startServer({}, { dataDir: 'temp', startTimeoutMs: 1 }).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(ServerStartError)
    const { pid, dataDir, message } = failed as ServerStartError
    expect(message).toMatch(/did not listen within 1 ms/)
    expect(pid).toBeGreaterThan(0)
    expect(() => process.kill(pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }))
    expect(existsSync(dataDir!)).toBe(false)
  })

  test('refuses to start on bad configuration, naming the variable', { timeout: 60_000 }, async () => {
    await expect(startServer({ PORT: 'eighty', DATA_DIR: 'memory://' })).rejects.toThrow(/PORT/)
  })

  // Needs a PostgreSQL server; CI always sets DATABASE_URL (PGlite has no connection to lose).
  test.skipIf(!process.env.TEST_SERVER_DATABASE_URL)(
    'healthz says 503 while PostgreSQL is unreachable and the server recovers by itself',
    async () => {
      const database = new URL(process.env.DATABASE_URL!)
      const proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) })
      database.host = `127.0.0.1:${proxy.port}`
      server = await startServer({ DATABASE_URL: database.toString(), SESSION_SECRET: 'x'.repeat(40) })
      const seen: string[] = []
      const health = async () => {
        const started = Date.now()
        const res = await fetch(`${server!.url}/healthz`)
        const body = await res.json()
        seen.push(`${res.status} in ${Date.now() - started} ms`)
        return { status: res.status, body }
      }
      // A CI failure says what healthz answered meanwhile and what the server printed.
      const explained = async <T>(step: Promise<T>) =>
        step.catch((error: Error) => {
          throw new Error(`${error.message}\nserver exit code: ${server!.proc.exitCode}\nhealthz answered: ${seen.slice(-20).join(', ')}\nserver output:\n${server!.output().slice(-4000)}`)
        })
      expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } })

      await proxy.cut()
      expect(await explained(waitFor(async () => ((await health()).status === 503 ? await health() : undefined)))).toEqual({
        status: 503,
        body: { status: 'degraded', database: 'unreachable' },
      })
      // Pages that need no database still answer while it is away.
      expect((await fetch(`${server.url}/login`)).status).toBe(200)

      // A few seconds of outage, long enough for the driver's reconnect delay to grow (it reached 20 s uncapped,
      // reconnectDelaySeconds caps it at 2): the server is back within seconds of the database.
      for (let i = 0; i < 8; i++) {
        expect((await health()).status).toBe(503)
        await new Promise((r) => setTimeout(r, 500))
      }
      await proxy.restore()
      expect(await explained(waitFor(async () => ((await health()).status === 200 ? true : undefined), 5_000))).toBe(true)
      expect(server.proc.exitCode).toBeNull()
      await proxy.cut()
    },
    60_000,
  )
})
