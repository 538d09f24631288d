import { useT } from '#app/i18n/provider'

/** Soft or hard, with what it means for the lead: the same badge in every forms screen. */
export function ConversionBadge({ type }: { type: string }) {
  const t = useT()
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${type === 'hard' ? 'bg-orange-100 text-orange-800' : 'bg-sky-100 text-sky-800'}`}>{t('forms.badge', { type })}</span>
}
