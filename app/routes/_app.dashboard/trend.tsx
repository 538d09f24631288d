import { Link } from '@remix-run/react'
import { lazy } from 'react'
import { ChartFrame } from '#app/components/chart-frame'
import { formatCount } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { KpiDay } from '#app/kpis/shape'

const TrendChart = lazy(() => import('./charts').then((m) => ({ default: m.TrendChart })))

export type TrendDay = Pick<KpiDay, 'day' | 'visitors' | 'leads'>

/** Visitors and new leads per day of the period, drawn, and day by day in a table that opens. */
export function Trend({ days, timeZone, leadsHref }: { days: TrendDay[]; timeZone: string; leadsHref: (day: string) => string }) {
  const totalLeads = days.reduce((sum, d) => sum + d.leads, 0)
  const busiest = days.reduce<TrendDay | null>((best, d) => (!best || d.visitors > best.visitors ? d : best), null)
  const summary = busiest
    ? `${formatCount(totalLeads)} new leads over ${days.length} days; the busiest day was ${busiest.day} with ${formatCount(busiest.visitors)} visitors.`
    : 'No days in this period.'
  return (
    <Card title="Visitors and leads per day" description="A visitor who comes back on another day counts on each day.">
      <ChartFrame height={260} label={`Line chart of visitors and new leads per day. ${summary}`} fallback={summary}>
        <TrendChart days={days} />
      </ChartFrame>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-600">Day by day</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left" data-testid="trend">
            <thead className="sticky top-0 bg-white text-slate-500">
              <tr>
                <th className="py-1 pr-4 font-medium">Day ({timeZone})</th>
                <th className="py-1 pr-4 text-right font-medium">Visitors</th>
                <th className="py-1 pr-4 text-right font-medium">New leads</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {days.map((d) => (
                <tr key={d.day}>
                  <td className="py-1 pr-4">{d.day}</td>
                  <td className="py-1 pr-4 text-right">{formatCount(d.visitors)}</td>
                  <td className="py-1 pr-4 text-right">
                    {d.leads > 0 ? (
                      <Link to={leadsHref(d.day)} className="text-brand-700 underline">
                        {formatCount(d.leads)}
                      </Link>
                    ) : (
                      '0'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Card>
  )
}
