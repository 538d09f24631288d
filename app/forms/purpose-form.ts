import type { FormLocale, PurposeId } from './purposes'

// A page made from a template collects leads with a form of the template's purpose, in the template's language.
// Pure, so the rule is tested on its own: the DB side is purpose-form.server.ts.

/** `locale` is the definition's own (null or absent: a form from before languages, which is English). */
export type PurposeFormCandidate = { id: string; purpose: string; locale?: string | null; archivedAt: Date | null; updatedAt: Date }

/**
 * The workspace's form to reuse for `purpose` in `locale`: not archived (the marketer put it away), and of several
 * the one changed last (the one they are working with). Null when there is none, so one is made.
 */
export function choosePurposeForm(forms: readonly PurposeFormCandidate[], purpose: PurposeId, locale: FormLocale = 'en'): string | null {
  const usable = forms.filter((form) => form.purpose === purpose && (form.locale ?? 'en') === locale && !form.archivedAt)
  usable.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.id.localeCompare(b.id))
  return usable[0]?.id ?? null
}
