import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export async function freePort() {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export type RunningServer = {
  url: string
  proc: ChildProcess
  output: () => string
  /** Resolves with the exit code once the process has exited and its temporary data folder (if any) is gone. */
  exited: Promise<number | null>
  /** The PGlite folder made for it with `dataDir: 'temp'`. */
  dataDir?: string
}

// No `node server.js` may outlive its test, nor its temporary data folder. Each process is tracked from the moment
// it is spawned: a start that fails or times out kills it; stopSpawnedServers() (an afterAll of every test file,
// tests/setup.ts) kills what a test left running; every one is killed when the test process exits; and each one
// kills itself once the test process is gone, for when the test runner ends a worker without letting it exit
// (tests/exit-with-parent.mjs). A temporary data folder is removed when its process has exited.
const spawned = new Map<ChildProcess, Promise<number | null>>()
const tempFolders = new Set<string>()
process.once('exit', () => {
  for (const proc of spawned.keys()) proc.kill('SIGKILL')
  for (const folder of tempFolders) rmSync(folder, { recursive: true, force: true })
})
const EXIT_WITH_PARENT = pathToFileURL(path.resolve('tests/exit-with-parent.mjs')).href

/** Thrown when a server does not start; by then its process has exited and its temporary folder is gone. */
export class ServerStartError extends Error {
  readonly pid: number | undefined
  readonly dataDir: string | undefined
  constructor(message: string, { pid, dataDir }: { pid: number | undefined; dataDir: string | undefined }) {
    super(message)
    this.pid = pid
    this.dataDir = dataDir
  }
}

type StartOptions = {
  /** Go before server.js, e.g. `--import` a preload. */
  nodeFlags?: string[]
  /** 'temp': a new PGlite folder of its own (DATA_DIR), removed when the process exits. */
  dataDir?: 'temp'
  startTimeoutMs?: number
}

/** Starts the production build (`node server.js`) as a real process and waits until it listens. */
export async function startServer(env: Record<string, string>, { nodeFlags = [], dataDir, startTimeoutMs = 30_000 }: StartOptions = {}): Promise<RunningServer> {
  if (!existsSync(path.resolve('build/server/index.js'))) {
    throw new Error('No production build: run `npm run build` first (`npm test` does).')
  }
  const port = await freePort()
  const folder = dataDir === 'temp' ? mkdtempSync(path.join(tmpdir(), 'splitform-server-')) : undefined
  if (folder) tempFolders.add(folder)
  // SERVER_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server of a bench (NODE_OPTIONS refuses them).
  const flags = [...(process.env.SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...nodeFlags]
  const proc = spawn(process.execPath, [...flags, '--import', EXIT_WITH_PARENT, 'server.js'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...(folder ? { DATA_DIR: folder, DATABASE_URL: '' } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => {
    // 'error' (it could not be spawned) comes without 'exit'; 'close' comes after both, once the pipes are shut.
    proc.once('error', () => resolve(null))
    proc.once('close', (code) => resolve(code))
  }).finally(() => {
    spawned.delete(proc)
    if (folder) {
      rmSync(folder, { recursive: true, force: true })
      tempFolders.delete(folder)
    }
  })
  spawned.set(proc, exited)
  let output = ''
  const listening = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), startTimeoutMs)
    const settle = (ok: boolean) => {
      clearTimeout(timer)
      resolve(ok)
    }
    const onData = (d: Buffer) => {
      output += d
      if (output.includes('is running at')) settle(true)
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', onData)
    void exited.then(() => settle(false))
  })
  if (!(await listening)) {
    const why = proc.exitCode !== null || proc.signalCode !== null ? `exited (${proc.exitCode ?? proc.signalCode})` : `did not listen within ${startTimeoutMs} ms`
    proc.kill('SIGKILL')
    await exited
    throw new ServerStartError(`server did not start: it ${why}\n${output}`, { pid: proc.pid, dataDir: folder })
  }
  return { url: `http://127.0.0.1:${port}`, proc, output: () => output, exited, dataDir: folder }
}

/** Kills every server still running (SIGKILL) and waits until each has exited and its temporary folder is gone. */
export async function stopSpawnedServers() {
  const running = [...spawned]
  for (const [proc] of running) proc.kill('SIGKILL')
  await Promise.all(running.map(([, exited]) => exited))
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
