import { Link } from '@remix-run/react'
import { formatCount, formatPercent } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { useLanguage, useT } from '#app/i18n/provider'
import type { ConsentKpi, KpiValue } from '#app/kpis/shape'
import type { KpiKind } from './change'
import { KpiTable } from './kpi-table'
import { KpiChange, KpiNumber } from './kpi-value'

const MODE_NOTE: Record<ConsentKpi['mode'], string> = {
  consent: 'consentReport.card.modeConsent',
  cookieless: 'consentReport.card.modeCookieless',
  cookies: 'consentReport.card.modeCookies',
}

/** The consent rate (views with consent among the views the banner asked about) and what was counted cookieless. */
export function Consent({ consent }: { consent: ConsentKpi }) {
  const t = useT()
  const isAsked = consent.askedViews.value !== 0 || (consent.askedViews.previous ?? 0) !== 0
  const figures: { label: string; kpi: KpiValue; kind: KpiKind; testId: string; hidden?: boolean }[] = [
    { label: t('consentReport.card.consentRate'), kpi: consent.consentRate, kind: 'rate', testId: 'consent-rate', hidden: !isAsked },
    { label: t('consentReport.card.viewsAsked'), kpi: consent.askedViews, kind: 'count', testId: 'consent-asked', hidden: !isAsked },
    { label: t('consentReport.card.cookielessViews'), kpi: consent.cookielessViews, kind: 'count', testId: 'consent-cookieless-views' },
    { label: t('consentReport.card.cookielessConversions'), kpi: consent.cookielessConversions, kind: 'count', testId: 'consent-cookieless-conversions' },
  ]
  return (
    <Card title={t('consentReport.card.title')} description={t('consentReport.card.description')}>
      <p className="mb-3 text-sm text-slate-600" data-testid="consent-mode">
        {t(MODE_NOTE[consent.mode])}{' '}
        <Link to="/settings" className="text-brand-700 underline">
          {t('consentReport.card.privacySettings')}
        </Link>
      </p>
      <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {figures
          .filter((f) => !f.hidden)
          .map((f) => (
            <div key={f.testId} data-testid={f.testId}>
              <dt className="text-xs uppercase tracking-wide text-slate-500">{f.label}</dt>
              <dd className="text-2xl font-semibold">
                <KpiNumber kpi={f.kpi} kind={f.kind} />
              </dd>
              <dd>
                <KpiChange kpi={f.kpi} kind={f.kind} polarity="neutral" />
              </dd>
            </div>
          ))}
      </dl>
      {consent.pages.length ? (
        <KpiTable
          label={t('consentReport.card.perPage')}
          grouped
          data-testid="consent-pages"
          columns={[t('consentReport.card.pageVariant'), isAsked && t('consentReport.card.viewsAsked'), isAsked && t('consentReport.card.consentRate'), t('consentReport.card.countedCookieless')]}
        >
          {consent.pages.map((page) => (
            <tbody key={page.pageId} className="border-t border-slate-200" data-page-id={page.pageId}>
              <ConsentRow name={page.name} counts={page} isAsked={isAsked} isPage />
              {page.variants.length > 1
                ? page.variants.map((v) => <ConsentRow key={v.key} name={t('consentReport.card.variant', { variant: v.key })} counts={v} isAsked={isAsked} variant={v.key} />)
                : null}
            </tbody>
          ))}
        </KpiTable>
      ) : null}
    </Card>
  )
}

type RowProps = { name: string; counts: ConsentKpi['pages'][number]['variants'][number] | ConsentKpi['pages'][number]; isAsked: boolean; isPage?: boolean; variant?: string }

function ConsentRow({ name, counts, isAsked, isPage = false, variant }: RowProps) {
  const t = useT()
  const language = useLanguage()
  return (
    <tr className={isPage ? undefined : 'text-slate-700'} data-variant={variant}>
      <th scope="row" className={`py-2 pr-4 text-left ${isPage ? 'font-medium' : 'pl-4 font-normal'}`}>
        {name}
      </th>
      {isAsked ? (
        <>
          <td className="py-2 pr-4 tabular-nums">{formatCount(counts.asked, 0, language)}</td>
          <td className="py-2 pr-4 tabular-nums">{counts.consentRate === null ? t('consentReport.card.notAsked') : formatPercent(counts.consentRate, 1, language)}</td>
        </>
      ) : null}
      <td className="py-2 pr-4 tabular-nums">{formatCount(counts.cookieless, 0, language)}</td>
    </tr>
  )
}
