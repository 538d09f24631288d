// Every link and image URL on a page goes through safeUrl before it reaches an attribute: marketers type URLs
// by hand and stored documents are not trusted, so anything that could run script (javascript:, data:,
// vbscript:, …) or leave the page in a surprising way becomes null and the element renders without it.

const BASE = 'https://base.invalid'
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const IMAGE_PROTOCOLS = new Set(['http:', 'https:'])

/**
 * The URL to put in an href, or null when it is not safe: http(s), mailto, tel and relative URLs (`/…`, `#…`,
 * `?…`) pass; protocol-relative `//host/…` becomes `https://host/…`; everything else is null.
 */
export function safeUrl(url: unknown): string | null {
  return checkUrl(url, LINK_PROTOCOLS)
}

/** Like safeUrl, for an image src: http(s) and relative URLs only. */
export function safeImageUrl(url: unknown): string | null {
  return checkUrl(url, IMAGE_PROTOCOLS)
}

function checkUrl(url: unknown, protocols: Set<string>): string | null {
  if (typeof url !== 'string') return null
  // Browsers drop tabs and newlines anywhere in a URL ("java\nscript:"), so do the same before looking at it.
  const cleaned = url.replace(/[\t\n\r]/g, '').trim()
  // Other control characters and backslashes (which browsers read as "/" in "/\evil.example") are never needed.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (!cleaned || cleaned.length > 2048 || /[\u0000-\u001f\u007f\\]/.test(cleaned)) return null

  if (cleaned.startsWith('//')) return absolute(`https:${cleaned}`, protocols)
  if (cleaned.startsWith('/') || cleaned.startsWith('#') || cleaned.startsWith('?')) {
    // Resolving against a base must stay on that base: proves it really is relative.
    const resolved = parse(cleaned, BASE)
    return resolved && resolved.origin === BASE ? cleaned : null
  }
  return absolute(cleaned, protocols)
}

function absolute(url: string, protocols: Set<string>): string | null {
  // Only a scheme we recognise counts: "example.com/page" has none and is rejected rather than guessed at.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return null
  const parsed = parse(url)
  if (!parsed || !protocols.has(parsed.protocol)) return null
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.hostname) return null
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : url
}

function parse(url: string, base?: string) {
  try {
    return new URL(url, base)
  } catch {
    return null
  }
}
