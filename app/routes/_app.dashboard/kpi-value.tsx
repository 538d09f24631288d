import { Link } from '@remix-run/react'
import type { KpiValue } from '#app/kpis/shape'
import { describeChange, formatKpi, type KpiKind, type Polarity } from './change'

/** A figure that links to the leads or pages behind it (when the report says where they are listed). */
export function KpiNumber({ kpi, kind, label, className = '' }: { kpi: KpiValue; kind: KpiKind; label?: string; className?: string }) {
  const text = formatKpi(kpi.value, kind)
  if (!kpi.href || kpi.value === null) return <span className={`tabular-nums ${className}`}>{text}</span>
  return (
    <Link
      to={kpi.href}
      className={`tabular-nums text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700 ${className}`}
      aria-label={label ? `${text} ${label}: show them` : undefined}
    >
      {text}
    </Link>
  )
}

const TONE = { good: 'text-green-700', bad: 'text-red-700', neutral: 'text-slate-600' }
const ARROW = { up: '▲', down: '▼', same: '=' }

/** "▲ up 25.0% · was 40": the words say it, the arrow and colour only repeat it. */
export function KpiChange({ kpi, kind, polarity = 'up', showPrevious = true }: { kpi: KpiValue; kind: KpiKind; polarity?: Polarity; showPrevious?: boolean }) {
  const change = describeChange(kpi.value, kpi.previous, kind, polarity)
  if (kpi.previous === null) return null
  return (
    <span className="text-xs">
      {change ? (
        <span className={TONE[change.tone]} data-change={change.direction}>
          <span aria-hidden>{ARROW[change.direction]} </span>
          {change.text}
        </span>
      ) : null}
      {showPrevious ? <span className="text-slate-500"> · was {formatKpi(kpi.previous, kind)}</span> : null}
    </span>
  )
}

/** A table cell: the figure, and under it the change when there is a comparison. */
export function KpiCell({ kpi, kind, polarity, label }: { kpi: KpiValue; kind: KpiKind; polarity?: Polarity; label?: string }) {
  return (
    <td className="py-2 pr-4 align-top">
      <KpiNumber kpi={kpi} kind={kind} label={label} />
      {kpi.previous !== null ? (
        <span className="block whitespace-nowrap">
          <KpiChange kpi={kpi} kind={kind} polarity={polarity} />
        </span>
      ) : null}
    </td>
  )
}
