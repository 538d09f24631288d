import type { Analysis } from '#app/statistics/analyze'
import { formatPValue } from '#app/components/format'

const STYLES: Record<Analysis['decision']['status'], { title: string; tone: string }> = {
  winner: { title: 'We have a winner', tone: 'bg-green-50 text-green-900 ring-green-200' },
  control: { title: 'The control wins', tone: 'bg-amber-50 text-amber-900 ring-amber-200' },
  no_difference: { title: 'No meaningful difference', tone: 'bg-slate-100 text-slate-900 ring-slate-200' },
  collecting: { title: 'Keep collecting', tone: 'bg-brand-50 text-brand-900 ring-brand-100' },
  srm: { title: 'Traffic split is off: results not trustworthy', tone: 'bg-red-50 text-red-900 ring-red-200' },
}

/** The verdict in one sentence (which already says how many more visitors and days), in words and not only colour. */
export function DecisionBanner({ decision, srm }: Pick<Analysis, 'decision' | 'srm'>) {
  const style = STYLES[decision.status]
  return (
    <section role="status" aria-live="polite" data-testid="decision" data-status={decision.status} className={`rounded-lg p-5 ring-1 ${style.tone}`}>
      <h2 className="text-lg font-semibold">{style.title}</h2>
      <p className="mt-1">{decision.reason}</p>
      {srm.detected ? (
        <p className="mt-2 text-sm">
          Sample ratio mismatch (p = {formatPValue(srm.pValue)}): the visitor counts do not match the planned split. Usual
          causes: redirects or slow pages that lose visitors of one variant, bots, or assignment changed mid-test.
        </p>
      ) : null}
    </section>
  )
}
