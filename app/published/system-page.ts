import { pageCss } from '#app/pages/page-content'
import { escapeHtml } from '#app/published/html-template'
import type { SystemPageText } from '#app/published/system-messages'

// A page Splitform answers itself on the visitor path (404, 429, 503…), in the look of a published page: the
// same base stylesheet (its .sf-page defaults are the default theme), a heading and a sentence, and no link into the app, since a visitor
// is not a member (issue 17: /p/unknown was an unstyled "Page not found").

const SYSTEM_CSS = '.sf-system{min-height:100vh;display:grid;align-items:center}.sf-system__status{margin:0 0 .5rem;font-weight:700;letter-spacing:.1em;color:var(--sf-muted)}'

let css: string | undefined

/** `locale`: the language the words are in (a canonical tag), for `<html lang>`. */
export function renderSystemPage(status: number, { title, text }: SystemPageText, locale: string) {
  css ??= pageCss([]) + SYSTEM_CSS
  return [
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title><link rel="icon" href="/favicon.svg"><style>${css}</style></head><body>`,
    `<div class="sf-page" data-system-page="${status}"><main class="sf-block sf-system"><div class="sf-wrap">`,
    `<p class="sf-system__status">${status}</p><h1>${escapeHtml(title)}</h1><p class="sf-lead">${escapeHtml(text)}</p>`,
    '</div></main></div></body></html>',
  ].join('')
}
