import { Link } from '@remix-run/react'
import { Card } from '#app/components/ui/card'
import { useT } from '#app/i18n/provider'
import { NO_CONVERSION_MIN_VISITORS, type PageKpi } from '#app/kpis/shape'
import { KpiTable } from './kpi-table'
import { KpiCell } from './kpi-value'

/** Landing-page conversion rate per page and per variant; pages with traffic and no conversion are named. */
export function LandingPages({ pages }: { pages: PageKpi[] }) {
  const notConverting = pages.filter((p) => p.isNotConverting)
  const t = useT()
  return (
    <Card title={t('dashboard.landingPages.title')} description={t('dashboard.landingPages.description')}>
      {notConverting.length ? (
        <p role="status" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <span aria-hidden>⚠ </span>
          {t('dashboard.landingPages.notConverting', { count: notConverting.length })}{' '}
          {notConverting.map((p, i) => (
            <span key={p.pageId}>
              {i ? ', ' : ''}
              <Link to={p.pageHref} className="font-medium underline">
                {p.name}
              </Link>
            </span>
          ))}
          . {t('dashboard.landingPages.advice')}
        </p>
      ) : null}
      {pages.length === 0 ? (
        <p className="text-sm text-slate-600">{t('dashboard.landingPages.none')}</p>
      ) : (
        <KpiTable
          label={t('dashboard.landingPages.title')}
          grouped
          data-testid="landing-pages"
          columns={[t('dashboard.columns.pageOrVariant'), t('dashboard.columns.visitors'), t('dashboard.columns.conversions'), t('dashboard.columns.conversionRate')]}
        >
          {pages.map((page) => (
            <tbody key={page.pageId} className="border-t border-slate-200" data-page-id={page.pageId}>
              <tr className={page.isNotConverting ? 'bg-amber-50' : undefined}>
                <th scope="row" className={`py-2 pl-2 pr-4 text-left font-medium ${page.isNotConverting ? 'border-l-4 border-amber-500' : 'border-l-4 border-transparent'}`}>
                  <Link to={page.pageHref} className="text-brand-700 hover:underline">
                    {page.name}
                  </Link>
                  <span className="block text-xs font-normal text-slate-500">/p/{page.slug}</span>
                  {page.isNotConverting ? (
                    <span
                      className="mt-1 inline-block rounded bg-amber-600 px-1.5 py-0.5 text-xs font-semibold text-white"
                      title={t('dashboard.landingPages.notConvertingHint', { visitors: NO_CONVERSION_MIN_VISITORS })}
                    >
                      {t('dashboard.landingPages.notConvertingBadge')}
                    </span>
                  ) : null}
                </th>
                <KpiCell kpi={page.visitors} kind="count" />
                <KpiCell kpi={page.conversions} kind="count" label={t('dashboard.landingPages.conversionsOn', { page: page.name })} />
                <KpiCell kpi={page.conversionRate} kind="rate" />
              </tr>
              {page.variants.length > 1
                ? page.variants.map((v) => (
                    <tr key={v.key} className="text-slate-700" data-variant={v.key}>
                      <th scope="row" className="py-1.5 pl-6 pr-4 text-left font-normal">
                        {t('dashboard.landingPages.variant', { variant: v.key })}
                      </th>
                      <KpiCell kpi={v.visitors} kind="count" />
                      <KpiCell kpi={v.conversions} kind="count" label={t('dashboard.landingPages.conversionsOnVariant', { page: page.name, variant: v.key })} />
                      <KpiCell kpi={v.conversionRate} kind="rate" />
                    </tr>
                  ))
                : null}
            </tbody>
          ))}
        </KpiTable>
      )}
    </Card>
  )
}
