// Timing of the statistics module. Run: npm run bench statistics (or npx tsx tests/bench/statistics.bench.ts).
// 1. Everyday cases. Target: analyze() on 5 variants × 1,000,000 visitors in under 1 ms (median).
// 2. Worst cases, before and after the work bound of issue 14 (docs/decisions/004-statistics-work-bound.md):
//    the issue's 20 variants × 10^12 visitors near 50%, a grid of variants × visitors × rates, and inputs
//    built against each part (Fisher's walk, the quadrature's panel count). "Before" is app/statistics at
//    BEFORE_COMMIT, extracted from git into .cache/. Target: every analysis ≤ ~50 ms.
// 3. A page request to the production server while 8 worst-case POST /api/v1/analyze run (needs
//    `npm run build` and PostgreSQL: DATABASE_URL or the local server). STATISTICS_BENCH_SERVER=0 skips it.
// Figures are printed, never asserted.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { analyze, type AnalyzeInput, type VariantCounts } from '#app/statistics/analyze'
import { computeProbabilityToBeat, createPosterior } from '#app/statistics/bayes'
import { startServer } from '#tests/server-process'
import { createBenchDatabase } from './bench-db'

const BEFORE_COMMIT = '05b13da505f6c56d55597166a0991b24121dd4d9'
const CLOCK_TICKS_PER_SECOND = 100 // getconf CLK_TCK on Linux
const WARM_UP = 500
const ITERATIONS = 5000

function measure(label: string, run: (iteration: number) => void): void {
  for (let i = 0; i < WARM_UP; i++) run(i)
  const micros = new Float64Array(ITERATIONS)
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now()
    run(i)
    micros[i] = (performance.now() - started) * 1000
  }
  micros.sort()
  const at = (q: number) => micros[Math.min(ITERATIONS - 1, Math.floor(q * ITERATIONS))]
  console.log(`${label.padEnd(58)} median ${at(0.5).toFixed(1).padStart(7)} µs   p99 ${at(0.99).toFixed(1).padStart(7)} µs   max ${micros[ITERATIONS - 1].toFixed(0).padStart(6)} µs`)
}

function runEverydayCases(): void {
  console.log(`\n-- everyday cases: node ${process.version}, ${WARM_UP} warm-up + ${ITERATIONS} timed iterations each`)
  // Rates 10.00%, 10.03%, … so the arms overlap as in a real test; the offset moves per iteration
  // so nothing can be cached between calls.
  const fiveArms = (shift: number) => ['A', 'B', 'C', 'D', 'E'].map((key, i) => ({ key, visitors: 1_000_000, conversions: 100_000 + 300 * i + (shift % 7) }))
  measure('analyze: 5 variants × 1,000,000 visitors', (i) => analyze({ variants: fiveArms(i) }))
  const twentyArms = (shift: number) => Array.from({ length: 20 }, (_, i) => ({ key: `V${i}`, visitors: 1_000_000, conversions: 100_000 + 150 * i + (shift % 7) }))
  measure('analyze: 20 variants × 1,000,000 visitors (the maximum)', (i) => analyze({ variants: twentyArms(i) }))
  measure('analyze: 2 variants × 1,000,000 visitors', (i) => analyze({ variants: fiveArms(i).slice(0, 2) }))
  measure('analyze: 2 variants × 1,000 visitors', (i) =>
    analyze({
      variants: [
        { key: 'A', visitors: 1000, conversions: 100 + (i % 5) },
        { key: 'B', visitors: 1000, conversions: 112 },
      ],
    }),
  )

  const control = createPosterior({ visitors: 2_000_000, conversions: 1_000_000 })
  measure('probability to beat: 10^6 conversions each (50% rate)', (i) => computeProbabilityToBeat(createPosterior({ visitors: 2_000_000, conversions: 1_001_000 + (i % 7) }), control))
  const rareControl = createPosterior({ visitors: 10_000_000, conversions: 1_000_000 })
  measure('probability to beat: 10^6 conversions of 10^7 visitors', (i) => computeProbabilityToBeat(createPosterior({ visitors: 10_000_000, conversions: 1_003_000 + (i % 7) }), rareControl))
  measure('probability to beat: 10^6 vs 10^6 − 5,000 (far tail)', (i) => computeProbabilityToBeat(createPosterior({ visitors: 2_000_000, conversions: 995_000 + (i % 7) }), control))
}

type WorstCase = { name: string; variants: VariantCounts[] }

const arms = (count: number, arm: (i: number) => { visitors: number; conversions: number }): VariantCounts[] => Array.from({ length: count }, (_, i) => ({ key: `V${i}`, ...arm(i) }))

// Arms a quarter of a standard deviation apart: every P(beat) is near ½, where the exact series is longest.
function closeArms(count: number, visitors: number, rate: number): VariantCounts[] {
  const step = Math.max(1, Math.floor(Math.sqrt(visitors * rate * (1 - rate)) / 4))
  const base = Math.round(visitors * rate) - Math.floor((count * step) / 2)
  return arms(count, (i) => ({ visitors, conversions: Math.min(visitors, Math.max(0, base + i * step)) }))
}

function buildWorstCases(): WorstCase[] {
  const cases: WorstCase[] = [
    { name: 'issue 14: 20 × 10^12 visitors, rates near 50%', variants: arms(20, (i) => ({ visitors: 1e12, conversions: 5e11 + 1000 * i })) },
    { name: 'Fisher far tail: 19 × (2·10^6 of 2·10^6) vs 0 of 10^12', variants: [{ key: 'A', visitors: 1e12 - 2e6, conversions: 0 }, ...arms(19, (i) => ({ visitors: 2e6, conversions: 2e6 - i }))] },
    // Nested supports [0, ~50/visitors] with visitors 4.27^i (4.27^19 ≈ 10^12): about 20 panels between
    // consecutive edges, close to the most 20 variants can force on the quadrature (see the decision record).
    { name: 'most panels: 20 × 0 conversions, visitors 4.27^i', variants: arms(20, (i) => ({ visitors: Math.round(4.27 ** i), conversions: 0 })) },
    { name: 'most panels: 20 × 1 conversion, visitors 2·4.27^i', variants: arms(20, (i) => ({ visitors: Math.min(1e12, Math.round(2 * 4.27 ** i)), conversions: 1 })) },
    { name: 'most panels: 20 × 0 conversions, visitors 1000·2^i', variants: arms(20, (i) => ({ visitors: 1000 * 2 ** i, conversions: 0 })) },
    { name: 'mixed: 10..10^12 visitors at 0, 50%, 100%', variants: arms(20, (i) => ({ visitors: 10 ** (1 + (i % 12)), conversions: Math.round(10 ** (1 + (i % 12)) * [0, 0.5, 1][i % 3]) })) },
    { name: 'spread: 20 × 10^12, arms 15 sd apart', variants: arms(20, (i) => ({ visitors: 1e12, conversions: 5e11 + i * 15 * 707_107 })) },
    { name: 'all 0 and all 100%: 20 × 10^12', variants: arms(20, (i) => ({ visitors: 1e12, conversions: i % 2 === 0 ? 0 : 1e12 })) },
  ]
  for (const count of [2, 5, 20]) {
    for (const visitors of [1e6, 1e9, 1e12]) {
      for (const rate of [0.001, 0.5, 0.999]) {
        cases.push({ name: `grid: ${count} × 10^${Math.log10(visitors)} visitors at ${rate * 100}%`, variants: closeArms(count, visitors, rate) })
      }
    }
  }
  return cases
}

type Timing = { median: number; max: number; cpu: number }

// Repeats `run` for up to ~1 s (at least 3 and at most 200 times) after a short warm-up: wall-clock
// median and max, and the mean CPU time of this process per call (which other processes on a busy
// machine do not inflate as much); milliseconds.
function time(run: () => void): Timing {
  for (let i = 0, started = performance.now(); i < 5 && performance.now() - started < 300; i++) run()
  const times: number[] = []
  const cpuBefore = process.cpuUsage()
  for (const started = performance.now(); times.length < 3 || (times.length < 200 && performance.now() - started < 1000);) {
    const t = performance.now()
    run()
    times.push(performance.now() - t)
  }
  const cpu = process.cpuUsage(cpuBefore)
  times.sort((a, b) => a - b)
  return { median: times[times.length >> 1], max: times[times.length - 1], cpu: (cpu.user + cpu.system) / 1000 / times.length }
}

// app/statistics as it was before the bound, extracted from git into .cache/ (gitignored); null without that commit.
async function loadAnalyzeBefore(): Promise<typeof analyze | null> {
  const dir = path.resolve('.cache/statistics-before', BEFORE_COMMIT)
  const entry = path.join(dir, 'app/statistics/analyze.ts')
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true })
    const extract = spawnSync('sh', ['-c', `git archive ${BEFORE_COMMIT} app/statistics | tar -x -C "${dir}"`], { encoding: 'utf8' })
    if (extract.status !== 0) return null
  }
  return ((await import(pathToFileURL(entry).href)) as { analyze: typeof analyze }).analyze
}

async function runWorstCases(): Promise<WorstCase> {
  const before = await loadAnalyzeBefore()
  console.log(`\n-- worst cases, one analyze() each: wall-clock median and max over up to 1 s of repeats after warm-up, and CPU per call (ms)`)
  console.log(
    `   load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  )
  if (!before) console.log(`   (before: commit ${BEFORE_COMMIT.slice(0, 7)} is not in this clone's history)`)
  console.log(
    `${'case'.padEnd(54)} ${'before median'.padStart(13)} ${'max'.padStart(8)} ${'cpu'.padStart(8)} ${'after median'.padStart(13)} ${'max'.padStart(7)} ${'cpu'.padStart(6)} ${'ratio'.padStart(6)}`,
  )
  let worst = { case: buildWorstCases()[0], after: { median: 0, max: 0, cpu: 0 } }
  let worstBefore = 0
  for (const c of buildWorstCases()) {
    const input: AnalyzeInput = { variants: c.variants }
    const was = before ? time(() => before(input)) : null
    const now = time(() => analyze(input))
    if (now.cpu > worst.after.cpu) worst = { case: c, after: now }
    worstBefore = Math.max(worstBefore, was?.max ?? 0)
    const cells = [was?.median, was?.max, was?.cpu, now.median, now.max, now.cpu].map((v) => (v === undefined ? '–' : v.toFixed(2)))
    const ratio = was ? `${(was.median / now.median).toFixed(0)}×` : '–'
    console.log(
      `${c.name.padEnd(54)} ${cells[0].padStart(13)} ${cells[1].padStart(8)} ${cells[2].padStart(8)} ${cells[3].padStart(13)} ${cells[4].padStart(7)} ${cells[5].padStart(6)} ${ratio.padStart(6)}`,
    )
  }
  console.log(
    `costliest case after (by CPU): CPU ${worst.after.cpu.toFixed(2)} ms, median ${worst.after.median.toFixed(2)} ms, max ${worst.after.max.toFixed(2)} ms (${worst.case.name}); before, the slowest took ${before ? `${worstBefore.toFixed(0)} ms` : '–'}; target ≤ ~50 ms`,
  )
  return worst.case
}

type Latencies = { median: number; max: number }
const summarize = (values: number[]): Latencies => {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: sorted[sorted.length >> 1], max: sorted[sorted.length - 1] }
}

async function timeRequest(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, init)
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - started
}

// CPU time (user + system, all threads) the server process has used so far, from /proc; null elsewhere.
function readProcessCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND
  } catch {
    return null
  }
}

// The page's latency alone, then while 8 copies of a worst case are analysed: how long the event loop held
// it up. On a busy machine the wall-clock figures include waiting for a core, so the server's own CPU time per
// analysis (which is what blocks its event loop) is printed too.
async function measurePageDuringAnalyses(url: string, pid: number, worst: WorstCase): Promise<void> {
  const page = `${url}/tools/sample-size?baseline=5&mde=10`
  const post = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ variants: worst.variants }) }
  for (let i = 0; i < 20; i++) await Promise.all([timeRequest(page), timeRequest(`${url}/api/v1/analyze`, post)])
  const idle: number[] = []
  for (let i = 0; i < 30; i++) idle.push(await timeRequest(page))
  const busy: number[] = []
  const analyses: number[] = []
  const cpuBefore = readProcessCpuMs(pid)
  for (let round = 0; round < 30; round++) {
    const burst = Array.from({ length: 8 }, () => timeRequest(`${url}/api/v1/analyze`, post))
    busy.push(await timeRequest(page))
    analyses.push(...(await Promise.all(burst)))
  }
  const cpuAfter = readProcessCpuMs(pid)
  const [pageIdle, pageBusy, analyzeBusy] = [summarize(idle), summarize(busy), summarize(analyses)]
  console.log(`\nsent: ${worst.name}`)
  console.log(`GET /tools/sample-size alone:                  median ${pageIdle.median.toFixed(1)} ms, max ${pageIdle.max.toFixed(1)} ms (30 requests)`)
  console.log(`GET /tools/sample-size during 8 analyses:      median ${pageBusy.median.toFixed(1)} ms, max ${pageBusy.max.toFixed(1)} ms (30 rounds)`)
  console.log(`POST /api/v1/analyze, 8 at a time:             median ${analyzeBusy.median.toFixed(1)} ms, max ${analyzeBusy.max.toFixed(1)} ms (240 requests)`)
  if (cpuBefore !== null && cpuAfter !== null) {
    const perRequest = (cpuAfter - cpuBefore) / (analyses.length + busy.length)
    console.log(`server CPU per request in those rounds:        ${perRequest.toFixed(1)} ms, so 8 analyses ahead of a page hold it about ${(8 * perRequest).toFixed(0)} ms on an idle core`)
  }
}

async function runServerCase(cases: WorstCase[]): Promise<void> {
  console.log('\n-- a page request while 8 worst-case POST /api/v1/analyze run (production server, PostgreSQL)')
  if (process.env.STATISTICS_BENCH_SERVER === '0') return console.log('   skipped (STATISTICS_BENCH_SERVER=0)')
  if (!existsSync('build/server/index.js')) return console.log('   skipped: no production build (npm run build)')
  console.log(
    `   load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  )
  const benchDb = await createBenchDatabase('statistics')
  const server = await startServer({ DATABASE_URL: benchDb.url, SESSION_SECRET: 'b'.repeat(40), RATE_LIMITS: 'off' })
  try {
    // The very first one pays for compiling the statistics code (V8 starts it in the interpreter).
    const post = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ variants: cases[0].variants }) }
    const cpuBefore = readProcessCpuMs(server.proc.pid!)
    const first = await timeRequest(`${server.url}/api/v1/analyze`, post)
    const cpuAfter = readProcessCpuMs(server.proc.pid!)
    const cpu = cpuBefore === null || cpuAfter === null ? '' : `, ${(cpuAfter - cpuBefore).toFixed(0)} ms server CPU`
    console.log(`the first request after start (${cases[0].name}): ${first.toFixed(0)} ms${cpu}`)
    for (const worst of cases) await measurePageDuringAnalyses(server.url, server.proc.pid!, worst)
    console.log("before the bound (issue 14): 8 requests of the issue's case held the event loop about 15 s; a page waited 14.8 s")
  } finally {
    server.proc.kill('SIGTERM')
    await server.exited
    await benchDb.drop()
  }
}

runEverydayCases()
const costliest = await runWorstCases()
const issueCase = buildWorstCases()[0]
await runServerCase(costliest.name === issueCase.name ? [issueCase] : [issueCase, costliest])
