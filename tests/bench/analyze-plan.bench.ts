// The CPU analyze() spends on the requests the fuzz test sends (app/statistics/analyze.test.ts, "1,500 random
// requests"): random confidences, variant counts, plans or none, sequential or not. Each confidence and variant count
// is new to the drift cache, so this is the cold cost the tests and a server meet, which the everyday cases of
// statistics.bench.ts (one confidence, warm cache) do not show. "Before" is app/statistics at BEFORE_COMMIT,
// extracted from git into .cache/ (gitignored). Each side runs in a fresh process, several times, alternating.
// Run: npx tsx tests/bench/analyze-plan.bench.ts [runs]. Figures are printed, never asserted.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AnalyzeInput, analyze as Analyze } from '#app/statistics/analyze'
import { createRandom } from '#app/statistics/simulate'

// main before issue 15's last cut: the default plan worked out on every call (decision.ts).
const BEFORE_COMMIT = '9cb8808'

// The fuzz test's generator, draw for draw.
function buildFuzzInputs(): AnalyzeInput[] {
  const random = createRandom(2024)
  const drawCounts = () => {
    const visitors = [0, 1, 2, 3, 10, 100, 1000, 123_457, 1_000_000, 10_000_000][Math.floor(random() * 10)]
    const mode = random()
    const conversions = mode < 0.2 ? 0 : mode < 0.4 ? visitors : Math.floor(visitors * random() * random())
    return { visitors, conversions }
  }
  return Array.from({ length: 1500 }, () => {
    const count = random() < 0.05 ? 20 : 2 + Math.floor(random() * 4)
    const variants = Array.from({ length: count }, (_, i) => ({ key: `V${i}`, ...drawCounts() }))
    const raw = variants.map(() => 0.2 + random())
    return {
      variants,
      control: random() < 0.3 ? `V${Math.floor(random() * count)}` : undefined,
      confidence: random() < 0.5 ? undefined : 0.5001 + random() * 0.4997,
      weights: random() < 0.3 ? raw.map((w) => w / raw.reduce((s, x) => s + x, 0)) : undefined,
      sequential: random() < 0.7,
      plannedVisitorsPerVariant: random() < 0.5 ? undefined : [100, 5000, 1e9][Math.floor(random() * 3)],
      dailyVisitors: random() < 0.5 ? undefined : 1 + random() * 10_000,
    }
  })
}

async function loadAnalyze(side: string): Promise<typeof Analyze> {
  if (side === 'after') return (await import('#app/statistics/analyze')).analyze
  const dir = path.resolve('.cache/statistics-before', BEFORE_COMMIT)
  const entry = path.join(dir, 'app/statistics/analyze.ts')
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true })
    const extract = spawnSync('sh', ['-c', `git archive ${BEFORE_COMMIT} app/statistics | tar -x -C "${dir}"`], { encoding: 'utf8' })
    if (extract.status !== 0) throw new Error(`cannot extract ${BEFORE_COMMIT}: ${extract.stderr}`)
  }
  return ((await import(pathToFileURL(entry).href)) as { analyze: typeof Analyze }).analyze
}

// One side in this process: CPU milliseconds for the 1,500 requests, and the JSON of every result for the comparison.
async function measureSide(side: string): Promise<void> {
  const analyze = await loadAnalyze(side)
  const inputs = buildFuzzInputs()
  const before = process.cpuUsage()
  const results = inputs.map((input) => analyze(input))
  const cpu = process.cpuUsage(before)
  const digest = (await import('node:crypto')).createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 16)
  console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, digest }))
}

function runSide(side: string): { cpuMs: number; digest: string } {
  const child = spawnSync('npx', ['tsx', 'tests/bench/analyze-plan.bench.ts', '--side', side], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(child.stderr)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!)
}

if (process.argv[2] === '--side') {
  await measureSide(process.argv[3])
} else {
  const runs = Number(process.argv[2] ?? 3)
  console.log(`analyze on the fuzz test's 1,500 requests, cold cache, ${runs} fresh processes per side; load average ${loadavg()[0].toFixed(1)}`)
  const times: Record<string, number[]> = { before: [], after: [] }
  const digests = new Set<string>()
  for (let i = 0; i < runs; i++) {
    for (const side of ['before', 'after']) {
      const { cpuMs, digest } = runSide(side)
      times[side].push(cpuMs)
      digests.add(digest)
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]
  for (const side of ['before', 'after'])
    console.log(`${side.padEnd(6)} (${side === 'before' ? BEFORE_COMMIT : 'this tree'}): median ${median(times[side]).toFixed(0)} ms of CPU (${times[side].map((t) => t.toFixed(0)).join(', ')})`)
  console.log(digests.size === 1 ? 'the same 1,500 results, bit for bit, on both sides' : `the results DIFFER between the sides (${[...digests].join(', ')})`)
}
