import { lazy } from 'react'
import { ChartFrame } from '#app/components/chart-frame'
import { Card } from '#app/components/ui/card'
import { useLanguage, useT } from '#app/i18n/provider'
import type { Funnel as FunnelReport, KpiValue } from '#app/kpis/shape'
import { STAGE_KEYS } from '#app/leads/labels'
import { formatKpi, type KpiKind, type Polarity } from './change'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell, KpiChange, KpiNumber } from './kpi-value'

const BarList = lazy(() => import('./charts').then((m) => ({ default: m.BarList })))

/**
 * Lead → MQL → SQL → Opportunity → Customer: the leads that reached each stage in the period (the same customers and
 * opportunities as Money), drawn, then stage by stage.
 */
export function Funnel({ funnel }: { funnel: FunnelReport }) {
  const t = useT()
  const language = useLanguage()
  const rows = funnel.steps.map((s) => ({ label: t(STAGE_KEYS[s.stage]), value: s.count.value ?? 0 }))
  const summary = funnel.steps.map((s) => `${t(STAGE_KEYS[s.stage])} ${formatKpi(s.count.value, 'count', language)}`).join(', ')
  const rates: { label: string; kpi: KpiValue; kind: KpiKind; polarity?: Polarity }[] = [
    { label: t('dashboard.funnel.visitorToMql'), kpi: funnel.visitorToMql, kind: 'rate' },
    { label: t('dashboard.funnel.mqlToSql'), kpi: funnel.mqlToSql, kind: 'rate' },
    { label: t('dashboard.funnel.sqlToWon'), kpi: funnel.sqlToWon, kind: 'rate' },
    { label: t('dashboard.funnel.leadToCustomer'), kpi: funnel.leadToCustomer, kind: 'rate' },
    { label: t('dashboard.funnel.medianLeadToCustomer'), kpi: funnel.medianDaysLeadToCustomer, kind: 'days', polarity: 'down' },
    { label: t('dashboard.funnel.lost'), kpi: funnel.lost, kind: 'count', polarity: 'down' },
  ]
  return (
    <Card title={t('dashboard.funnel.title')} description={t('dashboard.funnel.description')}>
      <div data-testid="funnel">
        <ChartFrame height={220} label={t('dashboard.funnel.chartLabel', { summary })} fallback={summary}>
          <BarList rows={rows} unit={t('dashboard.columns.leads')} />
        </ChartFrame>
        <KpiTable
          label={t('dashboard.funnel.title')}
          className="mt-4"
          columns={[t('dashboard.columns.stage'), t('dashboard.columns.leads'), t('dashboard.funnel.fromBefore'), t('dashboard.funnel.medianFromBefore')]}
        >
          {funnel.steps.map((step) => (
            <tr key={step.stage} data-stage={step.stage}>
              <RowHeader>{t(STAGE_KEYS[step.stage])}</RowHeader>
              <KpiCell kpi={step.count} kind="count" label={t('dashboard.funnel.reached', { stage: t(STAGE_KEYS[step.stage]) })} />
              <KpiCell kpi={step.rateFromPrevious} kind="rate" />
              <KpiCell kpi={step.medianDaysFromPrevious} kind="days" polarity="down" />
            </tr>
          ))}
        </KpiTable>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {rates.map((r) => (
            <div key={r.label} className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-600">{r.label}</dt>
              <dd className="text-lg font-semibold">
                <KpiNumber kpi={r.kpi} kind={r.kind} label={r.label} />
              </dd>
              <dd>
                <KpiChange kpi={r.kpi} kind={r.kind} polarity={r.polarity} />
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  )
}
