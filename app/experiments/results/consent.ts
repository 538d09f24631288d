import { formatPValueStatement } from '#app/components/format'
import { consentRate } from '#app/kpis/consent'
import { testEqualProportions } from '#app/statistics/proportions'

// The results' consent section (issue 19, decision 085): each variant's consent rate over the experiment's days
// (asked and consented views of its page and variant in page_view_daily; app/kpis/consent.ts defines them), and a
// warning when the variants' rates differ more than chance explains. Pure.
//
// Why it matters: in consent mode an experiment counts a consenting visitor once (a cookie keeps them on their
// variant) and anyone else once per page view. A variant that makes fewer visitors accept therefore gets more units
// per person, and its consenting visitors are a different selection of people, so its visitor counts and rates are
// not comparable with the other variants'.

/** p below this warns. Strict like SRM's (0.001): the check runs on every look at the results. */
export const CONSENT_RATE_P_VALUE_THRESHOLD = 0.001

export type ConsentVariantRow = { key: string; views: number; consented: number; cookieless: number }

export type ExperimentConsent = {
  /** Per variant, in the experiment's order: views asked (granted, pending, denied), of those consented, the rate (null when none asked), views counted cookieless. */
  variants: { key: string; views: number; consented: number; rate: number | null; cookieless: number }[]
  /** Chi-square test of equal consent rates across the variants with asked views; null when fewer than two have any, or too few to test. */
  pValue: number | null
  /** A sentence naming the highest and lowest rates and why it matters, when pValue < CONSENT_RATE_P_VALUE_THRESHOLD; else null. */
  consentRateWarning: string | null
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`

export function buildExperimentConsent(variantKeys: readonly string[], rows: readonly ConsentVariantRow[]): ExperimentConsent {
  const variants = variantKeys.map((key) => {
    const row = rows.find((r) => r.key === key) ?? { key, views: 0, consented: 0, cookieless: 0 }
    return { key, views: row.views, consented: row.consented, rate: consentRate({ asked: row.views, consented: row.consented }), cookieless: row.cookieless }
  })
  const test = testEqualProportions(variants.map((v) => ({ successes: v.consented, trials: v.views })))
  const pValue = test?.pValue ?? null
  return { variants, pValue, consentRateWarning: pValue !== null && pValue < CONSENT_RATE_P_VALUE_THRESHOLD ? describeDifference(variants, pValue) : null }
}

/** The variants with the highest and the lowest consent rate (the warning names them); null when none was asked. */
export function consentRateExtremes(variants: ExperimentConsent['variants']) {
  const rated = variants.filter((v): v is typeof v & { rate: number } => v.rate !== null).sort((a, b) => b.rate - a.rate)
  return rated.length ? { high: rated[0]!, low: rated[rated.length - 1]! } : null
}

// The API's sentence, in English; the results page says the same in the reader's language (consentReport.warning).
function describeDifference(variants: ExperimentConsent['variants'], pValue: number) {
  const { high, low } = consentRateExtremes(variants)!
  return (
    `The variants change how many visitors accept cookies: ${high.key} ${percent(high.rate)} against ${low.key} ${percent(low.rate)} (${formatPValueStatement(pValue)}). ` +
    'Consenting visitors are counted once each and the others once per page view, so a variant with fewer consents gets more units per person ' +
    'and a different mix of people: its visitor counts and rates are biased against the others. Look for what in the variant touches the banner ' +
    '(layout covering it, a script, the language), and read the numbers with care until the rates agree.'
  )
}
