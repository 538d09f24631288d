// Rules both the builder (definition.ts, with full zod) and the visitor-side schema (validation.ts, with
// zod/mini, which the published pages' script bundles) need. No zod here, so the page script stays small.

export const MAX_PATTERN_LENGTH = 200
/** Answer caps when the marketer sets no maxLength, so no answer can bloat a lead row. */
export const DEFAULT_TEXT_CAP = 200
export const DEFAULT_TEXTAREA_CAP = 2000
/** The heard_about option that asks for free text, posted as `<key>_other`. */
export const OTHER_OPTION_VALUE = 'other'

export function otherKeyFor(key: string) {
  return `${key}_other`
}

/** yyyy-mm-dd naming a real calendar day (no 2025-02-30). */
export function isIsoDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [year, month, day] = value.split('-').map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * A marketer's pattern compiled as the browser's `pattern` attribute uses it (the whole value must match), or null
 * when it is invalid or looks able to backtrack catastrophically. Both sides call this, so they agree.
 */
export function compileFieldPattern(source: string): RegExp | null {
  if (source.length > MAX_PATTERN_LENGTH || looksCatastrophic(source) || /\\[1-9]|\\k</.test(source)) return null
  try {
    return new RegExp(`^(?:${source})$`, 'u')
  } catch {
    return null // a syntax error is the marketer's to fix, reported by the schema
  }
}

/** Each repetition multiplies worst-case backtracking by the answer length: .*.*.*x on 2,000 characters takes 2 s. */
export const MAX_REPETITIONS = 3

/**
 * Repeating a group that itself repeats or branches, like (a+)+ or (a|aa)*, is the classic ReDoS shape, and many
 * repetitions in a row backtrack polynomially; both could let one visitor's post pin a server core.
 */
function looksCatastrophic(source: string) {
  const groups: boolean[] = [] // per open group: does its body repeat or branch?
  let closedGroupIsRisky = false
  let inClass = false
  let repetitions = 0
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    const afterRiskyGroup = closedGroupIsRisky
    closedGroupIsRisky = false
    if (ch === '\\') i++
    else if (inClass) inClass = ch !== ']'
    else if (ch === '[') inClass = true
    else if (ch === '(') groups.push(false)
    else if (ch === '|' && groups.length) groups[groups.length - 1] = true
    else if (ch === ')') {
      closedGroupIsRisky = groups.pop() ?? false
      if (closedGroupIsRisky && groups.length) groups[groups.length - 1] = true
    } else if (ch === '*' || ch === '+' || (ch === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)))) {
      const isExactCount = /^\{\d+\}/.test(source.slice(i)) // a{3} is just aaa
      if (afterRiskyGroup || (!isExactCount && ++repetitions > MAX_REPETITIONS)) return true
      if (groups.length) groups[groups.length - 1] = true
    }
  }
  return false
}
