// Text PostgreSQL cannot store: a NUL character (text columns refuse it with 22021, jsonb refuses "\u0000" with
// 22P05) and a lone UTF-16 surrogate (jsonb refuses the "\ud800" escape JSON.stringify writes for it). Checked
// where input is parsed (URLs, form bodies, JSON bodies, the visitor's submission), so the answer is a 400 that
// names the field instead of a 500 from the database. No server imports: pure, unit-tested.

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const UNSAFE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`)

/**
 * Why `text` cannot be stored, as a message for the field it came in; null when it is fine. `allowNul` for
 * callers that drop NUL themselves (the visitor's answers: app/forms/validation.ts strips control characters).
 */
export function unsafeTextProblem(text: string, { allowNul = false }: { allowNul?: boolean } = {}): string | null {
  const found = (allowNul ? LONE_SURROGATE : UNSAFE).exec(text)
  if (!found) return null
  return found[0] === '\u0000'
    ? 'Contains a NUL character (\\u0000), which cannot be stored; remove it'
    : 'Contains an unpaired UTF-16 surrogate (invalid Unicode), which cannot be stored; send valid Unicode text'
}

const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g')

/** `text` with every character that cannot be stored replaced by U+FFFD, to show it back. */
export function replaceUnsafeText(text: string) {
  return text.replace(UNSAFE_ALL, '\ufffd')
}

/** A field name fit to show: unsafe characters become U+FFFD, long names are cut. */
export function displayName(name: string) {
  return replaceUnsafeText(name).slice(0, 200)
}

const nameMessage = (problem: string) => `Its name ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`

export type UnsafeText = { path: string; message: string }

/** Nesting deeper than this is refused: no form or page needs it, and deep values crash recursive code later. */
export const MAX_JSON_DEPTH = 64

/**
 * The first string (value or property name) in a parsed JSON value that cannot be stored, with its path as
 * field errors name it ("draft.content.0.props.title"), or a depth problem. Iterative, so nesting cannot
 * overflow the stack while checking it.
 */
export function findUnsafeJson(value: unknown, { maxDepth = MAX_JSON_DEPTH, allowNul = false }: { maxDepth?: number; allowNul?: boolean } = {}): UnsafeText | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }]
  while (stack.length) {
    const { value: current, path } = stack.pop()!
    const name = () => (path.length ? path.join('.') : 'root')
    if (typeof current === 'string') {
      const message = unsafeTextProblem(current, { allowNul })
      if (message) return { path: name(), message }
    } else if (current && typeof current === 'object') {
      if (path.length >= maxDepth) return { path: name(), message: `Nested too deeply: at most ${maxDepth} levels of objects and arrays` }
      const entries = Object.entries(current)
      for (const [key] of entries) {
        const keyProblem = unsafeTextProblem(key, { allowNul })
        if (keyProblem) return { path: [...path, displayName(key)].join('.'), message: nameMessage(keyProblem) }
      }
      // Pushed last to first, so the first problem in document order is the one reported.
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] })
    }
  }
  return null
}

/** The first form entry (name or text value) that cannot be stored, named by its field. */
export function findUnsafeEntry(entries: Iterable<[string, unknown]>): UnsafeText | null {
  for (const [name, value] of entries) {
    const nameProblem = unsafeTextProblem(name)
    if (nameProblem) return { path: displayName(name), message: nameMessage(nameProblem) }
    const values = Array.isArray(value) ? value : [value]
    for (const item of values) {
      const message = typeof item === 'string' ? unsafeTextProblem(item) : item instanceof File ? unsafeTextProblem(item.name) : null
      if (message) return { path: name, message }
    }
  }
  return null
}
