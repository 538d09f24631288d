import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export async function freePort() {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export type RunningServer = { url: string; proc: ChildProcess; output: () => string; exited: Promise<number | null> }

// No `node server.js` may outlive its test: a start that fails or times out kills its process; every spawned
// process is killed when the test process exits; and each one kills itself once the test process is gone, for
// when the test runner ends a worker without letting it exit (tests/exit-with-parent.mjs).
const spawned = new Set<ChildProcess>()
process.once('exit', () => {
  for (const proc of spawned) proc.kill('SIGKILL')
})
const EXIT_WITH_PARENT = pathToFileURL(path.resolve('tests/exit-with-parent.mjs')).href

/** Starts the production build (`node server.js`) as a real process and waits until it listens. `nodeFlags` go before server.js. */
export async function startServer(env: Record<string, string>, { nodeFlags = [] }: { nodeFlags?: string[] } = {}): Promise<RunningServer> {
  if (!existsSync(path.resolve('build/server/index.js'))) {
    throw new Error('No production build: run `npm run build` first (`npm test` does).')
  }
  const port = await freePort()
  // SERVER_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server of a bench (NODE_OPTIONS refuses them).
  const flags = [...(process.env.SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...nodeFlags]
  const proc = spawn(process.execPath, [...flags, '--import', EXIT_WITH_PARENT, 'server.js'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  spawned.add(proc)
  let output = ''
  proc.stdout!.on('data', (d) => (output += d))
  proc.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve)).finally(() => spawned.delete(proc))
  const deadline = Date.now() + 30_000
  while (!output.includes('is running at')) {
    if (proc.exitCode !== null || proc.signalCode !== null || Date.now() > deadline) {
      proc.kill('SIGKILL')
      await exited
      throw new Error(`server did not start:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return { url: `http://127.0.0.1:${port}`, proc, output: () => output, exited }
}

/** A TCP proxy that can cut every connection and refuse new ones, like a database going away. */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  const port = await freePort()
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => s.destroy())
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', resolve)
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server!.close(() => resolve())
    })
  await open()
  return { port, cut, restore: open }
}

/** Polls `check` until it returns a value. On timeout the error says what the last check saw, for CI logs. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    const value = await check().catch((error: unknown) => {
      last = error
      return undefined
    })
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting; the last check ${last === undefined ? 'returned nothing' : `threw ${describeError(last)}`}`)
    last = undefined
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** An error's message with its cause (fetch puts the reason, e.g. ECONNREFUSED, there). */
const describeError = (error: unknown) => (error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : String(error))
