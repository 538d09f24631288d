import { DynamicText } from '#app/pages/dynamic-text'
import { safeUrl } from '#app/pages/blocks/safe-url'

export type ButtonVariant = 'primary' | 'secondary'

/** A call-to-action link styled as a button; an unsafe or empty URL leaves the label without a link. */
export function ButtonLink({ label, href, variant }: { label: string; href: string; variant: ButtonVariant }) {
  if (!label.trim()) return null
  const url = safeUrl(href)
  const className = `sf-btn sf-btn--${variant}`
  const text = <DynamicText value={label} />
  return url ? (
    <a className={className} href={url}>
      {text}
    </a>
  ) : (
    <span className={className}>{text}</span>
  )
}
