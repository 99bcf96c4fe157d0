import { useDeferredValue, useMemo } from 'react'
import { useArrivals } from '@/components/use-arrivals'
import type { CellVersion, Matrix } from './build-matrix'

/** Cells marked new: row key → the columns whose contents changed in that row. */
export type NewCells = ReadonlyMap<string, ReadonlySet<string>>

const NO_CELLS: NewCells = new Map()
const NO_KEYS: ReturnType<typeof cellKeys> = { keys: [], cells: new Map() }

/** Each cell's contents, kept for as long as the cell (a snapshot's cells outlive a rebuild). */
const shown = new WeakMap<ReadonlyArray<CellVersion>, string>()

/** What a cell shows, as one comparable value: each version and its replicas. */
function contents(cell: ReadonlyArray<CellVersion> | undefined): string {
  if (!cell) return ''
  let text = shown.get(cell)
  if (text === undefined) {
    text = cell
      .map((version) => `${version.fingerprint}×${version.replicas}`)
      .sort()
      .join(' ')
    shown.set(cell, text)
  }
  return text
}

/**
 * One key per cell of every column that has its snapshot, naming the cell and what it shows:
 * a cell whose versions or replicas change gets a new key, and so does every cell of a new row.
 */
export function cellKeys(matrix: Matrix): { keys: string[]; cells: Map<string, [string, string]> } {
  const ready = matrix.columns.filter((column) => matrix.states[column.name]?.status === 'ready')
  const keys: string[] = []
  const cells = new Map<string, [string, string]>()
  for (const row of matrix.rows) {
    for (const column of ready) {
      const key = `${row.key}\t${column.name}\t${contents(row.cells[column.name])}`
      keys.push(key)
      cells.set(key, [row.key, column.name])
    }
  }
  return { keys, cells }
}

/**
 * The cells a refresh changed, marked for a while (`useArrivals`). A different moment, column
 * choice or column state (one loading, failing, retried) starts again without marks, so only
 * a snapshot that arrives while the page is open marks anything.
 */
export function useNewCells(matrix: Matrix, org: string, enabled: boolean): NewCells {
  // Keyed once every column has its snapshot: until then each rebuild is a new scope anyway
  // (a column's state is part of it), and 10,000 keys per rebuild cost the arriving columns.
  // Keyed a render behind, too: the first settled table is only what later refreshes are
  // compared with, so its keys are worked out after it paints, not in the render that draws it.
  const keyed = useDeferredValue(matrix)
  const { keys, cells } = useMemo(() => (keyed.settled ? cellKeys(keyed) : NO_KEYS), [keyed])
  const scope = `${org}\t${keyed.columns
    .map((column) => `${column.name}:${keyed.states[column.name]?.status ?? ''}`)
    .join(',')}`
  const arrived = useArrivals(keys, scope, enabled)
  return useMemo(() => {
    if (arrived.size === 0) return NO_CELLS
    const byRow = new Map<string, Set<string>>()
    for (const key of arrived) {
      const cell = cells.get(key)
      if (!cell) continue
      const [row, column] = cell
      const columns = byRow.get(row) ?? new Set<string>()
      columns.add(column)
      byRow.set(row, columns)
    }
    return byRow
  }, [arrived, cells])
}
