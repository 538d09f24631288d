import { Link } from '@remix-run/react'
import { DECISION_TONES } from '#app/components/decision-labels'
import { formatCount, formatPercent, formatPValue } from '#app/components/format'
import { describeConcludedReading } from '#app/experiments/results/next-step'
import { decisionTitle } from '#app/experiments/ui-words'
import { useLanguage, useT } from '#app/i18n/provider'
import { useSpeaker } from '#app/i18n/use-speaker'
import type { ResultsDecision, ResultsExperiment, SrmResult } from '#app/experiments/results/shape'
import { TableFrame } from '#app/components/ui/table-frame'

const SRM_CAUSE_KEYS = ['results.srm.causeRedirects', 'results.srm.causeFiltering', 'results.srm.causeCache', 'results.srm.causeSplitChanged']

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
  const t = useT()
  const speaker = useSpeaker()
  // A concluded experiment reads as concluded: no "Keep collecting", no days to wait.
  const { title, reason } = experiment.status === 'concluded' ? describeConcludedReading(decision, speaker) : { title: decisionTitle(t, decision.status), reason: decision.reason }
  return (
    <section
      aria-labelledby="decision-title"
      data-testid="decision"
      data-status={decision.status}
      data-variant={decision.variant ?? undefined}
      className={`rounded-lg p-5 ring-1 ${DECISION_TONES[decision.status]}`}
    >
      <p className="text-xs font-medium uppercase tracking-wide opacity-80">{t('results.decision.on', { metric: metricLabel.toLowerCase() })}</p>
      <h2 id="decision-title" className="mt-1 text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1" data-testid="decision-reason">
        {reason}
      </p>
      {decision.status === 'srm' ? <SplitMismatch srm={srm} /> : null}
      {experiment.status === 'concluded' ? (
        <p className="mt-3 text-sm font-medium">{experiment.winner ? t('results.decision.concludedWinner', { variant: experiment.winner }) : t('results.decision.concludedNoWinner')}</p>
      ) : null}
      {action.kind !== 'none' ? (
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-black/10 pt-3 text-sm" data-testid="suggested-action" data-kind={action.kind}>
          <p>
            <span className="font-semibold">{t('results.decision.nextStep')}</span> {action.text}
          </p>
          {action.kind === 'ship' && action.variant && declareHref ? (
            <Link to={declareHref(action.variant)} preventScrollReset className="font-semibold underline">
              {t('results.decision.declare', { variant: action.variant })}
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

function SplitMismatch({ srm }: { srm: SrmResult }) {
  const t = useT()
  const language = useLanguage()
  return (
    <div className="mt-3 space-y-3 text-sm" data-testid="srm">
      <p>{t('results.srm.mismatch', { hasP: srm.pValue === null ? 'no' : 'yes', pValue: formatPValue(srm.pValue, language) })}</p>
      <TableFrame label={t('results.srm.tableLabel')}>
        <table className="text-left">
          <thead>
            <tr>
              {[t('results.srm.variant'), t('results.srm.visitors'), t('results.srm.observed'), t('results.srm.expected')].map((h) => (
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
                <td className="pr-4 tabular-nums">{formatCount(v.visitors, 0, language)}</td>
                <td className="pr-4 tabular-nums">{formatPercent(v.observedShare, 1, language)}</td>
                <td className="pr-4 tabular-nums">{formatPercent(v.expectedShare, 1, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <div>
        <p className="font-medium">{t('results.srm.causesIntro')}</p>
        <ol className="mt-1 list-decimal space-y-1 pl-5">
          {/* The causes in SRM_CAUSES' order, in the reader's language (the API lists them in English). */}
          {SRM_CAUSE_KEYS.slice(0, srm.causes.length).map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </div>
    </div>
  )
}
