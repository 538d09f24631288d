import { Link } from '@remix-run/react'
import { formatCount } from '#app/components/format'
import { isLeadMetric } from '#app/experiments/schema'
import type { MetricOption, ResultsMaturity } from '#app/experiments/results/shape'
import { useLanguage, useT } from '#app/i18n/provider'

/**
 * Which outcome the results count: plain links to `?metric=…`, so every view is a shareable URL and the switch
 * works without JavaScript. The current one is marked for screen readers as well as by its look. Conversions first,
 * then what the leads became (hot, the funnel stages, pipeline), which count only mature visitors: the note says so.
 */
export function MetricSwitcher({ metrics, current, maturity }: { metrics: MetricOption[]; current: MetricOption; maturity: ResultsMaturity }) {
  const t = useT()
  const groups = [
    { label: t('results.metrics.counting'), metrics: metrics.filter((m) => !isLeadMetric(m.key)) },
    { label: t('results.metrics.leadsBecame'), metrics: metrics.filter((m) => isLeadMetric(m.key)) },
  ]
  return (
    <div className="space-y-2">
      <nav aria-label={t('results.metrics.label')} className="space-y-2 text-sm" data-testid="metric-switcher">
        {groups.map((g) => (
          <div key={g.label} className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-600">{g.label}</span>
            {g.metrics.map((m) => (
              <MetricLink key={m.key} metric={m} isCurrent={m.key === current.key} />
            ))}
          </div>
        ))}
      </nav>
      {isLeadMetric(current.key) ? <MaturityNote maturity={maturity} /> : null}
    </div>
  )
}

function MetricLink({ metric: m, isCurrent }: { metric: MetricOption; isCurrent: boolean }) {
  const t = useT()
  return (
    <Link
      to={`?metric=${encodeURIComponent(m.param)}`}
      aria-current={isCurrent ? 'page' : undefined}
      preventScrollReset
      className={`rounded-full px-3 py-1 ring-1 ${isCurrent ? 'bg-brand-600 font-semibold text-white ring-brand-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
    >
      {m.label}
      {m.isPrimary ? <span className={isCurrent ? 'text-brand-100' : 'text-slate-500'}> {t('results.metrics.primary')}</span> : null}
    </Link>
  )
}

/** Lead metrics need time: only visitors exposed at least maturityDays ago count, on both sides of the rate. */
export function MaturityNote({ maturity: m }: { maturity: ResultsMaturity }) {
  const t = useT()
  const language = useLanguage()
  return (
    <p className="text-sm text-slate-600" data-testid="maturity-note">
      {t('results.metrics.maturity', { days: m.maturityDays, mature: formatCount(m.matureVisitors, 0, language), visitors: formatCount(m.visitors, 0, language), cutoff: m.cutoffDay })}
    </p>
  )
}
