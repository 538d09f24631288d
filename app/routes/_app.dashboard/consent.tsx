import { Link } from '@remix-run/react'
import { formatCount, formatPercent } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { ConsentKpi, KpiValue } from '#app/kpis/shape'
import type { KpiKind } from './change'
import { KpiTable } from './kpi-table'
import { KpiChange, KpiNumber } from './kpi-value'

const MODE_NOTE: Record<ConsentKpi['mode'], string> = {
  consent: 'The banner asks each visitor; until they accept, their views and conversions are counted without cookies.',
  cookieless: 'Not asked: this workspace counts every view without cookies (cookieless mode), so there is no consent rate.',
  cookies: 'Not asked now: this workspace sets cookies without asking (cookies mode). The figures are of views served before that.',
}

/** The consent rate (views with consent among the views the banner asked about) and what was counted cookieless. */
export function Consent({ consent }: { consent: ConsentKpi }) {
  const isAsked = consent.askedViews.value !== 0 || (consent.askedViews.previous ?? 0) !== 0
  const figures: { label: string; kpi: KpiValue; kind: KpiKind; testId: string; hidden?: boolean }[] = [
    { label: 'Consent rate', kpi: consent.consentRate, kind: 'rate', testId: 'consent-rate', hidden: !isAsked },
    { label: 'Views asked', kpi: consent.askedViews, kind: 'count', testId: 'consent-asked', hidden: !isAsked },
    { label: 'Views counted cookieless', kpi: consent.cookielessViews, kind: 'count', testId: 'consent-cookieless-views' },
    { label: 'Conversions counted cookieless', kpi: consent.cookielessConversions, kind: 'count', testId: 'consent-cookieless-conversions' },
  ]
  return (
    <Card title="Consent and cookieless counting" description="Consent rate: of the views served while the banner asked, the share whose visitor had accepted cookies.">
      <p className="mb-3 text-sm text-slate-600" data-testid="consent-mode">
        {MODE_NOTE[consent.mode]}{' '}
        <Link to="/settings" className="text-brand-700 underline">
          Privacy settings
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
        <KpiTable label="Consent per page" grouped data-testid="consent-pages" columns={['Page / variant', isAsked && 'Views asked', isAsked && 'Consent rate', 'Counted cookieless']}>
          {consent.pages.map((page) => (
            <tbody key={page.pageId} className="border-t border-slate-200" data-page-id={page.pageId}>
              <ConsentRow name={page.name} counts={page} isAsked={isAsked} isPage />
              {page.variants.length > 1 ? page.variants.map((v) => <ConsentRow key={v.key} name={`Variant ${v.key}`} counts={v} isAsked={isAsked} variant={v.key} />) : null}
            </tbody>
          ))}
        </KpiTable>
      ) : null}
    </Card>
  )
}

type RowProps = { name: string; counts: ConsentKpi['pages'][number]['variants'][number] | ConsentKpi['pages'][number]; isAsked: boolean; isPage?: boolean; variant?: string }

function ConsentRow({ name, counts, isAsked, isPage = false, variant }: RowProps) {
  return (
    <tr className={isPage ? undefined : 'text-slate-700'} data-variant={variant}>
      <th scope="row" className={`py-2 pr-4 text-left ${isPage ? 'font-medium' : 'pl-4 font-normal'}`}>
        {name}
      </th>
      {isAsked ? (
        <>
          <td className="py-2 pr-4 tabular-nums">{formatCount(counts.asked)}</td>
          <td className="py-2 pr-4 tabular-nums">{counts.consentRate === null ? 'Not asked' : formatPercent(counts.consentRate, 1)}</td>
        </>
      ) : null}
      <td className="py-2 pr-4 tabular-nums">{formatCount(counts.cookieless)}</td>
    </tr>
  )
}
