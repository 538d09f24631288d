import { Link } from '@remix-run/react'
import { DECISION_TITLES, DECISION_TONES } from '#app/components/decision-labels'
import { formatCount, formatPercent, formatPValue } from '#app/components/format'
import { describeConcludedReading } from '#app/experiments/results/next-step'
import type { ResultsDecision, ResultsExperiment, SrmResult } from '#app/experiments/results/shape'
import { TableFrame } from '#app/components/ui/table-frame'

type Props = {
  decision: ResultsDecision
  srm: SrmResult
  experiment: Pick<ResultsExperiment, 'status' | 'winner'>
  metricLabel: string
  /** the link that opens the winner confirmation, when the member may declare one */
  declareHref: ((variantKey: string) => string) | null
}

/**
 * The verdict in plain language, straight from the statistics module (its sentence already carries the lift
 * and interval, or how many more visitors and days), then the action it suggests. Words, not colour alone.
 */
export function DecisionBanner({ decision, srm, experiment, metricLabel, declareHref }: Props) {
  const { action } = decision
  // A concluded experiment reads as concluded: no "Keep collecting", no days to wait.
  const { title, reason } = experiment.status === 'concluded' ? describeConcludedReading(decision) : { title: DECISION_TITLES[decision.status], reason: decision.reason }
  return (
    <section
      aria-labelledby="decision-title"
      data-testid="decision"
      data-status={decision.status}
      data-variant={decision.variant ?? undefined}
      className={`rounded-lg p-5 ring-1 ${DECISION_TONES[decision.status]}`}
    >
      <p className="text-xs font-medium uppercase tracking-wide opacity-80">Decision on {metricLabel.toLowerCase()}</p>
      <h2 id="decision-title" className="mt-1 text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1" data-testid="decision-reason">
        {reason}
      </p>
      {decision.status === 'srm' ? <SplitMismatch srm={srm} /> : null}
      {experiment.status === 'concluded' ? (
        <p className="mt-3 text-sm font-medium">
          {experiment.winner ? `Concluded: ${experiment.winner} was declared the winner and gets all the traffic.` : 'Concluded without a winner: the page serves its first variant to everyone.'}
        </p>
      ) : null}
      {action.kind !== 'none' ? (
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-black/10 pt-3 text-sm" data-testid="suggested-action" data-kind={action.kind}>
          <p>
            <span className="font-semibold">Next step:</span> {action.text}
          </p>
          {action.kind === 'ship' && action.variant && declareHref ? (
            <Link to={declareHref(action.variant)} preventScrollReset className="font-semibold underline">
              Declare {action.variant} the winner…
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

function SplitMismatch({ srm }: { srm: SrmResult }) {
  return (
    <div className="mt-3 space-y-3 text-sm" data-testid="srm">
      <p>
        Sample ratio mismatch{srm.pValue === null ? '' : ` (p = ${formatPValue(srm.pValue)})`}: the visitor counts do not match the configured split, so every other figure on this page may be biased.
        Observed against expected:
      </p>
      <TableFrame label="Observed against expected split">
        <table className="text-left">
          <thead>
            <tr>
              {['Variant', 'Visitors', 'Observed share', 'Expected share'].map((h) => (
                <th key={h} scope="col" className="pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {srm.variants.map((v) => (
              <tr key={v.key} data-testid="srm-variant">
                <th scope="row" className="pr-4 font-semibold">
                  {v.key}
                </th>
                <td className="pr-4 tabular-nums">{formatCount(v.visitors)}</td>
                <td className="pr-4 tabular-nums">{formatPercent(v.observedShare, 1)}</td>
                <td className="pr-4 tabular-nums">{formatPercent(v.expectedShare, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <div>
        <p className="font-medium">The usual causes, to check in this order:</p>
        <ol className="mt-1 list-decimal space-y-1 pl-5">
          {srm.causes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
      </div>
    </div>
  )
}
