// Which files a marketer may upload as a form's download, and how they are named on the way out. Pure and
// client-safe: the upload field's `accept` and the server's checks read the same list.

export const MAX_ASSET_BYTES = 10 * 1024 * 1024
export const MAX_ASSET_MB = MAX_ASSET_BYTES / 1024 / 1024

/**
 * Extension → the content type we store and serve. The type comes from this list, never from the browser, and
 * nothing here is rendered by a browser as a page (no HTML, SVG or XML), so a download can never run script.
 */
export const ASSET_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  zip: 'application/zip',
  epub: 'application/epub+zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

const SERVABLE = new Set(Object.values(ASSET_TYPES))

/** For the file input's `accept`: `.pdf,.zip,…`. */
export const ASSET_ACCEPT = Object.keys(ASSET_TYPES)
  .map((extension) => `.${extension}`)
  .join(',')

/** The stored content type for a file name, or null when the type is not allowed. */
export function assetContentTypeFor(filename: string): string | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase()
  return (extension && ASSET_TYPES[extension]) || null
}

/** What a download is served as: a stored type from the list, else (an older or hand-edited row) raw bytes. */
export function servableContentType(stored: string): string {
  return SERVABLE.has(stored) ? stored : 'application/octet-stream'
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f"\\/:*?<>|]+/g

/** The base name a browser sent, without folders, control characters or characters file systems refuse. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .replace(UNSAFE_IN_NAME, '_')
    .replace(/^[.\s]+/, '')
    .trim()
  if (cleaned.length <= 200) return cleaned || 'download'
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? ''
  return cleaned.slice(0, 200 - extension.length) + extension
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 one (RFC 6266 / 5987). */
export function attachmentDisposition(filename: string): string {
  const name = cleanFilename(filename)
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[%;]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
