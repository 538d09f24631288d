import { readdirSync, readFileSync } from 'node:fs'
import type { LoadResult } from './wrk'

// What the benches that compare cases in alternating rounds share: the CPU time of the server and of PostgreSQL
// around each round (the machine is otherwise quiet during a bench), and medians over the rounds.

const TICKS_PER_MS = 100 / 1000 // USER_HZ

function cpuMsOf(pid: string) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS // utime + stime
  } catch {
    return 0
  }
}

function postgresPids() {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')
    } catch {
      return false
    }
  })
}

/** CPU milliseconds used so far by the server process and by every PostgreSQL process. */
export function cpuOf(serverPid: number) {
  return { server: cpuMsOf(String(serverPid)), postgres: postgresPids().reduce((ms, pid) => ms + cpuMsOf(pid), 0) }
}

export type Round = LoadResult & { requests: number; serverUsPerRequest: number; postgresUsPerRequest: number }

/** One wrk run with the CPU it cost per completed request. */
export function measuredRound(serverPid: number, run: () => LoadResult & { requests: number }): Round {
  const before = cpuOf(serverPid)
  const result = run()
  const after = cpuOf(serverPid)
  const perRequest = (ms: number) => (ms * 1000) / Math.max(1, result.requests)
  return { ...result, serverUsPerRequest: perRequest(after.server - before.server), postgresUsPerRequest: perRequest(after.postgres - before.postgres) }
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The median of each figure over the rounds; errors summed. */
export function medianOf(runs: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  }
}

/** "server 41.0 µs, PostgreSQL 12.3 µs": the medians of the rounds' CPU per request. */
export const cpuLine = (runs: Round[]) => `server ${median(runs.map((r) => r.serverUsPerRequest)).toFixed(1)} µs, PostgreSQL ${median(runs.map((r) => r.postgresUsPerRequest)).toFixed(1)} µs`
