// Hot and new are told by words as well as colour, so they survive colour blindness, greyscale and screen readers.

export function TemperatureBadge({ temperature }: { temperature: 'hot' | 'cold' }) {
  return temperature === 'hot' ? (
    <span className="inline-flex items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
      <span aria-hidden>●</span> Hot
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded bg-sky-50 px-1.5 py-0.5 text-xs font-medium text-sky-800">
      <span aria-hidden>○</span> Cold
    </span>
  )
}

/** A hot lead no member has opened yet. Amber 700: white text on amber 600 fell short of 4.5:1 (axe color-contrast). */
export function NewLeadBadge() {
  return (
    <span className="ml-2 rounded bg-amber-700 px-1.5 py-0.5 text-xs font-semibold uppercase text-white" title="Hot lead nobody has opened yet">
      New
    </span>
  )
}

/** Double opt-in: a double opt-in form asked this lead to confirm the address, and it has not (yet). */
export function UnconfirmedBadge() {
  return (
    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800" title="Has not opened the confirmation link yet">
      Unconfirmed
    </span>
  )
}

export const isUnconfirmed = (lead: { confirmationRequestedAt: Date | string | null; confirmedAt: Date | string | null }) => Boolean(lead.confirmationRequestedAt && !lead.confirmedAt)
