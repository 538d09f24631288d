import { execFileSync, spawnSync } from 'node:child_process'

export type LoadResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number }

function toMs(value: string) {
  const n = parseFloat(value)
  return value.endsWith('us') ? n / 1000 : value.endsWith('ms') ? n : value.endsWith('s') ? n * 1000 : n
}

export function requireWrk() {
  if (spawnSync('wrk', ['--version']).error) {
    console.error('The page benchmarks need wrk (a load generator): apt-get install -y wrk')
    process.exit(1)
  }
}

/** wrk against `url`, pinned to CPU `cpu` so it does not compete with the server for its core. */
export function runWrk(url: string, { connections = 64, seconds = 10, cpu = 1, headers = [] as string[], script = '' } = {}): LoadResult & { requests: number } {
  const args = ['-c', String(cpu), 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...headers.flatMap((h) => ['-H', h]), ...(script ? ['-s', script] : []), url]
  const out = execFileSync('taskset', args, { encoding: 'utf8' })
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)
  const p50 = /\n\s+50%\s+([\d.]+\w+)/.exec(out)
  const p99 = /\n\s+99%\s+([\d.]+\w+)/.exec(out)
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out)
  const socketErrors = /Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)/.exec(out)
  const requests = /(\d+) requests in/.exec(out)
  if (!rps || !p50 || !p99) throw new Error(`could not read wrk's output:\n${out}`)
  return {
    requestsPerSecond: Number(rps[1]),
    requests: Number(requests?.[1] ?? 0),
    p50Ms: toMs(p50[1]!),
    p99Ms: toMs(p99[1]!),
    errors: Number(non2xx?.[1] ?? 0) + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
  }
}

export function printTable(rows: { name: string; result: LoadResult }[], baseline: LoadResult) {
  console.log(`${'case'.padEnd(58)} ${'req/s'.padStart(9)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'vs bare'.padStart(8)} errors`)
  for (const { name, result } of rows) {
    const ratio = ((result.requestsPerSecond / baseline.requestsPerSecond) * 100).toFixed(0) + '%'
    console.log(
      `${name.padEnd(58)} ${result.requestsPerSecond.toFixed(0).padStart(9)} ${result.p50Ms.toFixed(2).padStart(6)}ms ${result.p99Ms.toFixed(2).padStart(6)}ms ${ratio.padStart(8)} ${result.errors}`,
    )
  }
}
