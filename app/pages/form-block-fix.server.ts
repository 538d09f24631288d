import { createPurposeForm } from '#app/forms/purpose-form.server'
import type { PurposeId } from '#app/forms/purposes'
import type { PageDocument } from '#app/pages/document'
import { attachFormToBlock, removeBlock } from '#app/pages/publish-check'
import { getVariant, publishPage, saveVariantDraft } from '#app/pages/queries.server'

// The editor's one-click fixes for a refused publish: the Form block gets a form (an existing one, or a new one
// of a purpose), or goes; then the page is published again. The fix edits the stored draft, the one publishing
// read, so it works for any variant, not only the one open in the editor.

export type FormBlockFix = { kind: 'attach'; formId: string } | { kind: 'create'; purpose: PurposeId } | { kind: 'remove' }

export async function fixFormBlockAndPublish({
  workspaceId,
  pageId,
  key,
  blockId,
  fix,
  userId,
}: {
  workspaceId: string
  pageId: string
  key: string
  blockId: string
  fix: FormBlockFix
  userId: string
}) {
  const variant = await getVariant({ workspaceId, pageId, key })
  if (!variant) return { ok: false as const, status: 404 as const, errors: ['No such page or variant'] }
  const document = variant.draft as unknown as PageDocument
  const formId = fix.kind === 'attach' ? fix.formId : fix.kind === 'create' ? (await createPurposeForm({ workspaceId, purpose: fix.purpose })).id : null
  const edited = formId ? attachFormToBlock(document, blockId, formId) : removeBlock(document, blockId)
  if (!edited.found) return { ok: false as const, status: 400 as const, errors: [`Variant ${key} has no Form block "${blockId}" (any more): reload the editor`] }
  // Saving checks the document and that the form is this workspace's, as any save does.
  const saved = await saveVariantDraft({ workspaceId, pageId, key, draft: edited.document })
  if (!saved.ok) return saved.status === 404 ? { ok: false as const, status: 404 as const, errors: ['No such page or variant'] } : { ok: false as const, status: 400 as const, errors: saved.errors }
  const published = await publishPage({ workspaceId, pageId, userId })
  return { ...published, draft: edited.document, formId }
}
