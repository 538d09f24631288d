import { Link } from '@remix-run/react'
import { Card } from '#app/components/ui/card'
import type { EntryPageKpi } from '#app/kpis/shape'
import { KpiCell } from './kpi-value'

/** The five pages most visits start on, with their bounce and conversion rates. */
export function EntryPages({ pages }: { pages: EntryPageKpi[] }) {
  return (
    <Card title="Top entry pages" description="The pages visits start on: the ones that bring visitors in.">
      {pages.length === 0 ? (
        <p className="text-sm text-slate-600">No visits started in this period.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="entry-pages">
            <thead className="text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">Page</th>
                <th className="py-2 pr-4 font-medium">Visitors</th>
                <th className="py-2 pr-4 font-medium">Visits</th>
                <th className="py-2 pr-4 font-medium">Bounce rate</th>
                <th className="py-2 pr-4 font-medium">Conversion rate</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {pages.map((p) => (
                <tr key={p.pageId} data-page-id={p.pageId}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium">
                    <Link to={p.pageHref} className="text-brand-700 hover:underline">{p.name}</Link>
                    <span className="block text-xs font-normal text-slate-500">/p/{p.slug}</span>
                  </th>
                  <KpiCell kpi={p.visitors} kind="count" />
                  <KpiCell kpi={p.sessions} kind="count" />
                  <KpiCell kpi={p.bounceRate} kind="rate" polarity="down" />
                  <KpiCell kpi={p.conversionRate} kind="rate" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
