import { useT } from '#app/i18n/provider'

// Hot and new are told by words as well as colour, so they survive colour blindness, greyscale and screen readers.

export function TemperatureBadge({ temperature }: { temperature: 'hot' | 'cold' }) {
  const t = useT()
  return temperature === 'hot' ? (
    <span className="inline-flex items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
      <span aria-hidden>●</span> {t('leads.badges.hot')}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded bg-sky-50 px-1.5 py-0.5 text-xs font-medium text-sky-800">
      <span aria-hidden>○</span> {t('leads.badges.cold')}
    </span>
  )
}

/** A hot lead no member has opened yet. Amber 700: white text on amber 600 fell short of 4.5:1 (axe color-contrast). */
export function NewLeadBadge() {
  const t = useT()
  return (
    <span className="ml-2 rounded bg-amber-700 px-1.5 py-0.5 text-xs font-semibold uppercase text-white" title={t('leads.badges.newTitle')}>
      {t('leads.badges.new')}
    </span>
  )
}

/** Double opt-in: a double opt-in form asked this lead to confirm the address, and it has not (yet). */
export function UnconfirmedBadge() {
  const t = useT()
  return (
    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800" title={t('leads.badges.unconfirmedTitle')}>
      {t('leads.badges.unconfirmed')}
    </span>
  )
}

export const isUnconfirmed = (lead: { confirmationRequestedAt: Date | string | null; confirmedAt: Date | string | null }) => Boolean(lead.confirmationRequestedAt && !lead.confirmedAt)
