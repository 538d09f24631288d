import { lazy } from 'react'
import { ChartFrame } from '#app/components/chart-frame'
import { Card } from '#app/components/ui/card'
import { TIME_TO_CONVERSION_LABELS, type TimeToConversion, type TimeToConversionBucket } from '#app/kpis/shape'
import { formatKpi } from './change'
import { KpiCell, KpiChange, KpiNumber } from './kpi-value'

const ColumnChart = lazy(() => import('./charts').then((m) => ({ default: m.ColumnChart })))

// Axis labels short enough for a phone; the table beside the chart says them in full.
const SHORT: Record<TimeToConversionBucket, string> = { under_1h: '< 1 h', '1h_1d': '1 h–1 d', '1d_7d': '1–7 d', '7d_30d': '7–30 d', over_30d: '> 30 d' }

/** How long from the first visit to the first conversion, for the period's new leads. */
export function TimeToConvert({ data }: { data: TimeToConversion }) {
  const rows = data.buckets.map((b) => ({ label: SHORT[b.bucket], value: b.leads.value ?? 0 }))
  const summary = data.buckets.map((b) => `${TIME_TO_CONVERSION_LABELS[b.bucket]}: ${formatKpi(b.leads.value, 'count')}`).join('; ')
  return (
    <Card title="Time from first visit to conversion" description="New leads of the period, by how long after their first visit they first converted.">
      <p className="mb-3 text-sm" data-testid="median-time-to-convert">
        Median:{' '}
        <strong>
          <KpiNumber kpi={data.medianDays} kind="days" />
        </strong>{' '}
        <KpiChange kpi={data.medianDays} kind="days" polarity="neutral" />
      </p>
      <ChartFrame height={200} label={`Column chart of leads by time to convert. ${summary}`} fallback={summary}>
        <ColumnChart rows={rows} unit="Leads" />
      </ChartFrame>
      <table className="mt-3 w-full text-left text-sm" data-testid="time-to-convert">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium">Time to convert</th>
            <th className="py-1 pr-4 font-medium">Leads</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.buckets.map((b) => (
            <tr key={b.bucket} data-bucket={b.bucket}>
              <th scope="row" className="py-1 pr-4 text-left font-normal">
                {TIME_TO_CONVERSION_LABELS[b.bucket]}
              </th>
              <KpiCell kpi={b.leads} kind="count" polarity="neutral" />
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
