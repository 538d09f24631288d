// One treatment against the control on a mean metric (pipeline: deal value per visitor, visitors
// without a deal counting as 0), from the sufficient statistics n, Σx and Σx². Welch's t for the
// difference, the delta method for the ratio of means (as GrowthBook's gbstats does), and the
// asymptotic confidence sequence of sequential.ts for the always-valid versions.

import type { Interval } from './intervals'
import { computeSequentialMultiplier, computeSequentialPValueOfEstimate } from './sequential'
import { computeTwoSidedTPValue, studentTQuantile } from './student-t'

export type MeanArm = { key: string; visitors: number; total: number; sumOfSquares: number }

/** mean is null without visitors; variance (the sample variance, n − 1) is null below 2 visitors. */
export type MeanSummary = { visitors: number; mean: number | null; variance: number | null }

export type MeanComparisonSettings = {
  /** 1 − confidence (per comparison; Holm adjusts the p-values, not the intervals) */
  alpha: number
  /** tuning of the confidence sequence, see sequential.ts */
  rho: number
}

export type UnadjustedMeanComparison = {
  absoluteLift: number | null
  absoluteLiftCi: Interval | null
  relativeLift: number | null
  relativeLiftCi: Interval | null
  pValue: number | null
  sequentialPValue: number | null
  sequentialAbsoluteLiftCi: Interval | null
  sequentialRelativeLiftCi: Interval | null
}

export function summarizeMeanArm({ visitors, total, sumOfSquares }: MeanArm): MeanSummary {
  if (visitors === 0) return { visitors, mean: null, variance: null }
  const mean = total / visitors
  if (visitors < 2) return { visitors, mean, variance: null }
  // Σx² − (Σx)²/n is ≥ 0 exactly; max() keeps the rounding of equal values from going below it.
  return { visitors, mean, variance: Math.max(0, (sumOfSquares - total * mean) / (visitors - 1)) }
}

/** mean ± t₍ₙ₋₁₎·s/√n; null while the spread is unknown (fewer than 2 visitors, or every value equal, e.g. no deals yet). */
export function computeMeanInterval({ visitors, mean, variance }: MeanSummary, alpha: number): Interval | null {
  if (mean === null || variance === null || variance === 0) return null
  const halfWidth = studentTQuantile(1 - alpha / 2, visitors - 1) * Math.sqrt(variance / visitors)
  return [mean - halfWidth, mean + halfWidth]
}

const EMPTY: UnadjustedMeanComparison = {
  absoluteLift: null,
  absoluteLiftCi: null,
  relativeLift: null,
  relativeLiftCi: null,
  pValue: null,
  sequentialPValue: null,
  sequentialAbsoluteLiftCi: null,
  sequentialRelativeLiftCi: null,
}

export function compareMeans(treatment: MeanSummary, control: MeanSummary, settings: MeanComparisonSettings): UnadjustedMeanComparison {
  if (treatment.variance === null || control.variance === null || treatment.mean === null || control.mean === null) return { ...EMPTY }
  const difference = treatment.mean - control.mean
  const relativeLift = control.mean > 0 ? toFinite(treatment.mean / control.mean - 1) : null
  const treatmentTerm = treatment.variance / treatment.visitors
  const controlTerm = control.variance / control.visitors
  const variance = treatmentTerm + controlTerm
  if (!(variance > 0)) {
    // Every value equal in both arms (typically: no deals at all). A zero difference carries no
    // evidence (p = 1); a nonzero one cannot be judged without spread, and no interval can be given.
    const pValue = difference === 0 ? 1 : null
    return { ...EMPTY, absoluteLift: difference, relativeLift, pValue, sequentialPValue: pValue }
  }
  const standardError = Math.sqrt(variance)
  // Welch–Satterthwaite; a term is 0 when that arm's values are all equal, the other keeps it positive.
  const degreesOfFreedom = (variance * variance) / (treatmentTerm ** 2 / (treatment.visitors - 1) + controlTerm ** 2 / (control.visitors - 1))
  const t = studentTQuantile(1 - settings.alpha / 2, degreesOfFreedom)
  const sequentialMultiplier = computeSequentialMultiplier(treatment.visitors + control.visitors, settings.rho, settings.alpha)
  const relativeStandardError = computeRelativeStandardError(treatment, control)
  return {
    absoluteLift: difference,
    absoluteLiftCi: around(difference, t * standardError),
    relativeLift,
    relativeLiftCi: relativeLift === null || relativeStandardError === null ? null : around(relativeLift, t * relativeStandardError),
    pValue: computeTwoSidedTPValue(difference / standardError, degreesOfFreedom),
    sequentialPValue: computeSequentialPValueOfEstimate(difference, variance, treatment.visitors + control.visitors, settings.rho),
    sequentialAbsoluteLiftCi: around(difference, sequentialMultiplier * standardError),
    sequentialRelativeLiftCi: relativeLift === null || relativeStandardError === null ? null : around(relativeLift, sequentialMultiplier * relativeStandardError),
  }
}

/**
 * Delta method for mean_t/mean_c − 1 (gbstats' variance_of_ratios without covariance, the arms
 * being independent): s_t²/(n_t·m_c²) + s_c²·m_t²/(n_c·m_c⁴). Null, so the interval is "not
 * available", while an arm has no spread (no deals yet): the formula would then give a
 * zero-width interval such as "−100% to −100%", a certainty the data do not have.
 */
function computeRelativeStandardError(treatment: MeanSummary, control: MeanSummary): number | null {
  const mT = treatment.mean!
  const mC = control.mean!
  if (!(mC > 0) || treatment.variance === 0 || control.variance === 0) return null
  const ratio = mT / mC
  const variance = treatment.variance! / (treatment.visitors * mC * mC) + (control.variance! * ratio * ratio) / (control.visitors * mC * mC)
  return toFinite(Math.sqrt(variance))
}

function around(center: number, halfWidth: number): Interval | null {
  const interval: Interval = [center - halfWidth, center + halfWidth]
  return Number.isFinite(interval[0]) && Number.isFinite(interval[1]) ? interval : null
}

function toFinite(value: number): number | null {
  return Number.isFinite(value) ? value : null
}
