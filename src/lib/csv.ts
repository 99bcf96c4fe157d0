type Cell = string | number | boolean | null | undefined

// Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/
// A spreadsheet set to split on `;`, tab or line breaks (or a paste into one) turns each part of
// a cell into a cell of its own, so no part may start a formula either.
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(?=[=+\-@])/g
const NEEDS_QUOTES = /[",;\t\r\n]/

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  // Numbers are data, not text a person typed: -3 stays -3 so it still sums.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  if (typeof cell === 'boolean') return String(cell)
  const parts = cell.replace(FORMULA_AFTER_SEPARATOR, "$1'")
  return FORMULA_START.test(parts) ? `'${parts}` : parts
}

function field(cell: Cell): string {
  const text = cellText(cell)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * RFC 4180 CSV: CRLF after every record; fields quoted when they hold a quote, a comma, or
 * anything another list separator might split on (`;`, tab, line breaks).
 */
export function toCsv(header: string[], rows: Array<Array<Cell>>): string {
  return [header, ...rows].map((row) => row.map(field).join(',') + '\r\n').join('')
}
