import { Link } from '@remix-run/react'
import { channelKey } from '#app/attribution/channel-keys'
import { moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { useT } from '#app/i18n/provider'
import { ATTRIBUTION_MODELS, type Attribution as AttributionReport, type AttributionModel, type KpiValue } from '#app/kpis/shape'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell } from './kpi-value'

/** Each model's name and what it credits, in the catalogue (dashboard.attribution.*). */
export const MODEL_LABEL_KEYS: Record<AttributionModel, string> = {
  first: 'dashboard.attribution.first',
  last: 'dashboard.attribution.last',
  linear: 'dashboard.attribution.linear',
}
const MODEL_HELP_KEYS: Record<AttributionModel, string> = {
  first: 'dashboard.attribution.firstHelp',
  last: 'dashboard.attribution.lastHelp',
  linear: 'dashboard.attribution.linearHelp',
}

/** Leads, customers and revenue credited to channels under the chosen model; the model is a link, so it is in the URL. */
export function Attribution({ attribution, hrefFor, showRevenue, currency }: { attribution: AttributionReport; hrefFor: (model: AttributionModel) => string; showRevenue: boolean; currency: string }) {
  const t = useT()
  const kpi = (row: AttributionReport['rows'][number], key: 'leads' | 'customers' | 'revenue'): KpiValue => ({
    value: row[key],
    previous: row.previous ? row.previous[key] : null,
    // The leads behind a channel's credit; customers and revenue are those same leads further on.
    href: key === 'leads' ? row.href : null,
  })
  return (
    <Card
      title={t('dashboard.attribution.title')}
      description={t('dashboard.attribution.description')}
      actions={
        <nav aria-label={t('dashboard.attribution.model')} className="flex flex-wrap gap-1">
          {ATTRIBUTION_MODELS.map((m) => (
            <Link
              key={m}
              to={hrefFor(m)}
              preventScrollReset
              aria-current={m === attribution.model ? 'true' : undefined}
              className={`rounded-md px-2.5 py-1 text-sm ring-1 ${m === attribution.model ? 'bg-brand-50 font-semibold text-brand-700 ring-2 ring-brand-600' : 'text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
            >
              {t(MODEL_LABEL_KEYS[m])}
            </Link>
          ))}
        </nav>
      }
    >
      <p className="mb-3 text-sm text-slate-600">
        <strong>{t(MODEL_LABEL_KEYS[attribution.model])}:</strong> {t(MODEL_HELP_KEYS[attribution.model])}
      </p>
      <KpiTable
        label={t('dashboard.attribution.tableLabel')}
        data-testid="attribution"
        data-model={attribution.model}
        columns={[t('dashboard.columns.source'), t('dashboard.columns.leads'), t('dashboard.columns.customers'), showRevenue && moneyHeading(t('dashboard.columns.revenue'), currency)]}
      >
        {attribution.rows.map((row) => (
          <tr key={row.channel} data-channel={row.channel}>
            <RowHeader>{t(channelKey(row.channel))}</RowHeader>
            <KpiCell kpi={kpi(row, 'leads')} kind="count" label={t('dashboard.attribution.leadsCredited', { channel: t(channelKey(row.channel)) })} />
            <KpiCell kpi={kpi(row, 'customers')} kind="count" />
            {showRevenue ? <KpiCell kpi={kpi(row, 'revenue')} kind="money" /> : null}
          </tr>
        ))}
      </KpiTable>
    </Card>
  )
}
