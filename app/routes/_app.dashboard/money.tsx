import { Link } from '@remix-run/react'
import { buttonClass } from '#app/components/ui/button'
import { describeCurrency, moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { useLanguage, useT } from '#app/i18n/provider'
import type { KpiValue, Money as MoneyReport } from '#app/kpis/shape'
import type { KpiKind, Polarity } from './change'
import { KpiChange, KpiNumber } from './kpi-value'

export const SPEND_SETTINGS_HREF = '/settings/spend'

type Item = { label: string; kpi: KpiValue; kind: KpiKind; polarity?: Polarity; hint: string; testId: string }

/** CAC, ROI, deal value, lifetime value and pipeline velocity, once spend or deal values are entered; until then, how. */
export function Money({ money, currency, canEdit }: { money: MoneyReport; currency: string; canEdit: boolean }) {
  const t = useT()
  const language = useLanguage()
  if (!money.hasData) {
    return (
      <Card title={t('dashboard.money.title')}>
        <div data-testid="money-empty" className="text-sm text-slate-600">
          <p>{t('dashboard.money.empty')}</p>
          {canEdit ? (
            <Link to={SPEND_SETTINGS_HREF} className={buttonClass('primary', 'mt-3')}>
              {t('dashboard.money.enterSpend')}
            </Link>
          ) : (
            <p className="mt-2">{t('dashboard.money.askEditor')}</p>
          )}
        </div>
      </Card>
    )
  }
  const hasSpend = (money.spend.value ?? 0) > 0 || (money.spend.previous ?? 0) > 0
  const items: Item[] = [
    { label: t('dashboard.money.spend'), kpi: money.spend, kind: 'money', polarity: 'neutral', hint: t('dashboard.money.spendHint'), testId: 'money-spend' },
    { label: t('dashboard.money.newCustomers'), kpi: money.newCustomers, kind: 'count', hint: t('dashboard.money.newCustomersHint'), testId: 'money-customers' },
    { label: t('dashboard.money.revenue'), kpi: money.revenue, kind: 'money', hint: t('dashboard.money.revenueHint'), testId: 'money-revenue' },
    { label: t('dashboard.money.cac'), kpi: money.cac, kind: 'money', polarity: 'down', hint: t('dashboard.money.cacHint'), testId: 'money-cac' },
    { label: t('dashboard.money.roi'), kpi: money.roi, kind: 'return', hint: t('dashboard.money.roiHint'), testId: 'money-roi' },
    { label: t('dashboard.money.averageDealValue'), kpi: money.averageDealValue, kind: 'money', hint: t('dashboard.money.averageDealValueHint'), testId: 'money-deal' },
    { label: t('dashboard.money.lifetimeValue'), kpi: money.customerLifetimeValue, kind: 'money', hint: t('dashboard.money.lifetimeValueHint'), testId: 'money-clv' },
    { label: t('dashboard.money.opportunities'), kpi: money.opportunities, kind: 'count', hint: t('dashboard.money.opportunitiesHint'), testId: 'money-opportunities' },
    { label: t('dashboard.money.winRate'), kpi: money.winRate, kind: 'rate', hint: t('dashboard.money.winRateHint'), testId: 'money-win-rate' },
    { label: t('dashboard.money.salesCycle'), kpi: money.averageSalesCycleDays, kind: 'days', polarity: 'down', hint: t('dashboard.money.salesCycleHint'), testId: 'money-cycle' },
    { label: t('dashboard.money.velocity'), kpi: money.pipelineVelocity, kind: 'money', hint: t('dashboard.money.velocityHint'), testId: 'money-velocity' },
  ]
  return (
    <Card
      title={t('dashboard.money.title')}
      description={t('dashboard.money.description', { currency: describeCurrency(currency, language) })}
      actions={
        canEdit ? (
          <Link to={SPEND_SETTINGS_HREF} className="text-sm text-brand-700 underline">
            {t('dashboard.money.editSpend')}
          </Link>
        ) : undefined
      }
    >
      {!hasSpend ? (
        <p className="mb-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
          {t('dashboard.money.noSpend')}{' '}
          {canEdit ? (
            <Link to={SPEND_SETTINGS_HREF} className="text-brand-700 underline">
              {t('dashboard.money.enterSpend')}
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
