import { formatCount, formatInterval, formatLift, formatLiftInterval, formatPercent } from '#app/components/format'
import { useLanguage, useT } from '#app/i18n/provider'
import { Card } from '#app/components/ui/card'
import type { Breakdowns, Segment } from '#app/experiments/results/shape'
import { TableFrame } from '#app/components/ui/table-frame'

/**
 * The same metric per device type and per traffic source. One table per dimension, a group of rows per
 * segment (narrow enough for a phone). The lifts here are fixed-horizon and exploratory: many segments are
 * many looks, so a segment's "win" is a lead to follow up, not a result to ship.
 */
export function BreakdownsSection({ breakdowns, control, downloads }: { breakdowns: Breakdowns; control: string; downloads?: { device: React.ReactNode; channel: React.ReactNode } }) {
  const t = useT()
  return (
    <Card title={t('results.breakdowns.title')} description={t('results.breakdowns.description', { control })}>
      <div className="grid grid-cols-1 gap-8 xl:grid-cols-2">
        <BreakdownTable title={t('results.breakdowns.byDevice')} testId="breakdown-device" segments={breakdowns.device} control={control} download={downloads?.device} />
        <BreakdownTable title={t('results.breakdowns.byChannel')} testId="breakdown-channel" segments={breakdowns.channel} control={control} download={downloads?.channel} />
      </div>
    </Card>
  )
}

function BreakdownTable({ title, segments, control, testId, download }: { title: string; segments: Segment[]; control: string; testId: string; download?: React.ReactNode }) {
  const t = useT()
  const language = useLanguage()
  const to = t('results.interval.to')
  const segmentName = (s: Segment) => t('results.breakdowns.segment', { segment: s.segment, label: s.label })
  const headingId = `${testId}-title`
  // Segments without visitors would be rows of dashes: they are named in one line instead.
  const withVisitors = segments.filter((s) => s.visitors > 0)
  const empty = segments.filter((s) => s.visitors === 0)
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-3">
        <h3 id={headingId} className="text-sm font-semibold">
          {title}
        </h3>
        {download}
      </div>
      {withVisitors.length === 0 ? (
        <p className="text-sm text-slate-500">{t('results.breakdowns.noVisitors')}</p>
      ) : (
        <TableFrame label={title}>
          <table aria-labelledby={headingId} className="w-full min-w-[26rem] text-left text-sm" data-testid={testId}>
            <thead className="text-slate-500">
              <tr>
                {[t('results.variants.variant'), t('results.variants.visitors'), t('results.variants.conversions'), t('results.breakdowns.rate'), t('results.breakdowns.lift', { control })].map(
                  (h) => (
                    <th key={h} scope="col" className="py-1 pr-3 font-medium">
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            {withVisitors.map((s) => (
              <tbody key={s.segment} className="tabular-nums" data-testid="segment" data-segment={s.segment}>
                <tr className="border-t border-slate-200 bg-slate-50">
                  <th scope="rowgroup" colSpan={5} className="py-1.5 pr-3 font-semibold">
                    {segmentName(s)}{' '}
                    <span className="font-normal text-slate-600">
                      {t('results.breakdowns.segmentFigures', {
                        visitors: formatCount(s.visitors, 0, language),
                        conversions: formatCount(s.conversions, 0, language),
                        rate: formatPercent(s.rate, 2, language),
                      })}
                    </span>
                  </th>
                </tr>
                {s.variants.map((v) => (
                  <tr key={v.key} data-variant={v.key}>
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {v.key}
                    </th>
                    <td className="py-1 pr-3">{formatCount(v.visitors, 0, language)}</td>
                    <td className="py-1 pr-3">{formatCount(v.conversions, 0, language)}</td>
                    <td className="py-1 pr-3">
                      {formatPercent(v.rate, 2, language)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatInterval(v.ci, (x) => formatPercent(x, 2, language), to)}</span>
                    </td>
                    <td className="py-1 pr-3">
                      {v.key === control ? (
                        '–'
                      ) : (
                        <>
                          {formatLift(v.relativeLift, 1, language)}{' '}
                          <span className="block whitespace-nowrap text-xs text-slate-500">{formatLiftInterval(v.relativeLiftCi, language, t('results.interval.unbounded'), to)}</span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </TableFrame>
      )}
      {empty.length && withVisitors.length ? (
        <p className="mt-2 text-xs text-slate-500">{t('results.breakdowns.noVisitorsFrom', { segments: empty.map((s) => segmentName(s).toLowerCase()).join(', ') })}</p>
      ) : null}
    </div>
  )
}
