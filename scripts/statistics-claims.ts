// Re-measures the statistics claims of app/statistics/README.md and docs/experiments.md against the default
// analysis, by seeded simulation through analyze() with exact binomial draws. Prints one line per figure.
//
//   npx tsx scripts/statistics-claims.ts [runs]      (default 2,000 runs per figure: 18 minutes on the busy shared
//                                                   2-core machine of 2026-12-06, load average about 20)

import { analyze, type AnalyzeInput } from '#app/statistics/analyze'
import { computeSampleSize } from '#app/statistics/sample-size'
import { createRandom, sampleBinomial } from '#app/statistics/simulate'

const runs = Number(process.argv[2] ?? 2000)
const percent = (hits: number) => `${((100 * hits) / runs).toFixed(1)}% ± ${(100 * Math.sqrt(((hits / runs) * (1 - hits / runs)) / runs)).toFixed(1)}`

type Setting = { rates: number[]; perLook: number; looks: number; options?: Omit<AnalyzeInput, 'variants'> }

/** Share of runs whose decision names a winner at some look (stopping there), and which one. */
function runLooks(seed: number, { rates, perLook, looks, options = {} }: Setting, stop: (analysis: ReturnType<typeof analyze>) => boolean): number {
  const random = createRandom(seed)
  let hits = 0
  for (let run = 0; run < runs; run++) {
    const arms = rates.map((_, i) => ({ key: String.fromCharCode(65 + i), visitors: 0, conversions: 0 }))
    for (let look = 1; look <= looks; look++) {
      const added = Math.round(look * perLook) - arms[0].visitors
      arms.forEach((arm, i) => {
        arm.visitors += added
        arm.conversions += sampleBinomial(random, added, rates[i])
      })
      if (stop(analyze({ variants: arms, ...options }))) {
        hits++
        break
      }
    }
  }
  return hits
}

const isWinner = (key: string) => (a: ReturnType<typeof analyze>) => a.decision.status === 'winner' && a.decision.variant === key
const anyWinner = (a: ReturnType<typeof analyze>) => a.decision.status === 'winner'

function measurePower(label: string, baselineRate: number, relativeMde: number, { variants = 2, looks = 20, plan = 'sequential' as 'sequential' | 'fixed' | 'none', seed = 1 } = {}) {
  const sequentialPlan = computeSampleSize({ baselineRate, relativeMde, variants }).visitorsPerVariant
  const fixedPlan = computeSampleSize({ baselineRate, relativeMde, variants, sequential: false }).visitorsPerVariant
  const n = plan === 'fixed' ? fixedPlan : sequentialPlan
  const rates = Array.from({ length: variants }, (_, i) => (i === 1 ? baselineRate * (1 + relativeMde) : baselineRate))
  const options = plan === 'none' ? {} : { plannedVisitorsPerVariant: n }
  const hits = runLooks(seed, { rates, perLook: n / looks, looks, options }, isWinner('B'))
  console.log(`power, ${label}: ${percent(hits)} (${n.toLocaleString('en-US')} per variant, ${looks} looks, ${runs} runs)`)
}

const started = Date.now()
console.log(`# power of the default (sequential) analysis at the plan`)
measurePower('5% → +10% (the issue), sequential plan', 0.05, 0.1, { seed: 11 })
measurePower('10% → +20%, sequential plan', 0.1, 0.2, { seed: 12 })
measurePower('2% → +20%, sequential plan', 0.02, 0.2, { seed: 13 })
measurePower('30% → +5%, sequential plan', 0.3, 0.05, { seed: 14 })
measurePower('10% → +20%, 3 variants (one lifted), sequential plan', 0.1, 0.2, { variants: 3, seed: 15 })
measurePower('5% → +10%, sequential plan read once, at the end', 0.05, 0.1, { looks: 1, seed: 16 })
measurePower('5% → +10%, sequential plan read 100 times', 0.05, 0.1, { looks: 100, seed: 17 })
measurePower('5% → +10%, the fixed-horizon plan under the default analysis (before issue 16)', 0.05, 0.1, { plan: 'fixed', seed: 18 })
measurePower('5% → +10%, no plan given (analysis tuned at 5,000 visitors), read up to the default plan', 0.05, 0.1, { plan: 'none', seed: 19 })

console.log(`# A/A false winners, 10% rate, 250 visitors per variant per look`)
for (const [looks, options] of [
  [20, { plannedVisitorsPerVariant: 5000 }],
  [20, {}],
  [200, { plannedVisitorsPerVariant: 50000 }],
] as const) {
  const hits = runLooks(21, { rates: [0.1, 0.1], perLook: 250, looks, options }, anyWinner)
  console.log(`A/A, ${looks} looks, ${'plannedVisitorsPerVariant' in options ? 'with a plan' : 'no plan'}: false winners ${percent(hits)}`)
}
const naive = runLooks(22, { rates: [0.1, 0.1], perLook: 250, looks: 20, options: { plannedVisitorsPerVariant: 5000 } }, (a) => a.variants[1].vsControl!.pValue! < 0.05)
console.log(`A/A, 20 looks, naive "stop at the first p < 0.05": ${percent(naive)}`)

console.log(`# coverage of a true +20% lift (10% vs 12%, 2,000 per variant, one look)`)
const random = createRandom(31)
let covered = 0
let sequentialCovered = 0
for (let run = 0; run < runs; run++) {
  const variants = [
    { key: 'A', visitors: 2000, conversions: sampleBinomial(random, 2000, 0.1) },
    { key: 'B', visitors: 2000, conversions: sampleBinomial(random, 2000, 0.12) },
  ]
  const vs = analyze({ variants }).variants[1].vsControl!
  if (vs.relativeLiftCi![0] <= 0.2 && 0.2 <= vs.relativeLiftCi![1]) covered++
  if (vs.sequentialRelativeLiftCi![0] <= 0.2 && 0.2 <= vs.sequentialRelativeLiftCi![1]) sequentialCovered++
}
console.log(`coverage: Katz ${percent(covered)}, sequential ${percent(sequentialCovered)}`)
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`)
