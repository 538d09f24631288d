import { Link } from '@remix-run/react'
import { formatCount } from '#app/components/format'

/** Double opt-in leads, confirmed and unconfirmed apart (all time), each linking to the inbox filtered to them. */
export function ConfirmationCounts({ counts }: { counts: { confirmed: number; unconfirmed: number } }) {
  if (counts.confirmed + counts.unconfirmed === 0) return null
  return (
    <section aria-labelledby="double-opt-in" className="mb-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="double-opt-in" className="text-sm font-semibold text-slate-700">
        Double opt-in leads (all time)
      </h2>
      <p className="mt-1 flex flex-wrap gap-x-6 text-sm text-slate-700">
        <Link to="/leads?confirmation=confirmed" className="hover:underline">
          <strong className="tabular-nums">{formatCount(counts.confirmed)}</strong> confirmed
        </Link>
        <Link to="/leads?confirmation=unconfirmed" className="hover:underline">
          <strong className="tabular-nums">{formatCount(counts.unconfirmed)}</strong> unconfirmed
        </Link>
      </p>
    </section>
  )
}
