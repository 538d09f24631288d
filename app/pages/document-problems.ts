import { getBlockDefinition } from '#app/pages/blocks/registry'
import { translateBlockText, type Translate } from '#app/pages/editor-words'

// Its own file, not editor-words.ts: it needs every block definition, which the page settings (translating only the
// font names) should not load.

/**
 * A problem the document check wrote about one field, "content[0] (Hero).headline: required", in the reader's
 * language: the block by the name the editor shows and the message translated, "content[0] (Toppsektion).headline:
 * måste fyllas i". `translate` is useMessage()'s. A message the catalogue does not know is translated whole, or stays.
 */
export function documentProblemIn(problem: string, translate: (message: string) => string | undefined, t: Translate): string {
  const at = problem.lastIndexOf(': ')
  const message = problem.slice(at + 2)
  const said = at < 0 ? undefined : translate(message)
  if (!said || said === message) return translate(problem) ?? problem
  const path = problem.slice(0, at).replace(/\((\w+)\)/g, (whole, type: string) => {
    const definition = getBlockDefinition(type)
    return definition ? `(${translateBlockText(definition.label, t)})` : whole
  })
  return `${path}: ${said}`
}
