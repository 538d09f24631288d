// Browser only: loaded lazily after hydration (see charts-section.tsx), so recharts never runs on the server
// and stays out of the page's first bundle.
import { useLanguage, useT } from '#app/i18n/provider'
import { Area, CartesianGrid, ComposedChart, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { DotItemDotProps } from 'recharts'
import { formatCount, formatLift, formatPercent } from '#app/components/format'
import { markerIndexes, type Axis, type SeriesRow, type VariantStyle } from './chart-data'
import { VariantMarker } from './chart-legend'

export type ChartVariant = { key: string; style: VariantStyle }
type ChartProps = { rows: SeriesRow[]; variants: ChartVariant[] }

const AXIS = { fontSize: 11, fill: '#475569' }
const MARGIN = { top: 8, right: 28, bottom: 0, left: 0 }
const shortDay = (day: string) => day.slice(5)

const LABEL_GAP = 13

/**
 * Markers every few points and at the end, where the variant's name is written next to its line. Names that
 * would overlap are moved down: each variant looks only at the names of the variants before it, so a name
 * stays put when the chart redraws (on hover).
 */
function markerDot(variant: ChartVariant, variantIndex: number, length: number, labels: Map<number, number>) {
  const marked = markerIndexes(length, variantIndex)
  return function Dot({ cx, cy, index }: DotItemDotProps) {
    if (cx === undefined || cy === undefined || cx === null || cy === null || !marked.has(index)) return <g key={`${variant.key}-${index}`} />
    let labelY = Number(cy) + 4
    if (index === length - 1) {
      const taken = [...labels].filter(([i]) => i < variantIndex).map(([, y]) => y)
      while (taken.some((y) => Math.abs(y - labelY) < LABEL_GAP)) labelY += LABEL_GAP
      labels.set(variantIndex, labelY)
    }
    return (
      <g key={`${variant.key}-${index}`}>
        <VariantMarker cx={Number(cx)} cy={Number(cy)} shape={variant.style.marker} color={variant.style.color} />
        {index === length - 1 ? (
          <text x={Number(cx) + 7} y={labelY} fontSize={12} fontWeight={700} fill={variant.style.color}>
            {variant.key}
          </text>
        ) : null}
      </g>
    )
  }
}

function bandsAndLines(variants: ChartVariant[], length: number) {
  const labels = new Map<number, number>()
  return variants.flatMap((v, i) => [
    <Area key={`${v.key}-band`} dataKey={`${v.key}_band`} stroke="none" fill={v.style.color} fillOpacity={0.12} isAnimationActive={false} activeDot={false} legendType="none" tooltipType="none" />,
    <Line key={v.key} dataKey={v.key} name={v.key} stroke={v.style.color} strokeWidth={2} strokeDasharray={v.style.dash} dot={markerDot(v, i, length, labels)} isAnimationActive={false} />,
  ])
}

export function CumulativeRateChart({ rows, variants, axis }: ChartProps & { axis: Axis }) {
  const t = useT()
  const language = useLanguage()
  const to = ` ${t('results.interval.to')} `
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows} margin={MARGIN}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS} minTickGap={24} />
        <YAxis
          tickFormatter={(v: number) => formatPercent(v, axis.ticks.some((tick) => Math.abs(tick * 100 - Math.round(tick * 100)) > 1e-9) ? 1 : 0, language)}
          tick={AXIS}
          width={48}
          domain={axis.domain}
          ticks={axis.ticks}
          allowDataOverflow
        />
        <Tooltip formatter={(value) => (Array.isArray(value) ? value.map((x) => formatPercent(Number(x), 2, language)).join(to) : formatPercent(Number(value), 2, language))} />
        {bandsAndLines(variants, rows.length)}
      </ComposedChart>
    </ResponsiveContainer>
  )
}

export function LiftChart({ rows, variants, axis }: ChartProps & { axis: Axis }) {
  const t = useT()
  const language = useLanguage()
  const to = ` ${t('results.interval.to')} `
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows} margin={MARGIN}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS} minTickGap={24} />
        <YAxis tickFormatter={(v: number) => formatLift(v, 0, language)} tick={AXIS} width={48} domain={axis.domain} ticks={axis.ticks} allowDataOverflow />
        <ReferenceLine y={0} stroke="#334155" strokeDasharray="4 3" label={{ value: t('results.charts.noChange'), position: 'insideBottomLeft', fontSize: 11, fill: '#334155' }} />
        <Tooltip formatter={(value) => (Array.isArray(value) ? value.map((x) => formatLift(Number(x), 1, language)).join(to) : formatLift(Number(value), 1, language))} />
        {bandsAndLines(variants, rows.length)}
      </ComposedChart>
    </ResponsiveContainer>
  )
}

export function DailyVisitorsChart({ rows, variants }: ChartProps) {
  const language = useLanguage()
  const labels = new Map<number, number>()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={MARGIN}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS} minTickGap={24} />
        <YAxis tickFormatter={(v: number) => formatCount(v, 0, language)} tick={AXIS} width={48} allowDecimals={false} />
        <Tooltip formatter={(value) => formatCount(Number(value), 0, language)} />
        {variants.map((v, i) => (
          <Line key={v.key} dataKey={v.key} name={v.key} stroke={v.style.color} strokeWidth={2} strokeDasharray={v.style.dash} dot={markerDot(v, i, rows.length, labels)} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
}
