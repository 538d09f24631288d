import { formatAmount, formatConfidence, formatCount, formatInterval, formatLift, formatLiftRange, formatPValue, moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { PipelineVariant } from '#app/experiments/results/shape'
import { TableFrame } from '#app/components/ui/table-frame'

type Props = { variants: PipelineVariant[]; control: string; confidence: number; currency: string }

/**
 * Pipeline per visitor (a mean metric): each variant's mature visitors, the total deal value of their leads, the
 * mean per visitor with its interval, and the always-valid comparison with the control (analyzeMean). Amounts are
 * in the workspace's currency, named in the column headings.
 */
export function PipelineTable({ variants, control, confidence, currency }: Props) {
  const level = formatConfidence(confidence)
  const comparisons = variants.filter((v) => !v.isControl).length
  const headers = [
    'Visitors',
    moneyHeading('Total pipeline', currency),
    `Pipeline per visitor, ${currency} (${level} interval)`,
    `Lift vs ${control} (always-valid ${level} interval)`,
    comparisons > 1 ? 'p-value (always valid, Holm-adjusted)' : 'p-value (always valid)',
  ]
  return (
    <Card title="Pipeline per visitor" description="The deal values of each variant's leads at opportunity or customer, spread over all its visitors (a visitor without a deal counts as 0).">
      <TableFrame label="Pipeline per visitor" className="-mx-5 px-5">
        <table className="w-full min-w-[44rem] text-left text-sm" data-testid="pipeline-table">
          <thead className="align-bottom text-slate-500">
            <tr>
              <th scope="col" className="sticky left-0 bg-white py-2 pr-4 font-medium">
                Variant
              </th>
              {headers.map((h) => (
                <th key={h} scope="col" className="py-2 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top tabular-nums">
            {variants.map((v) => {
              const c = v.vsControl
              return (
                <tr key={v.key} data-testid="pipeline-row" data-variant={v.key}>
                  <th scope="row" className="sticky left-0 bg-white py-2 pr-4 font-semibold">
                    {v.key}
                    {v.isControl ? <span className="block text-xs font-normal text-slate-500">control</span> : null}
                    {v.isWinner ? <span className="block text-xs font-normal text-green-700">declared winner</span> : null}
                  </th>
                  <td className="py-2 pr-4">{formatCount(v.visitors)}</td>
                  <td className="py-2 pr-4">{formatAmount(v.total)}</td>
                  <td className="py-2 pr-4">
                    {formatAmount(v.mean)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatInterval(v.ci, (x) => formatAmount(x))}</span>
                  </td>
                  <td className="py-2 pr-4">
                    {c ? (
                      <>
                        {formatLift(c.relativeLift)}
                        {c.significant ? <span className="font-medium"> (significant)</span> : null}
                        <span className="block whitespace-nowrap text-xs text-slate-500">{formatLiftRange(c.sequentialRelativeLiftCi)}</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="py-2 pr-4">{c ? formatPValue(c.sequentialPValueAdjusted) : '–'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableFrame>
    </Card>
  )
}
