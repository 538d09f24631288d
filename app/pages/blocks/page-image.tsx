import { dynamicTextFallback } from '#app/pages/dynamic-text'
import { safeImageUrl } from '#app/pages/blocks/safe-url'

type PageImageProps = {
  src: string
  /** Empty for a decorative image. */
  alt: string
  /** 0 when unknown. */
  width?: number
  height?: number
  /** The page's main (LCP) image: loaded eagerly at high priority instead of lazily. */
  isPriority?: boolean
  className?: string
}

/** An <img> with a safe src, known dimensions (no layout shift) and async decoding; nothing for an unsafe src. */
export function PageImage({ src, alt, width, height, isPriority = false, className }: PageImageProps) {
  const url = safeImageUrl(src)
  if (!url) return null
  // React 18 does not know fetchPriority and warns about it; the lowercase attribute passes through as is.
  const loading = isPriority ? { loading: 'eager' as const, fetchpriority: 'high' } : { loading: 'lazy' as const }
  return (
    <img
      className={className}
      src={url}
      // Attributes hold no markup, so dynamic-text tokens show their fallback here.
      alt={dynamicTextFallback(alt)}
      width={width || undefined}
      height={height || undefined}
      decoding="async"
      {...loading}
    />
  )
}
