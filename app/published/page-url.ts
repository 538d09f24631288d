// A visitor's /p/:slug URL, split once by the router and handed to the view or the submit.

export type PageRequest = { slug: string; path: string; query: string }

const SLUG = /^\/p\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/

/** Splits `/p/:slug?query` without a URL object (this runs for every visitor). */
export function parsePageUrl(url: string): PageRequest | null {
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  const match = SLUG.exec(path)
  return match ? { slug: match[1]!, path, query: q < 0 ? '' : url.slice(q + 1) } : null
}
