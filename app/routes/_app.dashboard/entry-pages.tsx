import { Link } from '@remix-run/react'
import { Card } from '#app/components/ui/card'
import type { EntryPageKpi } from '#app/kpis/shape'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell } from './kpi-value'

/** The five pages most visits start on, with their bounce and conversion rates. */
export function EntryPages({ pages }: { pages: EntryPageKpi[] }) {
  return (
    <Card title="Top entry pages" description="The pages visits start on: the ones that bring visitors in.">
      {pages.length === 0 ? (
        <p className="text-sm text-slate-600">No visits started in this period.</p>
      ) : (
        <KpiTable label="Top entry pages" data-testid="entry-pages" columns={['Page', 'Visitors', 'Visits', 'Bounce rate', 'Conversion rate']}>
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
