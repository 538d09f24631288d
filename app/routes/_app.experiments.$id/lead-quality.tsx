import { formatAmount, formatCount, formatPercent, moneyHeading } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { STAGES_AFTER_LEAD, type LeadQualityVariant, type VariantResult } from '#app/experiments/results/shape'
import { STAGE_LABELS } from '#app/leads/stages'
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
  return (
    <Card
      title="Lead quality"
      description="The leads of each variant’s converted visitors, followed down the funnel. Pipeline value is the deal value of the leads now at Opportunity or Customer."
      actions={download}
    >
      <QualityNote leadQuality={leadQuality} variants={variants} metricLabel={metricLabel} />
      <TableFrame label="Lead quality" className="-mx-5 px-5">
        <table className="w-full min-w-[52rem] text-left text-sm" data-testid="lead-quality">
          <thead className="align-bottom text-slate-500">
            <tr>
              <th scope="col" className="sticky left-0 bg-white py-2 pr-4 font-medium">
                Variant
              </th>
              {[
                'Visitors',
                'Leads',
                'Hard share',
                ...STAGES_AFTER_LEAD.map((s) => `Reached ${STAGE_LABELS[s]}`),
                'Lost',
                moneyHeading('Pipeline value', currency),
                moneyHeading('Pipeline per 1,000 visitors', currency),
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
                <td className="py-2 pr-4">{formatCount(q.visitors)}</td>
                <td className="py-2 pr-4">{formatCount(q.leads)}</td>
                <td className="py-2 pr-4">
                  {formatPercent(q.hardShare, 1)}
                  <span className="block text-xs text-slate-500">
                    {formatCount(q.hardConversions)} of {formatCount(q.convertedVisitors)} converted
                  </span>
                </td>
                {STAGES_AFTER_LEAD.map((s) => (
                  <td key={s} className="py-2 pr-4">
                    {formatCount(q.reached[s])}
                    {q.reachedShare[s] === null ? null : <span className="block text-xs text-slate-500">{formatPercent(q.reachedShare[s], 1)} of leads</span>}
                  </td>
                ))}
                <td className="py-2 pr-4">{formatCount(q.lost)}</td>
                <td className="py-2 pr-4">{formatAmount(q.pipelineValue)}</td>
                <td className="py-2 pr-4 font-medium">{formatAmount(q.pipelineValuePer1000Visitors, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </Card>
  )
}

function QualityNote({ leadQuality, variants, metricLabel }: Omit<Props, 'currency'>) {
  const ranked = variants.filter((v) => v.rate !== null)
  if (!ranked.length || !leadQuality.length) return null
  const topRate = ranked.reduce((a, b) => ((b.rate ?? 0) > (a.rate ?? 0) ? b : a))
  const topPipeline = leadQuality.reduce((a, b) => ((b.pipelineValuePer1000Visitors ?? 0) > (a.pipelineValuePer1000Visitors ?? 0) ? b : a))
  if ((topPipeline.pipelineValuePer1000Visitors ?? 0) === 0) {
    return (
      <p className="mb-3 text-sm text-slate-600" data-testid="lead-quality-note">
        No lead of this experiment has reached Opportunity with a deal value yet: pipeline per variant shows once deals are recorded.
      </p>
    )
  }
  if (topPipeline.key === topRate.key) return null
  const rateLeader = leadQuality.find((q) => q.key === topRate.key)
  if (!rateLeader) return null
  const customers = (q: LeadQualityVariant) => formatAmount(per1000(q.reached.customer, q.visitors), 2)
  return (
    <p role="note" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="lead-quality-note">
      <span className="font-semibold">Watch the funnel:</span> {topRate.key} converts best on {metricLabel.toLowerCase()}, but {topPipeline.key}’s leads bring more pipeline:{' '}
      {formatAmount(topPipeline.pipelineValuePer1000Visitors, 0)} against {formatAmount(rateLeader.pipelineValuePer1000Visitors, 0)} per 1,000 visitors (customers per 1,000 visitors: {topPipeline.key}{' '}
      {customers(topPipeline)}, {topRate.key} {customers(rateLeader)}). Small counts are noisy; check before shipping.
    </p>
  )
}
