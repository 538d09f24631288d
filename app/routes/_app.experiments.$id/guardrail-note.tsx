import { formatCount, formatPercent, formatPValue } from '#app/components/format'
import { describeGuardrail, GUARDRAIL_LABELS, type GuardrailVerdict } from '#app/experiments/results/guardrail'
import { TableFrame } from '#app/components/ui/table-frame'

const capitalize = (label: string) => label[0]!.toUpperCase() + label.slice(1)

type Props = { guardrail: GuardrailVerdict; autoShip: boolean; isRunning: boolean }

/**
 * The quality guardrail on the decision's winner (docs/decisions/061-quality-guardrail.md): whether its leads are
 * significantly worse than the control's, with the figures it rests on. When it blocks, says that auto-ship holds
 * the winner and the experiment keeps running.
 */
export function GuardrailNote({ guardrail, autoShip, isRunning }: Props) {
  if (!guardrail.checks.length) return null
  const isBlocked = guardrail.verdict === 'blocked'
  return (
    <section
      aria-labelledby="guardrail-title"
      data-testid="guardrail"
      data-verdict={guardrail.verdict}
      className={`rounded-lg p-4 text-sm ring-1 ${isBlocked ? 'bg-amber-50 text-amber-950 ring-amber-300' : 'bg-white text-slate-700 ring-slate-200'}`}
    >
      <h2 id="guardrail-title" className="font-semibold">
        {isBlocked ? `Quality guardrail: ${guardrail.variantKey} is held back` : 'Quality guardrail: passed'}
      </h2>
      <p className="mt-1">
        {describeGuardrail(guardrail)}
        {isBlocked && autoShip && isRunning ? ` Auto-ship does not ship ${guardrail.variantKey} while this holds; the experiment keeps running.` : ''}
      </p>
      <TableFrame label="Quality guardrail checks" className="mt-2">
        <table className="min-w-[36rem] text-left tabular-nums">
          <thead className="opacity-80">
            <tr>
              {['Per visitor', guardrail.control, guardrail.variantKey, 'Always-valid p', ''].map((h, i) => (
                <th key={i} scope="col" className="pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {guardrail.checks.map((c) => (
              <tr key={c.check} data-testid="guardrail-check" data-check={c.check} data-worse={c.isWorse}>
                <th scope="row" className="pr-4 font-medium">
                  {capitalize(GUARDRAIL_LABELS[c.check])}
                </th>
                <td className="pr-4">
                  {formatPercent(c.control.rate)}{' '}
                  <span className="text-xs">
                    ({formatCount(c.control.count)} of {formatCount(c.control.visitors)})
                  </span>
                </td>
                <td className="pr-4">
                  {formatPercent(c.variant.rate)}{' '}
                  <span className="text-xs">
                    ({formatCount(c.variant.count)} of {formatCount(c.variant.visitors)})
                  </span>
                </td>
                <td className="pr-4">{formatPValue(c.sequentialPValue)}</td>
                <td className="pr-4 font-medium">{c.isWorse ? 'significantly worse' : 'not significantly worse'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <p className="mt-2 text-xs opacity-80">{guardrail.rule}</p>
    </section>
  )
}
