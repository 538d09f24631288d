// A published variant is rendered once per version into a template: static HTML with marked holes. Serving
// fills the holes per request, so the per-request work is a string join, not a React render. Templates
// without holes are served as precomputed bytes; the others as gzip spliced from precompressed pieces
// (gzip-splice.ts).
//
// Holes are marked with private-use characters, which React leaves alone:
//   \uE000param|fallback\uE001  dynamic text from the query string (the fallback already HTML-escaped)
//   \uE000#form:ID\uE001         the form with this id (expanded per version, or rendered per request)
//   \uE000#idem\uE001            a fresh idempotency key for a form submission
//   \uE000#t\uE001               a signed render timestamp (the form's fill-time check)
//   \uE000#x\uE001               the signed exposure of a view counted cookieless (empty for every other view)

export const TOKEN_OPEN = '\uE000'
export const TOKEN_CLOSE = '\uE001'
const MAX_VALUE_LENGTH = 100

export type GeneratedValue = 'idem' | 't' | 'x'
export type TemplatePart = string | { param: string; fallbackHtml: string } | { form: string } | { generated: GeneratedValue }
export type HtmlTemplate = { parts: TemplatePart[]; hasTokens: boolean }

/** What a DynamicTextContext renders while building a template. */
export function tokenMarker(param: string, fallback: string) {
  return `${TOKEN_OPEN}${param}|${fallback}${TOKEN_CLOSE}`
}
export const formMarker = (formId: string) => `${TOKEN_OPEN}#form:${formId}${TOKEN_CLOSE}`
export const generatedMarker = (name: GeneratedValue) => `${TOKEN_OPEN}#${name}${TOKEN_CLOSE}`

function readToken(inner: string): Exclude<TemplatePart, string> | null {
  if (inner.startsWith('#form:')) return { form: inner.slice(6) }
  if (inner === '#idem' || inner === '#t' || inner === '#x') return { generated: inner.slice(1) as GeneratedValue }
  const bar = inner.indexOf('|')
  return bar > 0 ? { param: inner.slice(0, bar), fallbackHtml: inner.slice(bar + 1) } : null
}

export function compileTemplate(html: string): HtmlTemplate {
  const parts: TemplatePart[] = []
  let text = ''
  let rest = html
  for (;;) {
    const open = rest.indexOf(TOKEN_OPEN)
    const close = open >= 0 ? rest.indexOf(TOKEN_CLOSE, open) : -1
    if (open < 0 || close < 0) break
    const token = readToken(rest.slice(open + 1, close))
    text += rest.slice(0, open)
    if (token) {
      if (text) parts.push(text)
      parts.push(token)
      text = ''
    }
    rest = rest.slice(close + 1)
  }
  text += rest
  if (text) parts.push(text)
  return { parts, hasTokens: parts.some((p) => typeof p !== 'string') }
}

/** The template with each form hole replaced by that form's own template (or nothing when it has none). */
export function expandForms(template: HtmlTemplate, formTemplate: (formId: string) => HtmlTemplate | null): HtmlTemplate {
  const parts: TemplatePart[] = []
  const push = (part: TemplatePart) => {
    const last = parts[parts.length - 1]
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part
    else parts.push(part)
  }
  for (const part of template.parts) {
    if (typeof part === 'object' && 'form' in part) formTemplate(part.form)?.parts.forEach(push)
    else push(part)
  }
  return { parts, hasTokens: parts.some((p) => typeof p !== 'string') }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

export type FillContext = {
  /** Per-request values; generated holes stay empty without them. */
  generated?: (name: GeneratedValue) => string
  /** HTML for a form hole; unexpanded forms render nothing without it. */
  form?: (formId: string) => string
}

/** The HTML of one hole for this request: query values are trimmed, capped and escaped. */
export function fillPart(part: Exclude<TemplatePart, string>, params: URLSearchParams, context: FillContext = {}) {
  if ('param' in part) {
    const value = params.get(part.param)?.trim().slice(0, MAX_VALUE_LENGTH)
    return value ? escapeHtml(value) : part.fallbackHtml
  }
  if ('form' in part) return context.form?.(part.form) ?? ''
  return context.generated ? escapeHtml(context.generated(part.generated)) : ''
}

/** The HTML for one request. */
export function fillTemplate(template: HtmlTemplate, params: URLSearchParams, context: FillContext = {}) {
  let html = ''
  for (const part of template.parts) html += typeof part === 'string' ? part : fillPart(part, params, context)
  return html
}
