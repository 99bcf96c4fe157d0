import type { MatrixRow } from './build-matrix'

export interface MatrixFilter {
  q: string
  drift: boolean
  nonCompliant: boolean
}

/** A row's searchable text, lower case, built once per row rather than once per key typed. */
interface RowText {
  /** The row's name and its versions' artifact names, one per line. */
  names: string
  /** Its versions' commits and fingerprints, each after a line break. */
  prefixes: string
}

const textOf = new WeakMap<MatrixRow, RowText>()

function rowText(row: MatrixRow): RowText {
  let text = textOf.get(row)
  if (!text) {
    const names = [row.name]
    const prefixes: string[] = []
    for (const cell of Object.values(row.cells)) {
      for (const version of cell) {
        names.push(version.name)
        if (version.commit) prefixes.push(version.commit)
        prefixes.push(version.fingerprint)
      }
    }
    text = {
      names: names.join('\n').toLowerCase(),
      prefixes: prefixes
        .map((value) => `\n${value}`)
        .join('')
        .toLowerCase(),
    }
    textOf.set(row, text)
  }
  return text
}

/**
 * Builds the filter's text of `rows` while the browser is idle, a few rows at a time, so the
 * first key typed does not pay for every row at once (500 flows × 20 environments: about 25 ms
 * of that key). Returns what stops it.
 */
export function prepareFilterTextWhenIdle(rows: ReadonlyArray<MatrixRow>): () => void {
  if (typeof requestIdleCallback !== 'function') return () => {}
  let next = 0
  const work = (deadline: IdleDeadline) => {
    while (next < rows.length && deadline.timeRemaining() > 1) {
      const row = rows[next++]
      if (row) rowText(row)
    }
    if (next < rows.length) id = requestIdleCallback(work)
  }
  let id = requestIdleCallback(work)
  return () => cancelIdleCallback(id)
}

/**
 * The rows a filter keeps. The text matches the row's name, or a version's artifact name,
 * commit or fingerprint, ignoring case; the two switches keep drifting or non-compliant rows.
 */
export function filterRows(
  rows: ReadonlyArray<MatrixRow>,
  filter: MatrixFilter,
): ReadonlyArray<MatrixRow> {
  const needle = filter.q.trim().toLowerCase()
  // A line break cannot be typed into the filter; one would match across two values.
  const searchable = needle !== '' && !needle.includes('\n')
  const kept = rows.filter((row) => {
    if (filter.drift && !row.drifting) return false
    if (filter.nonCompliant && !row.nonCompliant) return false
    if (needle === '') return true
    if (!searchable) return false
    const text = rowText(row)
    return text.names.includes(needle) || text.prefixes.includes(`\n${needle}`)
  })
  // Nothing left out: the same list, so a memoised table is not drawn again for a key that
  // leaves every row in place (the first letters of a name most rows share).
  return kept.length === rows.length ? rows : kept
}
