import type { MatrixRow } from './build-matrix'

/** How many versions a cell lists before it links to the rest (matrix-cell.tsx). */
export const VERSIONS_SHOWN = 3

/**
 * Heights of a cell's parts in CSS pixels at a 16 px root font, from the cell's classes:
 * `py-2` plus the border, a version's three lines (link, badge, "since"), the "why" line, the
 * drift note, the "N versions" line, the gap between versions and the "and N more" link.
 */
const PART = {
  padding: 17,
  version: 64,
  reason: 18,
  drift: 21,
  count: 16,
  gap: 6,
  more: 20,
} as const

/**
 * The height a row needs for its tallest cell in any column, shown or not. The matrix draws
 * only the columns in view, so this is the row's least height: scrolling sideways to a taller
 * cell does not make the row grow under the reader, and the scrollbar knows the table's height
 * before the rows are drawn.
 */
export function rowHeight(row: MatrixRow, rootFontPx = 16): number {
  // Asked for every row each time the filter changes the list; a row's cells do not change.
  let base = baseHeights.get(row)
  if (base === undefined) {
    base = baseHeight(row)
    baseHeights.set(row, base)
  }
  return Math.ceil(base * (rootFontPx / 16))
}

const baseHeights = new WeakMap<MatrixRow, number>()

/** The row's height at a 16 px root font. */
function baseHeight(row: MatrixRow): number {
  let tallest = 0
  for (const [column, cell] of Object.entries(row.cells)) {
    const shown = cell.slice(0, VERSIONS_SHOWN)
    let height = shown.length * PART.version + Math.max(0, shown.length - 1) * PART.gap
    for (const version of shown) {
      if (version.compliant === false && version.reasons.length > 0) height += PART.reason
    }
    if (row.drift[column]) height += PART.drift
    if (cell.length > 1) height += PART.count
    if (cell.length > VERSIONS_SHOWN) height += PART.more
    tallest = Math.max(tallest, height)
  }
  const flowName = row.drifting ? 24 + 16 : 24
  return PART.padding + Math.max(tallest, flowName)
}
