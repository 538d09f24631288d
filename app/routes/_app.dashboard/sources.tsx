import { Link } from '@remix-run/react'
import { lazy } from 'react'
import { CHANNEL_LABELS, CHANNELS } from '#app/attribution/channel'
import { ChartFrame } from '#app/components/chart-frame'
import { formatCount, moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { TableFrame } from '#app/components/ui/table-frame'
import { HEARD_ABOUT_DEFAULT_OPTIONS } from '#app/forms/purposes'
import type { HeardAboutRow, SourceKpi } from '#app/kpis/shape'
import { formatKpi } from './change'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell } from './kpi-value'

const SourcesChart = lazy(() => import('./charts').then((m) => ({ default: m.SourcesChart })))

/** Visitors, leads and customers per traffic channel (first touch), drawn and in a table. */
export function Sources({ sources, showSpend, currency }: { sources: SourceKpi[]; showSpend: boolean; currency: string }) {
  const rows = sources.map((s) => ({ label: CHANNEL_LABELS[s.channel], leads: s.leads.value ?? 0, customers: s.customers.value ?? 0 }))
  const summary = sources.map((s) => `${CHANNEL_LABELS[s.channel]}: ${formatKpi(s.leads.value, 'count')} leads, ${formatKpi(s.customers.value, 'count')} customers`).join('; ')
  return (
    <Card title="Traffic sources" description="Visitors by the channel of their first visit in the period; leads and customers by their first touch.">
      <ChartFrame height={300} label={`Bar chart of leads and customers per source. ${summary}`} fallback={summary}>
        <SourcesChart rows={rows} />
      </ChartFrame>
      <KpiTable label="Traffic sources" className="mt-4" data-testid="sources" columns={['Source', 'Visitors', 'Leads', 'Visitor → lead', 'Customers', showSpend && moneyHeading('Spend', currency)]}>
        {sources.map((s) => (
          <tr key={s.channel} data-channel={s.channel}>
            <RowHeader>{CHANNEL_LABELS[s.channel]}</RowHeader>
            <KpiCell kpi={s.visitors} kind="count" />
            <KpiCell kpi={s.leads} kind="count" label={`leads from ${CHANNEL_LABELS[s.channel]}`} />
            <KpiCell kpi={s.visitorToLeadRate} kind="rate" />
            <KpiCell kpi={s.customers} kind="count" label={`customers from ${CHANNEL_LABELS[s.channel]}`} />
            {showSpend ? <KpiCell kpi={s.spend} kind="money" polarity="neutral" /> : null}
          </tr>
        ))}
      </KpiTable>
    </Card>
  )
}

/** An admin URL with some query parameters set: a row's leads narrowed to one channel. */
export function withParams(href: string, params: Record<string, string>) {
  const url = new URL(href, 'http://x')
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return `${url.pathname}?${url.searchParams}`
}

const ANSWER_LABELS = new Map(HEARD_ABOUT_DEFAULT_OPTIONS.map((o) => [o.value, o.label]))

/** "How did you hear about us?" beside the tracked first touch: word of mouth shows up where tracking says direct. */
export function HeardAbout({ rows }: { rows: HeardAboutRow[] }) {
  return (
    <Card title="How they heard about us" description="What leads answered, beside the first-touch source we tracked for the same leads.">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No new leads in this period.</p>
      ) : (
        <TableFrame label="How they heard about us">
          <table className="w-full text-left text-sm" data-testid="heard-about">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">They said</th>
                <th className="py-2 pr-4 font-medium">Leads</th>
                {CHANNELS.map((c) => (
                  <th key={c} className="py-2 pr-3 font-medium">
                    {CHANNEL_LABELS[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {rows.map((row) => (
                <tr key={row.answer ?? ''}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium">
                    {row.answer === null ? <span className="font-normal italic text-slate-500">Not asked or no answer</span> : (ANSWER_LABELS.get(row.answer) ?? row.answer)}
                  </th>
                  <td className="py-2 pr-4">
                    {row.href ? (
                      <Link to={row.href} className="text-brand-700 underline">
                        {formatCount(row.leads)}
                      </Link>
                    ) : (
                      formatCount(row.leads)
                    )}
                  </td>
                  {CHANNELS.map((c) => {
                    const n = row.byChannel[c] ?? 0
                    return (
                      <td key={c} className={`py-2 pr-3 ${n ? '' : 'text-slate-400'}`}>
                        {n && row.href ? (
                          <Link to={withParams(row.href, { source: c })} className="text-brand-700 underline" aria-label={`${formatCount(n)} of them first came through ${CHANNEL_LABELS[c]}`}>
                            {formatCount(n)}
                          </Link>
                        ) : (
                          formatCount(n)
                        )}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </Card>
  )
}
