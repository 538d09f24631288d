import { formatChance, formatCount, formatInterval, formatLift, formatLiftInterval, formatPercent, formatPoints, formatPValue } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { CountRate, VariantResult } from '#app/experiments/results/shape'
import { TableFrame } from '#app/components/ui/table-frame'
import { FEW_CONVERSIONS_NOTE } from '#app/statistics/comparison'
import { useLanguage, useT } from '#app/i18n/provider'

type Props = { variants: VariantResult[]; control: string; confidence: number; metricLabel: string }

const rateWithCi = ({ rate, ci }: { rate: number | null; ci: [number, number] | null }, language: string, to: string) => (
  <>
    {formatPercent(rate, 2, language)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatInterval(ci, (x) => formatPercent(x, 2, language), to)}</span>
  </>
)

const countRate = (c: CountRate, language: string) => (
  <>
    {formatCount(c.conversions, 0, language)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatPercent(c.rate, 2, language)}</span>
  </>
)

/**
 * One row per variant for the chosen metric, as real HTML (readable without JavaScript, scrolls sideways on a
 * phone with the variant column pinned). Lift intervals and p-values are the always-valid ones: they stay
 * honest however often the team looks, and they are what the decision rests on.
 */
export function VariantTable({ variants, control, confidence, metricLabel }: Props) {
  const t = useT()
  const language = useLanguage()
  const to = t('results.interval.to')
  const level = formatPercent(confidence, 0, language)
  const comparisons = variants.filter((v) => !v.isControl).length
  const headers = [
    t('results.variants.visitors'),
    t('results.variants.conversions'),
    t('results.variants.rate', { level }),
    t('results.variants.lift', { control, level }),
    t('results.variants.pValue', { holm: comparisons > 1 ? 'yes' : 'no' }),
    t('results.variants.chance', { control }),
    t('results.variants.expectedLoss'),
    t('results.variants.soft'),
    t('results.variants.hard'),
  ]
  return (
    <Card title={t('results.variants.title')} description={t('results.variants.description', { metric: metricLabel })}>
      <TableFrame label={t('results.variants.title')} className="-mx-5 px-5">
        <table className="w-full min-w-[60rem] text-left text-sm" data-testid="variant-table">
          <thead className="align-bottom text-slate-500">
            <tr>
              <th scope="col" className="sticky left-0 bg-white py-2 pr-4 font-medium">
                {t('results.variants.variant')}
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
                    {v.isControl ? <span className="block text-xs font-normal text-slate-500">{t('results.variants.control')}</span> : null}
                    {v.isWinner ? <span className="block text-xs font-normal text-green-700">{t('results.variants.declaredWinner')}</span> : null}
                  </th>
                  <td className="py-2 pr-4">{formatCount(v.visitors, 0, language)}</td>
                  <td className="py-2 pr-4">{formatCount(v.conversions, 0, language)}</td>
                  <td className="py-2 pr-4">{rateWithCi(v, language, to)}</td>
                  <td className="py-2 pr-4">
                    {c ? (
                      <>
                        {formatLift(c.relativeLift, 1, language)}
                        {c.significant ? <span className="font-medium"> {t('results.variants.significant')}</span> : null}
                        <span className="block whitespace-nowrap text-xs text-slate-500">{formatLiftInterval(c.sequentialRelativeLiftCi, language, t('results.interval.unbounded'), to)}</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="py-2 pr-4">{c ? formatPValue(c.sequentialPValueAdjusted, language) : '–'}</td>
                  <td className="py-2 pr-4">{c ? formatChance(c.probabilityToBeatControl, language) : '–'}</td>
                  <td className="py-2 pr-4">{formatPoints(v.expectedLoss, 3, language)}</td>
                  <td className="py-2 pr-4">{countRate(v.soft, language)}</td>
                  <td className="py-2 pr-4">{countRate(v.hard, language)}</td>
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
  const t = useT()
  const notes = variants.filter((v) => v.vsControl?.note)
  if (!notes.length) return null
  return (
    <ul className="mt-3 list-disc pl-5 text-xs text-slate-500">
      {notes.map((v) => (
        <li key={v.key}>
          {v.key}: {v.vsControl!.note === FEW_CONVERSIONS_NOTE ? t('results.variants.fewConversions') : v.vsControl!.note}
        </li>
      ))}
    </ul>
  )
}
