import { Link } from '@remix-run/react'
import { lazy } from 'react'
import { CHANNELS } from '#app/attribution/channel'
import { channelKey } from '#app/attribution/channel-keys'
import { ChartFrame } from '#app/components/chart-frame'
import { formatCount, moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { TableFrame } from '#app/components/ui/table-frame'
import { da } from '#app/visitor-language/catalogues/da'
import { en } from '#app/visitor-language/catalogues/en'
import { sv } from '#app/visitor-language/catalogues/sv'
import { HEARD_ABOUT_TEXT_KEYS } from '#app/visitor-language/heard-about'
import type { Language } from '#app/i18n/languages'
import { useLanguage, useT } from '#app/i18n/provider'
import type { HeardAboutRow, SourceKpi } from '#app/kpis/shape'
import { formatKpi } from './change'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell } from './kpi-value'

const SourcesChart = lazy(() => import('./charts').then((m) => ({ default: m.SourcesChart })))

/** Visitors, leads and customers per traffic channel (first touch), drawn and in a table. */
export function Sources({ sources, showSpend, currency }: { sources: SourceKpi[]; showSpend: boolean; currency: string }) {
  const t = useT()
  const language = useLanguage()
  const rows = sources.map((s) => ({ label: t(channelKey(s.channel)), leads: s.leads.value ?? 0, customers: s.customers.value ?? 0 }))
  const summary = sources
    .map((s) =>
      t('dashboard.sources.summaryItem', {
        channel: t(channelKey(s.channel)),
        leads: s.leads.value ?? 0,
        leadsFigure: formatKpi(s.leads.value, 'count', language),
        customers: s.customers.value ?? 0,
        customersFigure: formatKpi(s.customers.value, 'count', language),
      }),
    )
    .join('; ')
  return (
    <Card title={t('dashboard.sources.title')} description={t('dashboard.sources.description')}>
      <ChartFrame height={300} label={t('dashboard.sources.chartLabel', { summary })} fallback={summary}>
        <SourcesChart rows={rows} />
      </ChartFrame>
      <KpiTable
        label={t('dashboard.sources.title')}
        className="mt-4"
        data-testid="sources"
        columns={[
          t('dashboard.columns.source'),
          t('dashboard.columns.visitors'),
          t('dashboard.columns.leads'),
          t('dashboard.sources.visitorToLead'),
          t('dashboard.columns.customers'),
          showSpend && moneyHeading(t('dashboard.columns.spend'), currency),
        ]}
      >
        {sources.map((s) => (
          <tr key={s.channel} data-channel={s.channel}>
            <RowHeader>{t(channelKey(s.channel))}</RowHeader>
            <KpiCell kpi={s.visitors} kind="count" />
            <KpiCell kpi={s.leads} kind="count" label={t('dashboard.sources.leadsFrom', { channel: t(channelKey(s.channel)) })} />
            <KpiCell kpi={s.visitorToLeadRate} kind="rate" />
            <KpiCell kpi={s.customers} kind="count" label={t('dashboard.sources.customersFrom', { channel: t(channelKey(s.channel)) })} />
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

const VISITOR_WORDS = { en, sv, da } satisfies Record<Language, unknown>

/** The default answers as the forms word them for visitors, in the reader's language (the stored value is the key). */
function answerLabel(answer: string, language: Language) {
  const key = HEARD_ABOUT_TEXT_KEYS[answer as keyof typeof HEARD_ABOUT_TEXT_KEYS]
  return key ? VISITOR_WORDS[language].form[key] : answer
}

/** "How did you hear about us?" beside the tracked first touch: word of mouth shows up where tracking says direct. */
export function HeardAbout({ rows }: { rows: HeardAboutRow[] }) {
  const t = useT()
  const language = useLanguage()
  const count = (n: number) => formatCount(n, 0, language)
  return (
    <Card title={t('dashboard.heardAbout.title')} description={t('dashboard.heardAbout.description')}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('dashboard.heardAbout.none')}</p>
      ) : (
        <TableFrame label={t('dashboard.heardAbout.title')}>
          <table className="w-full text-left text-sm" data-testid="heard-about">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">{t('dashboard.heardAbout.theySaid')}</th>
                <th className="py-2 pr-4 font-medium">{t('dashboard.columns.leads')}</th>
                {CHANNELS.map((c) => (
                  <th key={c} className="py-2 pr-3 font-medium">
                    {t(channelKey(c))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {rows.map((row) => (
                <tr key={row.answer ?? ''}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium">
                    {row.answer === null ? <span className="font-normal italic text-slate-500">{t('dashboard.heardAbout.noAnswer')}</span> : answerLabel(row.answer, language)}
                  </th>
                  <td className="py-2 pr-4">
                    {row.href ? (
                      <Link to={row.href} className="text-brand-700 underline">
                        {count(row.leads)}
                      </Link>
                    ) : (
                      count(row.leads)
                    )}
                  </td>
                  {CHANNELS.map((c) => {
                    const n = row.byChannel[c] ?? 0
                    return (
                      <td key={c} className={`py-2 pr-3 ${n ? '' : 'text-slate-400'}`}>
                        {n && row.href ? (
                          <Link
                            to={withParams(row.href, { source: c })}
                            className="text-brand-700 underline"
                            aria-label={t('dashboard.heardAbout.cameThrough', { count: n, figure: count(n), channel: t(channelKey(c)) })}
                          >
                            {count(n)}
                          </Link>
                        ) : (
                          count(n)
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
