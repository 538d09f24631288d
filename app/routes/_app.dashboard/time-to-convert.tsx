import { lazy } from 'react'
import { ChartFrame } from '#app/components/chart-frame'
import { Card } from '#app/components/ui/card'
import { useLanguage, useT } from '#app/i18n/provider'
import type { TimeToConversion, TimeToConversionBucket } from '#app/kpis/shape'
import { formatKpi } from './change'
import { KpiCell, KpiChange, KpiNumber } from './kpi-value'

const ColumnChart = lazy(() => import('./charts').then((m) => ({ default: m.ColumnChart })))

// Axis labels short enough for a phone; the table beside the chart says them in full.
const SHORT_KEYS: Record<TimeToConversionBucket, string> = {
  under_1h: 'dashboard.timeToConvert.shortUnder1h',
  '1h_1d': 'dashboard.timeToConvert.short1hTo1d',
  '1d_7d': 'dashboard.timeToConvert.short1dTo7d',
  '7d_30d': 'dashboard.timeToConvert.short7dTo30d',
  over_30d: 'dashboard.timeToConvert.shortOver30d',
}
const BUCKET_KEYS: Record<TimeToConversionBucket, string> = {
  under_1h: 'dashboard.timeToConvert.under1h',
  '1h_1d': 'dashboard.timeToConvert.from1hTo1d',
  '1d_7d': 'dashboard.timeToConvert.from1dTo7d',
  '7d_30d': 'dashboard.timeToConvert.from7dTo30d',
  over_30d: 'dashboard.timeToConvert.over30d',
}
const shortKey = (bucket: TimeToConversionBucket) => SHORT_KEYS[bucket]
const bucketKey = (bucket: TimeToConversionBucket) => BUCKET_KEYS[bucket]

/** How long from the first visit to the first conversion, for the period's new leads. */
export function TimeToConvert({ data }: { data: TimeToConversion }) {
  const t = useT()
  const language = useLanguage()
  const rows = data.buckets.map((b) => ({ label: t(shortKey(b.bucket)), value: b.leads.value ?? 0 }))
  const summary = data.buckets.map((b) => `${t(bucketKey(b.bucket))}: ${formatKpi(b.leads.value, 'count', language)}`).join('; ')
  return (
    <Card title={t('dashboard.timeToConvert.title')} description={t('dashboard.timeToConvert.description')}>
      <p className="mb-3 text-sm" data-testid="median-time-to-convert">
        {t('dashboard.timeToConvert.median')}{' '}
        <strong>
          <KpiNumber kpi={data.medianDays} kind="days" />
        </strong>{' '}
        <KpiChange kpi={data.medianDays} kind="days" polarity="neutral" />
      </p>
      <ChartFrame height={200} label={t('dashboard.timeToConvert.chartLabel', { summary })} fallback={summary}>
        <ColumnChart rows={rows} unit={t('dashboard.columns.leads')} />
      </ChartFrame>
      <table className="mt-3 w-full text-left text-sm" data-testid="time-to-convert">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-4 font-medium">{t('dashboard.timeToConvert.column')}</th>
            <th className="py-1 pr-4 font-medium">{t('dashboard.columns.leads')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.buckets.map((b) => (
            <tr key={b.bucket} data-bucket={b.bucket}>
              <th scope="row" className="py-1 pr-4 text-left font-normal">
                {t(bucketKey(b.bucket))}
              </th>
              <KpiCell kpi={b.leads} kind="count" polarity="neutral" />
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
