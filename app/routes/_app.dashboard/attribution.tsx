import { Link } from '@remix-run/react'
import { CHANNEL_LABELS } from '#app/attribution/channel'
import { moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { ATTRIBUTION_MODEL_LABELS, ATTRIBUTION_MODELS, type Attribution as AttributionReport, type AttributionModel, type KpiValue } from '#app/kpis/shape'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell } from './kpi-value'

const MODEL_HELP: Record<AttributionModel, string> = {
  first: 'Each lead, customer and deal counts for the channel that started the journey.',
  last: 'Each counts for the channel of the last visit before converting: the channels that close.',
  linear: 'Each is shared equally among every channel the lead came through, so credit can be fractional.',
}

/** Leads, customers and revenue credited to channels under the chosen model; the model is a link, so it is in the URL. */
export function Attribution({ attribution, hrefFor, showRevenue, currency }: { attribution: AttributionReport; hrefFor: (model: AttributionModel) => string; showRevenue: boolean; currency: string }) {
  const kpi = (row: AttributionReport['rows'][number], key: 'leads' | 'customers' | 'revenue'): KpiValue => ({
    value: row[key],
    previous: row.previous ? row.previous[key] : null,
    // The leads behind a channel's credit; customers and revenue are those same leads further on.
    href: key === 'leads' ? row.href : null,
  })
  return (
    <Card
      title="Attribution"
      description="Which channels start journeys and which close them."
      actions={
        <nav aria-label="Attribution model" className="flex flex-wrap gap-1">
          {ATTRIBUTION_MODELS.map((m) => (
            <Link
              key={m}
              to={hrefFor(m)}
              preventScrollReset
              aria-current={m === attribution.model ? 'true' : undefined}
              className={`rounded-md px-2.5 py-1 text-sm ring-1 ${m === attribution.model ? 'bg-brand-50 font-semibold text-brand-700 ring-2 ring-brand-600' : 'text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
            >
              {ATTRIBUTION_MODEL_LABELS[m]}
            </Link>
          ))}
        </nav>
      }
    >
      <p className="mb-3 text-sm text-slate-600">
        <strong>{ATTRIBUTION_MODEL_LABELS[attribution.model]}:</strong> {MODEL_HELP[attribution.model]}
      </p>
      <KpiTable
        label="Leads and customers by source"
        data-testid="attribution"
        data-model={attribution.model}
        columns={['Source', 'Leads', 'Customers', showRevenue && moneyHeading('Revenue', currency)]}
      >
        {attribution.rows.map((row) => (
          <tr key={row.channel} data-channel={row.channel}>
            <RowHeader>{CHANNEL_LABELS[row.channel]}</RowHeader>
            <KpiCell kpi={kpi(row, 'leads')} kind="count" label={`leads credited to ${CHANNEL_LABELS[row.channel]}`} />
            <KpiCell kpi={kpi(row, 'customers')} kind="count" />
            {showRevenue ? <KpiCell kpi={kpi(row, 'revenue')} kind="money" /> : null}
          </tr>
        ))}
      </KpiTable>
    </Card>
  )
}
