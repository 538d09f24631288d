import { and, eq, inArray, isNull } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { db } from '#app/db.server'
import type { FormDefinition } from '#app/forms/definition'
import { renderFormTemplate } from '#app/forms/render/form-html.server'
import { publishedPageCsp, renderVariantDocument } from '#app/published/compile.server'
import { prepareSplice, type SplicedPage } from '#app/published/gzip-splice'
import { expandForms, fillTemplate, type HtmlTemplate, type TemplatePart } from '#app/published/html-template'
import { pageHeaders, type PageHeaders } from '#app/published/response.server'
import { formLanguageFor } from '#app/visitor-language/catalogue'
import type { FormLanguage } from '#app/visitor-language/format'
import { localizeDefinition } from '#app/visitor-language/form-defaults'
import { servablePrivacy } from '#app/privacy/cmp.server'
import { readPrivacySettings, type PrivacySettings } from '#app/privacy/settings'
import { forms, pages, pageVersions, workspaces, type PublishedContent } from '#db/schema'

// What a published version is in memory, read from PostgreSQL and built once: each variant compiled to a
// template (compile.server.tsx), its forms expanded in, and what can be precomputed (bytes, compression) done
// here rather than per request. The cache (cache.server.ts) decides when to call this.

export type Hole = Exclude<TemplatePart, string>

export type RenderedVariant = {
  key: string
  /** The page with its forms as holes: for requests that render a form themselves (errors, steps, success). */
  template: HtmlTemplate
  /** The page with its forms in their initial state: what nearly every request gets. */
  expanded: HtmlTemplate
  // Precomputed for pages without holes: the same bytes for every visitor.
  static: { html: Buffer; gzip: Buffer; br: Buffer; etag: string } | null
  // For pages with holes: static pieces precompressed once, per-request values spliced in (gzip-splice.ts).
  spliced: { page: SplicedPage; holes: Hole[] } | null
  /** Its response headers, the version's: the CSP follows the workspace's consent tool (decision 095). */
  headers: PageHeaders
}

/** `definition` as the page's visitors read it: the builder's English defaults in the page's language. */
export type ServedForm = { id: string; name: string; definition: FormDefinition }

/** Which published version a slug names, whose it is, and the page's language (a BCP 47 tag). */
export type PublishedPage = { versionId: string; pageId: string; workspaceId: string; slug: string; locale: string }

export type ServedVersion = PublishedPage & {
  /** The page's locale and its catalogue's form text: what its forms render, validate and ship to the page script. */
  language: FormLanguage
  controlKey: string
  variants: Map<string, RenderedVariant>
  forms: Map<string, ServedForm>
  /** The forms the page's Form blocks name (some may be missing). */
  formIds: string[]
  /** URL parameters its forms prefill from: a request carrying one renders the forms itself. */
  prefillParams: string[]
  /** Which form versions this was built from (ids and update times); a change rebuilds it. */
  formsStamp: string
  /** The privacy settings its templates were built with (the banner and the consent tool are in them, the CMP's
   * origins in its CSP): other settings rebuild it. */
  privacyStamp: string
  headers: PageHeaders
}

// On libuv's thread pool: brotli at quality 11 takes ~26 ms for a 16 KB page (measured here), which would
// otherwise stall every other visitor's request in this process after each publish.
const compressBrotli = promisify(brotliCompress)
const compressGzip = promisify(gzip)

type PageVariantTemplates = { key: string; template: HtmlTemplate }[]

/**
 * The page at `slug` (not archived) and its published version, with its workspace's privacy settings (read in the
 * same round trip: they decide how every view is served, and change without a publish); null when there is none.
 */
export async function findPublishedPage(slug: string): Promise<{ page: PublishedPage; privacy: PrivacySettings } | null> {
  const [row] = await db
    .select({ pageId: pages.id, workspaceId: pages.workspaceId, versionId: pages.publishedVersionId, locale: pages.locale, privacy: workspaces.privacy })
    .from(pages)
    .innerJoin(workspaces, eq(workspaces.id, pages.workspaceId))
    .where(and(eq(pages.slug, slug), isNull(pages.archivedAt)))
  if (!row?.versionId) return null
  return { page: { versionId: row.versionId, pageId: row.pageId, workspaceId: row.workspaceId, slug, locale: row.locale }, privacy: readPrivacySettings(row.privacy) }
}

/** The published version read and built; null when its row is gone. */
export async function loadVersion(page: PublishedPage, privacy: PrivacySettings): Promise<ServedVersion | null> {
  const [version] = await db.select({ content: pageVersions.content }).from(pageVersions).where(eq(pageVersions.id, page.versionId))
  if (!version) return null
  // The consent banner and script are part of the template (compile.server.tsx): other privacy settings rebuild it.
  // A consent tool the operator no longer allows is left out (decision 097); the stamp stays the stored settings'.
  const served = servablePrivacy(privacy, page.workspaceId)
  const templates = renderTemplates(page, version.content, served)
  const formRows = await loadForms(page.workspaceId, formIdsOf(templates))
  return buildVersion(page, templates, formRows, { privacyStamp: privacyStampOf(privacy), headers: pageHeaders(publishedPageCsp(served)) })
}

/** What identifies the privacy settings a version was built with. */
export const privacyStampOf = (privacy: PrivacySettings) => JSON.stringify(privacy)

/** A version built before, built again from the templates it has when one of its forms was edited or archived; else null. */
export async function reloadChangedForms(known: ServedVersion, page: PublishedPage): Promise<ServedVersion | null> {
  if (known.formIds.length === 0) return null
  const formRows = await loadForms(page.workspaceId, known.formIds)
  if (stampOf(formRows) === known.formsStamp) return null
  const templates = [...known.variants.values()].map((v) => ({ key: v.key, template: v.template }))
  return buildVersion(page, templates, formRows, { privacyStamp: known.privacyStamp, headers: known.headers })
}

function renderTemplates({ versionId, slug, locale }: PublishedPage, content: PublishedContent, privacy: PrivacySettings): PageVariantTemplates {
  return content.variants.map((variant) => {
    const { template, problems } = renderVariantDocument({ slug, locale, variantKey: variant.key, settings: content.settings, document: variant.document, privacy })
    for (const p of problems) console.warn(`[page] /p/${slug} version ${versionId} variant ${variant.key}: skipped ${p.type} at ${p.path}: ${p.message}`)
    return { key: variant.key, template }
  })
}

const formIdsOf = (templates: PageVariantTemplates) => [
  ...new Set(templates.flatMap(({ template }) => template.parts.flatMap((part) => (typeof part === 'object' && 'form' in part ? [part.form] : [])))),
]

/** The prefill parameters a form reads: a request carrying one of them renders the form itself. */
function prefillParamsOf(definition: FormDefinition) {
  return definition.fields.flatMap((field) => (field.prefillParam ? [field.prefillParam] : field.type === 'hidden' ? [field.key] : []))
}

async function loadForms(workspaceId: string, ids: string[]) {
  if (ids.length === 0) return []
  return (
    db
      .select({ id: forms.id, name: forms.name, definition: forms.definition, updatedAt: forms.updatedAt })
      .from(forms)
      // Archived forms stay on the pages that show them (forms/form.server.ts archiveForm).
      .where(and(inArray(forms.id, ids), eq(forms.workspaceId, workspaceId)))
  )
}

const stampOf = (rows: { id: string; updatedAt: Date }[]) =>
  rows
    .map((r) => `${r.id}@${r.updatedAt.getTime()}`)
    .sort()
    .join(',')

async function buildVariant(key: string, template: HtmlTemplate, servedForms: Map<string, ServedForm>, language: FormLanguage, headers: PageHeaders): Promise<RenderedVariant> {
  const expanded = expandForms(template, (formId) => {
    const form = servedForms.get(formId)
    return form ? renderFormTemplate({ formId, definition: form.definition, language, variantKey: key }) : null
  })
  if (expanded.hasTokens) {
    const pieces: string[] = []
    const holes: Hole[] = []
    let text = ''
    for (const part of expanded.parts) {
      if (typeof part === 'string') text += part
      else {
        pieces.push(text)
        holes.push(part)
        text = ''
      }
    }
    pieces.push(text)
    return { key, template, expanded, static: null, spliced: { page: prepareSplice(pieces), holes }, headers }
  }
  const html = Buffer.from(fillTemplate(expanded, new URLSearchParams()))
  const [gzipped, brotli] = await Promise.all([compressGzip(html, { level: 9 }), compressBrotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })])
  // Named by the bytes themselves, so it changes exactly when they do.
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 16)}"`
  return { key, template, expanded, static: { html, gzip: gzipped, br: brotli, etag }, spliced: null, headers }
}

type BuiltWith = { privacyStamp: string; headers: PageHeaders }

async function buildVersion(base: PublishedPage, templates: PageVariantTemplates, formRows: Awaited<ReturnType<typeof loadForms>>, { privacyStamp, headers }: BuiltWith): Promise<ServedVersion> {
  const formsStamp = stampOf(formRows)
  const language = formLanguageFor(base.locale)
  const servedForms = new Map<string, ServedForm>()
  for (const row of formRows) servedForms.set(row.id, { id: row.id, name: row.name, definition: localizeDefinition(row.definition, language.text) })
  const variants = new Map<string, RenderedVariant>()
  for (const { key, template } of templates) variants.set(key, await buildVariant(key, template, servedForms, language, headers))
  const prefillParams = [...new Set([...servedForms.values()].flatMap((form) => prefillParamsOf(form.definition)))]
  return { ...base, language, controlKey: templates[0]?.key ?? 'A', variants, forms: servedForms, formIds: formIdsOf(templates), prefillParams, formsStamp, privacyStamp, headers }
}
