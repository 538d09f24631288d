import { isLeadMetric } from '#app/experiments/schema'
import type { PrivacyMode } from '#db/enums'

// What an experiment's numbers count (issue 19, decision 083). An exposure of an identified visitor is a visitor;
// one counted cookieless (consent pending or denied, or a cookieless workspace) is a page view. The results say
// which, and how many of each variant's exposures and conversions were counted cookieless.

/** `visitor`: every exposure identified; `page_view`: every one cookieless; `both`: a mix. */
export type ResultsUnit = 'visitor' | 'page_view' | 'both'
export type CookielessCounts = { exposures: number; conversions: number }

/**
 * Cookieless exposures (metric '') and converted cookieless views per metric, by variant, and the workspace's
 * privacy mode now (the unit of an experiment with no exposure yet: what its pages will count).
 */
export type CookielessInput = { rows: { variantKey: string; metric: string; count: number }[]; mode: PrivacyMode | null }

const UNIT_OF_MODE: Record<PrivacyMode, ResultsUnit> = { cookies: 'visitor', cookieless: 'page_view', consent: 'both' }

export function resultsUnit(exposures: number, cookielessExposures: number, mode: PrivacyMode | null): ResultsUnit {
  if (exposures === 0) return mode ? UNIT_OF_MODE[mode] : 'visitor'
  if (cookielessExposures === 0) return 'visitor'
  return cookielessExposures >= exposures ? 'page_view' : 'both'
}

/** A variant's cookieless counts on the results' metric (a lead metric's: any conversion, the step before the lead). */
export function cookielessCountsOf(input: CookielessInput | undefined, variantKey: string, metric: string): CookielessCounts {
  const conversionMetric = isLeadMetric(metric) ? 'any' : metric
  let exposures = 0
  let conversions = 0
  for (const r of input?.rows ?? []) {
    if (r.variantKey !== variantKey) continue
    if (r.metric === '') exposures += r.count
    else if (r.metric === conversionMetric) conversions += r.count
  }
  return { exposures, conversions }
}
