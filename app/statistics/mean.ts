// The analysis of a mean metric, pipeline (deal value per visitor), the counterpart of analyze.ts
// for conversion rates: per-variant means, comparisons with the control (Welch's t, delta-method
// relative lift, the always-valid confidence sequence), Holm across treatments, the traffic-split
// check and the decision. Pure: sufficient statistics in, JSON out, never NaN or Infinity.

import type { Speaker } from '#app/i18n/sentences'
import { checkSplitAndDecide, DEFAULT_RELATIVE_MDE, MIN_VISITORS_PER_VARIANT, type Decision, type DecisionArm } from './decision'
import { adjustHolm } from './holm'
import type { Interval } from './intervals'
import { compareMeans, computeMeanInterval, summarizeMeanArm, type MeanArm, type MeanComparisonSettings, type MeanSummary, type UnadjustedMeanComparison } from './mean-comparison'
import { pipelineWording, pipelineWordingIn } from './mean-wording'
import { normalQuantile } from './normal'
import { solveSkewedPlan, type DealShape } from './mean-skew'
import { MAX_PLANNED_VISITORS, solveSequentialPlan } from './sample-size'
import { DEFAULT_TUNING_VISITORS } from './sequential'
import { resolveAnalysisSettings } from './settings'
import type { SampleRatioCheck } from './srm'

export type { Decision, DecisionStatus } from './decision'
export type { Interval } from './intervals'
export type { MeanArm } from './mean-comparison'
export type { SampleRatioCheck } from './srm'

export type MeanAnalyzeInput = {
  /** per-visitor values summed per variant; visitors without a deal count as 0 */
  variants: MeanArm[]
  /** key of the control; default the first variant */
  control?: string
  /** default 0.95 */
  confidence?: number
  /** expected traffic split; default equal */
  weights?: number[]
  /** always-valid (sequential) inference for `significant`; default true */
  sequential?: boolean
  /** the planned sample; also tunes the confidence sequence */
  plannedVisitorsPerVariant?: number
  /** total daily visitors across variants, for daysNeeded */
  dailyVisitors?: number
  /** the language of the decision's sentences; default English (the API's) */
  speaker?: Speaker
}

export type MeanVsControl = {
  absoluteLift: number | null
  absoluteLiftCi: Interval | null
  relativeLift: number | null
  relativeLiftCi: Interval | null
  pValue: number | null
  pValueAdjusted: number | null
  sequentialPValue: number | null
  sequentialPValueAdjusted: number | null
  sequentialAbsoluteLiftCi: Interval | null
  sequentialRelativeLiftCi: Interval | null
  significant: boolean
}

export type MeanVariantAnalysis = { key: string; visitors: number; total: number; mean: number | null; ci: Interval | null; vsControl?: MeanVsControl }

export type MeanAnalysis = { variants: MeanVariantAnalysis[]; srm: SampleRatioCheck; decision: Decision }

type Settings = { confidence: number; alpha: number; sequential: boolean; weights: number[]; controlIndex: number; comparison: MeanComparisonSettings }

export function analyzeMean(input: MeanAnalyzeInput): MeanAnalysis {
  assertValidMeanArms(input.variants)
  const settings = resolveSettings(input)
  const summaries = input.variants.map(summarizeMeanArm)
  const comparisons = compareWithControl(summaries, settings)
  const variants = input.variants.map((v, i): MeanVariantAnalysis => ({
    key: v.key,
    visitors: v.visitors,
    total: v.total,
    mean: summaries[i].mean,
    ci: computeMeanInterval(summaries[i], settings.alpha),
    ...(comparisons[i] ? { vsControl: comparisons[i] } : {}),
  }))
  const { srm, decision } = checkSplitAndDecide({
    arms: variants.map((v) => toDecisionArm(v, settings.sequential)),
    controlIndex: settings.controlIndex,
    weights: settings.weights,
    confidence: settings.confidence,
    sequential: settings.sequential,
    plannedVisitorsPerVariant: input.plannedVisitorsPerVariant,
    dailyVisitors: input.dailyVisitors,
    speaker: input.speaker,
    wording: input.speaker ? pipelineWordingIn(input.speaker.say, input.speaker.language) : pipelineWording,
    unplannedTarget: () => estimateUnplannedTarget(summaries[settings.controlIndex], settings, input.variants.length),
  })
  return { variants, srm, decision }
}

function resolveSettings(input: MeanAnalyzeInput): Settings {
  const { rho, ...settings } = resolveAnalysisSettings(input)
  return { ...settings, comparison: { alpha: settings.alpha, rho } }
}

// vsControl for every treatment (undefined for the control), with Holm across the treatments.
function compareWithControl(summaries: MeanSummary[], settings: Settings): (MeanVsControl | undefined)[] {
  const control = summaries[settings.controlIndex]
  const raw = summaries.map((s, i) => (i === settings.controlIndex ? undefined : compareMeans(s, control, settings.comparison)))
  const treatments = raw.filter((c): c is UnadjustedMeanComparison => c !== undefined)
  const fixedAdjusted = adjustHolm(treatments.map((c) => c.pValue))
  const sequentialAdjusted = adjustHolm(treatments.map((c) => c.sequentialPValue))
  return raw.map((c) => {
    if (!c) return undefined
    const t = treatments.indexOf(c)
    const deciding = settings.sequential ? sequentialAdjusted[t] : fixedAdjusted[t]
    return {
      absoluteLift: c.absoluteLift,
      absoluteLiftCi: c.absoluteLiftCi,
      relativeLift: c.relativeLift,
      relativeLiftCi: c.relativeLiftCi,
      pValue: c.pValue,
      pValueAdjusted: fixedAdjusted[t],
      sequentialPValue: c.sequentialPValue,
      sequentialPValueAdjusted: sequentialAdjusted[t],
      sequentialAbsoluteLiftCi: c.sequentialAbsoluteLiftCi,
      sequentialRelativeLiftCi: c.sequentialRelativeLiftCi,
      significant: deciding !== null && deciding < settings.alpha,
    }
  })
}

// The decision reads the interval that matches the test in use; `rate` carries the mean.
function toDecisionArm(v: MeanVariantAnalysis, sequential: boolean): DecisionArm {
  return {
    key: v.key,
    visitors: v.visitors,
    rate: v.mean,
    relativeLift: v.vsControl?.relativeLift ?? null,
    relativeLiftCi: (sequential ? v.vsControl?.sequentialRelativeLiftCi : v.vsControl?.relativeLiftCi) ?? null,
    significant: v.vsControl?.significant ?? false,
    absoluteLift: v.vsControl?.absoluteLift ?? null,
  }
}

/**
 * Without a plan: the sample to detect a 10% lift at the control's current mean and spread, solved for the sequence as
 * analyzeMean tunes it without a plan (DEFAULT_TUNING_VISITORS), as decision.ts does for rates. Null while it has no
 * deals, and when that sample is beyond the largest plan analyze takes (10⁹ per variant, e.g. one huge deal among
 * many visitors): such a figure is no plan, and printing "about 10¹⁵ more visitors" would only be noise.
 */
function estimateUnplannedTarget(control: MeanSummary, settings: Settings, variants: number): number | null {
  if (control.mean === null || control.variance === null || !(control.mean > 0 && control.variance > 0)) return null
  const input = {
    mean: control.mean,
    standardDeviation: Math.sqrt(control.variance),
    relativeMde: DEFAULT_RELATIVE_MDE,
    alpha: settings.alpha,
    variants,
    sequential: settings.sequential,
    tuningVisitors: DEFAULT_TUNING_VISITORS,
  }
  const visitorsPerVariant = planOrNull(input)
  return visitorsPerVariant !== null && visitorsPerVariant <= MAX_PLANNED_VISITORS ? visitorsPerVariant : null
}

// computeMeanSampleSize refuses a sample past 2⁵³ visitors (a RangeError); for a default plan that only means "no plan".
function planOrNull(input: MeanSampleSizeInput): number | null {
  try {
    return computeMeanSampleSize(input).visitorsPerVariant
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

export type MeanSampleSizeInput = {
  /** the control's mean per visitor (visitors without a deal count as 0), > 0 */
  mean: number
  /** the standard deviation of the per-visitor values, > 0 */
  standardDeviation: number
  /** smallest relative lift worth detecting, e.g. 0.1 for +10% */
  relativeMde: number
  alpha?: number
  power?: number
  /** number of variants including the control */
  variants?: number
  /** plan for the always-valid analysis (the default, as in analyzeMean) or the fixed-horizon one */
  sequential?: boolean
  /** total daily visitors across all variants */
  dailyVisitors?: number
  /**
   * The total the sequence is tuned at when it is not tuned at the plan: analyzeMean without a plan keeps
   * DEFAULT_TUNING_VISITORS, and the plan it implies is solved for that sequence (sample-size.ts, solveSequentialPlan).
   */
  tuningVisitors?: number
  /**
   * The deal values' shape (share of visitors with a deal, spread of ln(deal value)), from history. With it the plan
   * divides out how much the sample variance's skew lifts the deciding z (mean-skew.ts, decision 078); without it
   * the plan assumes none, which holds while deal values are moderately spread (σ_log up to about 1).
   */
  dealShape?: DealShape
}

export type MeanSampleSize = { visitorsPerVariant: number; totalVisitors: number; days?: number }

/**
 * The comparison that binds a call at a lift of `mde`, in units where the control's per-visitor variance is 1
 * and σ_t² = 1 + mde: its variance times n·m_c², and the standard deviation of its z statistic. For a gain
 * that is the relative one, (m̂_t − m̂_c)/√(v_t + v_c·R̂²) with R̂ = m̂_t/m̂_c: its variance (1 + mde)(2 + mde) is
 * the larger, and because R̂ rises with the numerator its z varies less than a standard normal. To first order
 * (delta method) the noise is √(v_t(1 − k)² + v_c(1 − kR)²)/S with k = mde·v_c·R/S², S² = v_t + v_c·R²: 0.91
 * at +10%, 0.82 at +20%, 0.75 at +30%. For a loss the absolute comparison binds, with variance 2 + mde and
 * unit noise.
 */
function describeDecidingStatistic(mde: number): { variance: number; noise: number } {
  if (mde < 0) return { variance: 2 + mde, noise: 1 }
  const ratio = 1 + mde
  const [treatmentVariance, controlVariance] = [ratio, 1]
  const s2 = treatmentVariance + controlVariance * ratio * ratio
  const k = (mde * controlVariance * ratio) / s2
  const noise = Math.sqrt(treatmentVariance * (1 - k) ** 2 + controlVariance * (1 - k * ratio) ** 2) / Math.sqrt(s2)
  return { variance: s2, noise }
}

/**
 * Visitors per variant for the analysis that decides. A call needs the relative interval to
 * exclude 0, and its variance, (σ_t² + σ_c²(1 + mde)²)/(n·m_c²), is the larger of the two
 * (absolute, relative) for a positive lift. The lift is assumed to come from more visitors
 * bringing deals of the same sizes, so σ_t² = σ²(1 + mde) (exact as deals get rare); then
 * n = z²·σ²·V/(m·mde)², V = (1 + mde)(2 + mde) for mde > 0 and 2 + mde for mde < 0 (describeDecidingStatistic).
 * z, the expected z statistic at the plan, is the drift that reaches the power for a statistic with the relative
 * one's smaller noise σ: z₁₋α/₂ + σ·z₁₋β read once; for the sequential test read at 20 evenly spaced looks, the
 * drift at which the statistic divided by σ, a standard path, crosses the boundaries M/σ (sample-size.ts,
 * findSequentialDrift). Ignoring the noise over-delivered (85–89% instead of 80% at +20–30% in simulation);
 * scaling only the z₁₋β share of the 20-look drift under-delivered (76.5% at +20%).
 * Alpha is split Bonferroni-style across the comparisons, as for rates. Never below the 100 visitors
 * per variant the decision needs. With `tuningVisitors` the sequence is tuned there, not at the plan, and the plan is
 * the fixed point solveSequentialPlan finds, as for rates.
 */
export function computeMeanSampleSize({
  mean,
  standardDeviation,
  relativeMde,
  alpha = 0.05,
  power = 0.8,
  variants = 2,
  sequential = true,
  dailyVisitors,
  tuningVisitors,
  dealShape,
}: MeanSampleSizeInput): MeanSampleSize {
  if (!(Number.isFinite(mean) && mean > 0)) throw new RangeError('mean must be a finite number above 0')
  if (!(Number.isFinite(standardDeviation) && standardDeviation > 0)) throw new RangeError('standardDeviation must be a finite number above 0')
  if (!(Number.isFinite(relativeMde) && relativeMde > -1 && relativeMde !== 0)) throw new RangeError('relativeMde must be above -1 and not 0')
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha must be between 0 and 1')
  if (!(power >= 0.5 && power < 1)) throw new RangeError('power must be at least 0.5 and below 1')
  if (!(Number.isSafeInteger(variants) && variants >= 2)) throw new RangeError('variants must be a whole number of at least 2')
  if (dailyVisitors !== undefined && !(Number.isFinite(dailyVisitors) && dailyVisitors > 0)) throw new RangeError('dailyVisitors must be a finite number above 0')
  if (dealShape && !(dealShape.dealRate > 0 && dealShape.dealRate <= 1 && dealShape.logSd > 0 && Number.isFinite(dealShape.logSd))) {
    throw new RangeError('dealShape needs a dealRate above 0 and at most 1, and a logSd that is a finite number above 0')
  }
  const alphaPerComparison = alpha / (variants - 1)
  const zBeta = normalQuantile(power)
  const { variance, noise } = describeDecidingStatistic(relativeMde)
  const perSquaredZ = (variance * standardDeviation * standardDeviation) / (mean * mean * relativeMde * relativeMde)
  // The plan for a drift, the expected z at the plan that reaches `power` for a statistic with this noise.
  // The subtraction of 1e-9 keeps an exact integer from being pushed up by rounding noise.
  const visitorsFor = (drift: number) => Math.max(MIN_VISITORS_PER_VARIANT, Math.ceil(drift * drift * perSquaredZ - 1e-9))
  // The sequential drift is the 20-look one, solved for the statistic's noise (sample-size.ts, by numerical
  // integration; with tuningVisitors the fixed point for that tuning). Read once, only the z₁₋β share meets noise:
  // z₁₋α/₂ + noise·z₁₋β.
  // With skew the statistic's typical z is `lift` times its drift, so the plan needs only the drift ÷ lift.
  const planFor = (lift: number) => {
    const liftedVisitorsFor = (drift: number) => visitorsFor(drift / lift)
    return sequential
      ? solveSequentialPlan(liftedVisitorsFor, { alpha, comparisonAlpha: alphaPerComparison, power, tuningVisitors, noise })
      : liftedVisitorsFor(-normalQuantile(alphaPerComparison / 2) + noise * zBeta)
  }
  const visitorsPerVariant = dealShape ? solveSkewedPlan(planFor, dealShape, relativeMde) : planFor(1)
  if (!Number.isSafeInteger(visitorsPerVariant * variants)) throw new RangeError('relativeMde is too small to plan for: the sample would exceed any traffic')
  const totalVisitors = visitorsPerVariant * variants
  const result: MeanSampleSize = { visitorsPerVariant, totalVisitors }
  if (dailyVisitors !== undefined) result.days = Math.ceil(totalVisitors / dailyVisitors)
  return result
}

/**
 * Sums read from two places (visitors from the daily rollup, deal values from the leads) can disagree for a moment
 * while a rollup catches up, as conversions can briefly exceed visitors (results/compute.ts caps those). The same
 * cap for a mean, for callers to apply before analyzeMean: no visitors, no values; Σx² at least (Σx)²/n, its least
 * possible value (every visitor the same), so the sums are consistent and analyzeMean does not refuse them.
 */
export function capMeanArm(arm: MeanArm): MeanArm {
  if (arm.visitors === 0) return { ...arm, total: 0, sumOfSquares: 0 }
  return { ...arm, sumOfSquares: Math.max(arm.sumOfSquares, (arm.total * arm.total) / arm.visitors) }
}

// The API validates at the edge; this catches programming errors (and inconsistent sums: see capMeanArm).
function assertValidMeanArms(variants: MeanArm[]): void {
  if (variants.length < 2) throw new RangeError('analyzeMean needs at least two variants')
  for (const v of variants) {
    const ok = Number.isSafeInteger(v.visitors) && v.visitors >= 0 && Number.isFinite(v.total) && Number.isFinite(v.sumOfSquares) && v.sumOfSquares >= 0
    if (!ok) throw new RangeError(`Invalid sums for variant "${v.key}": visitors ${v.visitors}, total ${v.total}, sumOfSquares ${v.sumOfSquares}`)
    if (v.visitors === 0 && (v.total !== 0 || v.sumOfSquares !== 0)) throw new RangeError(`Variant "${v.key}" has a total without visitors`)
    // Σx² ≥ (Σx)²/n (Cauchy–Schwarz), up to rounding.
    if (v.visitors > 0 && v.sumOfSquares < ((v.total * v.total) / v.visitors) * (1 - 1e-9)) throw new RangeError(`Variant "${v.key}": sumOfSquares is below total²/visitors`)
  }
}
