/** Soft or hard, with what it means for the lead: the same badge in every forms screen. */
export function ConversionBadge({ type }: { type: string }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${type === 'hard' ? 'bg-orange-100 text-orange-800' : 'bg-sky-100 text-sky-800'}`}>
      {type === 'hard' ? 'hard · hot leads' : 'soft · cold leads'}
    </span>
  )
}
