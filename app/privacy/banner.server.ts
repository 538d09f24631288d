import { pageAssetUrl } from '#app/published/assets.server'
import { escapeHtml } from '#app/published/html-template'
import type { Cmp } from '#app/privacy/cmp'
import type { PrivacySettings } from '#app/privacy/settings'
import { catalogueFor } from '#app/visitor-language/catalogue'
import { languageOf } from '#app/visitor-language/locales'

// What a published page of a `consent` workspace carries (issue 19, decision 084): the consent script, always (it
// holds window.splitform.consent and follows a site's consent tool), and with `banner` on, the banner itself,
// rendered here into the page's template in the page's language and hidden until the script finds no choice yet.
// Nothing inline runs: the script is a file (script-src 'self'), the CSS goes into the page's <style>.

export type ConsentParts = { css: string; bodyStart: string; scripts: string }

// Fixed to the viewport's bottom, so showing it shifts nothing (CLS 0). Accept and Reject share one style: neither
// is the easier or the brighter choice.
const BANNER_CSS =
  '.sf-consent{position:fixed;z-index:2147483000;left:0;right:0;bottom:0;box-sizing:border-box;max-height:70vh;overflow:auto;padding:16px;background:#fff;color:#1e293b;border-top:1px solid #94a3b8;box-shadow:0 -4px 16px rgba(15,23,42,.15);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}' +
  '.sf-consent[hidden]{display:none}.sf-consent h2{margin:0 0 4px;font-size:16px;line-height:1.4}.sf-consent p{margin:0 0 12px}.sf-consent a{color:inherit;text-decoration:underline}' +
  '.sf-consent-actions{display:flex;flex-wrap:wrap;gap:8px}.sf-consent button{flex:1 1 8em;min-height:44px;padding:8px 16px;font:inherit;font-weight:600;color:#fff;background:#1e293b;border:2px solid #1e293b;border-radius:6px;cursor:pointer}' +
  '.sf-consent button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}' +
  '@media (min-width:48em){.sf-consent:not([hidden]){display:flex;gap:24px;align-items:center;padding:16px 24px}.sf-consent-text{flex:1}.sf-consent-actions{flex:0 0 22em}.sf-consent p{margin:0}}'

/** The banner, the script and their CSS for a page in `locale`; null when the workspace does not ask for consent. */
export function consentParts(privacy: PrivacySettings | undefined, locale: string): ConsentParts | null {
  if (!privacy || privacy.mode !== 'consent') return null
  const script = `<script src="${pageAssetUrl('consent.js')}" data-cookie-days="${privacy.cookieDays}" defer></script>`
  if (!privacy.banner) return { css: '', bodyStart: '', scripts: script }
  return { css: BANNER_CSS, bodyStart: bannerHtml(privacy, locale), scripts: script }
}

// The template's hole markers (html-template.ts) must not come from a marketer's wording.
const text = (value: string) => escapeHtml(value.replace(/[\uE000\uE001]/g, ''))

/**
 * The site's own consent tool as its vendor's snippet loads it (decision 095): first in <head>, in every mode, not
 * deferred, so `__tcfapi` and Google Consent Mode's queue exist before consent.js reads them, and a blocking CMP
 * blocks before anything else runs. The attributes were checked on save (app/privacy/cmp.ts): data-* and id only.
 */
export function cmpScriptTag(cmp: Cmp | null | undefined): string {
  if (!cmp) return ''
  const attributes = Object.entries(cmp.attributes ?? {}).map(([name, value]) => (value === '' ? ` ${text(name)}` : ` ${text(name)}="${text(value)}"`))
  return `<script src="${text(cmp.scriptUrl)}"${attributes.join('')}></script>`
}

function bannerHtml(privacy: PrivacySettings, locale: string) {
  const language = languageOf(locale)
  const wording = { ...catalogueFor(locale).consent, ...privacy.bannerText[language] }
  const policy = privacy.policyUrl ? ` <a href="${text(privacy.policyUrl)}">${text(wording.policy)}</a>` : ''
  // A labelled region, first in the page so the first Tab reaches it; not a dialog: it blocks nothing, takes no
  // focus on its own, and the page stays usable beside it (decision 084).
  return (
    `<section class="sf-consent" data-sf-consent-banner hidden aria-labelledby="sf-consent-title">` +
    `<div class="sf-consent-text"><h2 id="sf-consent-title">${text(wording.title)}</h2><p>${text(wording.body)}${policy}</p></div>` +
    `<div class="sf-consent-actions"><button type="button" data-sf-consent-choice="granted">${text(wording.accept)}</button>` +
    `<button type="button" data-sf-consent-choice="denied">${text(wording.reject)}</button></div></section>`
  )
}
