import { Link } from '@remix-run/react'
import type { MetricOption } from '#app/experiments/results/shape'

/**
 * Which conversions the results count: plain links to `?metric=…`, so every view is a shareable URL and the
 * switch works without JavaScript. The current one is marked for screen readers as well as by its look.
 */
export function MetricSwitcher({ metrics, current }: { metrics: MetricOption[]; current: MetricOption }) {
  return (
    <nav aria-label="Metric" className="flex flex-wrap items-center gap-2 text-sm" data-testid="metric-switcher">
      <span className="font-medium text-slate-600">Counting:</span>
      {metrics.map((m) => {
        const isCurrent = m.key === current.key
        return (
          <Link
            key={m.key}
            to={`?metric=${encodeURIComponent(m.param)}`}
            aria-current={isCurrent ? 'page' : undefined}
            preventScrollReset
            className={`rounded-full px-3 py-1 ring-1 ${isCurrent ? 'bg-brand-600 font-semibold text-white ring-brand-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
          >
            {m.label}
            {m.isPrimary ? <span className={isCurrent ? 'text-brand-100' : 'text-slate-500'}> (primary)</span> : null}
          </Link>
        )
      })}
    </nav>
  )
}
