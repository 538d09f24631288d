import { formatCount, formatDay, formatPercent, formatRoundedPercent } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { isReachable } from '#app/experiments/results/remaining'
import type { Translate } from '#app/experiments/ui-words'
import { useLanguage, useT } from '#app/i18n/provider'
import { DEFAULT_RELATIVE_MDE } from '#app/statistics/decision'
import type { ResultsDecision, ResultsProgress } from '#app/experiments/results/shape'

// What is left to collect, only while something can still be collected (a concluded experiment has no next
// visitor), and in words once it is more than a year away.
// A lead metric's days include the wait for the last needed visitors' leads to mature, and say so.
function describeStillNeeded(t: Translate, language: string, { visitorsNeeded, daysNeeded, maturingDays }: Pick<ResultsDecision, 'visitorsNeeded' | 'daysNeeded' | 'maturingDays'>) {
  if (visitorsNeeded === undefined) return null
  if (!isReachable({ daysNeeded })) return t('results.progress.unreachable')
  return t('results.progress.stillNeeded', {
    visitors: formatCount(visitorsNeeded, 0, language),
    hasDays: daysNeeded === undefined ? 'no' : 'yes',
    days: daysNeeded ?? 0,
    maturing: !maturingDays || daysNeeded === undefined ? 'none' : maturingDays >= daysNeeded ? 'all' : 'some',
    maturingDays: formatCount(maturingDays ?? 0, 0, language),
  })
}

/** "3 of 14 days" while the minimum runs; past it "30 days (minimum 14)", never "30 of 14 days". */
function describeRuntime(t: Translate, daysRunning: number | null, minRuntimeDays: number) {
  if (daysRunning === null) return t('results.progress.runtimeNotStarted', { minimum: minRuntimeDays })
  if (daysRunning >= minRuntimeDays) return t('results.progress.runtimePast', { running: daysRunning, minimum: minRuntimeDays })
  return t('results.progress.runtimeOf', { running: daysRunning, minimum: minRuntimeDays })
}

/** A labelled bar (none without a target); the text carries the figures, the bar only repeats them. */
function Bar({ label, value, share, testId }: { label: string; value: string; share: number | null; testId: string }) {
  const width = Math.round(Math.min(1, share ?? 0) * 100)
  return (
    <div data-testid={testId}>
      <div className="flex justify-between gap-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-slate-600">{value}</span>
      </div>
      {share === null ? null : (
        <div className="mt-1 h-2 rounded-full bg-slate-100" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={width}>
          <div className={`h-2 rounded-full ${width >= 100 ? 'bg-green-600' : 'bg-brand-600'}`} style={{ width: `${width}%` }} />
        </div>
      )}
    </div>
  )
}

/** How far the experiment is toward its planned sample and its minimum runtime, and what remains. */
export function ResultsProgressCard({ progress, decision, isConcluded }: { progress: ResultsProgress; decision: ResultsDecision; isConcluded: boolean }) {
  const { daysRunning, minRuntimeDays, minRuntimeReached, minRuntimeEndsAt, plannedVisitorsPerVariant, dailyVisitors, timeZone } = progress
  const t = useT()
  const language = useLanguage()
  const runtimeShare = daysRunning === null ? 0 : daysRunning / minRuntimeDays
  const summary = [
    daysRunning === null
      ? t('results.progress.clockStarts')
      : minRuntimeReached
        ? t('results.progress.minimumReached', { hasDay: minRuntimeEndsAt ? 'yes' : 'no', day: formatDay(minRuntimeEndsAt, '–', timeZone) })
        : t('results.progress.minimumEnds', { day: formatDay(minRuntimeEndsAt, '–', timeZone) }),
    isConcluded ? null : describeStillNeeded(t, language, decision),
    dailyVisitors !== null ? t('results.progress.recentTraffic', { visitors: formatCount(dailyVisitors, 0, language) }) : null,
  ]
  return (
    <Card
      title={t('results.progress.title')}
      description={plannedVisitorsPerVariant === null ? t('results.progress.unplanned', { mde: formatRoundedPercent(DEFAULT_RELATIVE_MDE, language) }) : undefined}
    >
      <div className="space-y-4">
        {progress.variants.map((v) => (
          <Bar
            key={v.key}
            testId="progress-variant"
            label={t('results.progress.variant', { variant: v.key })}
            share={v.share}
            value={
              v.planned === null
                ? t('results.progress.visitors', { count: v.visitors })
                : t('results.progress.ofPlanned', { visitors: formatCount(v.visitors, 0, language), planned: formatCount(v.planned, 0, language), share: formatPercent(v.share, 0, language) })
            }
          />
        ))}
        <Bar testId="progress-runtime" label={t('results.progress.minimumRuntime')} share={runtimeShare} value={describeRuntime(t, daysRunning, minRuntimeDays)} />
        <p className="text-sm text-slate-600" data-testid="progress-summary">
          {summary.filter(Boolean).join(' ')}
        </p>
      </div>
    </Card>
  )
}
