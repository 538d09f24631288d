import { formatPercent } from '#app/components/format'
import { useLanguage, useT } from '#app/i18n/provider'
import type { KpiSummary, KpiValue } from '#app/kpis/shape'
import { formatKpi, type KpiKind, type Polarity } from './change'
import { KpiChange, KpiNumber } from './kpi-value'

type Metric = { label: string; kpi: KpiValue; kind: KpiKind; polarity?: Polarity; note?: React.ReactNode; testId: string }

/** The headline figures: each with the comparison period's value and the change in words. */
export function KpiCards({ summary }: { summary: KpiSummary }) {
  const t = useT()
  const language = useLanguage()
  const singles: Metric[] = [
    {
      label: t('dashboard.kpis.visitors'),
      // Visitors are not leads: without a list of their own they lead to the pages they visited, below.
      kpi: { ...summary.visitors, href: summary.visitors.href ?? '#landing-pages' },
      kind: 'count',
      testId: 'kpi-visitors',
      note: t('dashboard.kpis.visitsAndViews', { visits: formatKpi(summary.sessions.value, 'count', language), views: formatKpi(summary.pageViews.value, 'count', language) }),
    },
    { label: t('dashboard.kpis.newLeads'), kpi: summary.leads, kind: 'count', testId: 'kpi-leads' },
    { label: t('dashboard.kpis.visitorToLead'), kpi: summary.visitorToLeadRate, kind: 'rate', testId: 'kpi-visitor-to-lead' },
    { label: t('dashboard.kpis.bounceRate'), kpi: summary.bounceRate, kind: 'rate', polarity: 'down', testId: 'kpi-bounce-rate', note: t('dashboard.kpis.bounceNote') },
  ]
  return (
    <section aria-labelledby="kpis-heading" className="mb-6">
      <h2 id="kpis-heading" className="sr-only">
        {t('dashboard.kpis.heading')}
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {singles.map((m) => (
          <article key={m.label} data-testid={m.testId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h3 className="text-sm font-medium text-slate-600">{m.label}</h3>
            <p className="mt-1 text-2xl font-semibold" data-figure>
              <KpiNumber kpi={m.kpi} kind={m.kind} label={m.label.toLowerCase()} />
            </p>
            <p className="mt-1">
              <KpiChange kpi={m.kpi} kind={m.kind} polarity={m.polarity} />
            </p>
            {m.note ? <p className="mt-1 text-xs text-slate-500">{m.note}</p> : null}
          </article>
        ))}
        <SplitCard
          title={t('dashboard.kpis.conversionsTitle')}
          testId="kpi-conversions"
          left={{ label: t('dashboard.kpis.soft'), name: t('dashboard.kpis.softConversions'), kpi: summary.softConversions, polarity: 'neutral' }}
          right={{ label: t('dashboard.kpis.hard'), name: t('dashboard.kpis.hardConversions'), kpi: summary.hardConversions, polarity: 'up' }}
          note={t('dashboard.kpis.conversionsNote')}
          splitKey="dashboard.kpis.conversionsSplit"
        />
        <SplitCard
          title={t('dashboard.kpis.temperatureTitle')}
          testId="kpi-temperature"
          left={{ label: t('dashboard.kpis.cold'), name: t('dashboard.kpis.coldLeads'), kpi: summary.coldLeads, polarity: 'neutral' }}
          right={{ label: t('dashboard.kpis.hot'), name: t('dashboard.kpis.hotLeads'), kpi: summary.hotLeads, polarity: 'up' }}
          note={t('dashboard.kpis.temperatureNote')}
          splitKey="dashboard.kpis.temperatureSplit"
        />
      </div>
    </section>
  )
}

/** One half of a split: its short label ("Hot"), its name in a sentence ("hot leads") and whether a rise is good news. */
type Side = { label: string; name: string; kpi: KpiValue; polarity: Polarity }

/** Two counts that make a whole, with the split drawn as a bar whose parts are named in text. */
function SplitCard({ title, left, right, note, splitKey, testId }: { title: string; left: Side; right: Side; note: string; splitKey: string; testId: string }) {
  const t = useT()
  const language = useLanguage()
  const total = (left.kpi.value ?? 0) + (right.kpi.value ?? 0)
  const rightShare = total > 0 ? (right.kpi.value ?? 0) / total : null
  return (
    <article data-testid={testId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:col-span-2">
      <h3 className="text-sm font-medium text-slate-600">{title}</h3>
      <dl className="mt-1 grid grid-cols-2 gap-3">
        {[left, right].map((side) => (
          <div key={side.label}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{side.label}</dt>
            <dd className="text-2xl font-semibold">
              <KpiNumber kpi={side.kpi} kind="count" label={side.name} />
            </dd>
            <dd>
              <KpiChange kpi={side.kpi} kind="count" polarity={side.polarity} />
            </dd>
          </div>
        ))}
      </dl>
      {rightShare !== null ? (
        <div className="mt-3">
          <div className="flex h-2.5 overflow-hidden rounded-full bg-slate-200" aria-hidden>
            <div className="bg-brand-600" style={{ width: `${(1 - rightShare) * 100}%` }} />
            <div className="bg-[repeating-linear-gradient(45deg,#0f172a_0_3px,#fff_3px_6px)]" style={{ width: `${rightShare * 100}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600">{t(splitKey, { left: formatPercent(1 - rightShare, 0, language), right: formatPercent(rightShare, 0, language) })}</p>
        </div>
      ) : null}
      <p className="mt-1 text-xs text-slate-500">{note}</p>
    </article>
  )
}
