import { lazy } from 'react'
import { useLanguage, useT } from '#app/i18n/provider'
import { ChartFrame } from '#app/components/chart-frame'
import { formatCount, formatInterval, formatLift, formatLiftInterval, formatPercent } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { DailyPoint, DailyVariant } from '#app/experiments/results/shape'
import { buildLiftSeries, buildRateSeries, buildVisitorSeries, liftAxis, rateAxis, variantStyle } from './chart-data'
import { ChartLegend } from './chart-legend'

// recharts needs a measured width, so the charts render in the browser only (ChartFrame), in a chunk of their
// own. Until then (and without JavaScript) each figure shows its latest values as text, and every figure keeps a table.
const CumulativeRateChart = lazy(() => import('./results-charts').then((m) => ({ default: m.CumulativeRateChart })))
const LiftChart = lazy(() => import('./results-charts').then((m) => ({ default: m.LiftChart })))
const DailyVisitorsChart = lazy(() => import('./results-charts').then((m) => ({ default: m.DailyVisitorsChart })))

type Props = { daily: DailyPoint[]; variantKeys: string[]; control: string; confidence: number; timeZone: string }

export function ResultsCharts({ daily, variantKeys, control, confidence, timeZone }: Props) {
  const t = useT()
  const language = useLanguage()
  const to = t('results.interval.to')
  const unbounded = t('results.interval.unbounded')
  const variants = variantKeys.map((key, i) => ({ key, style: variantStyle(i) }))
  const treatments = variants.filter((v) => v.key !== control)
  const last = daily.at(-1)
  if (!last) {
    return (
      <Card title={t('results.charts.overTime')}>
        <p className="text-sm text-slate-500">{t('results.charts.noTraffic')}</p>
      </Card>
    )
  }
  const level = formatPercent(confidence, 0, language)
  const legend = (items: typeof variants) => <ChartLegend items={items.map((v) => ({ ...v, label: v.key === control ? t('results.charts.controlLabel', { variant: v.key }) : v.key }))} />
  const on = (figures: string) => t('results.charts.on', { day: last.day, figures })
  const rateCell = (v: DailyVariant) => `${formatPercent(v.rate, 2, language)} (${formatInterval(v.ci, (x) => formatPercent(x, 2, language), to)})`
  const liftCell = (v: DailyVariant) => `${formatLift(v.relativeLift, 1, language)} (${formatLiftInterval(v.relativeLiftCi, language, unbounded, to)})`
  const latest = (pick: (v: DailyVariant) => string) => last.variants.map((v) => `${v.key} ${pick(v)}`).join(' · ')
  const latestTreatments = (pick: (v: DailyVariant) => string) =>
    last.variants
      .filter((v) => v.key !== control)
      .map((v) => `${v.key} ${pick(v)}`)
      .join(' · ')
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" data-testid="results-charts">
      <div className="lg:col-span-2">
        <ChartCard
          title={t('results.charts.rateTitle')}
          description={t('results.charts.rateDescription', { level })}
          summary={on(latest(rateCell))}
          legend={legend(variants)}
          chart={<CumulativeRateChart rows={buildRateSeries(daily)} variants={variants} axis={rateAxis(daily)} />}
          table={<DailyTable name="rate" daily={daily} keys={variantKeys} cell={rateCell} />}
        />
      </div>
      <ChartCard
        title={t('results.charts.liftTitle', { control })}
        description={t('results.charts.liftDescription', { level, zero: formatPercent(0, 0, language) })}
        summary={on(latestTreatments(liftCell))}
        legend={legend(treatments)}
        chart={<LiftChart rows={buildLiftSeries(daily, control)} variants={treatments} axis={liftAxis(daily, control)} />}
        table={<DailyTable name="lift" daily={daily} keys={treatments.map((v) => v.key)} cell={liftCell} />}
      />
      <ChartCard
        title={t('results.charts.visitorsTitle')}
        description={t('results.charts.visitorsDescription', { timeZone })}
        summary={on(latest((v) => formatCount(v.visitors, 0, language)))}
        legend={legend(variants)}
        chart={<DailyVisitorsChart rows={buildVisitorSeries(daily)} variants={variants} />}
        table={<DailyTable name="visitors" daily={daily} keys={variantKeys} cell={(v) => formatCount(v.visitors, 0, language)} />}
      />
    </div>
  )
}

type ChartCardProps = { title: string; description: string; summary: string; legend: React.ReactNode; chart: React.ReactNode; table: React.ReactNode }

function ChartCard({ title, description, summary, legend, chart, table }: ChartCardProps) {
  const t = useT()
  return (
    <Card title={title} description={description}>
      <figure className="space-y-3">
        <div data-testid="chart">
          <ChartFrame height={256} label={`${title}. ${summary}`} fallback={t('results.charts.fallback')}>
            {chart}
          </ChartFrame>
        </div>
        {legend}
        <figcaption className="text-xs text-slate-600">{summary}</figcaption>
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">{t('results.charts.asTable')}</summary>
          <div className="mt-2 max-h-80 overflow-auto">{table}</div>
        </details>
      </figure>
    </Card>
  )
}

function DailyTable({ name, daily, keys, cell }: { name: string; daily: DailyPoint[]; keys: string[]; cell: (v: DailyVariant) => string }) {
  const t = useT()
  return (
    <table className="w-full text-left text-xs tabular-nums" data-testid="daily-table" data-chart={name}>
      <thead className="sticky top-0 bg-white text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            {t('results.charts.day')}
          </th>
          {keys.map((k) => (
            <th key={k} scope="col" className="py-1 pr-3 font-medium">
              {k}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {daily.map((d) => (
          <tr key={d.day} data-day={d.day}>
            <th scope="row" className="whitespace-nowrap py-1 pr-3 font-normal">
              {d.day}
            </th>
            {keys.map((k) => {
              const v = d.variants.find((x) => x.key === k)
              return (
                <td key={k} className="whitespace-nowrap py-1 pr-3">
                  {v ? cell(v) : '–'}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
