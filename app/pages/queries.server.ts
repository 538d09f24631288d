import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { db, isUniqueViolation, type Database, type Transaction } from '#app/db.server'
import { sanitizeStoredDocument, validatePageDocument, type PageDocument } from '#app/pages/document'
import { findOrCreatePurposeForm } from '#app/forms/purpose-form.server'
import { formReferencesOf } from '#app/pages/form-refs'
import { describeEmptyFormBlock, findEmptyFormBlocks, type EmptyFormBlockProblem } from '#app/pages/publish-check'
import { haveSettingsChanged, variantPublishState, type VariantPublishState } from '#app/pages/publish-state.server'
import { changed } from '#app/changes/signal'
import { DEFAULT_PAGE_SETTINGS, nextVariantKey, type TemplateId } from '#app/pages/schema'
import { TEMPLATES } from '#app/pages/templates/index'
import { experiments, forms, pages, pageVariants, pageVersions, type PageDocumentJson, type PageSettings, type PublishedContent } from '#db/schema'

export type PageStatus = 'draft' | 'published' | 'archived'

export function pageStatus(page: { archivedAt: Date | null; publishedVersionId: string | null }): PageStatus {
  if (page.archivedAt) return 'archived'
  return page.publishedVersionId ? 'published' : 'draft'
}

// drizzle wraps driver errors (DrizzleQueryError); PostgreSQL's own, with its SQLSTATE, is the cause.
export async function isSlugAvailable({ slug, exceptPageId }: { slug: string; exceptPageId?: string }) {
  const [row] = await db.select({ id: pages.id }).from(pages).where(eq(pages.slug, slug))
  return !row || row.id === exceptPageId
}

/**
 * Each page's experiment that matters most: the running or paused one (at most one per page), else the newest
 * draft, else the newest concluded. A lateral subquery, so the list stays one query however many pages.
 */
function currentExperimentOf(workspaceId: string) {
  return db
    .select({ id: experiments.id, status: experiments.status, variants: experiments.variants })
    .from(experiments)
    .where(and(eq(experiments.pageId, pages.id), eq(experiments.workspaceId, workspaceId)))
    .orderBy(sql`case ${experiments.status} when 'running' then 0 when 'paused' then 1 when 'draft' then 2 else 3 end`, desc(experiments.createdAt))
    .limit(1)
    .as('current_experiment')
}

export async function listPages({ workspaceId }: { workspaceId: string }) {
  const experiment = currentExperimentOf(workspaceId)
  const rows = await db
    .select({
      id: pages.id,
      name: pages.name,
      locale: pages.locale,
      slug: pages.slug,
      archivedAt: pages.archivedAt,
      publishedVersionId: pages.publishedVersionId,
      updatedAt: pages.updatedAt,
      // Qualified by hand: inside sql`` drizzle writes columns unqualified, which a subquery would misread.
      variantCount: sql<number>`(select count(*)::int from page_variants pv where pv.page_id = pages.id)`,
      lastPublishedAt: sql<string | null>`(select max(pv.published_at) from page_versions pv where pv.page_id = pages.id)`,
      experimentId: experiment.id,
      experimentStatus: experiment.status,
      experimentVariants: experiment.variants,
    })
    .from(pages)
    .leftJoinLateral(experiment, sql`true`)
    .where(eq(pages.workspaceId, workspaceId))
    .orderBy(desc(pages.updatedAt))
  return rows.map(({ experimentId, experimentStatus, experimentVariants, ...page }) => ({
    ...page,
    experiment: experimentId && experimentStatus ? { id: experimentId, status: experimentStatus, variantKeys: (experimentVariants ?? []).map((v) => v.key) } : null,
  }))
}

type CreatePageResult =
  | { ok: true; page: { id: string; slug: string; locale: string; variants: { id: string; key: string; name: string }[]; form: { id: string; name: string; created: boolean } | null } }
  | { ok: false; status: 409; field: 'slug'; message: string }
  | { ok: false; status: 400; field: 'formId'; message: string }

/**
 * A new page with its control variant "A", drafted from a starter template. Its Form block shows `formId` when
 * given; else a template with a purpose gets the workspace's form of that purpose, made on first use, so the
 * first page of a new workspace collects leads (the blank template starts with an empty Form block).
 */
export async function createPage({
  workspaceId,
  name,
  slug,
  template,
  formId,
  locale,
  controlName = 'Control',
}: {
  workspaceId: string
  name: string
  slug: string
  template: TemplateId
  formId?: string
  /** The language visitors are spoken to in: a tag already read by PageLocaleSchema (readVisitorLocale); the template's without one. */
  locale?: string
  /** Variant A's name: the admin names it in its reader's language ("Kontroll"); the API and the demo in English. */
  controlName?: string
}): Promise<CreatePageResult> {
  if (formId && (await formsNotInWorkspace({ workspaceId, formIds: [formId] })).size > 0) return { ok: false, status: 400, field: 'formId', message: NO_SUCH_FORM }
  const starter = TEMPLATES.find((t) => t.id === template) ?? TEMPLATES.find((t) => t.id === 'blank')!
  const settings: PageSettings = { ...DEFAULT_PAGE_SETTINGS, title: name }
  try {
    return await db.transaction(async (tx) => {
      const form = formId || !starter.form ? null : await findOrCreatePurposeForm({ workspaceId, ...starter.form, locale: starter.locale }, tx)
      const draft = starter.build({ formId: formId ?? form?.id }) as PageDocumentJson
      // A page made from a Swedish or Danish template speaks its template's language unless one is asked for.
      const [page] = await tx
        .insert(pages)
        .values({ workspaceId, name, slug, settings, locale: locale ?? starter.locale })
        .returning({ id: pages.id, slug: pages.slug, locale: pages.locale })
      const variants = await tx.insert(pageVariants).values({ pageId: page!.id, key: 'A', name: controlName, draft }).returning({ id: pageVariants.id, key: pageVariants.key, name: pageVariants.name })
      return { ok: true as const, page: { ...page!, variants, form } }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 409, field: 'slug', message: 'This slug is already taken: choose another' }
    throw error
  }
}

const NO_SUCH_FORM = 'No such form in this workspace'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The ids among `formIds` that are not forms of this workspace (text that is not an id is not one either). */
async function formsNotInWorkspace({ workspaceId, formIds }: { workspaceId: string; formIds: string[] }, database: Database | Transaction = db) {
  const ids = [...new Set(formIds)].filter((id) => UUID.test(id))
  const found = ids.length
    ? await database
        .select({ id: forms.id })
        .from(forms)
        .where(and(inArray(forms.id, ids), eq(forms.workspaceId, workspaceId)))
    : []
  const mine = new Set(found.map((row) => row.id))
  return new Set(formIds.filter((id) => !mine.has(id)))
}

/** One error per Form block of `document` that names a form outside this workspace, saying where it is. */
async function foreignFormErrors({ workspaceId, document }: { workspaceId: string; document: PageDocument }, database: Database | Transaction = db) {
  const references = formReferencesOf(document)
  const foreign = await formsNotInWorkspace({ workspaceId, formIds: references.map((r) => r.formId) }, database)
  return references.filter((r) => foreign.has(r.formId)).map((r) => `${r.path}: ${NO_SUCH_FORM}`)
}

/** The page with its variants (without drafts) and versions, or null when it is not in this workspace. */
export async function getPage({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [page] = await db
    .select()
    .from(pages)
    .where(and(eq(pages.id, id), eq(pages.workspaceId, workspaceId)))
  if (!page) return null
  const variants = await db
    .select({ id: pageVariants.id, key: pageVariants.key, name: pageVariants.name, draftUpdatedAt: pageVariants.draftUpdatedAt })
    .from(pageVariants)
    .where(eq(pageVariants.pageId, id))
    .orderBy(sql`length(${pageVariants.key})`, pageVariants.key)
  const versions = await db
    .select({ id: pageVersions.id, number: pageVersions.number, publishedAt: pageVersions.publishedAt, revertedFrom: pageVersions.revertedFrom })
    .from(pageVersions)
    .where(eq(pageVersions.pageId, id))
    .orderBy(desc(pageVersions.number))
  return { ...page, status: pageStatus(page), variants, versions }
}

/**
 * What publishing would change: per variant, whether its draft is live, differs from the live version or is
 * not in it, and whether the page settings changed since. Null when the page is not in this workspace.
 */
export async function getPublishState({ workspaceId, pageId }: { workspaceId: string; pageId: string }) {
  const [page] = await db
    .select({ settings: pages.settings, live: pageVersions.content })
    .from(pages)
    .leftJoin(pageVersions, eq(pageVersions.id, pages.publishedVersionId))
    .where(and(eq(pages.id, pageId), eq(pages.workspaceId, workspaceId)))
  if (!page) return null
  const drafts = await db.select({ key: pageVariants.key, draft: pageVariants.draft }).from(pageVariants).where(eq(pageVariants.pageId, pageId))
  const published = new Map(page.live?.variants.map((v) => [v.key, v.document]))
  const variants: Record<string, VariantPublishState> = {}
  for (const { key, draft } of drafts) variants[key] = variantPublishState({ draft, published: published.get(key) })
  return {
    isPublished: !!page.live,
    settingsChanged: !!page.live && haveSettingsChanged({ draft: page.settings, published: page.live.settings }),
    variants,
  }
}

export type PublishState = NonNullable<Awaited<ReturnType<typeof getPublishState>>>

export async function updatePage({
  workspaceId,
  id,
  changes,
}: {
  workspaceId: string
  id: string
  changes: Partial<{ name: string; slug: string; locale: string; settings: PageSettings; archivedAt: Date | null }>
}): Promise<{ ok: true } | { ok: false; status: 404 } | { ok: false; status: 400; field: 'slug'; message: string }> {
  try {
    const [before] = await db
      .select({ slug: pages.slug })
      .from(pages)
      .where(and(eq(pages.id, id), eq(pages.workspaceId, workspaceId)))
    if (!before) return { ok: false, status: 404 }
    await db
      .update(pages)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(pages.id, id), eq(pages.workspaceId, workspaceId)))
    changed({ kind: 'page', slug: before.slug })
    return { ok: true }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, status: 400, field: 'slug', message: 'This slug is already taken: choose another' }
    throw error
  }
}

async function findPageId({ workspaceId, id }: { workspaceId: string; id: string }) {
  const [page] = await db
    .select({ id: pages.id })
    .from(pages)
    .where(and(eq(pages.id, id), eq(pages.workspaceId, workspaceId)))
  return page?.id ?? null
}

/** The variant with its draft, whose rich text is sanitised on the way out as well (drafts stored before it was on save). */
export async function getVariant({ workspaceId, pageId, key }: { workspaceId: string; pageId: string; key: string }) {
  const [row] = await db
    .select({ id: pageVariants.id, key: pageVariants.key, name: pageVariants.name, draft: pageVariants.draft, draftUpdatedAt: pageVariants.draftUpdatedAt })
    .from(pageVariants)
    .innerJoin(pages, eq(pages.id, pageVariants.pageId))
    .where(and(eq(pageVariants.pageId, pageId), eq(pageVariants.key, key), eq(pages.workspaceId, workspaceId)))
  return row ? { ...row, draft: sanitizeStoredDocument(row.draft) } : null
}

/** "Duplicate as new variant": a copy of `copyFrom`'s draft (default the control) under the next key. */
export async function createVariant({
  workspaceId,
  pageId,
  name,
  copyFrom = 'A',
}: {
  workspaceId: string
  pageId: string
  name?: string
  copyFrom?: string
}): Promise<{ ok: true; variant: { id: string; key: string; name: string } } | { ok: false; status: 404 | 400; message: string }> {
  return db.transaction(async (tx) => {
    // Two duplicates at once must not pick the same key. Locking the variant rows would not do: a row inserted
    // by the other transaction is not among them, so both would read the same keys. The page row serialises
    // them, and the variants are read after the lock is held, so they include the winner's new key.
    const [page] = await tx
      .select({ id: pages.id })
      .from(pages)
      .where(and(eq(pages.id, pageId), eq(pages.workspaceId, workspaceId)))
      .for('update')
    if (!page) return { ok: false as const, status: 404 as const, message: 'No such page' }
    const existing = await tx.select({ key: pageVariants.key, draft: pageVariants.draft }).from(pageVariants).where(eq(pageVariants.pageId, pageId))
    const source = existing.find((v) => v.key === copyFrom)
    if (!source) return { ok: false as const, status: 400 as const, message: `No variant "${copyFrom}" to copy from` }
    const key = nextVariantKey(existing.map((v) => v.key))
    const [variant] = await tx
      .insert(pageVariants)
      .values({ pageId, key, name: name ?? `Variant ${key}`, draft: sanitizeStoredDocument(source.draft) })
      .returning({ id: pageVariants.id, key: pageVariants.key, name: pageVariants.name })
    await tx.update(pages).set({ updatedAt: new Date() }).where(eq(pages.id, pageId))
    return { ok: true as const, variant: variant! }
  })
}

export async function renameVariant({ workspaceId, pageId, key, name }: { workspaceId: string; pageId: string; key: string; name: string }) {
  if (!(await findPageId({ workspaceId, id: pageId }))) return false
  const rows = await db
    .update(pageVariants)
    .set({ name })
    .where(and(eq(pageVariants.pageId, pageId), eq(pageVariants.key, key)))
    .returning({ id: pageVariants.id })
  return rows.length > 0
}

/** Validates and stores a variant's draft, its rich text sanitised. Returns the validation errors instead when it is not a valid page. */
export async function saveVariantDraft({
  workspaceId,
  pageId,
  key,
  draft,
}: {
  workspaceId: string
  pageId: string
  key: string
  draft: unknown
}): Promise<{ ok: true; savedAt: Date } | { ok: false; status: 404 } | { ok: false; status: 400; errors: string[] }> {
  const validation = validatePageDocument(draft)
  if (!validation.ok) return { ok: false, status: 400, errors: validation.errors }
  if (!(await findPageId({ workspaceId, id: pageId }))) return { ok: false, status: 404 }
  const foreignForms = await foreignFormErrors({ workspaceId, document: validation.data })
  if (foreignForms.length) return { ok: false, status: 400, errors: foreignForms }
  const savedAt = new Date()
  const rows = await db
    .update(pageVariants)
    .set({ draft: validation.data as PageDocumentJson, draftUpdatedAt: savedAt })
    .where(and(eq(pageVariants.pageId, pageId), eq(pageVariants.key, key)))
    .returning({ id: pageVariants.id })
  if (!rows.length) return { ok: false, status: 404 }
  await db.update(pages).set({ updatedAt: savedAt }).where(eq(pages.id, pageId))
  return { ok: true, savedAt }
}

/**
 * Publish: freezes every variant's draft and the page settings into a new immutable version and points the
 * page at it. The page row is locked for the duration, so concurrent publishes get consecutive numbers.
 */
export async function publishPage({ workspaceId, pageId, userId }: { workspaceId: string; pageId: string; userId: string | null }) {
  return afterCommit(
    await db.transaction(async (tx) => {
      const [page] = await tx
        .select({ id: pages.id, settings: pages.settings, slug: pages.slug })
        .from(pages)
        .where(and(eq(pages.id, pageId), eq(pages.workspaceId, workspaceId), isNull(pages.archivedAt)))
        .for('update')
      if (!page) return { ok: false as const, status: 404 as const, errors: ['No such page (or it is archived)'] }
      const variants = await tx
        .select({ key: pageVariants.key, name: pageVariants.name, draft: pageVariants.draft })
        .from(pageVariants)
        .where(eq(pageVariants.pageId, pageId))
        .orderBy(sql`length(${pageVariants.key})`, pageVariants.key)
      // The validated documents are what gets published: their rich text sanitised once more, whatever the drafts hold.
      const published: PublishedContent['variants'] = []
      const errors: string[] = []
      const emptyFormBlocks: EmptyFormBlockProblem[] = []
      for (const { key, name, draft } of variants) {
        const result = validatePageDocument(draft)
        // A draft saved before form ids were checked may still name another workspace's form.
        const problems = result.ok ? await foreignFormErrors({ workspaceId, document: result.data }, tx) : result.errors
        if (result.ok && !problems.length) published.push({ key, name, document: result.data as PageDocumentJson })
        if (result.ok) emptyFormBlocks.push(...findEmptyFormBlocks(result.data).map((block) => describeEmptyFormBlock(key, block)))
        errors.push(...problems.map((e) => `Variant ${key}: ${e}`))
      }
      if (errors.length) return { ok: false as const, status: 400 as const, errors }
      // A valid page that would collect nothing: a conflict with what publishing is for, not bad input (409).
      if (emptyFormBlocks.length) return { ok: false as const, status: 409 as const, errors: emptyFormBlocks.map((b) => b.message), emptyFormBlocks }
      const content: PublishedContent = { settings: page.settings, variants: published }
      return insertVersion(tx, { pageId, content, userId, revertedFrom: null, slug: page.slug })
    }),
  )
}

/** Serves an older version again, as a new version (history stays linear), and restores its drafts. */
export async function revertToVersion({ workspaceId, pageId, number, userId }: { workspaceId: string; pageId: string; number: number; userId: string | null }) {
  return afterCommit(
    await db.transaction(async (tx) => {
      const [page] = await tx
        .select({ id: pages.id, slug: pages.slug })
        .from(pages)
        .where(and(eq(pages.id, pageId), eq(pages.workspaceId, workspaceId)))
        .for('update')
      if (!page) return { ok: false as const, status: 404 as const, errors: ['No such page'] }
      const [stored] = await tx
        .select({ content: pageVersions.content })
        .from(pageVersions)
        .where(and(eq(pageVersions.pageId, pageId), eq(pageVersions.number, number)))
      if (!stored) return { ok: false as const, status: 404 as const, errors: [`No version ${number}`] }
      // Versions published before rich text was sanitised on save may hold raw HTML: it goes back sanitised.
      const old = { content: { ...stored.content, variants: stored.content.variants.map((v) => ({ ...v, document: sanitizeStoredDocument(v.document) })) } }
      for (const variant of old.content.variants) {
        await tx
          .update(pageVariants)
          .set({ draft: variant.document, draftUpdatedAt: new Date() })
          .where(and(eq(pageVariants.pageId, pageId), eq(pageVariants.key, variant.key)))
      }
      await tx.update(pages).set({ settings: old.content.settings }).where(eq(pages.id, pageId))
      return insertVersion(tx, { pageId, content: old.content, userId, revertedFrom: number, slug: page.slug })
    }),
  )
}

// This process serves the new version from the next request on; other processes within REVALIDATE_MS.
function afterCommit<R extends { ok: boolean; slug?: string }>(result: R) {
  if (result.ok && result.slug) changed({ kind: 'page', slug: result.slug })
  return result
}

async function insertVersion(
  tx: Transaction,
  { pageId, content, userId, revertedFrom, slug }: { pageId: string; content: PublishedContent; userId: string | null; revertedFrom: number | null; slug: string },
) {
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${pageVersions.number}), 0)::int + 1` })
    .from(pageVersions)
    .where(eq(pageVersions.pageId, pageId))) as [{ next: number }]
  const [version] = await tx
    .insert(pageVersions)
    .values({ pageId, number: next, content, publishedBy: userId, revertedFrom })
    .returning({ id: pageVersions.id, number: pageVersions.number, publishedAt: pageVersions.publishedAt })
  await tx.update(pages).set({ publishedVersionId: version!.id, updatedAt: new Date() }).where(eq(pages.id, pageId))
  return { ok: true as const, version: version!, slug }
}
