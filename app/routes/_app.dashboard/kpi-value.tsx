import { Link } from '@remix-run/react'
import { useLanguage, useT } from '#app/i18n/provider'
import type { KpiValue } from '#app/kpis/shape'
import { describeChange, formatKpi, type KpiKind, type Polarity } from './change'

/** A figure that links to the leads or pages behind it (when the report says where they are listed). */
export function KpiNumber({ kpi, kind, label, className = '' }: { kpi: KpiValue; kind: KpiKind; label?: string; className?: string }) {
  const t = useT()
  const text = formatKpi(kpi.value, kind, useLanguage())
  if (!kpi.href || kpi.value === null) return <span className={`tabular-nums ${className}`}>{text}</span>
  return (
    <Link
      to={kpi.href}
      className={`tabular-nums text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700 ${className}`}
      aria-label={label ? t('dashboard.showThem', { figure: text, label }) : undefined}
    >
      {text}
    </Link>
  )
}

const TONE = { good: 'text-green-700', bad: 'text-red-700', neutral: 'text-slate-600' }
const ARROW = { up: '▲', down: '▼', same: '=' }

/** "▲ up 25.0% · was 40": the words say it, the arrow and colour only repeat it. */
export function KpiChange({ kpi, kind, polarity = 'up', showPrevious = true }: { kpi: KpiValue; kind: KpiKind; polarity?: Polarity; showPrevious?: boolean }) {
  const t = useT()
  const language = useLanguage()
  const change = describeChange(kpi.value, kpi.previous, kind, polarity, { t, language })
  if (kpi.previous === null) return null
  return (
    <span className="text-xs">
      {change ? (
        <span className={TONE[change.tone]} data-change={change.direction}>
          <span aria-hidden>{ARROW[change.direction]} </span>
          {change.text}
        </span>
      ) : null}
      {showPrevious ? <span className="text-slate-500"> · {t('dashboard.change.was', { value: formatKpi(kpi.previous, kind, language) })}</span> : null}
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
