import { Link } from '@remix-run/react'
import { Card } from '#app/components/ui/card'
import { useT } from '#app/i18n/provider'
import type { EntryPageKpi } from '#app/kpis/shape'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell } from './kpi-value'

/** The five pages most visits start on, with their bounce and conversion rates. */
export function EntryPages({ pages }: { pages: EntryPageKpi[] }) {
  const t = useT()
  return (
    <Card title={t('dashboard.entryPages.title')} description={t('dashboard.entryPages.description')}>
      {pages.length === 0 ? (
        <p className="text-sm text-slate-600">{t('dashboard.entryPages.none')}</p>
      ) : (
        <KpiTable
          label={t('dashboard.entryPages.title')}
          data-testid="entry-pages"
          columns={[t('dashboard.columns.page'), t('dashboard.columns.visitors'), t('dashboard.columns.visits'), t('dashboard.columns.bounceRate'), t('dashboard.columns.conversionRate')]}
        >
          {pages.map((p) => (
            <tr key={p.pageId} data-page-id={p.pageId}>
              <RowHeader>
                <Link to={p.pageHref} className="text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <span className="block text-xs font-normal text-slate-500">/p/{p.slug}</span>
              </RowHeader>
              <KpiCell kpi={p.visitors} kind="count" />
              <KpiCell kpi={p.sessions} kind="count" />
              <KpiCell kpi={p.bounceRate} kind="rate" polarity="down" />
              <KpiCell kpi={p.conversionRate} kind="rate" />
            </tr>
          ))}
        </KpiTable>
      )}
    </Card>
  )
}
