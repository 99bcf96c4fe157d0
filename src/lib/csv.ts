type Cell = string | number | boolean | null | undefined

// Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  // Numbers are data, not text a person typed: -3 stays -3 so it still sums.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  if (typeof cell === 'boolean') return String(cell)
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

function field(cell: Cell): string {
  const text = cellText(cell)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV: CRLF after every record, fields quoted only when they must be. */
export function toCsv(header: string[], rows: Array<Array<Cell>>): string {
  return [header, ...rows].map((row) => row.map(field).join(',') + '\r\n').join('')
}
