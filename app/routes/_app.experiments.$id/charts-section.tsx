import { lazy } from 'react'
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
  const variants = variantKeys.map((key, i) => ({ key, style: variantStyle(i) }))
  const treatments = variants.filter((v) => v.key !== control)
  const last = daily.at(-1)
  if (!last) {
    return (
      <Card title="Over time">
        <p className="text-sm text-slate-500">No traffic yet: the charts appear once visitors arrive.</p>
      </Card>
    )
  }
  const level = formatPercent(confidence, 0)
  const legend = (items: typeof variants) => <ChartLegend items={items.map((v) => ({ ...v, label: v.key === control ? `${v.key} (control)` : v.key }))} />
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
          title="Cumulative conversion rate"
          description={`Each variant’s rate from the start to each day, with its ${level} interval as a shaded band.`}
          summary={`On ${last.day}: ${latest((v) => `${formatPercent(v.rate)} (${formatInterval(v.ci, (x) => formatPercent(x))})`)}`}
          legend={legend(variants)}
          chart={<CumulativeRateChart rows={buildRateSeries(daily)} variants={variants} axis={rateAxis(daily)} />}
          table={<DailyTable name="rate" daily={daily} keys={variantKeys} cell={(v) => `${formatPercent(v.rate)} (${formatInterval(v.ci, (x) => formatPercent(x))})`} />}
        />
      </div>
      <ChartCard
        title={`Relative lift against ${control}`}
        description={`Cumulative lift of each variant, with its always-valid ${level} interval: safe to read every day. Where the band leaves 0%, the difference is significant.`}
        summary={`On ${last.day}: ${latestTreatments((v) => `${formatLift(v.relativeLift)} (${formatLiftInterval(v.relativeLiftCi)})`)}`}
        legend={legend(treatments)}
        chart={<LiftChart rows={buildLiftSeries(daily, control)} variants={treatments} axis={liftAxis(daily, control)} />}
        table={<DailyTable name="lift" daily={daily} keys={treatments.map((t) => t.key)} cell={(v) => `${formatLift(v.relativeLift)} (${formatLiftInterval(v.relativeLiftCi)})`} />}
      />
      <ChartCard
        title="Daily visitors"
        description={`New visitors entering each variant per day (days in ${timeZone}, the workspace’s time zone). The lines should run together in the configured split.`}
        summary={`On ${last.day}: ${latest((v) => formatCount(v.visitors))}`}
        legend={legend(variants)}
        chart={<DailyVisitorsChart rows={buildVisitorSeries(daily)} variants={variants} />}
        table={<DailyTable name="visitors" daily={daily} keys={variantKeys} cell={(v) => formatCount(v.visitors)} />}
      />
    </div>
  )
}

type ChartCardProps = { title: string; description: string; summary: string; legend: React.ReactNode; chart: React.ReactNode; table: React.ReactNode }

function ChartCard({ title, description, summary, legend, chart, table }: ChartCardProps) {
  return (
    <Card title={title} description={description}>
      <figure className="space-y-3">
        <div data-testid="chart">
          <ChartFrame height={256} label={`${title}. ${summary}`} fallback="The chart is drawn in the browser. The latest figures are just below, and every day is in the table.">
            {chart}
          </ChartFrame>
        </div>
        {legend}
        <figcaption className="text-xs text-slate-600">{summary}</figcaption>
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">The figures as a table</summary>
          <div className="mt-2 max-h-80 overflow-auto">{table}</div>
        </details>
      </figure>
    </Card>
  )
}

function DailyTable({ name, daily, keys, cell }: { name: string; daily: DailyPoint[]; keys: string[]; cell: (v: DailyVariant) => string }) {
  return (
    <table className="w-full text-left text-xs tabular-nums" data-testid="daily-table" data-chart={name}>
      <thead className="sticky top-0 bg-white text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Day
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
