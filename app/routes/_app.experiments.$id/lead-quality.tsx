import { formatAmount, formatCount, formatPercent, moneyHeading } from '#app/components/format'
import { Trans, useLanguage, useT } from '#app/i18n/provider'
import { Card } from '#app/components/ui/card'
import { STAGES_AFTER_LEAD, type LeadQualityVariant, type VariantResult } from '#app/experiments/results/shape'

import { TableFrame } from '#app/components/ui/table-frame'

/** `currency`: the workspace's, which the pipeline amounts are in. */
type Props = { leadQuality: LeadQualityVariant[]; variants: VariantResult[]; metricLabel: string; currency: string; download?: React.ReactNode }

const per1000 = (count: number, visitors: number) => (visitors > 0 ? (count / visitors) * 1000 : null)

/**
 * Are a variant's leads better, not only more numerous: hard share, how many reached each funnel stage, and
 * the pipeline they brought per 1,000 visitors. The note says so when the variant that converts best on the
 * chosen metric is not the one whose leads bring the most pipeline.
 */
export function LeadQualitySection({ leadQuality, variants, metricLabel, currency, download }: Props) {
  const t = useT()
  const language = useLanguage()
  return (
    <Card title={t('results.leadQuality.title')} description={t('results.leadQuality.description')} actions={download}>
      <QualityNote leadQuality={leadQuality} variants={variants} metricLabel={metricLabel} />
      <TableFrame label={t('results.leadQuality.title')} className="-mx-5 px-5">
        <table className="w-full min-w-[52rem] text-left text-sm" data-testid="lead-quality">
          <thead className="align-bottom text-slate-500">
            <tr>
              <th scope="col" className="sticky left-0 bg-white py-2 pr-4 font-medium">
                {t('results.variants.variant')}
              </th>
              {[
                t('results.variants.visitors'),
                t('results.leadQuality.leads'),
                t('results.leadQuality.hardShare'),
                ...STAGES_AFTER_LEAD.map((stage) => t('results.leadQuality.reached', { stage })),
                t('results.leadQuality.lost'),
                moneyHeading(t('results.leadQuality.pipelineValue'), currency),
                moneyHeading(t('results.leadQuality.pipelinePer1000'), currency),
              ].map((h) => (
                <th key={h} scope="col" className="py-2 pr-4 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top tabular-nums">
            {leadQuality.map((q) => (
              <tr key={q.key} data-testid="lead-quality-row" data-variant={q.key}>
                <th scope="row" className="sticky left-0 bg-white py-2 pr-4 font-semibold">
                  {q.key}
                </th>
                <td className="py-2 pr-4">{formatCount(q.visitors, 0, language)}</td>
                <td className="py-2 pr-4">{formatCount(q.leads, 0, language)}</td>
                <td className="py-2 pr-4">
                  {formatPercent(q.hardShare, 1, language)}
                  <span className="block text-xs text-slate-500">
                    {t('results.leadQuality.hardOf', { hard: formatCount(q.hardConversions, 0, language), converted: formatCount(q.convertedVisitors, 0, language) })}
                  </span>
                </td>
                {STAGES_AFTER_LEAD.map((s) => (
                  <td key={s} className="py-2 pr-4">
                    {formatCount(q.reached[s], 0, language)}
                    {q.reachedShare[s] === null ? null : (
                      <span className="block text-xs text-slate-500">{t('results.leadQuality.ofLeads', { share: formatPercent(q.reachedShare[s], 1, language) })}</span>
                    )}
                  </td>
                ))}
                <td className="py-2 pr-4">{formatCount(q.lost, 0, language)}</td>
                <td className="py-2 pr-4">{formatAmount(q.pipelineValue, 2, language)}</td>
                <td className="py-2 pr-4 font-medium">{formatAmount(q.pipelineValuePer1000Visitors, 0, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </Card>
  )
}

function QualityNote({ leadQuality, variants, metricLabel }: Omit<Props, 'currency'>) {
  const t = useT()
  const language = useLanguage()
  const ranked = variants.filter((v) => v.rate !== null)
  if (!ranked.length || !leadQuality.length) return null
  const topRate = ranked.reduce((a, b) => ((b.rate ?? 0) > (a.rate ?? 0) ? b : a))
  const topPipeline = leadQuality.reduce((a, b) => ((b.pipelineValuePer1000Visitors ?? 0) > (a.pipelineValuePer1000Visitors ?? 0) ? b : a))
  if ((topPipeline.pipelineValuePer1000Visitors ?? 0) === 0) {
    return (
      <p className="mb-3 text-sm text-slate-600" data-testid="lead-quality-note">
        {t('results.leadQuality.noPipeline')}
      </p>
    )
  }
  if (topPipeline.key === topRate.key) return null
  const rateLeader = leadQuality.find((q) => q.key === topRate.key)
  if (!rateLeader) return null
  const customers = (q: LeadQualityVariant) => formatAmount(per1000(q.reached.customer, q.visitors), 2, language)
  return (
    <p role="note" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="lead-quality-note">
      <Trans
        i18nKey="results.leadQuality.watchFunnel"
        values={{
          rateLeader: topRate.key,
          metric: metricLabel.toLowerCase(),
          pipelineLeader: topPipeline.key,
          pipeline: formatAmount(topPipeline.pipelineValuePer1000Visitors, 0, language),
          rateLeaderPipeline: formatAmount(rateLeader.pipelineValuePer1000Visitors, 0, language),
          customers: customers(topPipeline),
          rateLeaderCustomers: customers(rateLeader),
        }}
        components={{ strong: <span className="font-semibold" /> }}
      />
    </p>
  )
}
