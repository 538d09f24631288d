import { slotFieldNames, type BlockData } from '#app/pages/blocks/block'
import { getBlockDefinition } from '#app/pages/blocks/registry'
import type { PageDocument } from '#app/pages/document'

// A Form block names its form by id. The document schema can only check that the id is text; whether the form
// is this workspace's is the saving code's check (queries.server.ts), like an uploaded file's id in a form.

export type FormReference = { path: string; formId: string }

/** Every non-empty formId in a validated document, with where it is (`content.0 (Section).content.2 (Form).formId`). */
export function formReferencesOf(document: PageDocument): FormReference[] {
  const found: FormReference[] = []
  const walk = (blocks: BlockData[], path: string) =>
    blocks.forEach((block, index) => {
      const here = `${path}.${index} (${block.type})`
      if (block.type === 'Form' && typeof block.props.formId === 'string' && block.props.formId.trim() !== '') {
        found.push({ path: `${here}.formId`, formId: block.props.formId })
      }
      const definition = getBlockDefinition(block.type)
      for (const slot of definition ? slotFieldNames(definition) : []) walk((block.props[slot] as BlockData[] | undefined) ?? [], `${here}.${slot}`)
    })
  walk(document.content, 'content')
  return found
}
