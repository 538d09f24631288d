import type { Fields } from '@puckeditor/core'
import type { CSSProperties, ElementType, ReactNode } from 'react'
import { z } from 'zod'

export type BlockCategory = 'layout' | 'content' | 'media' | 'conversion'

/** One stored block: `{ type, props: { id, ...fields } }`, as in Puck's Data. */
export type BlockData = { type: string; props: { id: string } & Record<string, unknown> }

/**
 * What a block's render receives for a slot field. In the editor Puck passes its own slot component (a drop
 * zone); `PageContent` passes one with the same call signature that renders the stored children. Either way a
 * block renders `<Content className="…" />` and never sees the child data.
 */
export type SlotRender = (props?: { className?: string; style?: CSSProperties; as?: ElementType }) => ReactNode

/** A richtext prop: the stored HTML string, or (in the editor) the node Puck renders for it. */
export type RichTextValue = string | ReactNode

export type BlockDefinition<Props extends Record<string, unknown> = Record<string, unknown>, RenderProps = Props> = {
  type: string
  label: string
  category: BlockCategory
  fields: Fields<Props>
  defaultProps: Props
  /** Validates stored props (without `id`); slot fields are checked only as lists here, document.ts recurses. */
  propsSchema: z.ZodType<Props>
  render: (props: RenderProps) => ReactNode
  css: string
}

// The registry holds definitions of different prop types; this is the erased form it stores.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBlockDefinition = BlockDefinition<any, any>

/** Checks that a definition's defaults, schema and render agree, and keeps its precise types. */
export function defineBlock<Props extends Record<string, unknown>, RenderProps = Props>(definition: BlockDefinition<Props, RenderProps>): BlockDefinition<Props, RenderProps> {
  return definition
}

/** The names of a definition's slot fields. */
export function slotFieldNames(definition: AnyBlockDefinition): string[] {
  return fieldNamesOfType(definition, 'slot')
}

/** The names of a definition's rich-text fields: stored HTML, sanitised wherever a document is stored or read. */
export function richTextFieldNames(definition: AnyBlockDefinition): string[] {
  return fieldNamesOfType(definition, 'richtext')
}

function fieldNamesOfType(definition: AnyBlockDefinition, type: string) {
  return Object.entries(definition.fields as Record<string, { type: string }>)
    .filter(([, field]) => field.type === type)
    .map(([name]) => name)
}

// Shared schema pieces. Lengths are generous caps against junk, not editorial limits.
export const PlainText = (max = 500) => z.string({ error: 'expected text' }).max(max, `too long (at most ${max} characters)`)
export const RequiredText = (max = 500) => PlainText(max).refine((text) => text.trim() !== '', 'required')
export const UrlText = z.string({ error: 'expected a URL (text)' }).max(2048, 'URL too long (at most 2048 characters)')
export const Dimension = z.number({ error: 'expected a number' }).int('expected a whole number').min(0, 'must be 0 (unknown) or more').max(10000, 'at most 10000')
export const SlotChildren = z.array(z.looseObject({ type: z.string({ error: 'expected a block type' }), props: z.looseObject({}) }), { error: 'expected a list of blocks' })
export const Align = z.enum(['left', 'center', 'right'], { error: 'expected left, center or right' })
export const ALIGN_OPTIONS = [
  { label: 'Left', value: 'left' },
  { label: 'Center', value: 'center' },
  { label: 'Right', value: 'right' },
]
