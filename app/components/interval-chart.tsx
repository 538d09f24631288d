import { formatLift, formatShare, isLiftBounded } from '#app/components/format'
import { useLanguage, useT } from '#app/i18n/provider'

export type IntervalRow = { label: string; estimate: number | null; ci: [number, number] | null; isSignificant: boolean }

/**
 * A forest plot of relative lifts with their intervals, drawn as server-rendered SVG: it needs no
 * JavaScript, scales to any width, and shows significance by shape and text as well as colour.
 */
export function IntervalChart({ rows, title }: { rows: IntervalRow[]; title: string }) {
  const t = useT()
  const language = useLanguage()
  // An interval without a finite bound, or one past +1,000%, would squash every other row to a dot: it is said in words.
  const isDrawable = (r: IntervalRow) => isLiftBounded(r.ci) && r.estimate !== null
  const drawable = rows.filter(isDrawable)
  if (drawable.length === 0) return <p className="text-sm text-slate-500">{t('results.interval.nothingToDraw')}</p>
  const bounds = drawable.flatMap((r) => [...r.ci!, r.estimate!]).concat(0)
  const pad = (Math.max(...bounds) - Math.min(...bounds)) * 0.1 || 0.05
  const lo = Math.min(...bounds) - pad
  const hi = Math.max(...bounds) + pad
  const width = 420
  const labelWidth = 56
  const rowHeight = 40
  const height = rows.length * rowHeight + 30
  const x = (v: number) => labelWidth + ((v - lo) / (hi - lo)) * (width - labelWidth - 10)
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-2xl" role="img" aria-label={title}>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height - 24} stroke="#64748b" strokeDasharray="4 3" />
        <text x={x(0)} y={height - 8} textAnchor="middle" fontSize="13" fill="#475569">
          {formatShare(0, language)} ({t('results.charts.noChange')})
        </text>
        {rows.map((row, i) => {
          const y = i * rowHeight + 18
          if (!isDrawable(row) || !row.ci || row.estimate === null) {
            return (
              <text key={row.label} x={labelWidth} y={y + 4} fontSize="12" fill="#64748b">
                {row.label}: {row.estimate === null && !row.ci ? t('results.interval.notEnoughData') : t('results.interval.unbounded')}
              </text>
            )
          }
          const color = row.isSignificant ? (row.estimate > 0 ? '#15803d' : '#b91c1c') : '#3b55e6'
          return (
            <g key={row.label}>
              <text x={0} y={y + 4} fontSize="15" fontWeight="600" fill="#0f172a">
                {row.label}
              </text>
              <line x1={x(row.ci[0])} x2={x(row.ci[1])} y1={y} y2={y} stroke={color} strokeWidth="3" />
              <line x1={x(row.ci[0])} x2={x(row.ci[0])} y1={y - 6} y2={y + 6} stroke={color} strokeWidth="2" />
              <line x1={x(row.ci[1])} x2={x(row.ci[1])} y1={y - 6} y2={y + 6} stroke={color} strokeWidth="2" />
              {row.isSignificant ? (
                <rect x={x(row.estimate) - 5} y={y - 5} width="10" height="10" fill={color} />
              ) : (
                <circle cx={x(row.estimate)} cy={y} r="5" fill="white" stroke={color} strokeWidth="2" />
              )}
            </g>
          )
        })}
      </svg>
      <figcaption className="mt-2 text-xs text-slate-500">
        {title}. {t('results.interval.key')} {drawable.map((r) => `${r.label} ${formatLift(r.estimate, 1, language)}`).join(' · ')}
      </figcaption>
    </figure>
  )
}
