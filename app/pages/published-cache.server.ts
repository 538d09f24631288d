import { and, eq, inArray, isNull } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { db } from '#app/db.server'
import type { FormDefinition } from '#app/forms/definition'
import { renderFormTemplate } from '#app/forms/render/form-html.server'
import { prepareSplice, type SplicedPage } from '#app/pages/gzip-splice'
import { expandForms, fillTemplate, type HtmlTemplate, type TemplatePart } from '#app/pages/html-template'
import { renderVariantDocument } from '#app/pages/render.server'
import { findServingExperiment, type ServedExperiment } from '#app/experiments/serving.server'
import { forms, pages, pageVersions, type PublishedContent } from '#db/schema'

// How long a process trusts what it knows about a slug before asking PostgreSQL again. After a publish (or a
// form edit), the process that made it is current at once and every other process within this long.
export const REVALIDATE_MS = 1000
const MAX_SLUGS = 10_000
const MAX_VERSIONS = 500

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
}

export type ServedForm = { id: string; name: string; definition: FormDefinition }

export type ServedVersion = {
  versionId: string
  pageId: string
  workspaceId: string
  slug: string
  controlKey: string
  variants: Map<string, RenderedVariant>
  forms: Map<string, ServedForm>
  /** The forms the page's Form blocks name (some may be missing). */
  formIds: string[]
  /** URL parameters its forms prefill from: a request carrying one renders the forms itself. */
  prefillParams: string[]
  /** Which form versions this was built from (ids and update times); a change rebuilds it. */
  formsStamp: string
}

/** What a slug serves right now: its published version and the experiment its visitors are subject to. */
export type ServedPage = { version: ServedVersion; experiment: ServedExperiment | null }

type SlugState = { versionId: string | null; experiment: ServedExperiment | null; checkedAt: number; refreshing?: Promise<void>; served?: ServedPage }
const slugs = new Map<string, SlugState>()
const versions = new Map<string, ServedVersion>()

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key)
  map.set(key, value)
  if (map.size > max) map.delete(map.keys().next().value as K)
}

// On libuv's thread pool: brotli at quality 11 takes ~26 ms for a 16 KB page (measured here), which would
// otherwise stall every other visitor's request in this process after each publish.
const compressBrotli = promisify(brotliCompress)
const compressGzip = promisify(gzip)

type PageVariantTemplates = { key: string; template: HtmlTemplate }[]

function renderTemplates(versionId: string, slug: string, content: PublishedContent): PageVariantTemplates {
  return content.variants.map((variant) => {
    const { template, problems } = renderVariantDocument({ slug, variantKey: variant.key, settings: content.settings, document: variant.document })
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
  return db
    .select({ id: forms.id, name: forms.name, definition: forms.definition, updatedAt: forms.updatedAt })
    .from(forms)
    // Archived forms stay on the pages that show them (forms/queries.server.ts archiveForm).
    .where(and(inArray(forms.id, ids), eq(forms.workspaceId, workspaceId)))
}

const stampOf = (rows: { id: string; updatedAt: Date }[]) =>
  rows
    .map((r) => `${r.id}@${r.updatedAt.getTime()}`)
    .sort()
    .join(',')

async function buildVariant(key: string, template: HtmlTemplate, servedForms: Map<string, ServedForm>): Promise<RenderedVariant> {
  const expanded = expandForms(template, (formId) => {
    const form = servedForms.get(formId)
    return form ? renderFormTemplate({ formId, definition: form.definition, variantKey: key }) : null
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
    return { key, template, expanded, static: null, spliced: { page: prepareSplice(pieces), holes } }
  }
  const html = Buffer.from(fillTemplate(expanded, new URLSearchParams()))
  const [gzipped, brotli] = await Promise.all([
    compressGzip(html, { level: 9 }),
    compressBrotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  ])
  // Named by the bytes themselves, so it changes exactly when they do.
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 16)}"`
  return { key, template, expanded, static: { html, gzip: gzipped, br: brotli, etag }, spliced: null }
}

async function buildVersion(
  base: { versionId: string; pageId: string; workspaceId: string; slug: string },
  templates: PageVariantTemplates,
  formRows: Awaited<ReturnType<typeof loadForms>>,
): Promise<ServedVersion> {
  const formsStamp = stampOf(formRows)
  const servedForms = new Map<string, ServedForm>()
  for (const row of formRows) {
    const definition = row.definition
    servedForms.set(row.id, { id: row.id, name: row.name, definition })
  }
  const variants = new Map<string, RenderedVariant>()
  for (const { key, template } of templates) variants.set(key, await buildVariant(key, template, servedForms))
  const prefillParams = [...new Set([...servedForms.values()].flatMap((form) => prefillParamsOf(form.definition)))]
  return { ...base, controlKey: templates[0]?.key ?? 'A', variants, forms: servedForms, formIds: formIdsOf(templates), prefillParams, formsStamp }
}

async function refresh(slug: string, state: SlugState) {
  const [row] = await db
    .select({ pageId: pages.id, workspaceId: pages.workspaceId, versionId: pages.publishedVersionId })
    .from(pages)
    .where(and(eq(pages.slug, slug), isNull(pages.archivedAt)))
  const versionId = row?.versionId ?? null
  if (row && versionId) {
    const known = versions.get(versionId)
    const base = { versionId, pageId: row.pageId, workspaceId: row.workspaceId, slug }
    if (!known) {
      const [version] = await db.select({ content: pageVersions.content }).from(pageVersions).where(eq(pageVersions.id, versionId))
      if (version) {
        const templates = renderTemplates(versionId, slug, version.content)
        const formRows = await loadForms(row.workspaceId, formIdsOf(templates))
        remember(versions, versionId, await buildVersion(base, templates, formRows), MAX_VERSIONS)
      }
    } else if (known.formIds.length > 0) {
      // A form on the page was edited or archived: rebuild from the page templates we already have.
      const templates = [...known.variants.values()].map((v) => ({ key: v.key, template: v.template }))
      const formRows = await loadForms(row.workspaceId, known.formIds)
      if (stampOf(formRows) !== known.formsStamp) remember(versions, versionId, await buildVersion(base, templates, formRows), MAX_VERSIONS)
    }
  }
  state.experiment = row && versionId ? await findServingExperiment(row.pageId) : null
  state.versionId = versionId
  state.checkedAt = Date.now()
}

/**
 * What this process knows about /p/:slug without waiting: the version (or null when nothing is published),
 * or undefined when the slug was never looked up. A stale answer triggers one background revalidation and is
 * returned meanwhile, and keeps being returned if the database is away.
 */
export function peekServedPage(slug: string): ServedPage | null | undefined {
  const state = slugs.get(slug)
  if (!state || state.checkedAt === 0) return undefined
  if (Date.now() - state.checkedAt > REVALIDATE_MS && !state.refreshing) {
    state.refreshing = refresh(slug, state)
      .catch((error) => console.error(`[page] revalidating /p/${slug} failed; serving what we have:`, error))
      .finally(() => (state.refreshing = undefined))
  }
  const version = state.versionId ? versions.get(state.versionId) : undefined
  if (!version) return null
  // One object per (version, experiment) pair, so the hot path allocates nothing.
  if (state.served?.version !== version || state.served.experiment !== state.experiment) state.served = { version, experiment: state.experiment }
  return state.served
}

/** The first lookup of a slug: the only time a request waits for the database. Failures are not cached. */
export async function loadServedPage(slug: string): Promise<ServedPage | null> {
  let state = slugs.get(slug)
  if (!state) {
    state = { versionId: null, experiment: null, checkedAt: 0 }
    state.refreshing = refresh(slug, state)
    remember(slugs, slug, state, MAX_SLUGS)
  }
  try {
    await state.refreshing
  } catch (error) {
    slugs.delete(slug)
    throw error
  } finally {
    state.refreshing = undefined
  }
  return peekServedPage(slug) ?? null
}

/** Called after a publish, a revert or an experiment change in this process, so it serves the new state at once. */
export function forgetSlug(slug: string) {
  slugs.delete(slug)
}

/** Called after a form is saved or archived in this process: every page showing it rebuilds on its next request. */
export function forgetForm(formId: string) {
  for (const [versionId, version] of versions) {
    if (version.formIds.includes(formId)) {
      versions.delete(versionId)
      slugs.delete(version.slug)
    }
  }
}
