import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatCount } from '#app/components/format'
import { useLanguage, useT } from '#app/i18n/provider'
import type { TrendDay } from './trend'

// The dashboard's recharts drawings, loaded lazily in the browser only (route.tsx). Series are told apart by
// line style, hatching and their labels, never by colour alone; every bar carries its number as text.

const BRAND = '#3b55e6'
const INK = '#0f172a'
const MUTED = '#475569'
const AXIS = { fontSize: 12, fill: MUTED }
/** A count for a tooltip or a bar's label, in the reader's language. */
function useCount() {
  const language = useLanguage()
  return (v: unknown) => (typeof v === 'number' ? formatCount(v, 1, language) : String(v ?? ''))
}

/** Visitors and new leads per day: visitors a solid line (left axis), leads a dashed one (right axis). */
export function TrendChart({ days }: { days: TrendDay[] }) {
  const t = useT()
  const count = useCount()
  const showDots = days.length <= 31
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={days} margin={{ top: 8, right: 4, bottom: 0, left: -8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="day" tick={AXIS} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
        <YAxis yAxisId="visitors" tick={AXIS} allowDecimals={false} width={44} />
        <YAxis yAxisId="leads" orientation="right" tick={AXIS} allowDecimals={false} width={36} />
        <Tooltip formatter={count} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Line
          yAxisId="visitors"
          type="monotone"
          dataKey="visitors"
          name={t('dashboard.trend.visitorsSeries')}
          stroke={BRAND}
          strokeWidth={2}
          dot={showDots ? { r: 2 } : false}
          legendType="plainline"
          isAnimationActive={false}
        />
        <Line
          yAxisId="leads"
          type="monotone"
          dataKey="leads"
          name={t('dashboard.trend.leadsSeries')}
          stroke={INK}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={showDots ? { r: 2 } : false}
          legendType="plainline"
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  )
}

/** One bar per row, longest first as given, its number printed at its end: the funnel. */
export function BarList({ rows, unit }: { rows: { label: string; value: number }[]; unit: string }) {
  const count = useCount()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 56, bottom: 0, left: 0 }}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis type="category" dataKey="label" tick={{ ...AXIS, fill: INK }} width={92} />
        <Tooltip formatter={count} />
        <Bar dataKey="value" name={unit} fill={BRAND} isAnimationActive={false}>
          <LabelList dataKey="value" position="right" formatter={(v) => count(v)} fill={INK} fontSize={13} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Leads and customers per channel: leads solid, customers hatched, each bar labelled with its kind. */
export function SourcesChart({ rows }: { rows: { label: string; leads: number; customers: number }[] }) {
  const t = useT()
  const count = useCount()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 96, bottom: 0, left: 0 }} barGap={2}>
        <defs>
          <pattern id="sources-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={INK} strokeWidth="3" />
          </pattern>
        </defs>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis type="category" dataKey="label" tick={{ ...AXIS, fill: INK }} width={104} />
        <Tooltip formatter={count} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="leads" name={t('dashboard.columns.leads')} fill={BRAND} isAnimationActive={false}>
          <LabelList dataKey="leads" position="right" formatter={(v) => t('dashboard.sources.leadsLabel', { count: Number(v), figure: count(v) })} fill={INK} fontSize={12} />
        </Bar>
        <Bar dataKey="customers" name={t('dashboard.sources.customersSeries')} fill="url(#sources-hatch)" stroke={INK} isAnimationActive={false}>
          <LabelList dataKey="customers" position="right" formatter={(v) => t('dashboard.sources.customersLabel', { count: Number(v), figure: count(v) })} fill={INK} fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Columns with their number on top: a distribution (time to convert). */
export function ColumnChart({ rows, unit }: { rows: { label: string; value: number }[]; unit: string }) {
  const count = useCount()
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 20, right: 4, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} interval={0} />
        <YAxis tick={AXIS} allowDecimals={false} />
        <Tooltip formatter={count} />
        <Bar dataKey="value" name={unit} fill={BRAND} isAnimationActive={false}>
          <LabelList dataKey="value" position="top" formatter={(v) => count(v)} fill={INK} fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}
