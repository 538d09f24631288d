import { Link } from '@remix-run/react'
import { formatCount } from '#app/components/format'
import { Trans, useLanguage, useT } from '#app/i18n/provider'

/** Double opt-in leads, confirmed and unconfirmed apart (all time), each linking to the inbox filtered to them. */
export function ConfirmationCounts({ counts }: { counts: { confirmed: number; unconfirmed: number } }) {
  const t = useT()
  const language = useLanguage()
  if (counts.confirmed + counts.unconfirmed === 0) return null
  const strong = <strong className="tabular-nums" />
  return (
    <section aria-labelledby="double-opt-in" className="mb-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="double-opt-in" className="text-sm font-semibold text-slate-700">
        {t('dashboard.confirmations.title')}
      </h2>
      <p className="mt-1 flex flex-wrap gap-x-6 text-sm text-slate-700">
        <Link to="/leads?confirmation=confirmed" className="hover:underline">
          <Trans i18nKey="dashboard.confirmations.confirmed" t={t} values={{ count: counts.confirmed, figure: formatCount(counts.confirmed, 0, language) }} components={{ strong }} />
        </Link>
        <Link to="/leads?confirmation=unconfirmed" className="hover:underline">
          <Trans i18nKey="dashboard.confirmations.unconfirmed" t={t} values={{ count: counts.unconfirmed, figure: formatCount(counts.unconfirmed, 0, language) }} components={{ strong }} />
        </Link>
      </p>
    </section>
  )
}
