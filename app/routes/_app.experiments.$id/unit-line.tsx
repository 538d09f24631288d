import type { ExperimentResults } from '#app/experiments/results/shape'
import { useT } from '#app/i18n/provider'

/**
 * What the numbers count, in one sentence under the split check (issue 19, decision 083): visitors, page views
 * counted cookieless (a reload may show the other variant), or both, with how many views and conversions were
 * counted without cookies.
 */
export function UnitLine({ results }: { results: Pick<ExperimentResults, 'unit' | 'variants'> }) {
  const t = useT()
  const views = results.variants.reduce((n, v) => n + v.cookieless.exposures, 0)
  const conversions = results.variants.reduce((n, v) => n + v.cookieless.conversions, 0)
  const key = results.unit === 'visitor' ? 'privacyResults.visitor' : results.unit === 'page_view' ? 'privacyResults.pageView' : 'privacyResults.both'
  return (
    <p className="text-sm text-slate-700" data-testid="unit-line" data-unit={results.unit}>
      {t(key, { views, conversions })}
    </p>
  )
}
