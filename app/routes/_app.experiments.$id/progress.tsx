import { formatCount, formatDay, formatPercent, UNREACHABLE_PLAN_TEXT } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { describeMaturing, isReachable } from '#app/experiments/results/remaining'
import type { ResultsDecision, ResultsProgress } from '#app/experiments/results/shape'

const days = (n: number) => `${formatCount(n)} day${n === 1 ? '' : 's'}`

// What is left to collect, only while something can still be collected (a concluded experiment has no next
// visitor), and in words once it is more than a year away.
// A lead metric's days include the wait for the last needed visitors' leads to mature, and say so.
function describeStillNeeded({ visitorsNeeded, daysNeeded, maturingDays }: Pick<ResultsDecision, 'visitorsNeeded' | 'daysNeeded' | 'maturingDays'>) {
  if (visitorsNeeded === undefined) return ''
  if (!isReachable({ daysNeeded })) return ` The plan is ${UNREACHABLE_PLAN_TEXT}.`
  return ` About ${formatCount(visitorsNeeded)} more visitors needed${daysNeeded !== undefined ? `, about ${days(daysNeeded)}${describeMaturing({ daysNeeded, maturingDays })}` : ''}.`
}

/** "3 of 14 days" while the minimum runs; past it "30 days (minimum 14)", never "30 of 14 days". */
function describeRuntime(daysRunning: number | null, minRuntimeDays: number) {
  if (daysRunning === null) return `not started (${days(minRuntimeDays)})`
  if (daysRunning >= minRuntimeDays) return `${days(daysRunning)} (minimum ${formatCount(minRuntimeDays)})`
  return `${formatCount(daysRunning)} of ${days(minRuntimeDays)}`
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
  const runtimeShare = daysRunning === null ? 0 : daysRunning / minRuntimeDays
  const remaining = isConcluded ? '' : describeStillNeeded(decision)
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
        <Bar testId="progress-runtime" label="Minimum runtime" share={runtimeShare} value={describeRuntime(daysRunning, minRuntimeDays)} />
        <p className="text-sm text-slate-600" data-testid="progress-summary">
          {daysRunning === null
            ? 'The clock starts when the experiment starts.'
            : minRuntimeReached
              ? `Minimum runtime reached${minRuntimeEndsAt ? ` on ${formatDay(minRuntimeEndsAt, '–', timeZone)}` : ''}.`
              : `The minimum runtime ends on ${formatDay(minRuntimeEndsAt, '–', timeZone)}: even a clear winner waits for it, so every weekday is in the sample.`}
          {remaining}
          {dailyVisitors !== null ? ` Recent traffic: about ${formatCount(dailyVisitors)} visitors a day.` : ''}
        </p>
      </div>
    </Card>
  )
}
