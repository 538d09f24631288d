// How much heavily skewed deal values lift the mean metric's deciding statistic at the plan. The analysis divides by
// the sample variance (studentisation), and with a few thousand lognormal deals of σ_log 1.5 that variance rests on
// its few largest deals: it usually runs below the true one, now and then far above, so the typical z runs above the
// drift the plan solved for, and a plan from the mean and the spread alone over-delivered (83–85% for a stated 80%,
// decision 078). A mean and a spread cannot reveal this; the share of visitors with a deal and the spread of
// ln(deal value) can, and this module turns them into the typical lift of z for the plan to divide out.

import { normalCdf, normalQuantile, normalSurvival } from './normal'
import { sampleNormal } from './mean-simulate'
import { createRandom, sampleBinomial } from './simulate'

/** The shape of the deal values: the share of visitors with a deal, and the standard deviation of ln(deal value). */
export type DealShape = { dealRate: number; logSd: number }

/**
 * Experiments drawn per estimate. The lift is a ratio of two medians taken on the same draws, so their noise
 * largely cancels: at σ_log 1.5 two seeds differ by about 0.002 in the lift (0.4% of the plan).
 */
const DRAWS = 1000
/** Fixed, so a plan is the same number on the form, in the API and in the tests. */
const SEED = 20261206
/** Deals drawn one by one per arm (expected); the rest, the body below them, enter through their sums. */
const TAIL_DEALS = 40

/**
 * The typical z of the statistic that decides (relative for a gain, absolute for a loss) at `visitorsPerVariant`,
 * studentised by the sample variances as the analysis does, over the same z with the true variances: the median of
 * each across DRAWS seeded experiments with the same means. 1 for values without skew, about 1.05 for 3% with deals,
 * σ_log 1.5, at its plan. The scale of the deal values cancels in both z's, so ln(deal value) ~ N(0, logSd²) here.
 */
export function estimateStudentisedLift({ dealRate, logSd }: DealShape, relativeMde: number, visitorsPerVariant: number): number {
  const treatment = { dealRate: Math.min(1, dealRate * (1 + relativeMde)), logSd }
  const control = { dealRate, logSd }
  const trueVariances = [describeShape(treatment), describeShape(control)].map((m) => m.second - m.first ** 2)
  const draw = [createArmSampler(treatment, visitorsPerVariant), createArmSampler(control, visitorsPerVariant)]
  const random = createRandom(SEED)
  const studentised = new Float64Array(DRAWS)
  const oracle = new Float64Array(DRAWS)
  const n = visitorsPerVariant
  for (let i = 0; i < DRAWS; i++) {
    const [t, c] = draw.map((sample) => sample(random))
    const [meanT, meanC] = [t.total / n, c.total / n]
    const sampleVariances = [(t.sumOfSquares - t.total * meanT) / (n - 1), (c.sumOfSquares - c.total * meanC) / (n - 1)]
    const z = (variances: number[]) => {
      if (relativeMde < 0) return (meanT - meanC) / Math.sqrt((variances[0] + variances[1]) / n)
      const ratio = meanT / meanC
      return (ratio - 1) / (Math.sqrt((variances[0] + ratio * ratio * variances[1]) / n) / meanC)
    }
    studentised[i] = z(sampleVariances)
    oracle[i] = z(trueVariances)
  }
  const lift = median(studentised) / median(oracle)
  // A run without deals in an arm leaves no ratio; such a plan is too small for skew to matter.
  return Number.isFinite(lift) && lift > 0 ? lift : 1
}

/**
 * Below this relative variance of the sample variance at the plan (≈ the per-visitor kurtosis e^(4σ²)/p over n),
 * the lift stays within 1% of 1 on a grid of shapes (σ_log 0.75–1.5, 1–20% with deals, +10–30%), inside the
 * estimate's own noise: the plan then skips it, which keeps it cheap and leaves moderately spread deal values'
 * plans exactly as they were.
 */
const NEGLIGIBLE_SPREAD_NOISE = 0.1
/** The lift depends on the plan and the plan on the lift; a few steps of the fixed point settle it. */
const FIXED_POINT_STEPS = 3
/**
 * Beyond these the lift is no correction but a sign that the plan has too few deals for any normal approximation
 * (the analysis's included); the plan then moves by at most this much.
 */
const [MIN_LIFT, MAX_LIFT] = [0.9, 1.2]

/**
 * The plan when the deal values' skew lifts the deciding z by a typical factor g: the drift the statistic must reach
 * is then the one solved for ÷ g, and `planFor(g)` is that plan. g depends on the plan (fewer deals, more skew in
 * the sample variance), so the plan is the fixed point n ↦ planFor(g(n)), started from the plan without skew.
 */
export function solveSkewedPlan(planFor: (lift: number) => number, shape: DealShape, relativeMde: number): number {
  let n = planFor(1)
  if (Math.exp(4 * shape.logSd * shape.logSd) / shape.dealRate / n < NEGLIGIBLE_SPREAD_NOISE) return n
  for (let step = 0; step < FIXED_POINT_STEPS && Number.isSafeInteger(n); step++) {
    const lift = Math.min(MAX_LIFT, Math.max(MIN_LIFT, estimateStudentisedLift(shape, relativeMde, n)))
    const next = planFor(lift)
    if (next === n) break
    n = next
  }
  return n
}

type Sums = { total: number; sumOfSquares: number }

// E x and E x² per visitor (zeros included) for ln x ~ N(0, logSd²).
function describeShape({ dealRate, logSd }: DealShape): { first: number; second: number } {
  return { first: dealRate * Math.exp((logSd * logSd) / 2), second: dealRate * Math.exp(2 * logSd * logSd) }
}

/**
 * Σx and Σx² of one arm of `visitors`. Only the largest deals (about TAIL_DEALS of them, the ones the sample variance
 * hangs on) are drawn one by one, from the normal tail above `cut`; the sums of the body below are bivariate normal
 * with the truncated moments E[x^k; deal, z < cut] = p·e^(k²σ²/2)·Φ(cut − kσ), which is accurate because the body's
 * x² has a small kurtosis next to its count. The body is skipped when there are few deals: all are drawn then.
 * This keeps a plan to a few milliseconds where drawing every deal would take a second.
 */
function createArmSampler({ dealRate, logSd }: DealShape, visitors: number): (random: () => number) => Sums {
  const expectedDeals = visitors * dealRate
  if (expectedDeals <= 4 * TAIL_DEALS) return (random) => drawTail(random, sampleBinomial(random, visitors, dealRate), -Infinity, logSd)
  const cut = -normalQuantile(TAIL_DEALS / expectedDeals)
  const moment = (k: number) => dealRate * Math.exp((k * k * logSd * logSd) / 2) * normalCdf(cut - k * logSd)
  const [m1, m2, m3, m4] = [moment(1), moment(2), moment(3), moment(4)]
  const sd1 = Math.sqrt(visitors * (m2 - m1 * m1))
  const correlation = (visitors * (m3 - m1 * m2)) / (sd1 * Math.sqrt(visitors * (m4 - m2 * m2)))
  const sd2 = Math.sqrt(visitors * (m4 - m2 * m2))
  const tailRate = dealRate * normalSurvival(cut)
  return (random) => {
    const [u, v] = [sampleNormal(random), sampleNormal(random)]
    const tail = drawTail(random, sampleBinomial(random, visitors, tailRate), cut, logSd)
    return {
      total: visitors * m1 + sd1 * u + tail.total,
      // Floored at 0: the body's Σx² cannot go below it, however the normal draw falls.
      sumOfSquares: Math.max(0, visitors * m2 + sd2 * (correlation * u + Math.sqrt(1 - correlation * correlation) * v)) + tail.sumOfSquares,
    }
  }
}

// `deals` values e^(σz) with z drawn from the standard normal above `cut` (by inversion of its survival function).
function drawTail(random: () => number, deals: number, cut: number, logSd: number): Sums {
  const above = normalSurvival(cut)
  let [total, sumOfSquares] = [0, 0]
  for (let i = 0; i < deals; i++) {
    const z = -normalQuantile(Math.max(Number.MIN_VALUE, (1 - random()) * above))
    const value = Math.exp(logSd * z)
    total += value
    sumOfSquares += value * value
  }
  return { total, sumOfSquares }
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort()
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
