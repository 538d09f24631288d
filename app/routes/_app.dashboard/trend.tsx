import { Link } from '@remix-run/react'
import { lazy } from 'react'
import { ChartFrame } from '#app/components/chart-frame'
import { formatCount } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { useLanguage, useT } from '#app/i18n/provider'
import type { KpiDay } from '#app/kpis/shape'

const TrendChart = lazy(() => import('./charts').then((m) => ({ default: m.TrendChart })))

export type TrendDay = Pick<KpiDay, 'day' | 'visitors' | 'leads'>

/** Visitors and new leads per day of the period, drawn, and day by day in a table that opens. */
export function Trend({ days, timeZone, leadsHref }: { days: TrendDay[]; timeZone: string; leadsHref: (day: string) => string }) {
  const t = useT()
  const language = useLanguage()
  const totalLeads = days.reduce((sum, d) => sum + d.leads, 0)
  const busiest = days.reduce<TrendDay | null>((best, d) => (!best || d.visitors > best.visitors ? d : best), null)
  const summary = busiest
    ? t('dashboard.trend.summary', {
        leads: totalLeads,
        leadsFigure: formatCount(totalLeads, 0, language),
        days: days.length,
        busiest: busiest.day,
        visitors: formatCount(busiest.visitors, 0, language),
      })
    : t('dashboard.trend.noDays')
  return (
    <Card title={t('dashboard.trend.title')} description={t('dashboard.trend.description')}>
      <ChartFrame height={260} label={t('dashboard.trend.chartLabel', { summary })} fallback={summary}>
        <TrendChart days={days} />
      </ChartFrame>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-slate-600">{t('dashboard.trend.dayByDay')}</summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left" data-testid="trend">
            <thead className="sticky top-0 bg-white text-slate-500">
              <tr>
                <th className="py-1 pr-4 font-medium">{t('dashboard.trend.day', { timeZone })}</th>
                <th className="py-1 pr-4 text-right font-medium">{t('dashboard.columns.visitors')}</th>
                <th className="py-1 pr-4 text-right font-medium">{t('dashboard.kpis.newLeads')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {days.map((d) => (
                <tr key={d.day}>
                  <td className="py-1 pr-4">{d.day}</td>
                  <td className="py-1 pr-4 text-right">{formatCount(d.visitors, 0, language)}</td>
                  <td className="py-1 pr-4 text-right">
                    {d.leads > 0 ? (
                      <Link to={leadsHref(d.day)} className="text-brand-700 underline">
                        {formatCount(d.leads, 0, language)}
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
