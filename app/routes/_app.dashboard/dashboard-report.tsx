import { Link } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { buttonClass } from '#app/components/ui/button'
import { EmptyState, PageHeader } from '#app/components/ui/card'
import { Trans, useT } from '#app/i18n/provider'
import type { KpiPeriod, KpiReport } from '#app/kpis/shape'
import { Attribution } from './attribution'
import { Consent } from './consent'
import { Devices } from './devices'
import { EntryPages } from './entry-pages'
import { Funnel } from './funnel'
import { KpiCards } from './kpi-cards'
import { LandingPages } from './landing-pages'
import { Money } from './money'
import { dashboardHref, type DashboardSelection } from './period'
import { PeriodPicker } from './period-picker'
import { HeardAbout, Sources } from './sources'
import { TimeToConvert } from './time-to-convert'
import { Trend } from './trend'

const describePeriod = (t: TFunction, p: Pick<KpiPeriod, 'from' | 'to'>) => (p.from === p.to ? p.from : t('dashboard.report.range', { from: p.from, to: p.to }))

type Props = { report: KpiReport; selection: DashboardSelection; ignored: string[]; canEdit: boolean; pickerKey: string }

/** The whole report for a period: headline figures first, then the trend, the funnel and the breakdowns. */
export function DashboardReport({ report, selection, ignored, canEdit, pickerKey }: Props) {
  const isQuiet = report.summary.visitors.value === 0 && report.summary.leads.value === 0
  const hasRevenue = report.attribution.rows.some((r) => r.revenue > 0 || (r.previous?.revenue ?? 0) > 0)
  const t = useT()
  const period = describePeriod(t, report.period)
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={
          report.comparison
            ? t('dashboard.report.descriptionCompared', { period, timeZone: report.timeZone, comparison: describePeriod(t, report.comparison) })
            : t('dashboard.report.description', { period, timeZone: report.timeZone })
        }
      />
      <PeriodPicker key={pickerKey} selection={selection} timeZone={report.timeZone} />
      {ignored.length ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t('dashboard.report.ignored', { ignored: ignored.join('; '), period: describePeriod(t, selection) })}
        </p>
      ) : null}
      {isQuiet ? (
        <p role="status" className="mb-4 rounded-md bg-slate-100 p-3 text-sm text-slate-700">
          {t('dashboard.report.quiet')}
        </p>
      ) : null}
      <KpiCards summary={report.summary} />
      {/* Block layout, and min-w-0 in the grid: a wide table scrolls inside its card instead of widening the page. */}
      <div className="space-y-6">
        <Trend days={report.daily} timeZone={report.timeZone} leadsHref={(day) => `/leads?from=${day}&to=${day}`} />
        <Funnel funnel={report.funnel} />
        <div id="landing-pages" className="scroll-mt-4">
          <LandingPages pages={report.pages} />
        </div>
        {report.consent ? <Consent consent={report.consent} /> : null}
        <Sources sources={report.sources} showSpend={report.money.hasData} currency={report.currency} />
        <Attribution attribution={report.attribution} showRevenue={hasRevenue} currency={report.currency} hrefFor={(model) => dashboardHref(selection, { model })} />
        <Money money={report.money} currency={report.currency} canEdit={canEdit} />
        <HeardAbout rows={report.heardAbout} />
        <Devices devices={report.devices} mobile={report.mobile} />
        {/* Full width, as every table above: beside the time to conversion, at 1366 px, its rates were cut off. */}
        <EntryPages pages={report.entryPages} />
        <TimeToConvert data={report.timeToConversion} />
      </div>
      <p className="mt-6 text-xs text-slate-500">{t('dashboard.report.computed', { time: report.generatedAt.slice(0, 16).replace('T', ' ') })}</p>
    </>
  )
}

/** A workspace with no visit and no lead yet: what will be here, and the three steps that get it there. */
export function NewWorkspace({ canEdit }: { canEdit: boolean }) {
  const t = useT()
  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.empty.description')} />
      <EmptyState title={t('dashboard.empty.title')}>
        <p>{t('dashboard.empty.intro')}</p>
        <ol className="mx-auto mt-4 max-w-sm list-decimal space-y-1 pl-5 text-left text-sm">
          <li>
            <Trans i18nKey="dashboard.empty.stepForm" components={{ link: <Link to="/forms" className="text-brand-700 underline" /> }} />
          </li>
          <li>
            <Trans i18nKey="dashboard.empty.stepPage" components={{ link: <Link to="/pages" className="text-brand-700 underline" /> }} />
          </li>
          <li>{t('dashboard.empty.stepShare')}</li>
        </ol>
        {canEdit ? (
          <Link to="/pages" className={buttonClass('primary', 'mt-5')}>
            {t('dashboard.empty.goToPages')}
          </Link>
        ) : null}
      </EmptyState>
    </>
  )
}
