// CSV exports of leads, opened mostly in Excel and Google Sheets. Cells hold what visitors typed, so a cell is
// data only: RFC 4180 quoting keeps commas and line breaks inside their cell, and text that a spreadsheet would run
// as a formula is defused (OWASP "CSV injection").

export type CsvCell = string | number | boolean | null | undefined | Date

// Excel reads a file without a byte-order mark in the system code page, mangling ä, é and emoji.
const BOM = '\uFEFF'
const LINE_END = '\r\n'
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** Text a spreadsheet shows as typed: a leading ' makes Excel and Sheets treat "=HYPERLINK(…)" as plain text. */
function neutraliseFormula(text: string) {
  return FORMULA_START.test(text) ? `'${text}` : text
}

function formatCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  // Real numbers cannot be formulas, so -5 stays a number a spreadsheet can sum.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  if (typeof cell === 'boolean') return String(cell)
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString()
  const text = neutraliseFormula(String(cell))
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole CSV file: BOM, header row, one line per row, CRLF line endings (RFC 4180). */
export function toCsv(headers: string[], rows: CsvCell[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(formatCell).join(','))
  return BOM + lines.join(LINE_END) + LINE_END
}
