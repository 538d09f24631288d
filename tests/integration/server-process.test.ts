import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { startServer, startTcpProxy, waitFor, type RunningServer } from '#tests/server-process'

// These start the production build as real processes, the way `npm start` and a load balancer see it.
let server: RunningServer | undefined
afterEach(async () => {
  if (server && server.proc.exitCode === null) {
    server.proc.kill('SIGKILL')
    await server.exited
  }
  server = undefined
})

describe('the server process', () => {
  test('on SIGTERM it finishes the request in flight, closes the database and exits 0', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'splitform-'))
    try {
      server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' })
      expect(server.output()).toContain('Demo login: demo@splitform.dev')
      // A login spends ~0.4 s hashing (scrypt): long enough to be in flight when the signal lands.
      const inFlight = fetch(`${server.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ email: 'demo@splitform.dev', password: 'splitform-demo' }),
        redirect: 'manual',
      })
      await new Promise((r) => setTimeout(r, 100))
      server.proc.kill('SIGTERM')
      const response = await inFlight
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/login?check=1&redirectTo=%2Fdashboard')
      expect(await server.exited).toBe(0)
      expect(server.output()).toContain('SIGTERM: finishing in-flight requests')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('refuses to start on bad configuration, naming the variable', async () => {
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
      const explained = async <T,>(step: Promise<T>) =>
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
