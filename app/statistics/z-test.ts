// The pooled two-proportion z-test, the fixed-horizon test most calculators use.

import { computeTwoSidedPValue } from './normal'
import type { Counts } from './intervals'

/**
 * Two-sided p-value for H0: rate(treatment) = rate(control), with the pooled standard error.
 * When nobody or everybody converted the standard error is 0 and the observed difference is
 * exactly 0, so the data carry no evidence of a difference: p = 1 rather than 0/0.
 */
export function computePooledZTestPValue(treatment: Counts, control: Counts): number {
  const pooled = (treatment.conversions + control.conversions) / (treatment.visitors + control.visitors)
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / treatment.visitors + 1 / control.visitors))
  if (!(standardError > 0)) return 1
  const difference = treatment.conversions / treatment.visitors - control.conversions / control.visitors
  return computeTwoSidedPValue(difference / standardError)
}
