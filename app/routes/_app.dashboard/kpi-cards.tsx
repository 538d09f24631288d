import { formatPercent } from '#app/components/format'
import type { KpiSummary, KpiValue } from '#app/kpis/shape'
import { formatKpi, type KpiKind, type Polarity } from './change'
import { KpiChange, KpiNumber } from './kpi-value'

type Metric = { label: string; kpi: KpiValue; kind: KpiKind; polarity?: Polarity; note?: React.ReactNode; testId: string }

/** The headline figures: each with the comparison period's value and the change in words. */
export function KpiCards({ summary }: { summary: KpiSummary }) {
  const singles: Metric[] = [
    {
      label: 'Visitors',
      // Visitors are not leads: without a list of their own they lead to the pages they visited, below.
      kpi: { ...summary.visitors, href: summary.visitors.href ?? '#landing-pages' },
      kind: 'count',
      testId: 'kpi-visitors',
      note: `${formatKpi(summary.sessions.value, 'count')} visits · ${formatKpi(summary.pageViews.value, 'count')} page views`,
    },
    { label: 'New leads', kpi: summary.leads, kind: 'count', testId: 'kpi-leads' },
    { label: 'Visitor → lead rate', kpi: summary.visitorToLeadRate, kind: 'rate', testId: 'kpi-visitor-to-lead' },
    { label: 'Bounce rate', kpi: summary.bounceRate, kind: 'rate', polarity: 'down', testId: 'kpi-bounce-rate', note: 'Visits that saw one page and did not convert' },
  ]
  return (
    <section aria-labelledby="kpis-heading" className="mb-6">
      <h2 id="kpis-heading" className="sr-only">
        Key figures
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
          title="Soft against hard conversions"
          noun="conversions"
          testId="kpi-conversions"
          left={{ label: 'Soft', kpi: summary.softConversions }}
          right={{ label: 'Hard', kpi: summary.hardConversions }}
          note="Soft: newsletter, download, webinar. Hard: demo, quote, contact sales."
        />
        <SplitCard
          title="Hot against cold leads"
          noun="leads"
          testId="kpi-temperature"
          left={{ label: 'Cold', kpi: summary.coldLeads }}
          right={{ label: 'Hot', kpi: summary.hotLeads }}
          note="Of the period's new leads: hot made a hard conversion; follow them up first."
        />
      </div>
    </section>
  )
}

type Side = { label: string; kpi: KpiValue }

/** Two counts that make a whole, with the split drawn as a bar whose parts are named in text. */
function SplitCard({ title, noun, left, right, note, testId }: { title: string; noun: string; left: Side; right: Side; note: string; testId: string }) {
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
              <KpiNumber kpi={side.kpi} kind="count" label={`${side.label.toLowerCase()} ${noun}`} />
            </dd>
            <dd>
              <KpiChange kpi={side.kpi} kind="count" polarity={side.label === 'Cold' || side.label === 'Soft' ? 'neutral' : 'up'} />
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
          <p className="mt-1 text-xs text-slate-600">
            {formatPercent(1 - rightShare, 0)} {left.label.toLowerCase()} · {formatPercent(rightShare, 0)} {right.label.toLowerCase()}
          </p>
        </div>
      ) : null}
      <p className="mt-1 text-xs text-slate-500">{note}</p>
    </article>
  )
}
