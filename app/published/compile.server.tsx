import { renderToStaticMarkup } from 'react-dom/server'
import { DynamicTextContext, parseDynamicText } from '#app/pages/dynamic-text'
import { compileTemplate, escapeHtml, formMarker, tokenMarker, type HtmlTemplate } from '#app/published/html-template'
import { FormSlotContext } from '#app/pages/blocks/form'
import { pageAssetUrl } from '#app/published/assets.server'
import { cmpScriptTag, consentParts } from '#app/privacy/banner.server'
import { cmpSources } from '#app/privacy/cmp'
import type { PrivacySettings } from '#app/privacy/settings'
import { collectBlockTypes, PageContent, pageCss } from '#app/pages/page-content'
import { safeImageUrl } from '#app/pages/blocks/safe-url'
import { themeVariables } from '#app/pages/theme'
import type { PageDocumentJson, PageSettings } from '#db/schema'

export type BlockProblem = { path: string; type: string; message: string }

// Published pages load nothing from elsewhere but images, the two privacy-enhanced video players and, where the
// workspace names one, its consent tool (decision 095).
const PAGE_CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'img-src': ["'self'", 'https:', 'data:'],
  'style-src': ["'unsafe-inline'"],
  'script-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
}
/** The directives a consent tool needs beyond its script: its settings and consent log (connect), its preference
 * centre or cross-domain store (frame), its logos (img) and stylesheet (style), as Cookiebot and OneTrust document. */
const CMP_DIRECTIVES = ['script-src', 'connect-src', 'frame-src', 'img-src', 'style-src'] as const

const policyOf = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')

export const PUBLISHED_PAGE_CSP = policyOf(PAGE_CSP_DIRECTIVES)

/** The CSP of a workspace's published pages: the fixed one, with its consent tool's origins where it has one. */
export function publishedPageCsp(privacy: PrivacySettings | undefined): string {
  const sources = privacy?.cmp ? cmpSources(privacy.cmp) : []
  if (sources.length === 0) return PUBLISHED_PAGE_CSP
  const directives: Record<string, string[]> = { ...PAGE_CSP_DIRECTIVES }
  for (const name of CMP_DIRECTIVES) directives[name] = [...directives[name]!, ...sources]
  return policyOf(directives)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// A hole the published-page cache fills with the form's HTML; a Form block without a valid form id shows no form.
const formSlot = (formId: string) => (UUID.test(formId) ? formMarker(formId.toLowerCase()) : null)

/** Text with dynamic-text tokens, for the document head (outside React). */
function headText(text: string) {
  return parseDynamicText(text)
    .map((part) => (typeof part === 'string' ? escapeHtml(part) : tokenMarker(part.param, escapeHtml(part.fallback))))
    .join('')
}

/**
 * One variant of a published version as a complete HTML document template. Damaged blocks are left out and
 * reported in `problems`; this never throws for bad content (the caller logs the problems).
 */
export function renderVariantDocument({
  slug,
  locale,
  variantKey,
  settings,
  document,
  privacy,
}: {
  slug: string
  /** The page's language, a canonical BCP 47 tag (readVisitorLocale): the document's lang. */
  locale: string
  variantKey: string
  settings: PageSettings
  document: PageDocumentJson
  /** The workspace's privacy settings: a `consent` workspace's pages carry the consent script and banner. */
  privacy?: PrivacySettings
}): {
  template: HtmlTemplate
  problems: BlockProblem[]
} {
  const problems: BlockProblem[] = []
  const style = themeVariables(settings.theme) as React.CSSProperties
  let body = ''
  try {
    const logo = safeImageUrl(settings.theme.logo)
    body = renderToStaticMarkup(
      <DynamicTextContext.Provider value={(part) => tokenMarker(part.param, part.fallback)}>
        <FormSlotContext.Provider value={formSlot}>
          <div className="sf-page" data-page={slug} data-variant={variantKey} style={style}>
            {logo ? (
              <header className="sf-page-header">
                <img src={logo} alt={settings.title || slug} height={32} decoding="async" />
              </header>
            ) : null}
            <main>
              <PageContent data={document} onBlockError={(problem) => problems.push(problem)} />
            </main>
          </div>
        </FormSlotContext.Provider>
      </DynamicTextContext.Provider>,
    )
  } catch (error) {
    problems.push({ path: '(page)', type: '(page)', message: error instanceof Error ? error.message : String(error) })
    body = `<div class="sf-page" data-page="${escapeHtml(slug)}" data-variant="${escapeHtml(variantKey)}"></div>`
  }
  let css = ''
  try {
    css = pageCss(collectBlockTypes(document))
  } catch {
    css = pageCss([])
  }
  const hasCountdown = body.includes('data-countdown-target')
  const hasForm = body.includes(formMarker('').slice(0, -1))
  const socialImage = safeImageUrl(settings.socialImage)
  const favicon = safeImageUrl(settings.favicon) ?? '/favicon.svg'
  const consent = consentParts(privacy, locale)
  const head = [
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The site's consent tool before anything else of ours (decision 095).
    cmpScriptTag(privacy?.cmp),
    `<title>${headText(settings.title || slug)}</title>`,
    settings.description ? `<meta name="description" content="${escapeHtml(settings.description)}">` : '',
    settings.noindex ? '<meta name="robots" content="noindex">' : '',
    `<meta property="og:title" content="${escapeHtml(settings.title || slug)}">`,
    settings.description ? `<meta property="og:description" content="${escapeHtml(settings.description)}">` : '',
    socialImage ? `<meta property="og:image" content="${escapeHtml(socialImage)}">` : '',
    `<link rel="icon" href="${escapeHtml(favicon)}">`,
    `<style>${(css + (consent?.css ?? '')).replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head><body>',
    consent?.bodyStart ?? '',
  ].join('')
  // The form script (app/forms/enhance/build-bundle.ts) and the countdown, fingerprinted (assets.server.ts).
  const scripts = [hasCountdown ? pageAssetUrl('countdown.js') : null, hasForm ? pageAssetUrl('form.js') : null].map((src) => (src ? `<script src="${src}" defer></script>` : ''))
  const tail = `${scripts.join('')}${consent?.scripts ?? ''}</body></html>`
  return { template: compileTemplate(head + body + tail), problems }
}
