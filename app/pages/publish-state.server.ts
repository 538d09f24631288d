// Is a variant's draft what visitors get? Decided by comparing documents, not timestamps: an autosave that
// changes nothing, or an edit undone by hand, leaves nothing to publish, and a revert (which rewrites the
// drafts a moment before it inserts its version) must not read as changed. Both sides are normalised as a
// publish would store them (validated, rich text sanitised, defaults filled), so a template's first draft
// equals the version published from it, and an older version is compared under today's schema. Order of
// keys does not matter (PostgreSQL's jsonb reorders them); values that JSON drops (undefined) do not count.
import { isDeepStrictEqual } from 'node:util'
import { validatePageDocument } from '#app/pages/document'

/** `unpublished`: not in the live version (or the page was never published); `changed`: the draft differs from it. */
export type VariantPublishState = 'unpublished' | 'changed' | 'live'

export function variantPublishState({ draft, published }: { draft: unknown; published: unknown }): VariantPublishState {
  if (published === undefined) return 'unpublished'
  return isDeepStrictEqual(asPublished(draft), asPublished(published)) ? 'live' : 'changed'
}

/** The page settings differ from the ones frozen into the live version. */
export function haveSettingsChanged({ draft, published }: { draft: unknown; published: unknown }) {
  return !isDeepStrictEqual(asJson(draft), asJson(published))
}

function asPublished(document: unknown) {
  const checked = validatePageDocument(document)
  // A draft that no longer validates cannot be what is live: compared as stored, it differs.
  return asJson(checked.ok ? checked.data : document)
}

const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
