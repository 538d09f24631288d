// The analysis behind POST /api/v1/analyze: per-variant rates, comparisons with the control,
// Bayesian summaries, the traffic-split check and the decision. Pure: counts in, JSON out.
// Anything undefined (no visitors, a ratio over a zero rate) is null, never NaN or Infinity.
// An arm without visitors has no probabilities either: its posterior would be the prior alone.

import type { Speaker } from '#app/i18n/sentences'
import { computeProbabilityToBeatWithin, createPosterior, MAX_SERIES_TERMS } from './bayes'
import { compareToControl, type ComparisonSettings, type UnadjustedComparison } from './comparison'
import { checkSplitAndDecide, type Decision, type DecisionArm } from './decision'
import { adjustHolm } from './holm'
import { computeWilsonInterval, type Interval } from './intervals'
import { normalQuantile } from './normal'
import { buildPosteriorGrid } from './posterior-grid'
import { computeProbabilityToBeatOnGrid, summarizeGrid } from './posterior-summary'
import { resolveAnalysisSettings } from './settings'
import type { SampleRatioCheck } from './srm'

export type { Decision, DecisionStatus } from './decision'
export type { Interval } from './intervals'

export type VariantCounts = { key: string; visitors: number; conversions: number }

export type AnalyzeInput = {
  variants: VariantCounts[]
  /** key of the control; default the first variant */
  control?: string
  /** default 0.95 */
  confidence?: number
  /** expected traffic split, summing to 1; default equal */
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

export type VsControl = UnadjustedComparison & {
  pValueAdjusted: number | null
  sequentialPValueAdjusted: number | null
  significant: boolean
}

export type VariantAnalysis = {
  key: string
  visitors: number
  conversions: number
  rate: number | null
  ci: Interval | null
  /** null for a variant without visitors, or while fewer than two variants have any */
  probabilityToBeBest: number | null
  /** null when probabilityToBeBest is */
  expectedLoss: number | null
  vsControl?: VsControl
}

export type Analysis = { variants: VariantAnalysis[]; srm: SampleRatioCheck; decision: Decision }

type Settings = {
  confidence: number
  alpha: number
  sequential: boolean
  weights: number[]
  controlIndex: number
  comparison: ComparisonSettings
}

export function analyze(input: AnalyzeInput): Analysis {
  assertValidCounts(input.variants)
  const settings = resolveSettings(input)
  const bayes = summarizeBayes(input.variants, settings.controlIndex)
  const comparisons = compareWithControl(input.variants, settings, bayes.probabilityToBeatControl)
  const variants = input.variants.map((v, i): VariantAnalysis => ({
    key: v.key,
    visitors: v.visitors,
    conversions: v.conversions,
    rate: v.visitors > 0 ? v.conversions / v.visitors : null,
    ci: v.visitors > 0 ? computeWilsonInterval(v, settings.comparison.z) : null,
    probabilityToBeBest: bayes.probabilityToBeBest[i],
    expectedLoss: bayes.expectedLoss[i],
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
  })
  return { variants, srm, decision }
}

function resolveSettings(input: AnalyzeInput): Settings {
  const { rho, ...settings } = resolveAnalysisSettings(input)
  return { ...settings, comparison: { alpha: settings.alpha, z: normalQuantile(1 - settings.alpha / 2), rho } }
}

// vsControl for every treatment (undefined for the control), with Holm across the treatments.
function compareWithControl(variants: VariantCounts[], settings: Settings, probabilityToBeatControl: (number | null)[]): (VsControl | undefined)[] {
  const control = variants[settings.controlIndex]
  const raw = variants.map((v, i) => (i === settings.controlIndex ? undefined : compareToControl(v, control, settings.comparison, probabilityToBeatControl[i])))
  const treatments = raw.filter((c): c is UnadjustedComparison => c !== undefined)
  const fixedAdjusted = adjustHolm(treatments.map((c) => c.pValue))
  const sequentialAdjusted = adjustHolm(treatments.map((c) => c.sequentialPValue))
  return raw.map((comparison) => {
    if (!comparison) return undefined
    const t = treatments.indexOf(comparison)
    const deciding = settings.sequential ? sequentialAdjusted[t] : fixedAdjusted[t]
    return buildVsControl(comparison, fixedAdjusted[t], sequentialAdjusted[t], deciding !== null && deciding < settings.alpha)
  })
}

// The decision reads the interval that matches the test in use.
function toDecisionArm(v: VariantAnalysis, sequential: boolean): DecisionArm {
  return {
    key: v.key,
    visitors: v.visitors,
    conversions: v.conversions,
    rate: v.rate,
    relativeLift: v.vsControl?.relativeLift ?? null,
    relativeLiftCi: (sequential ? v.vsControl?.sequentialRelativeLiftCi : v.vsControl?.relativeLiftCi) ?? null,
    significant: v.vsControl?.significant ?? false,
    absoluteLift: v.vsControl?.absoluteLift ?? null,
  }
}

type BayesSummary = { probabilityToBeBest: (number | null)[]; expectedLoss: (number | null)[]; probabilityToBeatControl: (number | null)[] }

/**
 * P(best), expected loss and P(beat control) under Beta(1, 1) priors. P(beat control) is the exact
 * series (bayes.ts) while it needs at most MAX_SERIES_TERMS terms, else the quadrature's value, which
 * agrees within 1e-10 (docs/decisions/004-statistics-work-bound.md); this bounds the work at any count.
 * For two variants P(best) is P(beat); otherwise P(best) and the loss come from the quadrature.
 *
 * Only variants with visitors take part (docs/decisions/058-clean-numbers.md). A variant without any
 * has the prior as its posterior, and "P(best) 0.949" from the prior alone reads as evidence; so its
 * numbers are null and the others' are computed among the variants with data. With fewer than two
 * such variants there is nothing to compare, and everything is null.
 */
function summarizeBayes(variants: VariantCounts[], controlIndex: number): BayesSummary {
  const withData = variants.flatMap((v, i) => (v.visitors > 0 ? [i] : []))
  if (withData.length < 2) {
    const none = variants.map(() => null)
    return { probabilityToBeBest: none, expectedLoss: none, probabilityToBeatControl: none }
  }
  const posteriors = withData.map((i) => createPosterior(variants[i]))
  const grid = buildPosteriorGrid(posteriors)
  const summary = summarizeGrid(grid)
  const control = withData.indexOf(controlIndex) // −1 when the control has no visitors
  // The control's own entry is never read (it has no vsControl).
  const probabilityToBeatControl = posteriors.map((p, j) =>
    control < 0 || j === control ? null : (computeProbabilityToBeatWithin(p, posteriors[control], MAX_SERIES_TERMS) ?? computeProbabilityToBeatOnGrid(grid, j, control)),
  )
  let probabilityToBeBest = summary.probabilityToBeBest
  if (posteriors.length === 2 && control >= 0) {
    const other = 1 - control
    probabilityToBeBest = [0, 0]
    probabilityToBeBest[other] = probabilityToBeatControl[other]!
    probabilityToBeBest[control] = 1 - probabilityToBeatControl[other]!
  }
  // Back to one entry per variant, null for those without visitors.
  const spread = (values: (number | null)[]) => variants.map((_, i) => (withData.includes(i) ? values[withData.indexOf(i)] : null))
  return { probabilityToBeBest: spread(probabilityToBeBest), expectedLoss: spread(summary.expectedLoss), probabilityToBeatControl: spread(probabilityToBeatControl) }
}

// Field order follows the API contract so the JSON reads the same way as the documentation.
function buildVsControl(c: UnadjustedComparison, pValueAdjusted: number | null, sequentialPValueAdjusted: number | null, significant: boolean): VsControl {
  return {
    absoluteLift: c.absoluteLift,
    absoluteLiftCi: c.absoluteLiftCi,
    relativeLift: c.relativeLift,
    relativeLiftCi: c.relativeLiftCi,
    pValue: c.pValue,
    pValueAdjusted,
    ...(c.exactPValue === undefined ? {} : { exactPValue: c.exactPValue }),
    sequentialPValue: c.sequentialPValue,
    sequentialPValueAdjusted,
    sequentialRelativeLiftCi: c.sequentialRelativeLiftCi,
    probabilityToBeatControl: c.probabilityToBeatControl,
    significant,
    ...(c.note === undefined ? {} : { note: c.note }),
  }
}

// Inputs are validated by AnalyzeRequestSchema at the edge; this catches programming errors.
function assertValidCounts(variants: VariantCounts[]): void {
  if (variants.length < 2) throw new RangeError('analyze needs at least two variants')
  for (const v of variants) {
    const ok = Number.isSafeInteger(v.visitors) && Number.isSafeInteger(v.conversions) && v.conversions >= 0 && v.conversions <= v.visitors
    if (!ok) throw new RangeError(`Invalid counts for variant "${v.key}": ${v.conversions}/${v.visitors}`)
  }
}
