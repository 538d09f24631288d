import { MAX_ASSET_BYTES } from '#app/assets/files'

// How large a request body may be, by route. One table, read twice: by the guard in front of Remix
// (request-guard.server.ts), which refuses a declared Content-Length past it before anything is read and caps
// a chunked body as it streams, and by the readers (parseForm, readJsonBody), which stop at the same number.

const KB = 1024
const MB = 1024 * KB

export const BODY_LIMITS = {
  /** Admin and auth forms (login, signup, settings, notes…). */
  form: 1 * MB,
  /** The JSON API. */
  json: 64 * KB,
  /** A page draft PUT as JSON: the 1 MB document (app/pages/document.ts) and its envelope. */
  draftJson: 1_100_000,
  /**
   * The editor's and the form builder's saves post a document of up to about 1 MB as one form field; percent-
   * encoding can triple it (every quote becomes %22), so their forms get room for the worst case.
   */
  documentForm: 3_500_000,
  /** A form's download file, multipart, with room for the boundaries and headers around it. */
  upload: MAX_ASSET_BYTES + 64 * KB,
} as const

const DRAFT = /^\/api\/v1\/pages\/[^/]+\/variants\/[^/]+\/?$/
const FORM_BUILDER = /^\/forms\/[^/]+\/?$/
const EDITOR = /^\/editor\/[^/]+\/[^/]+\/?$/

/** The most a request to `path` with this content type may send. */
export function bodyLimitFor(path: string, contentType: string | null | undefined): number {
  if (path.startsWith('/api/')) return DRAFT.test(path) ? BODY_LIMITS.draftJson : BODY_LIMITS.json
  if (FORM_BUILDER.test(path)) return /^multipart\/form-data/i.test(contentType ?? '') ? BODY_LIMITS.upload : BODY_LIMITS.documentForm
  if (EDITOR.test(path)) return BODY_LIMITS.documentForm
  return BODY_LIMITS.form
}

/** "1 MB", "64 KB": limits as people read them. */
export function formatBytes(bytes: number) {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`
}

/** What a 413 says. */
export const tooLargeMessage = (limit: number) => `The request body is too large: at most ${formatBytes(limit)} here`
