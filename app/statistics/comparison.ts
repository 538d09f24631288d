// One treatment against the control: every frequentist and Bayesian number of `vsControl`
// except the multiplicity-adjusted ones, which need the whole family (see analyze.ts).

import { computeFisherExactPValue, computeSmallestExpectedCount } from './fisher-exact'
import { computeNewcombeInterval, computeRelativeLiftInterval, type Counts, type Interval } from './intervals'
import { computeSequentialMultiplier, computeSequentialPValue } from './sequential'
import { computePooledZTestPValue } from './z-test'

/** The note beside a comparison on few conversions (the API's words; a screen says results.variants.fewConversions). */
export const FEW_CONVERSIONS_NOTE = 'Few conversions (an expected count is below 5), so the normal approximations are rough; exactPValue is Fisher’s exact test.'

/** Below this expected cell count the z-test is unreliable and Fisher's exact test is added. */
export const SMALL_EXPECTED_COUNT = 5

export type ComparisonSettings = {
  /** 1 − confidence */
  alpha: number
  /** z₁₋α/₂ for the fixed-horizon intervals */
  z: number
  /** tuning of the confidence sequence, see sequential.ts */
  rho: number
}

export type UnadjustedComparison = {
  absoluteLift: number | null
  absoluteLiftCi: Interval | null
  relativeLift: number | null
  relativeLiftCi: Interval | null
  pValue: number | null
  exactPValue?: number
  sequentialPValue: number | null
  sequentialRelativeLiftCi: Interval | null
  /** null when either arm has no visitors */
  probabilityToBeatControl: number | null
  note?: string
}

/**
 * `probabilityToBeatControl` comes in from analyze(), which computes it once for P(best) too (exact,
 * or by quadrature past the series' budget). It is null when either arm has no visitors: the
 * posterior would be the prior alone, and a chance computed from it is no evidence.
 */
export function compareToControl(treatment: Counts, control: Counts, settings: ComparisonSettings, probabilityToBeatControl: number | null): UnadjustedComparison {
  if (treatment.visitors === 0 || control.visitors === 0) {
    return {
      absoluteLift: null,
      absoluteLiftCi: null,
      relativeLift: null,
      relativeLiftCi: null,
      pValue: null,
      sequentialPValue: null,
      sequentialRelativeLiftCi: null,
      probabilityToBeatControl,
    }
  }
  const rateT = treatment.conversions / treatment.visitors
  const rateC = control.conversions / control.visitors
  const sequentialMultiplier = computeSequentialMultiplier(treatment.visitors + control.visitors, settings.rho, settings.alpha)
  const comparison: UnadjustedComparison = {
    absoluteLift: rateT - rateC,
    absoluteLiftCi: computeNewcombeInterval(treatment, control, settings.z),
    relativeLift: rateC > 0 ? rateT / rateC - 1 : null,
    relativeLiftCi: computeRelativeLiftInterval(treatment, control, settings.z),
    pValue: computePooledZTestPValue(treatment, control),
    sequentialPValue: computeSequentialPValue(treatment, control, settings.rho),
    // Same log-ratio interval with the confidence sequence's wider multiplier in place of z.
    sequentialRelativeLiftCi: computeRelativeLiftInterval(treatment, control, sequentialMultiplier),
    probabilityToBeatControl,
  }
  const table = {
    treatmentConversions: treatment.conversions,
    treatmentMisses: treatment.visitors - treatment.conversions,
    controlConversions: control.conversions,
    controlMisses: control.visitors - control.conversions,
  }
  if (computeSmallestExpectedCount(table) < SMALL_EXPECTED_COUNT) {
    comparison.exactPValue = computeFisherExactPValue(table)
    comparison.note = FEW_CONVERSIONS_NOTE
  }
  return comparison
}
