// Renders a stored document's blocks on the server. Stored content is not trusted to be intact (older
// versions, hand edits, bugs): a block that fails its checks is left out and reported, never fatal. Server
// rendering has no error boundaries, so each block is checked before it renders and its render runs inside
// try/catch; slot children go through the same path, so one bad child costs only itself.
import { Fragment, type ReactNode } from 'react'
import { slotFieldNames, type SlotRender } from '#app/pages/blocks/block'
import { BLOCK_DEFINITIONS, getBlockDefinition } from '#app/pages/blocks/registry'
import { checkBlock, MAX_BLOCKS, MAX_DEPTH, type BlockProblem } from '#app/pages/document'
import baseCss from '#app/pages/blocks/base.css?raw'

type RenderState = { count: number; report: (problem: BlockProblem) => void }

export function PageContent({ data, onBlockError }: { data: unknown; onBlockError?: (problem: BlockProblem) => void }) {
  const report = onBlockError ?? (() => {})
  const content = isRecord(data) ? data.content : undefined
  if (!Array.isArray(content)) {
    report({ path: 'content', type: '(document)', message: 'expected a list of blocks' })
    return null
  }
  return <>{renderBlocks(content, 'content', 1, { count: 0, report })}</>
}

function renderBlocks(items: unknown[], path: string, depth: number, state: RenderState): ReactNode[] {
  return items.map((item, index) => <Fragment key={index}>{renderBlock(item, `${path}.${index}`, depth, state)}</Fragment>)
}

function renderBlock(item: unknown, path: string, depth: number, state: RenderState): ReactNode {
  const type = isRecord(item) && typeof item.type === 'string' ? item.type : '(none)'
  state.count += 1
  if (state.count > MAX_BLOCKS) return skip(state, { path, type, message: `too many blocks (at most ${MAX_BLOCKS} in a page)` })
  if (depth > MAX_DEPTH) return skip(state, { path, type, message: `nested too deeply (at most ${MAX_DEPTH} levels)` })
  const checked = checkBlock(item, path)
  if (!checked.ok) return skip(state, checked.problem)

  const { definition } = checked
  const props: Record<string, unknown> = { ...checked.props }
  for (const slot of slotFieldNames(definition)) {
    props[slot] = slotRender(props[slot] as unknown[], `${path} (${definition.type}).${slot}`, depth + 1, state)
  }
  return renderSafely(() => definition.render(props), { path, type: definition.type }, state)
}

/** Runs a block's render; if it throws, the block is reported and renders nothing. */
function renderSafely(render: () => ReactNode, where: { path: string; type: string }, state: RenderState): ReactNode {
  try {
    return render()
  } catch (error) {
    return skip(state, { ...where, message: `failed to render: ${error instanceof Error ? error.message : String(error)}` })
  }
}

// The same call signature as Puck's slot component, so blocks render slots alike in the editor and here.
function slotRender(children: unknown[], path: string, depth: number, state: RenderState): SlotRender {
  return function Slot({ className, style, as: Element = 'div' } = {}) {
    return (
      <Element className={className} style={style}>
        {renderBlocks(children, path, depth, state)}
      </Element>
    )
  }
}

function skip(state: RenderState, { path, type, message }: BlockProblem) {
  state.report({ path, type, message })
  return null
}

/** Every block type in a document, slot children included (unknown types too; pageCss ignores them). */
export function collectBlockTypes(data: unknown): Set<string> {
  const types = new Set<string>()
  const visit = (items: unknown, depth: number) => {
    if (!Array.isArray(items) || depth > MAX_DEPTH) return
    for (const item of items) {
      if (!isRecord(item) || typeof item.type !== 'string') continue
      types.add(item.type)
      const definition = getBlockDefinition(item.type)
      if (!definition || !isRecord(item.props)) continue
      for (const slot of slotFieldNames(definition)) visit(item.props[slot], depth + 1)
    }
  }
  visit(isRecord(data) ? data.content : undefined, 1)
  return types
}

/** The CSS a page needs: the base styles and those of the blocks it uses, in a fixed order. */
export function pageCss(types: Iterable<string>): string {
  const used = new Set(types)
  return [baseCss, ...BLOCK_DEFINITIONS.filter((definition) => used.has(definition.type)).map((definition) => definition.css)].join('\n')
}

/** Every block's CSS, for the editor canvas. */
export const ALL_BLOCKS_CSS = pageCss(BLOCK_DEFINITIONS.map((definition) => definition.type))

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
