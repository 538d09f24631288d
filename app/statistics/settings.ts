// The settings every analysis reads the same way, rates (analyze.ts) and means (mean.ts): the confidence, the
// control, the expected split, and the confidence sequence's tuning.

import { computeRho, DEFAULT_TUNING_VISITORS } from './sequential'

export type AnalysisSettingsInput = {
  variants: { key: string }[]
  control?: string
  confidence?: number
  weights?: number[]
  sequential?: boolean
  plannedVisitorsPerVariant?: number
}

export type AnalysisSettings = { confidence: number; alpha: number; sequential: boolean; weights: number[]; controlIndex: number; rho: number }

export function resolveAnalysisSettings(input: AnalysisSettingsInput): AnalysisSettings {
  const confidence = input.confidence ?? 0.95
  const alpha = 1 - confidence
  const controlIndex = input.control === undefined ? 0 : input.variants.findIndex((v) => v.key === input.control)
  if (controlIndex < 0) throw new RangeError(`Unknown control "${input.control}"`)
  // The sequence is tuned for the planned total of a pairwise comparison (both arms).
  const tuningVisitors = input.plannedVisitorsPerVariant === undefined ? DEFAULT_TUNING_VISITORS : 2 * input.plannedVisitorsPerVariant
  return {
    confidence,
    alpha,
    sequential: input.sequential ?? true,
    weights: input.weights ?? input.variants.map(() => 1 / input.variants.length),
    controlIndex,
    rho: computeRho(alpha, tuningVisitors),
  }
}
