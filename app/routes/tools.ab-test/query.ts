// The calculator is a GET form (works without JavaScript, and a result is a shareable URL), so its input
// arrives as repeated query parameters: name=A&visitors=…&conversions=…&name=B&… Rows are zipped by position.

export const MIN_ROWS = 2
export const MAX_ROWS = 20

const letter = (i: number) => String.fromCharCode(65 + i)

/** "12,000" and "12 000" are 12000; blank is undefined (the schema then says it is required). */
function toNumber(value: string | undefined) {
  if (value === undefined || value.trim() === '') return undefined
  const n = Number(value.replace(/[\s,_]/g, ''))
  return Number.isNaN(n) ? value : n
}

export type CalculatorRow = { name: string; visitors: string; conversions: string }

export function readCalculatorQuery(params: URLSearchParams) {
  const names = params.getAll('name')
  const visitors = params.getAll('visitors')
  const conversions = params.getAll('conversions')
  const requestedRows = Number(params.get('rows')) || 0
  const rowCount = Math.min(MAX_ROWS, Math.max(MIN_ROWS, names.length, visitors.length, requestedRows))
  const rows: CalculatorRow[] = Array.from({ length: rowCount }, (_, i) => ({
    name: names[i]?.trim() || letter(i),
    visitors: visitors[i] ?? '',
    conversions: conversions[i] ?? '',
  }))
  const filled = rows.filter((r) => r.visitors.trim() !== '' || r.conversions.trim() !== '')
  const settings = {
    confidence: Number(params.get('confidence')) || 0.95,
    sequential: params.get('method') !== 'fixed',
    plannedVisitorsPerVariant: toNumber(params.get('planned') ?? undefined),
    dailyVisitors: toNumber(params.get('daily') ?? undefined),
  }
  // Analyse only once the user has typed counts, and then every row they filled in.
  const input =
    filled.length === 0
      ? null
      : {
          variants: filled.map((r) => ({ key: r.name, visitors: toNumber(r.visitors), conversions: toNumber(r.conversions) })),
          confidence: settings.confidence,
          sequential: settings.sequential,
          ...(settings.plannedVisitorsPerVariant !== undefined ? { plannedVisitorsPerVariant: settings.plannedVisitorsPerVariant } : {}),
          ...(settings.dailyVisitors !== undefined ? { dailyVisitors: settings.dailyVisitors } : {}),
        }
  return { rows, settings, input, filledIndexes: rows.map((r, i) => (filled.includes(r) ? i : -1)).filter((i) => i >= 0) }
}
