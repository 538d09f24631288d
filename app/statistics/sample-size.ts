// How many visitors a test needs: the plan of the analysis that will decide. By default that is the sequential
// (always-valid) analysis, which may be read at any time and so needs more visitors than the classic
// fixed-horizon test (Fleiss; the formula most online calculators use), which is valid only when read once.

import { numberLocale } from '#app/components/format'
import { englishSpeaker, type Speaker } from '#app/i18n/sentences'
import { normalQuantile } from './normal'
import { computeLookBoundaries, computeSequentialPower, findRootBySecant, PLANNED_LOOKS, solveSequentialDrift, type SequentialPowerSettings } from './sequential-power'

/** No call of any kind below this many visitors in some variant (decision.ts): the approximations are too rough. */
export const MIN_VISITORS_PER_VARIANT = 100
/** A plan needing more than a year of traffic is not a plan: it reads "not reachable at current traffic". */
export const MAX_REACHABLE_DAYS = 366
/** The largest plan analyze takes (AnalyzeRequestSchema's plannedVisitorsPerVariant). */
export const MAX_PLANNED_VISITORS = 1e9

export type SampleSizeInput = {
  /** Current conversion rate of the control, 0 < rate < 1. */
  baselineRate: number
  /** Smallest relative lift worth detecting, e.g. 0.1 for +10%. */
  relativeMde: number
  alpha?: number
  power?: number
  /** Number of variants including the control. */
  variants?: number
  /** Total daily visitors across all variants, to turn visitors into days. */
  dailyVisitors?: number
  /** Plan for the sequential analysis (default, as in analyze) or for a fixed-horizon test. */
  sequential?: boolean
  /**
   * The total the sequence is tuned at when it is not tuned at the plan: analyze without a plan keeps
   * DEFAULT_TUNING_VISITORS (sequential.ts), and the plan it implies (decision.ts) must be solved for that sequence.
   */
  tuningVisitors?: number
}

export type PlanFigures = {
  visitorsPerVariant: number
  totalVisitors: number
  /** with dailyVisitors: days of traffic for the total */
  days?: number
  /** with dailyVisitors: false when it takes more than MAX_REACHABLE_DAYS */
  isReachable?: boolean
}

export type SampleSize = PlanFigures & {
  sequential: boolean
  note?: string
  /** the other analysis's plan, and one sentence on why the two differ */
  alternative: PlanFigures & { sequential: boolean; difference: string }
}

/**
 * The plan for the analysis that decides (`sequential`, default true) and, as `alternative`, for the other one.
 * With more than two variants each treatment is compared with the control, so alpha is split Bonferroni-style
 * across the comparisons (the analysis uses Holm, which is at least as powerful).
 */
export function computeSampleSize(
  { baselineRate, relativeMde, alpha = 0.05, power = 0.8, variants = 2, dailyVisitors, sequential = true, tuningVisitors }: SampleSizeInput,
  speaker: Speaker = englishSpeaker,
): SampleSize {
  const rates = checkRates(baselineRate, relativeMde)
  const comparisons = variants - 1
  const alphaPerComparison = alpha / comparisons
  const fixed = toFigures(computeFixedHorizonVisitors(rates, alphaPerComparison, power), variants, dailyVisitors)
  const always = toFigures(computeSequentialVisitors(rates, alpha, alphaPerComparison, power, tuningVisitors), variants, dailyVisitors)
  const [chosen, other] = sequential ? [always, fixed] : [fixed, always]
  const result: SampleSize = {
    sequential,
    ...chosen,
    alternative: { sequential: !sequential, ...other, difference: describeDifference(speaker, always.visitorsPerVariant / fixed.visitorsPerVariant) },
  }
  if (comparisons > 1) {
    const { say, language } = speaker
    result.note = say('statistics.sampleSize.alphaSplit', { alpha: formatAlpha(alpha, language), comparisons, perComparison: formatAlpha(alphaPerComparison, language) })
  }
  return result
}

/**
 * Visitors per variant for the analysis that decides, alone: computeSampleSize's `visitorsPerVariant` without the
 * other analysis's plan. decision.ts asks for it on every analysis without a plan, and the sequential plan it would
 * otherwise throw away for a fixed-horizon analysis costs milliseconds of integration for each new alpha.
 */
export function computeDecidingVisitors({ baselineRate, relativeMde, alpha = 0.05, power = 0.8, variants = 2, sequential = true, tuningVisitors }: Omit<SampleSizeInput, 'dailyVisitors'>): number {
  const rates = checkRates(baselineRate, relativeMde)
  const alphaPerComparison = alpha / (variants - 1)
  return sequential ? computeSequentialVisitors(rates, alpha, alphaPerComparison, power, tuningVisitors) : computeFixedHorizonVisitors(rates, alphaPerComparison, power)
}

type Rates = { p1: number; p2: number }

function checkRates(p1: number, relativeMde: number): Rates {
  const p2 = p1 * (1 + relativeMde)
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && p2 !== p1)) {
    throw new RangeError('computeSampleSize needs 0 < baselineRate < 1 and 0 < baselineRate × (1 + relativeMde) < 1')
  }
  return { p1, p2 }
}

/**
 * Fleiss: n = (z₁₋α/₂·√(2p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)², rounded up, p̄ = (p₁ + p₂)/2.
 * z₁₋α/₂ is taken as −Φ⁻¹(α/2): 1 − α/2 rounds to 1 for α below about 1e-16.
 */
function computeFixedHorizonVisitors({ p1, p2 }: Rates, alphaPerComparison: number, power: number): number {
  const zAlpha = -normalQuantile(alphaPerComparison / 2)
  const zBeta = normalQuantile(power)
  const pBar = (p1 + p2) / 2
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
  // The subtraction of 1e-9 keeps an exact integer from being pushed up by rounding noise.
  return Math.ceil((root * root) / ((p2 - p1) * (p2 - p1)) - 1e-9)
}

/**
 * The sample at which the always-valid test, tuned at it (N* = 2n, as analyze tunes it at the plan) and read at
 * PLANNED_LOOKS evenly spaced looks, finds the lift with probability `power`: n = drift²·(p₁(1−p₁) + p₂(1−p₂))/(p₂ − p₁)²,
 * the variance unpooled as the sequence's is. At least MIN_VISITORS_PER_VARIANT, since no call comes earlier.
 *
 * With `tuningVisitors` the sequence is tuned there instead, so its boundaries depend on n itself (through 2n/N*):
 * n is then a fixed point of n ↦ drift(2n/N*)²·V/δ². The drift changes slowly with n, so a few steps settle it to
 * the visitor.
 */
function computeSequentialVisitors({ p1, p2 }: Rates, alpha: number, alphaPerComparison: number, power: number, tuningVisitors?: number): number {
  const perDrift = (p1 * (1 - p1) + p2 * (1 - p2)) / ((p2 - p1) * (p2 - p1))
  const visitorsFor = (drift: number) => Math.max(MIN_VISITORS_PER_VARIANT, Math.ceil(drift * drift * perDrift - 1e-9))
  return solveSequentialPlan(visitorsFor, { alpha, comparisonAlpha: alphaPerComparison, power, tuningVisitors })
}

/**
 * The sequential plan n = visitorsFor(drift), for any metric whose plan grows with the drift (rates here, means in
 * mean.ts). Tuned at the plan (no `tuningVisitors`) the drift is one number. Tuned at `tuningVisitors` instead (analyze
 * and analyzeMean without a plan keep DEFAULT_TUNING_VISITORS), the boundaries depend on n through 2n/N*, and n is the
 * fixed point of n ↦ visitorsFor(drift(2n/N*)), started from the plan tuned at itself. `noise` is the standard
 * deviation of the deciding statistic around its expected value (1 for rates; below 1 for the mean's relative
 * statistic, mean.ts): the drift is then solved for that statistic (findSequentialDrift).
 */
export function solveSequentialPlan(
  visitorsFor: (drift: number) => number,
  { alpha, comparisonAlpha, power, tuningVisitors, noise = 1 }: { alpha: number; comparisonAlpha: number; power: number; tuningVisitors?: number; noise?: number },
): number {
  let n = visitorsFor(findSequentialDrift(alpha, comparisonAlpha, power, 1, noise))
  if (tuningVisitors === undefined) return n
  for (let step = 0; step < MAX_FIXED_POINT_STEPS; step++) {
    // Past 2⁵³ the ratio means nothing and the caller refuses the plan anyway.
    if (!Number.isSafeInteger(n)) return n
    const next = visitorsFor(findTunedDrift(alpha, comparisonAlpha, power, (2 * n) / tuningVisitors, noise))
    if (next === n) break
    n = next
  }
  return n
}

const MAX_FIXED_POINT_STEPS = 12

// The drift for a tuning ratio r = 2n/N*: solved exactly at nodes 5% apart in ln r and interpolated linearly between
// them. θ is smooth and slow in ln r (about 0.03 per 5% step near the tuning point), so the interpolation stays within
// 1e-4 of the exact drift (a plan off by less than one visitor in ten thousand), and analyze, which asks for a new
// ratio with every new control rate, solves only the few nodes around it once.
function findTunedDrift(alpha: number, comparisonAlpha: number, power: number, ratio: number, noise: number): number {
  const x = Math.log(ratio) / RATIO_NODE_STEP
  const below = Math.floor(x)
  const weight = x - below
  const at = (node: number) => findSequentialDrift(alpha, comparisonAlpha, power, Math.exp(node * RATIO_NODE_STEP), noise)
  return weight === 0 ? at(below) : (1 - weight) * at(below) + weight * at(below + 1)
}
const RATIO_NODE_STEP = Math.log(1.05)

// The drift depends only on these five numbers, and analyze asks for the same few (its confidence, the variant
// count, 80%, the snapped tuning ratio, the mean's noise at its default +10%) again and again; each new one costs a
// few milliseconds of integration.
const driftCache = new Map<string, number>()
const DRIFT_CACHE_SIZE = 1024

/**
 * The expected z at the plan at which the always-valid test, read at PLANNED_LOOKS looks, reaches `power`, for a
 * statistic whose path has standard deviation `noise` around its expected value (1: a standard-normal statistic).
 */
export function findSequentialDrift(alpha: number, comparisonAlpha: number, power: number, planOverTuning = 1, noise = 1): number {
  const key = `${alpha}|${comparisonAlpha}|${power}|${planOverTuning}|${noise}`
  const cached = driftCache.get(key)
  if (cached !== undefined) return cached
  const settings = { alpha, comparisonAlpha, looks: PLANNED_LOOKS, planOverTuning }
  const drift = noise === 1 ? solveSequentialDrift(settings, power) : solveNoisyDrift(settings, power, noise)
  if (driftCache.size >= DRIFT_CACHE_SIZE) driftCache.clear()
  driftCache.set(key, drift)
  return drift
}

/**
 * The drift for a statistic with noise σ ≠ 1. Divided by σ it is a standard-normal path again, with drift μ/σ and
 * boundaries M/σ, so μ solves power(μ/σ; M/σ) = `power`. Scaling only the z₁₋β share of the standard drift by σ, as
 * the mean's plan did before, is exact read once (z₁₋α/₂ + σ·z₁₋β) but not for a test read at 20 looks: the
 * earlier looks, whose boundaries lie far above the drift, help a less noisy statistic less, and the plan
 * under-delivered (77.7% at +20%, 76.5% at +30% in this model; 76.5 ± 0.9% simulated at +20%). The secant
 * method starts from those two values, which bracket the root closely: three or four evaluations reach 1e-9.
 */
function solveNoisyDrift(settings: SequentialPowerSettings, power: number, noise: number): number {
  const boundaries = computeLookBoundaries(settings).map((boundary) => boundary / noise)
  const gap = (drift: number) => computeSequentialPower(drift / noise, boundaries) - power
  const noiseFree = solveSequentialDrift(settings, power)
  return findRootBySecant(gap, noiseFree, noiseFree - normalQuantile(power) * (1 - noise))
}

function toFigures(visitorsPerVariant: number, variants: number, dailyVisitors: number | undefined): PlanFigures {
  const totalVisitors = visitorsPerVariant * variants
  if (dailyVisitors === undefined) return { visitorsPerVariant, totalVisitors }
  const days = Math.ceil(totalVisitors / dailyVisitors)
  return { visitorsPerVariant, totalVisitors, days, isReachable: days <= MAX_REACHABLE_DAYS }
}

/** The sentence on why the always-valid plan needs more visitors, in the speaker's language (the API's in English). */
function describeDifference({ say, language }: Speaker, ratio: number): string {
  const number = ratio.toLocaleString(numberLocale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })
  return say('statistics.sampleSize.sequentialCost', { ratio: number })
}

function formatAlpha(value: number, language: string): string {
  return Number(value.toPrecision(3)).toLocaleString(numberLocale(language), { maximumFractionDigits: 20, useGrouping: false })
}
