// Re-measures the statistics claims of app/statistics/README.md and docs/experiments.md against the default
// analysis, by seeded simulation through analyze() with exact binomial draws, and through analyzeMean() with
// zero-inflated lognormal deal values for the mean metric (pipeline per visitor). Prints one line per figure.
//
//   npx tsx scripts/statistics-claims.ts [runs] [section…]   (default 2,000 runs per figure: 18 minutes on the busy
//                                                   shared 2-core machine of 2026-12-06, load average about 20)
//   sections: rates, mean, aa, coverage (default all), e.g. `npx tsx scripts/statistics-claims.ts 2000 mean`

import { analyze, type AnalyzeInput } from '#app/statistics/analyze'
import { analyzeMean, computeMeanSampleSize } from '#app/statistics/mean'
import { addPipelineVisitors, describeDealModel, sampleNormal, type DealModel, type PipelineSums } from '#app/statistics/mean-simulate'
import { computeSampleSize } from '#app/statistics/sample-size'
import { DEFAULT_TUNING_VISITORS } from '#app/statistics/sequential'
import { createRandom, sampleBinomial } from '#app/statistics/simulate'

const runs = Number(process.argv[2] ?? 2000)
const sections = process.argv.slice(3)
const isChosen = (section: string) => sections.length === 0 || sections.includes(section)
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
  const sequentialPlan = computeSampleSize({ baselineRate, relativeMde, variants, ...(plan === 'none' ? { tuningVisitors: DEFAULT_TUNING_VISITORS } : {}) }).visitorsPerVariant
  const fixedPlan = computeSampleSize({ baselineRate, relativeMde, variants, sequential: false }).visitorsPerVariant
  const n = plan === 'fixed' ? fixedPlan : sequentialPlan
  const rates = Array.from({ length: variants }, (_, i) => (i === 1 ? baselineRate * (1 + relativeMde) : baselineRate))
  const options = plan === 'none' ? {} : { plannedVisitorsPerVariant: n }
  const hits = runLooks(seed, { rates, perLook: n / looks, looks, options }, isWinner('B'))
  console.log(`power, ${label}: ${percent(hits)} (${n.toLocaleString('en-US')} per variant, ${looks} looks, ${runs} runs)`)
}

/**
 * Power of analyzeMean's default decision on pipeline per visitor, read at 20 evenly spaced looks up to its plan:
 * `none` passes no plan (the sequence stays tuned at 5,000 visitors and the decision's own target is the implied
 * plan, solved for that tuning), `planned` passes the sequential plan (the sequence tuned at it), `before` passes
 * none and reads up to the plan solved as if the sequence were tuned at it (the implied plan before the fixed point).
 * `normal: true` draws normal per-visitor values with the same means and spreads (σ_t² = σ²(1 + mde)) instead: the
 * plan's own first-order model, without the skew of deal values, to tell the plan's error from the skew's.
 */
function measureMeanPower(
  label: string,
  control: DealModel,
  relativeMde: number,
  { plan, seed, looks = 20, normal = false }: { plan: 'none' | 'planned' | 'before'; seed: number; looks?: number; normal?: boolean },
) {
  const truth = describeDealModel(control)
  const input = { mean: truth.mean, standardDeviation: truth.standardDeviation, relativeMde }
  const n = computeMeanSampleSize(plan === 'none' ? { ...input, tuningVisitors: DEFAULT_TUNING_VISITORS } : input).visitorsPerVariant
  // The lift comes from more visitors bringing deals of the same sizes, the plan's assumption.
  const treatment = { ...control, dealRate: control.dealRate * (1 + relativeMde) }
  const options = plan === 'planned' ? { plannedVisitorsPerVariant: n } : {}
  const random = createRandom(seed)
  let hits = 0
  for (let run = 0; run < runs; run++) {
    const [a, b] = ['A', 'B'].map((key): PipelineSums & { key: string } => ({ key, visitors: 0, total: 0, sumOfSquares: 0 }))
    for (let look = 1; look <= looks; look++) {
      const added = Math.round((look * n) / looks) - a.visitors
      if (normal) {
        addNormalVisitors(random, a, added, truth.mean, truth.standardDeviation)
        addNormalVisitors(random, b, added, truth.mean * (1 + relativeMde), truth.standardDeviation * Math.sqrt(1 + relativeMde))
      } else {
        addPipelineVisitors(random, a, added, control)
        addPipelineVisitors(random, b, added, treatment)
      }
      const { decision } = analyzeMean({ variants: [a, b], ...options })
      if (decision.status === 'winner' && decision.variant === 'B') {
        hits++
        break
      }
    }
  }
  console.log(`power, pipeline ${label}: ${percent(hits)} (${n.toLocaleString('en-US')} per variant, ${looks} looks, ${runs} runs)`)
}

/** Sums of `visitors` normal values: the total exactly normal, the spread about it (n − 1)s² ≈ σ²·χ²ₙ₋₁ by its normal approximation. */
function addNormalVisitors(random: () => number, sums: PipelineSums, visitors: number, mean: number, sd: number): void {
  const total = visitors * mean + Math.sqrt(visitors) * sd * sampleNormal(random)
  const spread = sd * sd * Math.max(0, visitors - 1 + Math.sqrt(2 * (visitors - 1)) * sampleNormal(random))
  sums.visitors += visitors
  sums.total += total
  sums.sumOfSquares += spread + (total * total) / visitors
}

const started = Date.now()
if (isChosen('rates')) {
  console.log(`# power of the default (sequential) analysis at the plan`)
  measurePower('5% → +10% (the issue), sequential plan', 0.05, 0.1, { seed: 11 })
  measurePower('10% → +20%, sequential plan', 0.1, 0.2, { seed: 12 })
  measurePower('2% → +20%, sequential plan', 0.02, 0.2, { seed: 13 })
  measurePower('30% → +5%, sequential plan', 0.3, 0.05, { seed: 14 })
  measurePower('10% → +20%, 3 variants (one lifted), sequential plan', 0.1, 0.2, { variants: 3, seed: 15 })
  measurePower('5% → +10%, sequential plan read once, at the end', 0.05, 0.1, { looks: 1, seed: 16 })
  measurePower('5% → +10%, sequential plan read 100 times', 0.05, 0.1, { looks: 100, seed: 17 })
  measurePower('5% → +10%, the fixed-horizon plan under the default analysis (before issue 16)', 0.05, 0.1, { plan: 'fixed', seed: 18 })
  measurePower('5% → +10%, no plan given (analysis tuned at 5,000 visitors), read up to the default plan solved for that tuning', 0.05, 0.1, { plan: 'none', seed: 19 })
}

if (isChosen('mean')) {
  console.log(`# power of the default (sequential) analysis of pipeline per visitor (lognormal deal values, ln value ~ N(6, σ_log²))`)
  const fivePercentDeals = { dealRate: 0.05, logMean: 6, logSd: 1 }
  const threePercentDeals = { dealRate: 0.03, logMean: 6, logSd: 1.5 }
  measureMeanPower('5% with deals, σ_log 1.0, +20%, sequential plan', fivePercentDeals, 0.2, { plan: 'planned', seed: 41 })
  measureMeanPower('5% with deals, σ_log 1.0, +20%, no plan given (tuned at 5,000), read up to the implied plan solved for that tuning', fivePercentDeals, 0.2, { plan: 'none', seed: 42 })
  measureMeanPower('5% with deals, σ_log 1.0, +20%, no plan given, read up to the implied plan as it was before the fixed point', fivePercentDeals, 0.2, { plan: 'before', seed: 42 })
  measureMeanPower('5% with deals, σ_log 1.0, +10%, no plan given, read up to the implied plan', fivePercentDeals, 0.1, { plan: 'none', seed: 43 })
  measureMeanPower('3% with deals, σ_log 1.5, +30%, sequential plan', threePercentDeals, 0.3, { plan: 'planned', seed: 45 })
  measureMeanPower('30% with deals, σ_log 0.3, +10%, sequential plan', { dealRate: 0.3, logMean: 6, logSd: 0.3 }, 0.1, { plan: 'planned', seed: 46 })
  measureMeanPower('5% with deals, σ_log 1.0, +30%, sequential plan', fivePercentDeals, 0.3, { plan: 'planned', seed: 47 })
  measureMeanPower('3% with deals, σ_log 1.5, +30%, no plan given, read up to the implied plan', threePercentDeals, 0.3, { plan: 'none', seed: 44 })
  for (const [name, model, mde, seed] of [
    ['5% with deals, σ_log 1.0, +20%', fivePercentDeals, 0.2, 48],
    ['3% with deals, σ_log 1.5, +30%', threePercentDeals, 0.3, 49],
    ['30% with deals, σ_log 0.3, +10%', { dealRate: 0.3, logMean: 6, logSd: 0.3 }, 0.1, 50],
  ] as const) {
    measureMeanPower(`${name}, sequential plan, normal values with the same means and spreads`, model, mde, { plan: 'planned', seed, normal: true })
  }
  measureMeanPower('3% with deals, σ_log 1.5, +30%, no plan given, read up to the implied plan as it was before the fixed point', threePercentDeals, 0.3, { plan: 'before', seed: 44 })
}

if (isChosen('aa')) {
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
}

if (isChosen('coverage')) {
  console.log(`# coverage of a true +20% lift (10% vs 12%, 2,000 per variant, one look)`)
  const random = createRandom(31)
  let [covered, sequentialCovered] = [0, 0]
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
}
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`)
