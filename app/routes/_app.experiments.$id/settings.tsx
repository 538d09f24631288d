import { Link } from '@remix-run/react'
import { formatCount, formatDateTime, formatPercent, formatShare } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { ExperimentStatusBadge } from '#app/experiments/ui-status-badge'
import type { ExperimentStatus } from '#db/schema'

export type ExperimentSettingsView = {
  status: ExperimentStatus
  variants: { key: string; weight: number }[]
  controlKey: string
  coverage: number
  primaryMetric: string
  secondaryMetrics: string[]
  confidence: number
  minRuntimeDays: number
  maturityDays: number
  plannedVisitorsPerVariant: number | null
  autoShip: boolean
  startedAt: string | Date | null
  daysRunning: number | null
  concludedAt: string | Date | null
  winnerKey: string | null
}

/** How the experiment is set up, as a definition list. */
export function ExperimentSettings({ experiment: e, page }: { experiment: ExperimentSettingsView; page: { id: string; name: string; slug: string } }) {
  const settings: [string, React.ReactNode][] = [
    [
      'Page',
      <Link key="page" to={`/pages/${page.id}`} className="text-brand-700 hover:underline">
        {page.name} (/p/{page.slug})
      </Link>,
    ],
    ['Status', <ExperimentStatusBadge key="status" status={e.status} />],
    ['Variants', e.variants.map((v) => `${v.key} ${formatShare(v.weight)}`).join(' · ')],
    ['Control', e.controlKey],
    ['Coverage', formatShare(e.coverage)],
    ['Primary metric', e.primaryMetric],
    ['Secondary metrics', e.secondaryMetrics.join(', ') || 'none'],
    ['Confidence', formatPercent(e.confidence, 0)],
    ['Minimum runtime', `${e.minRuntimeDays} day${e.minRuntimeDays === 1 ? '' : 's'}`],
    ['Lead maturity', `${e.maturityDays} day${e.maturityDays === 1 ? '' : 's'} (lead metrics count visitors who arrived at least this long ago)`],
    ['Planned visitors per variant', e.plannedVisitorsPerVariant === null ? 'not set' : formatCount(e.plannedVisitorsPerVariant)],
    ['Auto-ship the winner', e.autoShip ? 'yes' : 'no'],
    ['Started', formatDateTime(e.startedAt, 'not yet')],
    [e.status === 'concluded' ? 'Ran for' : 'Days running', e.daysRunning === null ? '–' : `${formatCount(e.daysRunning)} day${e.daysRunning === 1 ? '' : 's'}`],
    ['Concluded', formatDateTime(e.concludedAt, 'not yet')],
    ['Winner', e.winnerKey ?? 'none'],
  ]
  return (
    <Card title="Settings">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {settings.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}
