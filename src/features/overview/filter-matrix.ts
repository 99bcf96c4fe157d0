import type { MatrixRow } from './build-matrix'

export interface MatrixFilter {
  q: string
  drift: boolean
  nonCompliant: boolean
}

/**
 * The rows a filter keeps. The text matches the row's name, or a version's artifact name,
 * commit or fingerprint, ignoring case; the two switches keep drifting or non-compliant rows.
 */
export function filterRows(rows: ReadonlyArray<MatrixRow>, filter: MatrixFilter): MatrixRow[] {
  const needle = filter.q.trim().toLowerCase()
  return rows.filter((row) => {
    if (filter.drift && !row.drifting) return false
    if (filter.nonCompliant && !row.nonCompliant) return false
    if (needle === '') return true
    if (row.name.toLowerCase().includes(needle)) return true
    return Object.values(row.cells).some((cell) =>
      cell.some(
        (version) =>
          version.name.toLowerCase().includes(needle) ||
          (version.commit?.toLowerCase().startsWith(needle) ?? false) ||
          version.fingerprint.toLowerCase().startsWith(needle),
      ),
    )
  })
}
