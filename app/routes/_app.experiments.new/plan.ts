import { computeSampleSize } from '#app/statistics/sample-size'

// The planned sample per variant, prefilled by the loader and recomputed in the browser as the marketer
// changes the metric, the lift to detect, the confidence, the variants or the coverage. Pure: both sides run it.
// Experiments decide with the sequential (always-valid) analysis, so this is its plan, not the fixed-horizon one:
// at the fixed-horizon sample the sequential test finds the lift only about half the time.

/** A page's recent traffic: distinct visitors, days with traffic, and converted visitors by metric key. */
export type PageTraffic = { visitors: number; days: number; converted: Record<string, number> }

/** Used when the page has no visitors or no conversions for the metric in the window. */
export const FALLBACK_BASELINE = 0.05
export const DEFAULT_MDE = 0.1

export type SamplePlan = {
  baselineRate: number
  /** Whether the baseline is the page's measured rate (true) or the fallback (false). */
  isMeasured: boolean
  converted: number
  visitors: number
  /** Visitors per day who would enter the experiment (the page's daily visitors × coverage); null without traffic. */
  dailyVisitors: number | null
  /** Null when no plan fits, e.g. the lift would take the rate past 100%. */
  visitorsPerVariant: number | null
  days: number | null
}

export function planSample({
  traffic,
  metric,
  relativeMde,
  confidence,
  variants,
  coverage,
}: {
  traffic: PageTraffic
  metric: string
  relativeMde: number
  confidence: number
  variants: number
  coverage: number
}): SamplePlan {
  const converted = traffic.converted[metric] ?? 0
  const measured = traffic.visitors > 0 ? converted / traffic.visitors : 0
  const isMeasured = measured > 0 && measured < 1
  const baselineRate = isMeasured ? measured : FALLBACK_BASELINE
  const dailyVisitors = traffic.visitors > 0 && coverage > 0 ? (traffic.visitors / traffic.days) * coverage : null
  const base = { baselineRate, isMeasured, converted, visitors: traffic.visitors, dailyVisitors }
  if (!(variants >= 2 && relativeMde > 0 && confidence > 0 && confidence < 1)) return { ...base, visitorsPerVariant: null, days: null }
  try {
    const size = computeSampleSize({ baselineRate, relativeMde, alpha: 1 - confidence, variants, dailyVisitors: dailyVisitors ?? undefined, sequential: true })
    return { ...base, visitorsPerVariant: size.visitorsPerVariant, days: size.days ?? null }
  } catch (error) {
    // computeSampleSize's only complaint: the lift takes the rate to 100% or more.
    if (error instanceof RangeError) return { ...base, visitorsPerVariant: null, days: null }
    throw error
  }
}
