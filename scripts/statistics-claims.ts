// Re-measures the statistics claims of app/statistics/README.md and docs/experiments.md against the default
// analysis, by seeded simulation through analyze() with exact binomial draws, and through analyzeMean() with
// zero-inflated lognormal deal values for the mean metric (pipeline per visitor). Prints one line per figure.
//
//   npx tsx scripts/statistics-claims.ts [runs] [section…]   (default 2,000 runs per figure: 18 minutes on the busy
//                                                   shared 2-core machine of 2026-12-06, load average about 20)
//   sections: rates, mean, skew, stages, aa, coverage (default all), e.g. `npx tsx scripts/statistics-claims.ts 2000 mean`

import { analyze, type AnalyzeInput } from '#app/statistics/analyze'
import { analyzeMean, computeMeanSampleSize } from '#app/statistics/mean'
import { addPipelineVisitors, describeDealModel, sampleNormal, type DealModel, type PipelineSums } from '#app/statistics/mean-simulate'
import { computeSampleSize } from '#app/statistics/sample-size'
import { DEFAULT_TUNING_VISITORS } from '#app/statistics/sequential'
import { computeLookBoundaries, computeSequentialPower, PLANNED_LOOKS } from '#app/statistics/sequential-power'
import { createRandom, sampleBinomial } from '#app/statistics/simulate'
import { MIN_STAGE_VISITORS } from '#app/experiments/stage-plan'

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
 * `trueSpread: true` keeps the deal values but hands analyzeMean each arm's true variance in place of the sample one
 * (Σx² set so that the sample variance is exactly σ²): it tells the skew of the means from the studentisation by
 * a heavy-tailed sample variance (decision 065, "Skew").
 * `shape: true` plans with the deal values' shape as history gives it (share with a deal, σ_log; decision 078).
 */
function measureMeanPower(
  label: string,
  control: DealModel,
  relativeMde: number,
  {
    plan,
    seed,
    looks = 20,
    normal = false,
    trueSpread = false,
    shape = false,
  }: { plan: 'none' | 'planned' | 'before'; seed: number; looks?: number; normal?: boolean; trueSpread?: boolean; shape?: boolean },
) {
  const truth = describeDealModel(control)
  const input = { mean: truth.mean, standardDeviation: truth.standardDeviation, relativeMde, ...(shape ? { dealShape: { dealRate: control.dealRate, logSd: control.logSd } } : {}) }
  const n = computeMeanSampleSize(plan === 'none' ? { ...input, tuningVisitors: DEFAULT_TUNING_VISITORS } : input).visitorsPerVariant
  // The lift comes from more visitors bringing deals of the same sizes, the plan's assumption.
  const treatment = { ...control, dealRate: control.dealRate * (1 + relativeMde) }
  const options = plan === 'planned' ? { plannedVisitorsPerVariant: n } : {}
  const random = createRandom(seed)
  const treatmentVariance = describeDealModel(treatment).standardDeviation ** 2
  // The sums with Σx² replaced so that the sample variance is the true one: (n − 1)σ² + (Σx)²/n.
  const withTrueSpread = (sums: PipelineSums & { key: string }, variance: number) =>
    trueSpread ? { ...sums, sumOfSquares: (sums.visitors - 1) * variance + (sums.total * sums.total) / sums.visitors } : sums
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
      const variants = [withTrueSpread(a, truth.standardDeviation ** 2), withTrueSpread(b, treatmentVariance)]
      const { decision } = analyzeMean({ variants, ...options })
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

/**
 * What the first-order Edgeworth expansion (Hall 1992, §2.4) says the deal values' skew does to the planned mean's
 * power: deterministic, no draws. The deciding statistic is T = √n·A(Z̄), Z = (x_t, x_t², x_c, x_c²) one visitor
 * of each arm, A(z) = (z₁ − z₃)/√(z₂ − z₁² + (z₄ − z₃²)(z₁/z₃)²) (the relative z, R̂ = z₁/z₃). With a_i, a_ij the
 * derivatives of A at the true moments, μ_ij and μ_ijk the central moments of Z and s² = Σa_i a_j μ_ij:
 * P((T − √n·A)/s ≤ y) ≈ Φ(y) − n^(−1/2)·[k₁ + k₃(y² − 1)/6]·φ(y), k₁ = ½Σa_ij μ_ij/s,
 * k₃ = (Σa_i a_j a_k μ_ijk + 3Σa_i a_j a_kl μ_ik μ_jl)/s³. Each look's boundary (in units of s) moves down by that
 * bracket at n_k visitors, and the path integration of sequential-power.ts gives the power. Printed: the power with
 * no Edgeworth term; with the term for normal values; with the deal values' third moment μ₃ = E(x − m)³ alone
 * (in μ₁₁₁ and Cov(x, x²), the rest as for normal values: the term a skewness input would add); and with all the
 * deal values' moments (up to E x⁶, which the x² components bring in), with s and k₃/√n at the plan: where those
 * are far from 1 and 0 the expansion says nothing.
 */
function predictMeanPowerWithSkew(label: string, control: DealModel, relativeMde: number) {
  const truth = describeDealModel(control)
  const n = computeMeanSampleSize({ mean: truth.mean, standardDeviation: truth.standardDeviation, relativeMde }).visitorsPerVariant
  const models = [{ ...control, dealRate: control.dealRate * (1 + relativeMde) }, control]
  const raw = (model: DealModel, k: number) => (k === 0 ? 1 : model.dealRate * Math.exp(k * model.logMean + (k * k * model.logSd * model.logSd) / 2))
  const at = models.flatMap((model) => [raw(model, 1), raw(model, 2)])
  const statistic = (z: number[]) => (z[0] - z[2]) / Math.sqrt(z[1] - z[0] ** 2 + (z[3] - z[2] ** 2) * (z[0] / z[2]) ** 2)
  const h = at.map((value) => value * 1e-4)
  const idx = at.map((_, i) => i)
  const moved = (moves: [number, number][]) => statistic(at.map((value, i) => value + moves.reduce((sum, [j, m]) => sum + (j === i ? m * h[i] : 0), 0)))
  const a = idx.map((i) => (moved([[i, 1]]) - moved([[i, -1]])) / (2 * h[i]))
  const aa = idx.map((i) =>
    idx.map(
      (j) =>
        (moved([
          [i, 1],
          [j, 1],
        ]) -
          moved([
            [i, 1],
            [j, -1],
          ]) -
          moved([
            [i, -1],
            [j, 1],
          ]) +
          moved([
            [i, -1],
            [j, -1],
          ])) /
        (4 * h[i] * h[j]),
    ),
  )
  const binomial = (top: number, k: number) => Array.from({ length: k }, (_, i) => (top - i) / (i + 1)).reduce((product, x) => product * x, 1)
  // E[(x − m)^r (x² − E x²)^s] of one arm, from its raw moments.
  const central = (model: DealModel, r: number, s: number) => {
    let total = 0
    for (let i = 0; i <= r; i++) {
      for (let j = 0; j <= s; j++) total += binomial(r, i) * binomial(s, j) * raw(model, i + 2 * j) * (-raw(model, 1)) ** (r - i) * (-raw(model, 2)) ** (s - j)
    }
    return total
  }
  // The central moment of the components `which` (all of one arm, else 0): x for even indices, x² for odd.
  const momentOf = (which: number[], mode: 'normal' | 'skew' | 'all') => {
    const side = Math.floor(which[0] / 2)
    if (which.some((i) => Math.floor(i / 2) !== side)) return 0
    const model = models[side]
    const [m, variance] = [raw(model, 1), raw(model, 2) - raw(model, 1) ** 2]
    const [r, s] = [which.filter((i) => i % 2 === 0).length, which.filter((i) => i % 2 === 1).length]
    if (mode === 'all') return central(model, r, s)
    const mu3 = mode === 'skew' ? central(model, 3, 0) : 0
    if (which.length === 3) return r === 3 ? mu3 : 0
    return r === 2 ? variance : r === 1 ? mu3 + 2 * m * variance : 2 * variance ** 2 + 4 * m * m * variance
  }
  const boundaries = computeLookBoundaries({ alpha: 0.05, comparisonAlpha: 0.05, looks: PLANNED_LOOKS })
  const predict = (mode: 'none' | 'normal' | 'skew' | 'all') => {
    const moments = mode === 'none' ? 'normal' : mode
    const cov = (i: number, j: number) => momentOf([i, j], moments)
    const sum = (f: (i: number, j: number) => number) => idx.reduce((total, i) => total + idx.reduce((t, j) => t + f(i, j), 0), 0)
    const s = Math.sqrt(sum((i, j) => a[i] * a[j] * cov(i, j)))
    const k1 = mode === 'none' ? 0 : sum((i, j) => 0.5 * aa[i][j] * cov(i, j)) / s
    const k3 =
      mode === 'none'
        ? 0
        : sum((i, j) => idx.reduce((t, k) => t + a[i] * a[j] * a[k] * momentOf([i, j, k], moments) + 3 * a[i] * a[j] * idx.reduce((u, l) => u + aa[k][l] * cov(i, k) * cov(j, l), 0), 0)) / s ** 3
    const drift = (Math.sqrt(n) * statistic(at)) / s
    const shifted = boundaries.map((boundary, look) => {
      const t = (look + 1) / PLANNED_LOOKS
      const y = boundary / s - drift * Math.sqrt(t)
      return boundary / s - (k1 + (k3 * (y * y - 1)) / 6) / Math.sqrt(n * t)
    })
    return `${(100 * computeSequentialPower(drift, shifted)).toFixed(1)}%${mode === 'all' ? ` (s ${s.toFixed(2)}, k₃/√n ${(k3 / Math.sqrt(n)).toPrecision(3)})` : ''}`
  }
  console.log(
    `model, pipeline ${label}: ${predict('none')} without an Edgeworth term, ${predict('normal')} with it for normal values, ` +
      `${predict('skew')} with the deal values' μ₃, ${predict('all')} with all their moments (${n.toLocaleString('en-US')} per variant)`,
  )
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
  for (const [name, model, mde] of [
    ['5% with deals, σ_log 1.0, +20%', fivePercentDeals, 0.2],
    ['3% with deals, σ_log 1.5, +30%', threePercentDeals, 0.3],
    ['30% with deals, σ_log 0.3, +10%', { dealRate: 0.3, logMean: 6, logSd: 0.3 }, 0.1],
    ['5% with deals, σ_log 1.0, +30%', fivePercentDeals, 0.3],
  ] as const) {
    predictMeanPowerWithSkew(name, model, mde)
  }
  // The same deal values, studentised by the true variance instead of the sample one (seeds as the planned lines above).
  measureMeanPower('3% with deals, σ_log 1.5, +30%, sequential plan, true variance in place of the sample one', threePercentDeals, 0.3, { plan: 'planned', seed: 45, trueSpread: true })
  measureMeanPower('5% with deals, σ_log 1.0, +20%, sequential plan, true variance in place of the sample one', fivePercentDeals, 0.2, { plan: 'planned', seed: 41, trueSpread: true })
}

if (isChosen('skew')) {
  console.log(`# the sequential mean plan with the deal values' shape (decision 078), against the plan from the mean and spread alone`)
  for (const [name, model, mde, seed] of [
    ['3% with deals, σ_log 1.5, +30%', { dealRate: 0.03, logMean: 6, logSd: 1.5 }, 0.3, 61],
    ['10% with deals, σ_log 1.5, +20%', { dealRate: 0.1, logMean: 6, logSd: 1.5 }, 0.2, 62],
    ['5% with deals, σ_log 2.0, +30%', { dealRate: 0.05, logMean: 6, logSd: 2 }, 0.3, 63],
    ['5% with deals, σ_log 1.25, +30%', { dealRate: 0.05, logMean: 6, logSd: 1.25 }, 0.3, 64],
  ] as const) {
    measureMeanPower(`${name}, sequential plan with the shape`, model, mde, { plan: 'planned', seed, shape: true })
    measureMeanPower(`${name}, sequential plan without it`, model, mde, { plan: 'planned', seed })
  }
}

/**
 * A stage metric (hot … customer) is one binary outcome per visitor, planned as a rate. The form plans it at the 5%
 * fallback (it measures no stage rates); the power at that plan when the stage's true rate is another, against the
 * plan at the true rate, as a stage history would give it.
 */
function measureStagePower(label: string, trueRate: number, planRate: number, relativeMde: number, seed: number) {
  const n = computeSampleSize({ baselineRate: planRate, relativeMde }).visitorsPerVariant
  const rates = [trueRate, trueRate * (1 + relativeMde)]
  const hits = runLooks(seed, { rates, perLook: n / 20, looks: 20, options: { plannedVisitorsPerVariant: n } }, isWinner('B'))
  console.log(`power, stage ${label}: ${percent(hits)} (${n.toLocaleString('en-US')} per variant, 20 looks, ${runs} runs)`)
}

/**
 * A stage metric planned as the create form and the API plan it (decision 082): at the rate of a history of
 * `historyVisitors` mature visitors, drawn anew for each experiment, so the plan carries the history's own error;
 * histories with fewer than MIN_STAGE_VISITORS at the stage give no plan and are left out (the marketer types one).
 */
function measureStagePowerFromHistory(label: string, trueRate: number, historyVisitors: number, relativeMde: number, seed: number) {
  const random = createRandom(seed)
  const plans = new Map<number, number>()
  let hits = 0
  let planned = 0
  for (let run = 0; run < runs; run++) {
    const reached = sampleBinomial(random, historyVisitors, trueRate)
    if (reached < MIN_STAGE_VISITORS) continue
    planned++
    const n = plans.get(reached) ?? computeSampleSize({ baselineRate: reached / historyVisitors, relativeMde }).visitorsPerVariant
    plans.set(reached, n)
    const rates = [trueRate, trueRate * (1 + relativeMde)]
    const arms = rates.map((_, i) => ({ key: String.fromCharCode(65 + i), visitors: 0, conversions: 0 }))
    for (let look = 1; look <= 20; look++) {
      const added = Math.round((look * n) / 20) - arms[0]!.visitors
      arms.forEach((arm, i) => {
        arm.visitors += added
        arm.conversions += sampleBinomial(random, added, rates[i]!)
      })
      if (isWinner('B')(analyze({ variants: arms, plannedVisitorsPerVariant: n }))) {
        hits++
        break
      }
    }
  }
  const share = hits / planned
  console.log(
    `power, stage ${label}, planned from a history of ${historyVisitors.toLocaleString('en-US')} mature visitors: ${(100 * share).toFixed(1)}% ± ${(100 * Math.sqrt((share * (1 - share)) / planned)).toFixed(1)} (${planned} of ${runs} histories planned, 20 looks)`,
  )
}

if (isChosen('stages')) {
  console.log(`# stage metrics: +20% lift, the plan from a history of the page's mature visitors (decision 082), expecting 150 at the stage`)
  for (const [stage, rate, seed] of [
    ['hot at 15%', 0.15, 91],
    ['mql at 5%', 0.05, 92],
    ['sql at 2%', 0.02, 93],
    ['customer at 0.5%', 0.005, 94],
  ] as const)
    measureStagePowerFromHistory(stage, rate, Math.round(150 / rate), 0.2, seed)
  console.log(`# stage metrics: +20% lift, the plan from the 5% fallback against the plan from the true rate`)
  for (const [stage, rate, seed] of [
    ['hot at 15%', 0.15, 71],
    ['mql at 5%', 0.05, 72],
    ['sql at 2%', 0.02, 73],
    ['customer at 0.5%', 0.005, 74],
  ] as const) {
    measureStagePower(`${stage}, planned at the 5% fallback`, rate, 0.05, 0.2, seed)
    measureStagePower(`${stage}, planned at its own rate`, rate, rate, 0.2, seed + 10)
  }
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
