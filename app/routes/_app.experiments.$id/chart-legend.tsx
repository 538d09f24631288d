import { useT } from '#app/i18n/provider'
import type { MarkerShape, VariantStyle } from './chart-data'

/** A variant's marker, drawn in SVG at (cx, cy): shape as well as colour tells the variants apart. */
export function VariantMarker({ cx, cy, shape, color, size = 4 }: { cx: number; cy: number; shape: MarkerShape; color: string; size?: number }) {
  const s = size
  switch (shape) {
    case 'square':
      return <rect x={cx - s} y={cy - s} width={2 * s} height={2 * s} fill={color} />
    case 'triangle':
      return <path d={`M${cx},${cy - s * 1.2} L${cx + s * 1.2},${cy + s} L${cx - s * 1.2},${cy + s} Z`} fill={color} />
    case 'diamond':
      return <path d={`M${cx},${cy - s * 1.3} L${cx + s * 1.3},${cy} L${cx},${cy + s * 1.3} L${cx - s * 1.3},${cy} Z`} fill="white" stroke={color} strokeWidth={2} />
    case 'cross':
      return <path d={`M${cx - s},${cy - s} L${cx + s},${cy + s} M${cx + s},${cy - s} L${cx - s},${cy + s}`} stroke={color} strokeWidth={2.5} />
    default:
      return <circle cx={cx} cy={cy} r={s} fill={color} />
  }
}

/**
 * The key to the lines, in HTML so it is there before the charts hydrate: each variant's line pattern,
 * marker and name side by side.
 */
export function ChartLegend({ items }: { items: { key: string; label: string; style: VariantStyle }[] }) {
  const t = useT()
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t('results.charts.legend')}>
      {items.map(({ key, label, style }) => (
        <li key={key} className="flex items-center gap-1.5">
          <svg width="34" height="12" aria-hidden="true">
            <line x1="1" x2="33" y1="6" y2="6" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
            <VariantMarker cx={17} cy={6} shape={style.marker} color={style.color} size={3.5} />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  )
}
