import { formatAmount, formatConfidence, formatCount, formatInterval, formatLift, formatPValue, moneyHeading } from '#app/components/format'
import { useLanguage, useT } from '#app/i18n/provider'
import { useSpeaker } from '#app/i18n/use-speaker'
import { sayRange } from '#app/statistics/wording'
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
  const t = useT()
  const language = useLanguage()
  const speaker = useSpeaker()
  const to = t('results.interval.to')
  const level = formatConfidence(confidence, language)
  const comparisons = variants.filter((v) => !v.isControl).length
  const headers = [
    t('results.variants.visitors'),
    moneyHeading(t('results.pipeline.total'), currency),
    t('results.pipeline.perVisitor', { currency, level }),
    t('results.variants.lift', { control, level }),
    t('results.variants.pValue', { holm: comparisons > 1 ? 'yes' : 'no' }),
  ]
  return (
    <Card title={t('results.pipeline.title')} description={t('results.pipeline.description')}>
      <TableFrame label={t('results.pipeline.title')} className="-mx-5 px-5">
        <table className="w-full min-w-[44rem] text-left text-sm" data-testid="pipeline-table">
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
                <tr key={v.key} data-testid="pipeline-row" data-variant={v.key}>
                  <th scope="row" className="sticky left-0 bg-white py-2 pr-4 font-semibold">
                    {v.key}
                    {v.isControl ? <span className="block text-xs font-normal text-slate-500">{t('results.variants.control')}</span> : null}
                    {v.isWinner ? <span className="block text-xs font-normal text-green-700">{t('results.variants.declaredWinner')}</span> : null}
                  </th>
                  <td className="py-2 pr-4">{formatCount(v.visitors, 0, language)}</td>
                  <td className="py-2 pr-4">{formatAmount(v.total, 2, language)}</td>
                  <td className="py-2 pr-4">
                    {formatAmount(v.mean, 2, language)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatInterval(v.ci, (x) => formatAmount(x, 2, language), to)}</span>
                  </td>
                  <td className="py-2 pr-4">
                    {c ? (
                      <>
                        {formatLift(c.relativeLift, 1, language)}
                        {c.significant ? <span className="font-medium"> {t('results.variants.significant')}</span> : null}
                        <span className="block whitespace-nowrap text-xs text-slate-500">{sayRange(speaker.say, language, c.sequentialRelativeLiftCi)}</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="py-2 pr-4">{c ? formatPValue(c.sequentialPValueAdjusted, language) : '–'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableFrame>
    </Card>
  )
}
