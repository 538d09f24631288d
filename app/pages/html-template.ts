// A published variant is rendered once per version into a template: static HTML with dynamic-text tokens
// marked by private-use characters. Serving fills the tokens from the query string, so the per-request work
// is a string join, not a React render. Templates without tokens are served as precomputed bytes.

export const TOKEN_OPEN = '\uE000'
export const TOKEN_CLOSE = '\uE001'
const MAX_VALUE_LENGTH = 100

/** What a DynamicTextContext renders while building a template. */
export function tokenMarker(param: string, fallback: string) {
  return `${TOKEN_OPEN}${param}|${fallback}${TOKEN_CLOSE}`
}

// param, and the fallback already HTML-escaped (React escaped it as text while rendering).
export type HtmlTemplate = { parts: (string | { param: string; fallbackHtml: string })[]; hasTokens: boolean }

export function compileTemplate(html: string): HtmlTemplate {
  const parts: HtmlTemplate['parts'] = []
  let rest = html
  for (;;) {
    const open = rest.indexOf(TOKEN_OPEN)
    const close = open >= 0 ? rest.indexOf(TOKEN_CLOSE, open) : -1
    if (open < 0 || close < 0) break
    if (open > 0) parts.push(rest.slice(0, open))
    const inner = rest.slice(open + 1, close)
    const bar = inner.indexOf('|')
    parts.push({ param: inner.slice(0, bar), fallbackHtml: inner.slice(bar + 1) })
    rest = rest.slice(close + 1)
  }
  if (rest) parts.push(rest)
  return { parts, hasTokens: parts.some((p) => typeof p !== 'string') }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

/** The HTML for one request: each token becomes its query value (trimmed, capped, escaped) or its fallback. */
export function fillTemplate(template: HtmlTemplate, params: URLSearchParams) {
  let html = ''
  for (const part of template.parts) {
    if (typeof part === 'string') html += part
    else {
      const value = params.get(part.param)?.trim().slice(0, MAX_VALUE_LENGTH)
      html += value ? escapeHtml(value) : part.fallbackHtml
    }
  }
  return html
}
