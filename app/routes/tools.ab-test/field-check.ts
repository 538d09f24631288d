import { MIN_ROWS, type readCalculatorQuery } from './query'

// The calculator checks what was typed in its own words before it asks the analysis (whose messages speak the
// API's field names: "variants needs at least 2 entries", "plannedVisitorsPerVariant is required with sequential:
// false"). Issue 17: "Analyse" with empty fields showed nothing at all. Errors are keyed by what is on screen:
// `rows.<row>.<visitors|conversions|name>`, `confidence`, `planned`, `daily`.

const MAX_COUNT = 1e12

export const CALCULATOR_MESSAGES = {
  visitorsRequired: 'Enter the number of visitors',
  conversionsRequired: 'Enter the number of conversions',
  wholeNumber: 'Enter a whole number, e.g. 12,000',
  negative: 'Cannot be negative',
  tooLarge: 'Too large: at most 1,000,000,000,000',
  conversionsAboveVisitors: (visitors: number) => `Conversions cannot exceed visitors (${visitors.toLocaleString('en-US')})`,
  duplicateName: (name: string) => `Another variant is also named “${name}”: give each its own name`,
  confidence: 'Choose a confidence between 50 % and 99.99 %',
  planned: 'Enter the planned visitors per variant as a whole number of at least 100',
  plannedForFixed: 'A fixed-horizon test is read once, at a sample planned in advance: enter the planned visitors per variant, or choose the always-valid method',
  daily: 'Enter the daily visitors as a number above 0, e.g. 1,000',
} as const
const m = CALCULATOR_MESSAGES

type Query = ReturnType<typeof readCalculatorQuery>

/** "12,000" and "12 000" are 12000; blank is undefined, anything else not a number NaN. */
const countOf = (value: string) => (value.trim() === '' ? undefined : Number(value.replace(/[\s,_]/g, '')))

function checkCount(value: string, required: string): { error: string } | { value: number } {
  const n = countOf(value)
  if (n === undefined) return { error: required }
  if (!Number.isInteger(n)) return { error: m.wholeNumber }
  if (n < 0) return { error: m.negative }
  if (n > MAX_COUNT) return { error: m.tooLarge }
  return { value: n }
}

/**
 * The form's own messages for what was typed, or {} when the analysis can be asked. `isAnalyse` is a press of
 * "Analyse" (the counts were sent, and not by "Add variant"): then the control and one variant are required even
 * when blank; otherwise only rows with something typed are checked.
 */
export function checkCalculatorFields(query: Query, { isAnalyse, confidence }: { isAnalyse: boolean; confidence: string | null }) {
  const errors: Record<string, string[]> = {}
  const names = new Set<string>()
  query.rows.forEach((row, i) => {
    const isTyped = row.visitors.trim() !== '' || row.conversions.trim() !== ''
    if (!isTyped && !(isAnalyse && i < MIN_ROWS)) return
    const visitors = checkCount(row.visitors, m.visitorsRequired)
    const conversions = checkCount(row.conversions, m.conversionsRequired)
    if ('error' in visitors) errors[`rows.${i}.visitors`] = [visitors.error]
    if ('error' in conversions) errors[`rows.${i}.conversions`] = [conversions.error]
    else if ('value' in visitors && conversions.value > visitors.value) errors[`rows.${i}.conversions`] = [m.conversionsAboveVisitors(visitors.value)]
    if (names.has(row.name)) errors[`rows.${i}.name`] = [m.duplicateName(row.name)]
    names.add(row.name)
  })
  // The select offers 90, 95 and 99 %; a value typed into the URL is checked as the analysis would.
  if (confidence !== null && confidence.trim() !== '' && !(Number(confidence) > 0.5 && Number(confidence) < 0.9999)) errors.confidence = [m.confidence]
  const { plannedVisitorsPerVariant: planned, dailyVisitors: daily, sequential } = query.settings
  if (planned !== undefined && !(typeof planned === 'number' && Number.isInteger(planned) && planned >= 100 && planned <= 1e9)) errors.planned = [m.planned]
  else if (planned === undefined && !sequential && (isAnalyse || query.input)) errors.planned = [m.plannedForFixed]
  if (daily !== undefined && !(typeof daily === 'number' && daily > 0 && daily <= MAX_COUNT)) errors.daily = [m.daily]
  return errors
}

/** The analysis's own errors, for what the checks above let through: `variants.<n>` is the n-th filled row. */
export function rowErrorsOf(apiErrors: Record<string, string[]>, filledIndexes: number[]) {
  return Object.fromEntries(
    Object.entries(apiErrors).map(([key, messages]) => {
      const match = /^variants\.(\d+)\.(.+)$/.exec(key)
      const row = match ? filledIndexes[Number(match[1])] : undefined
      return [row !== undefined ? `rows.${row}.${match![2]!}` : key, messages]
    }),
  )
}
