// What a stored page is: a Puck Data document whose blocks are all known, with props their definitions
// accept, nested through slot fields at most MAX_DEPTH deep and MAX_BLOCKS in all. The editor's documents are
// validated with this before they are saved or published; page-content.tsx uses checkBlock to skip damaged
// blocks instead of failing the page. Rich text comes out of both sanitised (rich-text-html.ts), so nothing
// stored from here on holds markup the published page would not keep, whoever sent it (editor or API).
import { z } from 'zod'
import { formatBytes } from '#app/components/format'
import { richTextFieldNames, slotFieldNames, type AnyBlockDefinition, type BlockData } from '#app/pages/blocks/block'
import { getBlockDefinition } from '#app/pages/blocks/registry'
import { sanitizeRichText } from '#app/pages/blocks/rich-text-html'

export const MAX_BLOCKS = 500
export const MAX_DEPTH = 6
export const MAX_DOCUMENT_BYTES = 1024 * 1024

export type PageDocument = { root: { props: Record<string, unknown> }; content: BlockData[] }

/** A block that cannot be used: where it is (`content.3` or `content.0 (Section).content.2`), its type, why. */
export type BlockProblem = { path: string; type: string; message: string }

// Problems also carry their lines for people, one per field: `content.3 (Hero).headline: expected text`.
type DetailedProblem = BlockProblem & { lines: string[] }
type CheckedBlock = { ok: true; definition: AnyBlockDefinition; props: BlockData['props'] } | { ok: false; problem: DetailedProblem }

function problemAt(path: string, type: string, message: string): DetailedProblem {
  return { path, type: truncate(type), message, lines: [`${path}: ${message}`] }
}

function fieldProblem(path: string, type: string, fields: { field: string; message: string }[]): DetailedProblem {
  const describe = ({ field, message }: { field: string; message: string }) => (field ? `${field}: ${message}` : message)
  return {
    path,
    type,
    message: fields.map(describe).join('; '),
    lines: fields.map(({ field, message }) => `${path} (${type})${field ? `.${field}` : ''}: ${message}`),
  }
}

/** One block on its own (not its slot children): a known type, an id, and props its schema accepts. */
export function checkBlock(item: unknown, path: string): CheckedBlock {
  if (!isRecord(item) || typeof item.type !== 'string' || !isRecord(item.props)) {
    return { ok: false, problem: problemAt(path, blockType(item), 'expected a block: { type, props }') }
  }
  const { type, props } = item
  const definition = getBlockDefinition(type)
  if (!definition) return { ok: false, problem: problemAt(path, type, `unknown block type "${truncate(type)}"`) }
  if (typeof props.id !== 'string' || props.id === '') return { ok: false, problem: fieldProblem(path, type, [{ field: 'id', message: 'expected text' }]) }
  const result = definition.propsSchema.safeParse(props)
  if (!result.success) {
    const fields = result.error.issues.slice(0, 10).map((issue) => ({ field: issue.path.join('.'), message: friendlyMessage(issue) }))
    return { ok: false, problem: fieldProblem(path, type, fields) }
  }
  const checked: BlockData['props'] = { ...(result.data as Record<string, unknown>), id: props.id }
  for (const name of richTextFieldNames(definition)) checked[name] = sanitizeRichText(checked[name] as string)
  return { ok: true, definition, props: checked }
}

// Deeper than any valid document (MAX_DEPTH); only stops a damaged stored one from exhausting the stack.
const MAX_STORED_DEPTH = 32

/**
 * A stored document with the rich text of every known block sanitised and nothing else changed. For documents
 * read back from storage (drafts saved before rich text was sanitised on save, old versions): they may no
 * longer pass validatePageDocument, yet the editor must still open them, without ever rendering their HTML raw.
 */
export function sanitizeStoredDocument<T>(json: T): T {
  if (!isRecord(json)) return json
  const document: Record<string, unknown> = { ...json, content: sanitizeStoredBlocks(json.content, 0) }
  // Legacy drop zones are refused on save (PageDocumentSchema), but Puck would render any that were stored.
  if (isRecord(json.zones)) document.zones = Object.fromEntries(Object.entries(json.zones).map(([zone, items]) => [zone, sanitizeStoredBlocks(items, 0)]))
  return document as T
}

function sanitizeStoredBlocks(items: unknown, depth: number): unknown {
  if (!Array.isArray(items)) return items
  if (depth > MAX_STORED_DEPTH) return []
  return items.map((item) => {
    const definition = isRecord(item) && typeof item.type === 'string' && isRecord(item.props) ? getBlockDefinition(item.type) : undefined
    if (!definition) return item
    const props = { ...((item as BlockData).props as Record<string, unknown>) }
    for (const name of richTextFieldNames(definition)) props[name] = typeof props[name] === 'string' ? sanitizeRichText(props[name]) : ''
    for (const slot of slotFieldNames(definition)) props[slot] = sanitizeStoredBlocks(props[slot], depth + 1)
    return { ...(item as BlockData), props }
  })
}

type WalkState = { count: number; ids: Set<string>; problems: DetailedProblem[] }

// Checks a list of blocks and their slot children; returns the cleaned list (unknown keys dropped).
function walkBlocks(items: unknown[], path: string, depth: number, state: WalkState): BlockData[] {
  const cleaned: BlockData[] = []
  items.forEach((item, index) => {
    const here = `${path}.${index}`
    state.count += 1
    if (state.count === MAX_BLOCKS + 1) {
      state.problems.push(problemAt(here, blockType(item), `too many blocks (at most ${MAX_BLOCKS} in a page)`))
    }
    if (depth > MAX_DEPTH) {
      state.problems.push(problemAt(here, blockType(item), `nested too deeply (at most ${MAX_DEPTH} levels)`))
      return
    }
    const checked = checkBlock(item, here)
    if (!checked.ok) {
      state.problems.push(checked.problem)
      return
    }
    const { definition, props } = checked
    if (state.ids.has(props.id)) {
      state.problems.push(fieldProblem(here, definition.type, [{ field: 'id', message: `"${truncate(props.id)}" is used by another block` }]))
    }
    state.ids.add(props.id)
    for (const slot of slotFieldNames(definition)) {
      props[slot] = walkBlocks(props[slot] as unknown[], `${here} (${definition.type}).${slot}`, depth + 1, state)
    }
    cleaned.push({ type: definition.type, props })
  })
  return cleaned
}

export const PageDocumentSchema = z
  .object(
    {
      root: z.object({ props: z.record(z.string(), z.unknown(), { error: 'expected an object' }).optional() }, { error: 'expected an object' }),
      content: z.array(z.unknown(), { error: 'expected a list of blocks' }),
      // Legacy Puck drop zones: only an empty object (which Puck may still write) is accepted.
      zones: z
        .record(z.string(), z.array(z.unknown()))
        .refine((zones) => Object.values(zones).every((zone) => zone.length === 0), 'legacy drop zones are not supported (use slot fields)')
        .optional(),
    },
    { error: 'expected a page document: { root, content }' },
  )
  .transform((doc, ctx): PageDocument => {
    const state: WalkState = { count: 0, ids: new Set(), problems: [] }
    const content = walkBlocks(doc.content, 'content', 1, state)
    for (const line of state.problems.flatMap((problem) => problem.lines)) {
      ctx.issues.push({ code: 'custom', message: line, path: [], input: doc, params: { isBlockProblem: true } })
    }
    return { root: { props: doc.root.props ?? {} }, content }
  })

export type ValidationResult = { ok: true; data: PageDocument } | { ok: false; errors: string[] }

/** Validates an editor document before it is stored: size, shape, every block. Errors say where. */
export function validatePageDocument(json: unknown): ValidationResult {
  let bytes: number
  try {
    const text = JSON.stringify(json)
    if (text === undefined) return { ok: false, errors: ['expected a page document: { root, content }'] }
    bytes = new TextEncoder().encode(text).length
  } catch {
    return { ok: false, errors: ['the document is not plain JSON data'] }
  }
  if (bytes > MAX_DOCUMENT_BYTES) {
    return { ok: false, errors: [`the document is too large (${formatBytes(bytes)}; at most 1 MB): remove some blocks or shorten long texts`] }
  }
  const result = PageDocumentSchema.safeParse(json)
  if (result.success) return { ok: true, data: result.data }
  return {
    ok: false,
    errors: result.error.issues.map((issue) =>
      issue.code === 'custom' && (issue.params as { isBlockProblem?: boolean } | undefined)?.isBlockProblem
        ? issue.message
        : issue.path.length
          ? `${issue.path.join('.')}: ${friendlyMessage(issue)}`
          : friendlyMessage(issue),
    ),
  }
}

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' }

// Our schemas carry their own wording; zod's defaults ("Invalid input: expected string, received number") are
// reworded the same way.
function friendlyMessage(issue: z.core.$ZodIssue) {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) return `expected one of: ${issue.values.join(', ')}`
  return issue.message
}

function blockType(item: unknown) {
  return isRecord(item) && typeof item.type === 'string' ? item.type : '(none)'
}

function truncate(text: string) {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
