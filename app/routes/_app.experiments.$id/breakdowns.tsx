import { formatCount, formatInterval, formatLift, formatLiftInterval, formatPercent } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { Breakdowns, Segment } from '#app/experiments/results/shape'
import { TableFrame } from '#app/components/ui/table-frame'

/**
 * The same metric per device type and per traffic source. One table per dimension, a group of rows per
 * segment (narrow enough for a phone). The lifts here are fixed-horizon and exploratory: many segments are
 * many looks, so a segment's "win" is a lead to follow up, not a result to ship.
 */
export function BreakdownsSection({ breakdowns, control, downloads }: { breakdowns: Breakdowns; control: string; downloads?: { device: React.ReactNode; channel: React.ReactNode } }) {
  return (
    <Card title="Breakdowns" description={`Each segment with its own rates and lift against ${control}. Exploratory: with many segments, some differ by chance.`}>
      <div className="grid grid-cols-1 gap-8 xl:grid-cols-2">
        <BreakdownTable title="By device" testId="breakdown-device" segments={breakdowns.device} control={control} download={downloads?.device} />
        <BreakdownTable title="By traffic source" testId="breakdown-channel" segments={breakdowns.channel} control={control} download={downloads?.channel} />
      </div>
    </Card>
  )
}

function BreakdownTable({ title, segments, control, testId, download }: { title: string; segments: Segment[]; control: string; testId: string; download?: React.ReactNode }) {
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
        <p className="text-sm text-slate-500">No visitors yet.</p>
      ) : (
        <TableFrame label={title}>
          <table aria-labelledby={headingId} className="w-full min-w-[26rem] text-left text-sm" data-testid={testId}>
            <thead className="text-slate-500">
              <tr>
                {['Variant', 'Visitors', 'Conversions', 'Rate (interval)', `Lift vs ${control} (interval)`].map((h) => (
                  <th key={h} scope="col" className="py-1 pr-3 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            {withVisitors.map((s) => (
              <tbody key={s.segment} className="tabular-nums" data-testid="segment" data-segment={s.segment}>
                <tr className="border-t border-slate-200 bg-slate-50">
                  <th scope="rowgroup" colSpan={5} className="py-1.5 pr-3 font-semibold">
                    {s.label}{' '}
                    <span className="font-normal text-slate-600">
                      · {formatCount(s.visitors)} visitors · {formatCount(s.conversions)} conversions · {formatPercent(s.rate)}
                    </span>
                  </th>
                </tr>
                {s.variants.map((v) => (
                  <tr key={v.key} data-variant={v.key}>
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {v.key}
                    </th>
                    <td className="py-1 pr-3">{formatCount(v.visitors)}</td>
                    <td className="py-1 pr-3">{formatCount(v.conversions)}</td>
                    <td className="py-1 pr-3">
                      {formatPercent(v.rate)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatInterval(v.ci, (x) => formatPercent(x))}</span>
                    </td>
                    <td className="py-1 pr-3">
                      {v.key === control ? (
                        '–'
                      ) : (
                        <>
                          {formatLift(v.relativeLift)} <span className="block whitespace-nowrap text-xs text-slate-500">{formatLiftInterval(v.relativeLiftCi)}</span>
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
      {empty.length && withVisitors.length ? <p className="mt-2 text-xs text-slate-500">No visitors yet from {empty.map((s) => s.label.toLowerCase()).join(', ')}.</p> : null}
    </div>
  )
}
