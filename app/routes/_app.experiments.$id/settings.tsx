import { Link } from '@remix-run/react'
import { formatCount, formatPercent, formatShare } from '#app/components/format'
import { useDateTime } from '#app/components/use-date-time'
import { Card } from '#app/components/ui/card'
import { ExperimentStatusBadge } from '#app/experiments/ui-status-badge'
import type { ExperimentStatus } from '#db/schema'
import { useLanguage, useT } from '#app/i18n/provider'

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
  const t = useT()
  const language = useLanguage()
  const { dateTime } = useDateTime()
  const days = (count: number) => t('results.settings.days', { count })
  const notYet = t('results.settings.notYet')
  const settings: [string, React.ReactNode][] = [
    [
      t('results.settings.page'),
      <Link key="page" to={`/pages/${page.id}`} className="text-brand-700 hover:underline">
        {page.name} (/p/{page.slug})
      </Link>,
    ],
    [t('results.settings.status'), <ExperimentStatusBadge key="status" status={e.status} />],
    [t('results.settings.variants'), e.variants.map((v) => `${v.key} ${formatShare(v.weight, language)}`).join(' · ')],
    [t('results.settings.control'), e.controlKey],
    [t('results.settings.coverage'), formatShare(e.coverage, language)],
    [t('results.settings.primaryMetric'), e.primaryMetric],
    [t('results.settings.secondaryMetrics'), e.secondaryMetrics.join(', ') || t('results.settings.none')],
    [t('results.settings.confidence'), formatPercent(e.confidence, 0, language)],
    [t('results.settings.minimumRuntime'), days(e.minRuntimeDays)],
    [t('results.settings.leadMaturity'), t('results.settings.maturityDays', { count: e.maturityDays })],
    [t('results.settings.planned'), e.plannedVisitorsPerVariant === null ? t('results.settings.notSet') : formatCount(e.plannedVisitorsPerVariant, 0, language)],
    [t('results.settings.autoShip'), e.autoShip ? t('results.settings.yes') : t('results.settings.no')],
    [t('results.settings.started'), dateTime(e.startedAt, notYet)],
    [e.status === 'concluded' ? t('results.settings.ranFor') : t('results.settings.daysRunning'), e.daysRunning === null ? '–' : days(e.daysRunning)],
    [t('results.settings.concluded'), dateTime(e.concludedAt, notYet)],
    [t('results.settings.winner'), e.winnerKey ?? t('results.settings.noWinner')],
  ]
  return (
    <Card title={t('results.settings.title')}>
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
