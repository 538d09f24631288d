import { formatChance, formatCount, formatInterval, formatLift, formatLiftInterval, formatPercent, formatPoints, formatPValue } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { CountRate, VariantResult } from '#app/experiments/results/shape'
import { TableFrame } from '#app/components/ui/table-frame'

type Props = { variants: VariantResult[]; control: string; confidence: number; metricLabel: string }

const rateWithCi = ({ rate, ci }: { rate: number | null; ci: [number, number] | null }) => (
  <>
    {formatPercent(rate)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatInterval(ci, (x) => formatPercent(x))}</span>
  </>
)

const countRate = (c: CountRate) => (
  <>
    {formatCount(c.conversions)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatPercent(c.rate)}</span>
  </>
)

/**
 * One row per variant for the chosen metric, as real HTML (readable without JavaScript, scrolls sideways on a
 * phone with the variant column pinned). Lift intervals and p-values are the always-valid ones: they stay
 * honest however often the team looks, and they are what the decision rests on.
 */
export function VariantTable({ variants, control, confidence, metricLabel }: Props) {
  const level = formatPercent(confidence, 0)
  const comparisons = variants.filter((v) => !v.isControl).length
  const headers = [
    'Visitors',
    'Conversions',
    `Rate (${level} interval)`,
    `Lift vs ${control} (always-valid ${level} interval)`,
    comparisons > 1 ? 'p-value (always valid, Holm-adjusted)' : 'p-value (always valid)',
    `Chance to beat ${control}`,
    'Expected loss',
    'Soft conversions',
    'Hard conversions',
  ]
  return (
    <Card
      title="Variants"
      description={`${metricLabel} per variant. Rates are converted visitors ÷ visitors. Expected loss is the conversion rate you would give up, on average, by shipping that variant.`}
    >
      <TableFrame label="Variants" className="-mx-5 px-5">
        <table className="w-full min-w-[60rem] text-left text-sm" data-testid="variant-table">
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
                <tr key={v.key} data-testid="variant-row" data-variant={v.key}>
                  <th scope="row" className="sticky left-0 bg-white py-2 pr-4 font-semibold">
                    {v.key}
                    {v.isControl ? <span className="block text-xs font-normal text-slate-500">control</span> : null}
                    {v.isWinner ? <span className="block text-xs font-normal text-green-700">declared winner</span> : null}
                  </th>
                  <td className="py-2 pr-4">{formatCount(v.visitors)}</td>
                  <td className="py-2 pr-4">{formatCount(v.conversions)}</td>
                  <td className="py-2 pr-4">{rateWithCi(v)}</td>
                  <td className="py-2 pr-4">
                    {c ? (
                      <>
                        {formatLift(c.relativeLift)}
                        {c.significant ? <span className="font-medium"> (significant)</span> : null}
                        <span className="block whitespace-nowrap text-xs text-slate-500">{formatLiftInterval(c.sequentialRelativeLiftCi)}</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="py-2 pr-4">{c ? formatPValue(c.sequentialPValueAdjusted) : '–'}</td>
                  <td className="py-2 pr-4">{c ? formatChance(c.probabilityToBeatControl) : '–'}</td>
                  <td className="py-2 pr-4">{formatPoints(v.expectedLoss, 3)}</td>
                  <td className="py-2 pr-4">{countRate(v.soft)}</td>
                  <td className="py-2 pr-4">{countRate(v.hard)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableFrame>
      <VariantNotes variants={variants} />
    </Card>
  )
}

function VariantNotes({ variants }: { variants: VariantResult[] }) {
  const notes = variants.filter((v) => v.vsControl?.note)
  if (!notes.length) return null
  return (
    <ul className="mt-3 list-disc pl-5 text-xs text-slate-500">
      {notes.map((v) => (
        <li key={v.key}>
          {v.key}: {v.vsControl!.note}
        </li>
      ))}
    </ul>
  )
}
