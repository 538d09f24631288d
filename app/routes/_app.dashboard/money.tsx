import { Link } from '@remix-run/react'
import { buttonClass } from '#app/components/ui/button'
import { describeCurrency, moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { KpiValue, Money as MoneyReport } from '#app/kpis/shape'
import type { KpiKind, Polarity } from './change'
import { KpiChange, KpiNumber } from './kpi-value'

export const SPEND_SETTINGS_HREF = '/settings/spend'

type Item = { label: string; kpi: KpiValue; kind: KpiKind; polarity?: Polarity; hint: string; testId: string }

/** CAC, ROI, deal value, lifetime value and pipeline velocity, once spend or deal values are entered; until then, how. */
export function Money({ money, currency, canEdit }: { money: MoneyReport; currency: string; canEdit: boolean }) {
  if (!money.hasData) {
    return (
      <Card title="Money">
        <div data-testid="money-empty" className="text-sm text-slate-600">
          <p>
            Enter your monthly marketing spend per source, and deal values on opportunities and customers, to see customer acquisition cost, return on marketing, average deal value, customer lifetime
            value and pipeline velocity here.
          </p>
          {canEdit ? (
            <Link to={SPEND_SETTINGS_HREF} className={buttonClass('primary', 'mt-3')}>
              Enter your spend
            </Link>
          ) : (
            <p className="mt-2">Ask an editor or owner to enter the spend under Settings → Spend.</p>
          )}
        </div>
      </Card>
    )
  }
  const hasSpend = (money.spend.value ?? 0) > 0 || (money.spend.previous ?? 0) > 0
  const items: Item[] = [
    { label: 'Marketing spend', kpi: money.spend, kind: 'money', polarity: 'neutral', hint: 'Monthly spend, prorated by day', testId: 'money-spend' },
    { label: 'New customers', kpi: money.newCustomers, kind: 'count', hint: 'Leads that became customers in the period', testId: 'money-customers' },
    { label: 'Revenue won', kpi: money.revenue, kind: 'money', hint: 'Deal values of those wins', testId: 'money-revenue' },
    { label: 'CAC', kpi: money.cac, kind: 'money', polarity: 'down', hint: 'Spend per new customer', testId: 'money-cac' },
    { label: 'ROI', kpi: money.roi, kind: 'return', hint: '(Revenue − spend) / spend', testId: 'money-roi' },
    { label: 'Average deal value', kpi: money.averageDealValue, kind: 'money', hint: 'Revenue per win with a value', testId: 'money-deal' },
    { label: 'Customer lifetime value', kpi: money.customerLifetimeValue, kind: 'money', hint: "Each new customer's deals so far, averaged", testId: 'money-clv' },
    { label: 'Opportunities', kpi: money.opportunities, kind: 'count', hint: 'Leads that reached Opportunity', testId: 'money-opportunities' },
    { label: 'Win rate', kpi: money.winRate, kind: 'rate', hint: 'Won of the opportunities decided', testId: 'money-win-rate' },
    { label: 'Sales cycle', kpi: money.averageSalesCycleDays, kind: 'days', polarity: 'down', hint: 'Mean time from lead to customer', testId: 'money-cycle' },
    { label: 'Pipeline velocity (per day)', kpi: money.pipelineVelocity, kind: 'money', hint: 'Opportunities × win rate × deal value ÷ cycle days', testId: 'money-velocity' },
  ]
  return (
    <Card
      title="Money"
      description={`Amounts in ${describeCurrency(currency)}, the workspace's currency (Settings → General).`}
      actions={
        canEdit ? (
          <Link to={SPEND_SETTINGS_HREF} className="text-sm text-brand-700 underline">
            Edit spend
          </Link>
        ) : undefined
      }
    >
      {!hasSpend ? (
        <p className="mb-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
          No spend entered for this period, so CAC and ROI are left out.{' '}
          {canEdit ? (
            <Link to={SPEND_SETTINGS_HREF} className="text-brand-700 underline">
              Enter your spend
            </Link>
          ) : null}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {items.map((item) => (
          <div key={item.label} className="rounded-md bg-slate-50 p-3" data-testid={item.testId}>
            <dt className="text-xs font-medium text-slate-600">{item.kind === 'money' ? moneyHeading(item.label, currency) : item.label}</dt>
            <dd className="text-lg font-semibold">
              <KpiNumber kpi={item.kpi} kind={item.kind} label={item.label} />
            </dd>
            <dd>
              <KpiChange kpi={item.kpi} kind={item.kind} polarity={item.polarity} />
            </dd>
            <dd className="text-xs text-slate-500">{item.hint}</dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}
