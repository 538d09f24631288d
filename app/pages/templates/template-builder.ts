import type { Data } from '@puckeditor/core'
import type { BlockDefinition, BlockData } from '#app/pages/blocks/block'

export type TemplateOptions = { formId?: string }
export type TemplateDocument = Data & { root: { props: Record<string, unknown> }; content: BlockData[] }

/**
 * Block data for a template: a definition's defaults overridden by `props`, typed by the definition, with ids
 * that are unique within the document and stable between builds (`Hero-webinar-1`).
 */
export function createTemplateBuilder(templateId: string) {
  let counter = 0
  return function block<Props extends Record<string, unknown>>(definition: BlockDefinition<Props, never>, props: Partial<Props> = {}): BlockData {
    counter += 1
    return { type: definition.type, props: { ...definition.defaultProps, ...props, id: `${definition.type}-${templateId}-${counter}` } }
  }
}

export function templateDocument(content: BlockData[]): TemplateDocument {
  return { root: { props: {} }, content }
}

/** A date-time `days` from now at 15:00 UTC: a countdown that still has time left when the page is created. */
export function daysFromNow(days: number, now = new Date()) {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 15))
  return date.toISOString().replace('.000Z', 'Z')
}
