import { formatCount, formatDay, formatPercent } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { ResultsDecision, ResultsProgress } from '#app/experiments/results/shape'

const days = (n: number) => `${formatCount(n)} day${n === 1 ? '' : 's'}`

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
export function ResultsProgressCard({ progress, decision }: { progress: ResultsProgress; decision: ResultsDecision }) {
  const { daysRunning, minRuntimeDays, minRuntimeReached, minRuntimeEndsAt, plannedVisitorsPerVariant, dailyVisitors } = progress
  const runtimeShare = daysRunning === null ? 0 : daysRunning / minRuntimeDays
  return (
    <Card title="Progress" description={plannedVisitorsPerVariant === null ? 'No sample was planned: the decision uses the sample needed to detect a 10% lift at the control’s rate.' : undefined}>
      <div className="space-y-4">
        {progress.variants.map((v) => (
          <Bar
            key={v.key}
            testId="progress-variant"
            label={`Variant ${v.key}`}
            share={v.share}
            value={v.planned === null ? `${formatCount(v.visitors)} visitors` : `${formatCount(v.visitors)} of ${formatCount(v.planned)} (${formatPercent(v.share, 0)})`}
          />
        ))}
        <Bar
          testId="progress-runtime"
          label="Minimum runtime"
          share={runtimeShare}
          value={daysRunning === null ? `not started (${days(minRuntimeDays)})` : `${daysRunning} of ${days(minRuntimeDays)}`}
        />
        <p className="text-sm text-slate-600" data-testid="progress-summary">
          {daysRunning === null
            ? 'The clock starts when the experiment starts.'
            : minRuntimeReached
              ? `Minimum runtime reached${minRuntimeEndsAt ? ` on ${formatDay(minRuntimeEndsAt)}` : ''}.`
              : `The minimum runtime ends on ${formatDay(minRuntimeEndsAt)}: even a clear winner waits for it, so every weekday is in the sample.`}
          {decision.visitorsNeeded !== undefined
            ? ` About ${formatCount(decision.visitorsNeeded)} more visitors needed${decision.daysNeeded !== undefined ? `, about ${formatCount(decision.daysNeeded)} day${decision.daysNeeded === 1 ? '' : 's'}` : ''}.`
            : ''}
          {dailyVisitors !== null ? ` Recent traffic: about ${formatCount(dailyVisitors)} visitors a day.` : ''}
        </p>
      </div>
    </Card>
  )
}
