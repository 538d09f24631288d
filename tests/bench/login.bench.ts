// Login floods and the rest of the server: /healthz latency while 16 and 64 clients log in as fast as they can
// (correct password, so every request hashes; RATE_LIMITS=off so the throttle does not stop the flood), against
// the production server on PostgreSQL. With LOGIN_BENCH_BASELINE=<dir of another checkout, built> the same load
// runs against that build too, interleaved in the same run, for a side-by-side comparison:
//   git archive <commit> | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/ && (cd /tmp/base && npm run build)
//   LOGIN_BENCH_BASELINE=/tmp/base npm run bench login
// LOGIN_BENCH_HASH_CONCURRENCY=1,2 runs this build once per PASSWORD_HASH_CONCURRENCY value (default: its own default).
import { startServer, type RunningServer } from '#tests/server-process'
import { createBenchDatabase } from './bench-db'

const SECONDS = Number(process.env.LOGIN_BENCH_SECONDS ?? 8)
const CONCURRENCY = (process.env.LOGIN_BENCH_CONCURRENCY ?? '16,64').split(',').map(Number)
const ACCOUNT = { name: 'Bench', email: 'bench-login@example.com', password: 'bench password 123', workspaceName: 'Bench' }

type Target = { label: string; server: RunningServer; drop: () => Promise<void> }

async function startTarget(label: string, dir: string, env: Record<string, string> = {}): Promise<Target> {
  const database = await createBenchDatabase(`login_${label.replace(/\W+/g, '_')}`)
  const cwd = process.cwd()
  process.chdir(dir) // startServer runs the build and server.js of the current directory
  let server: RunningServer | undefined
  try {
    server = await startServer({ DATABASE_URL: database.url, SESSION_SECRET: 'b'.repeat(40), RATE_LIMITS: 'off', ...env })
    const signup = await fetch(`${server.url}/signup`, { method: 'POST', body: new URLSearchParams(ACCOUNT), redirect: 'manual' })
    if (signup.status !== 302) throw new Error(`${label}: sign-up answered ${signup.status}`)
    return { label, server, drop: database.drop }
  } catch (error) {
    server?.proc.kill('SIGKILL')
    await database.drop()
    throw error
  } finally {
    process.chdir(cwd)
  }
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function timed(url: string, init?: RequestInit) {
  const started = performance.now()
  const res = await fetch(url, init)
  await res.arrayBuffer()
  return { status: res.status, ms: performance.now() - started }
}

/**
 * `concurrency` clients logging in back to back for SECONDS, while /healthz is probed every 100 ms until the last
 * login in flight has been answered (a slow server keeps answering long after the clients stop sending).
 */
async function flood({ server }: Target, concurrency: number) {
  const until = Date.now() + SECONDS * 1000
  const statuses = new Map<number, number>()
  const loginMs: number[] = []
  const body = new URLSearchParams({ email: ACCOUNT.email, password: ACCOUNT.password }).toString()
  const client = async () => {
    while (Date.now() < until) {
      const r = await timed(`${server.url}/login`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' })
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
      if (r.status === 302) loginMs.push(r.ms)
    }
  }
  const healthMs: number[] = []
  let flooding = true
  const probe = async () => {
    while (flooding) {
      healthMs.push((await timed(`${server.url}/healthz`)).ms)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const probing = probe()
  const started = Date.now()
  await Promise.all(Array.from({ length: concurrency }, client))
  const seconds = (Date.now() - started) / 1000
  flooding = false
  await probing
  return { healthMs, loginMs, statuses, seconds }
}

async function idleHealth({ server }: Target) {
  const ms: number[] = []
  for (let i = 0; i < 30; i++) ms.push((await timed(`${server.url}/healthz`)).ms)
  return percentile(ms, 50)
}

const targets: Target[] = []
try {
  if (process.env.LOGIN_BENCH_BASELINE) targets.push(await startTarget('baseline', process.env.LOGIN_BENCH_BASELINE))
  const hashConcurrency = process.env.LOGIN_BENCH_HASH_CONCURRENCY?.split(',') ?? [null]
  for (const n of hashConcurrency) {
    targets.push(await startTarget(n ? `this build, ${n} hash${n === '1' ? '' : 'es'}` : 'this build', process.cwd(), n ? { PASSWORD_HASH_CONCURRENCY: n } : {}))
  }
  const rows: string[][] = []
  for (const target of targets) rows.push([target.label, 'idle', '–', `${(await idleHealth(target)).toFixed(1)}`, '–', '–', '–', '–'])
  for (const concurrency of CONCURRENCY) {
    for (const target of targets) {
      const { healthMs, loginMs, statuses, seconds } = await flood(target, concurrency)
      const counts = [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')
      rows.push([
        target.label,
        `${concurrency} clients`,
        String(healthMs.length),
        percentile(healthMs, 50).toFixed(1),
        percentile(healthMs, 90).toFixed(1),
        Math.max(...healthMs).toFixed(1),
        `${((statuses.get(302) ?? 0) / seconds).toFixed(1)}/s, median ${percentile(loginMs, 50).toFixed(0)} ms`,
        counts,
      ])
    }
  }
  const header = ['server', 'load', 'probes', '/healthz p50 ms', 'p90 ms', 'max ms', 'logins', 'answers']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(`\nLogin flood, ${SECONDS} s per case, production server on PostgreSQL, RATE_LIMITS=off`)
  console.log(line(header))
  for (const row of rows) console.log(line(row))
} finally {
  for (const target of targets) {
    target.server.proc.kill('SIGTERM')
    await target.server.exited
    await target.drop()
  }
}
