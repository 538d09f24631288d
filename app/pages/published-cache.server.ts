import { and, eq, isNull } from 'drizzle-orm'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { db } from '#app/db.server'
import { fillTemplate, type HtmlTemplate } from '#app/pages/html-template'
import { renderVariantDocument } from '#app/pages/render.server'
import { pages, pageVersions, type PublishedContent } from '#db/schema'

// How long a process trusts what it knows about a slug before asking PostgreSQL again. After a publish,
// the publishing process is current at once and every other process within this long.
export const REVALIDATE_MS = 1000
const MAX_SLUGS = 10_000
const MAX_VERSIONS = 500

export type RenderedVariant = {
  key: string
  template: HtmlTemplate
  // Precomputed for templates without dynamic text: the same bytes for every visitor.
  static: { html: Buffer; gzip: Buffer; br: Buffer; etag: string } | null
}
export type ServedVersion = { versionId: string; slug: string; controlKey: string; variants: Map<string, RenderedVariant> }

type SlugState = { versionId: string | null; checkedAt: number; refreshing?: Promise<void> }
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

async function renderVersion(versionId: string, slug: string, content: PublishedContent): Promise<ServedVersion> {
  const variants = new Map<string, RenderedVariant>()
  for (const variant of content.variants) {
    const { template, problems } = renderVariantDocument({ slug, variantKey: variant.key, settings: content.settings, document: variant.document })
    for (const p of problems) console.warn(`[page] /p/${slug} version ${versionId} variant ${variant.key}: skipped ${p.type} at ${p.path}: ${p.message}`)
    let cached: RenderedVariant['static'] = null
    if (!template.hasTokens) {
      const html = Buffer.from(fillTemplate(template, new URLSearchParams()))
      const [gzipped, brotli] = await Promise.all([
        compressGzip(html, { level: 9 }),
        compressBrotli(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      ])
      cached = { html, gzip: gzipped, br: brotli, etag: `"${versionId}-${variant.key}"` }
    }
    variants.set(variant.key, { key: variant.key, template, static: cached })
  }
  return { versionId, slug, controlKey: content.variants[0]?.key ?? 'A', variants }
}

async function refresh(slug: string, state: SlugState) {
  const [row] = await db
    .select({ versionId: pages.publishedVersionId })
    .from(pages)
    .where(and(eq(pages.slug, slug), isNull(pages.archivedAt)))
  const versionId = row?.versionId ?? null
  if (versionId && !versions.has(versionId)) {
    const [version] = await db.select({ content: pageVersions.content }).from(pageVersions).where(eq(pageVersions.id, versionId))
    if (version) remember(versions, versionId, await renderVersion(versionId, slug, version.content), MAX_VERSIONS)
  }
  state.versionId = versionId
  state.checkedAt = Date.now()
}

/**
 * What this process knows about /p/:slug without waiting: the version (or null when nothing is published),
 * or undefined when the slug was never looked up. A stale answer triggers one background revalidation and is
 * returned meanwhile, and keeps being returned if the database is away.
 */
export function peekServedVersion(slug: string): ServedVersion | null | undefined {
  const state = slugs.get(slug)
  if (!state || state.checkedAt === 0) return undefined
  if (Date.now() - state.checkedAt > REVALIDATE_MS && !state.refreshing) {
    state.refreshing = refresh(slug, state)
      .catch((error) => console.error(`[page] revalidating /p/${slug} failed; serving what we have:`, error))
      .finally(() => (state.refreshing = undefined))
  }
  return state.versionId ? (versions.get(state.versionId) ?? null) : null
}

/** The first lookup of a slug: the only time a request waits for the database. Failures are not cached. */
export async function loadServedVersion(slug: string): Promise<ServedVersion | null> {
  let state = slugs.get(slug)
  if (!state) {
    state = { versionId: null, checkedAt: 0 }
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
  return peekServedVersion(slug) ?? null
}

/** Called after a publish or revert in this process, so it serves the new version at once. */
export function forgetSlug(slug: string) {
  slugs.delete(slug)
}
