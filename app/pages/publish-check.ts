import { slotFieldNames, type BlockData } from '#app/pages/blocks/block'
import { getBlockDefinition } from '#app/pages/blocks/registry'
import type { PageDocument } from '#app/pages/document'

// Publishing refuses a Form block without a form: visitors would get a heading over nothing, and every button
// that jumps to #form would land there. Pure: publishPage runs it on each variant's validated draft, and the
// fixes the editor offers ("attach", "remove") are document edits here too.

/** A Form block with no form: its id, where it is (`content.5 (Section).content.0 (Form)`), its heading. */
export type EmptyFormBlock = { blockId: string; path: string; heading: string }

/** The same block in a refusal: which variant it is in, and the sentence that says so. */
export type EmptyFormBlockProblem = EmptyFormBlock & { variant: string; message: string }

type Visit = (block: BlockData, path: string) => void

function walk(blocks: BlockData[], path: string, visit: Visit) {
  blocks.forEach((block, index) => {
    const here = `${path}.${index} (${block.type})`
    visit(block, here)
    const definition = getBlockDefinition(block.type)
    for (const slot of definition ? slotFieldNames(definition) : []) walk((block.props[slot] as BlockData[] | undefined) ?? [], `${here}.${slot}`, visit)
  })
}

/** Every Form block of the document whose formId is empty (or only spaces), in document order. */
export function findEmptyFormBlocks(document: PageDocument): EmptyFormBlock[] {
  const found: EmptyFormBlock[] = []
  walk(document.content, 'content', (block, path) => {
    if (block.type !== 'Form') return
    const formId = typeof block.props.formId === 'string' ? block.props.formId.trim() : ''
    if (!formId) found.push({ blockId: String(block.props.id ?? ''), path, heading: typeof block.props.heading === 'string' ? block.props.heading.trim() : '' })
  })
  return found
}

/** The refusal's sentence: which variant, which block (by its heading when it has one), and what to do. */
export function describeEmptyFormBlock(variant: string, block: EmptyFormBlock): EmptyFormBlockProblem {
  const name = block.heading ? `the Form block “${block.heading}”` : 'a Form block'
  return { ...block, variant, message: `Variant ${variant}: ${name} (${block.path}) has no form. Attach a form to it or remove the block, then publish again.` }
}

/** A copy of the document with the block `blockId` of type `type` changed by `change` (removed when it returns null). */
function editBlock(document: PageDocument, { blockId, type }: { blockId: string; type?: string }, change: (block: BlockData) => BlockData | null): { document: PageDocument; found: boolean } {
  let found = false
  const edit = (blocks: BlockData[]): BlockData[] =>
    blocks.flatMap((block) => {
      if (block.props.id === blockId && (!type || block.type === type)) {
        found = true
        const next = change(block)
        return next ? [next] : []
      }
      const definition = getBlockDefinition(block.type)
      const slots = definition ? slotFieldNames(definition) : []
      if (!slots.length) return [block]
      const props = { ...block.props }
      for (const slot of slots) props[slot] = edit((block.props[slot] as BlockData[] | undefined) ?? [])
      return [{ ...block, props }]
    })
  const content = edit(document.content)
  return { document: { ...document, content }, found }
}

/** The document with `formId` in the Form block `blockId`; found is false when there is no such Form block. */
export function attachFormToBlock(document: PageDocument, blockId: string, formId: string) {
  return editBlock(document, { blockId, type: 'Form' }, (block) => ({ ...block, props: { ...block.props, formId } }))
}

/** The document without the block `blockId`. */
export function removeBlock(document: PageDocument, blockId: string) {
  return editBlock(document, { blockId }, () => null)
}
