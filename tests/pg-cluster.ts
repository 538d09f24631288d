import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { freePort } from '#tests/server-process'

// A PostgreSQL cluster of a test's own, made with the machine's initdb and pg_ctl in a fresh temporary folder on a
// free loopback port, so the test may restart, crash or stop it without disturbing anything else. initdb refuses
// to run as root, so as root every command runs as the `postgres` user (runuser), in a folder that user owns.

export type PgCluster = {
  port: number
  /** A URL for `database` on this cluster (superuser postgres, trust auth, loopback only). */
  url: (database?: string) => string
  createDatabase: (name: string) => Promise<string>
  /**
   * `pg_ctl restart`, resolving once the server accepts connections again: `fast` ends sessions cleanly,
   * `immediate` crashes the server (recovery on start). Asynchronous, so a load in the same process keeps going.
   */
  restart: (mode?: 'fast' | 'immediate') => Promise<void>
  stop: (mode?: 'fast' | 'immediate') => Promise<void>
  start: () => Promise<void>
  /** Starts the cluster if it is stopped (after a test that failed while it was down). */
  ensureRunning: () => Promise<void>
  /** Stops the cluster (immediately) and removes its folder; safe to call twice and after a failure. */
  destroy: () => void
}

const live = new Set<PgCluster>()
// Last line of defence: a test run that dies before its afterAll must not leave a postmaster behind.
process.once('exit', () => {
  for (const cluster of live) cluster.destroy()
})

function binDir() {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' })
  const candidates = [fromConfig.status === 0 ? fromConfig.stdout.trim() : '', '/usr/lib/postgresql/15/bin']
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, 'initdb')))
  if (!found) throw new Error('initdb not found: install PostgreSQL server binaries (pg_config --bindir, or /usr/lib/postgresql/15/bin)')
  return found
}

/** Whether this machine can run a cluster of its own (the PostgreSQL server binaries are installed). */
export function canRunPgCluster() {
  try {
    binDir()
    return true
  } catch {
    return false
  }
}

export async function startPgCluster({ name = 'splitform' }: { name?: string } = {}): Promise<PgCluster> {
  const bin = binDir()
  const asRoot = userInfo().uid === 0
  const commandLine = (command: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args])
  const runSync = (command: string, args: string[]) => {
    const result = spawnSync(...commandLine(command, args), { encoding: 'utf8', timeout: 60_000 })
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`)
  }
  const run = (command: string, args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile(...commandLine(command, args), { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`)) : resolve(),
      ),
    )

  const root = mkdtempSync(path.join(tmpdir(), `${name}-pg-`))
  const dataDir = path.join(root, 'data')
  const logFile = path.join(root, 'postgres.log')
  const owner = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) } : null
  if (owner) chownSync(root, owner.uid, owner.gid)
  chmodSync(root, 0o700)
  const port = await freePort()
  // The socket goes into the cluster's own folder: nothing else on the machine sees it.
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=32MB`
  const pgCtl = (action: string, extra: string[] = []) => run('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', logFile, '-w', '-t', '60', ...extra, action])

  let destroyed = false
  const cluster: PgCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(database) {
      const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} })
      try {
        await admin.unsafe(`create database "${database}"`)
      } finally {
        await admin.end()
      }
      return cluster.url(database)
    },
    restart: (mode = 'fast') => pgCtl('restart', ['-m', mode]),
    stop: (mode = 'fast') => pgCtl('stop', ['-m', mode]),
    start: () => pgCtl('start'),
    // pg_ctl status exits 3 when no server runs in the folder.
    ensureRunning: () => run('pg_ctl', ['-D', dataDir, 'status']).catch(() => pgCtl('start')),
    destroy() {
      if (destroyed) return
      destroyed = true
      live.delete(cluster)
      if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
        try {
          runSync('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
        } catch {
          // Already stopped, or its log says why: the folder goes either way.
        }
      }
      rmSync(root, { recursive: true, force: true })
    },
  }
  live.add(cluster)
  try {
    // --no-sync: the folder is thrown away afterwards; the server itself still fsyncs as in production.
    await run('initdb', ['-D', dataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C', '--no-sync'])
    await cluster.start()
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : ''
    cluster.destroy()
    throw new Error(`${error instanceof Error ? error.message : String(error)}${log ? `\npostgres log:\n${log}` : ''}`)
  }
  return cluster
}
