import { onChange } from '#app/changes/signal'
import { findServingExperiment, type ServedExperiment } from '#app/experiments/serving.server'
import { findPublishedPage, loadVersion, privacyStampOf, reloadChangedForms, type ServedVersion } from '#app/published/load.server'
import { DEFAULT_PRIVACY, type PrivacySettings } from '#app/privacy/settings'

// What each slug serves, in this process's memory: nearly every visitor's request is answered from here without
// touching the database. Versions are built by load.server.ts; this file decides when.

// How long a process trusts what it knows about a slug before asking PostgreSQL again. After a publish (or a
// form edit), the process that made it is current at once (app/changes/signal.ts) and every other process
// within this long.
export const REVALIDATE_MS = 1000
const MAX_SLUGS = 10_000
const MAX_VERSIONS = 500

/**
 * What a slug serves right now: its published version, the experiment its visitors are subject to, and its
 * workspace's privacy settings (how a view may identify the visitor: app/visitors/consent.ts).
 */
export type ServedPage = { version: ServedVersion; experiment: ServedExperiment | null; privacy: PrivacySettings }

type SlugState = {
  versionId: string | null
  workspaceId: string | null
  experiment: ServedExperiment | null
  privacy: PrivacySettings
  checkedAt: number
  refreshing?: Promise<void>
  served?: ServedPage
}
const slugs = new Map<string, SlugState>()
const versions = new Map<string, ServedVersion>()

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key)
  map.set(key, value)
  if (map.size > max) map.delete(map.keys().next().value as K)
}

async function refresh(slug: string, state: SlugState) {
  const found = await findPublishedPage(slug)
  const page = found?.page
  if (page) {
    const known = versions.get(page.versionId)
    // The page's language is the page's, not the version's (decision 073), and the banner is the workspace's: a new
    // one of either rebuilds the same version.
    const isSame = known && known.locale === page.locale && known.privacyStamp === privacyStampOf(found.privacy)
    const built = isSame ? await reloadChangedForms(known, page) : await loadVersion(page, found.privacy)
    if (built) remember(versions, page.versionId, built, MAX_VERSIONS)
  }
  state.experiment = page ? await findServingExperiment(page.pageId) : null
  state.versionId = page?.versionId ?? null
  state.workspaceId = page?.workspaceId ?? null
  state.privacy = found?.privacy ?? DEFAULT_PRIVACY
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
  // One object per (version, experiment, privacy), so the hot path allocates nothing.
  const { served, experiment, privacy } = state
  if (served?.version !== version || served.experiment !== experiment || served.privacy !== privacy) state.served = { version, experiment, privacy }
  return state.served
}

/** The first lookup of a slug: the only time a request waits for the database. Failures are not cached. */
export async function loadServedPage(slug: string): Promise<ServedPage | null> {
  let state = slugs.get(slug)
  if (!state) {
    state = { versionId: null, workspaceId: null, experiment: null, privacy: DEFAULT_PRIVACY, checkedAt: 0 }
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

/** What a slug serves: from memory when known (nearly always), else after one database read. */
export function withServedPage(slug: string, respond: (served: ServedPage | null) => void | Promise<void>): void | Promise<void> {
  const known = peekServedPage(slug)
  if (known !== undefined) return respond(known)
  return loadServedPage(slug).then(respond)
}

/** A form saved or archived: every page showing it rebuilds on its next request. */
function forgetForm(formId: string) {
  for (const [versionId, version] of versions) {
    if (version.formIds.includes(formId)) {
      versions.delete(versionId)
      slugs.delete(version.slug)
    }
  }
}

/** A workspace's privacy settings saved: each of its slugs reads them (with the page) on its next request. */
function forgetWorkspace(workspaceId: string) {
  for (const [slug, state] of slugs) if (state.workspaceId === workspaceId) slugs.delete(slug)
}

// A publish, a revert, a page, experiment or privacy change in this process: the next request serves the new state.
onChange((change) => {
  if (change.kind === 'page') slugs.delete(change.slug)
  else if (change.kind === 'experiment') slugs.delete(change.pageSlug)
  else if (change.kind === 'form') forgetForm(change.id)
  else if (change.kind === 'privacy') forgetWorkspace(change.workspaceId)
})
