import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEventHandler,
  type ReactNode,
  type RefObject,
} from 'react'
import { NEW_ROW_CLASS } from '@/components/new-mark'
import { FIRST_RECT, useTableRows } from '@/components/use-table-rows'
import { flowPath } from '@/lib/app-paths'
import type { ColumnState, MatrixColumn, MatrixRow } from './build-matrix'
import { ColumnHeader } from './column-header'
import { MatrixCell } from './matrix-cell'
import type { NewCells } from './new-cells'
import { rowHeight } from './row-height'

const NO_COLUMNS: ReadonlySet<string> = new Set()

type Item = { kind: 'row'; row: MatrixRow } | { kind: 'group'; label: string; count: number }

/** Up to this many rows are drawn plainly; more are virtualised. */
const VIRTUALISE_ABOVE = 40
/** Up to this many environments are drawn plainly; with more, only those in view. */
const COLUMNS_PLAINLY = 8
const FIRST_MIN_WIDTH = 8 // rem
const COLUMN_WIDTH = 13 // rem
const GROUP_ROW_HEIGHT = 36 // px

/** The environments a row draws: `[first, last]` column positions, inclusive. */
type ColumnRange = readonly [number, number]

/**
 * The matrix: one row per flow, then a group of images without provenance. Hundreds of flows ×
 * twenty environments would be tens of thousands of cells, so both directions are virtualised:
 * rows near the viewport (measured, with a height from their data as the least), and, beyond a
 * few environments, the columns in view.
 */
// Memoised: typing in the filter redraws the page twice per key, the table only when its rows change.
export const MatrixTable = memo(function MatrixTable({
  org,
  columns,
  states,
  rows,
  snappishTime,
  settled,
  newCells,
  onClick,
}: {
  org: string
  columns: ReadonlyArray<MatrixColumn>
  states: Readonly<Record<string, ColumnState>>
  rows: ReadonlyArray<MatrixRow>
  snappishTime: string | null
  settled: boolean
  /** Cells whose contents a refresh changed, by row key. */
  newCells: NewCells
  /** Navigates for the table's plain in-app anchors (`useInAppAnchors`). */
  onClick: MouseEventHandler<HTMLDivElement>
}) {
  const items = useMemo(() => {
    const list: Item[] = []
    const unflowed = rows.filter((row) => row.kind === 'unflowed')
    for (const row of rows) if (row.kind === 'flow') list.push({ kind: 'row', row })
    if (unflowed.length) {
      list.push({ kind: 'group', label: 'No flow (no provenance)', count: unflowed.length })
      for (const row of unflowed) list.push({ kind: 'row', row })
    }
    return list
  }, [rows])
  const scrollRef = useRef<HTMLDivElement>(null)
  const firstHeaderRef = useRef<HTMLTableCellElement>(null)
  const rootFontPx = useRootFontPx()
  const range = useColumnsInView(scrollRef, firstHeaderRef, columns.length, rootFontPx)
  const span = columns.length + 1
  const minWidth = `${FIRST_MIN_WIDTH + COLUMN_WIDTH * columns.length}rem`
  const renderItem: RenderItem = (item, index, measure) => {
    if (item.kind === 'group') {
      return (
        <tr key={`group:${item.label}`} data-index={index} ref={measure} aria-rowindex={index + 2}>
          <th
            scope="colgroup"
            colSpan={span}
            className="border-b border-line bg-raised px-3 py-2 text-left font-semibold"
          >
            {item.label} · {item.count}
          </th>
        </tr>
      )
    }
    return (
      // Keyed by position: when a filter swaps the rows in view, React fills the rows it has
      // with the new flows instead of removing them all and building new ones.
      <FlowRow
        key={index}
        index={index}
        measure={measure}
        org={org}
        row={item.row}
        columns={columns}
        first={range[0]}
        last={range[1]}
        height={rowHeight(item.row, rootFontPx)}
        states={states}
        snappishTime={snappishTime}
        newColumns={newCells.get(item.row.key) ?? NO_COLUMNS}
      />
    )
  }
  return (
    <div
      ref={scrollRef}
      className="max-h-[75vh] overflow-auto rounded border border-line bg-surface"
      tabIndex={0}
      role="region"
      aria-label="Flows by environment (scrollable)"
      data-settled={settled ? 'true' : 'false'}
      data-virtual={items.length > VIRTUALISE_ABOVE ? 'true' : 'false'}
      data-columns-shown={`${range[0] + 1}-${range[1] + 1}`}
      onClick={onClick}
    >
      <table
        className="w-full table-fixed border-separate border-spacing-0 text-left text-sm"
        style={{ minWidth }}
        aria-rowcount={items.length + 1}
        aria-colcount={span}
      >
        <caption className="sr-only">
          What runs where: one row per flow, one column per environment
        </caption>
        <colgroup>
          {/* Narrow screens keep more of the first environment beside the flow names. */}
          <col className="w-32 md:w-56" />
          {columns.map((column) => (
            <col key={column.name} style={{ width: `${COLUMN_WIDTH}rem` }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-raised align-top">
          <tr aria-rowindex={1}>
            <th
              ref={firstHeaderRef}
              scope="col"
              className="sticky left-0 z-10 border-b border-line bg-raised px-3 py-2 font-semibold"
            >
              Flow
            </th>
            {/* Every header is drawn (a few elements each): the fixed table layout takes the
                column widths from this row, and a reader always sees which column is which. */}
            {columns.map((column, position) => (
              <th
                key={column.name}
                scope="col"
                aria-colindex={position + 2}
                className="border-b border-line px-3 py-2"
              >
                <ColumnHeader org={org} column={column} state={states[column.name]} />
              </th>
            ))}
          </tr>
        </thead>
        {items.length > VIRTUALISE_ABOVE ? (
          <VirtualRows
            items={items}
            scrollRef={scrollRef}
            span={span}
            rootFontPx={rootFontPx}
            render={renderItem}
          />
        ) : (
          <tbody>
            {items.map((item, index) => renderItem(item, index, undefined))}
            {items.length === 0 && !settled
              ? [0, 1, 2, 3].map((key) => (
                  <tr key={`placeholder-${key}`} aria-hidden="true">
                    <td colSpan={span} className="border-b border-line px-3 py-3">
                      <span className="block h-6 animate-pulse rounded bg-raised" />
                    </td>
                  </tr>
                ))
              : null}
          </tbody>
        )}
      </table>
    </div>
  )
})

/** The root font size in CSS pixels (rem-based sizes scale with it). */
function useRootFontPx(): number {
  const [px] = useState(() => {
    if (typeof window === 'undefined') return 16
    const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize)
    return Number.isFinite(size) && size > 0 ? size : 16
  })
  return px
}

/**
 * Which environment columns are in view (with one either side), from the container's
 * horizontal scroll; every column when there are only a few. The first column sticks to the
 * left, so it is padding before the virtual columns.
 */
function useColumnsInView(
  scrollRef: RefObject<HTMLDivElement | null>,
  firstHeaderRef: RefObject<HTMLTableCellElement | null>,
  count: number,
  rootFontPx: number,
): ColumnRange {
  const enabled = count > COLUMNS_PLAINLY
  const [firstWidth, setFirstWidth] = useState(FIRST_MIN_WIDTH * rootFontPx)
  useLayoutEffect(() => {
    const header = firstHeaderRef.current
    if (!enabled || !header || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setFirstWidth(header.offsetWidth))
    observer.observe(header)
    return () => observer.disconnect()
  }, [enabled, firstHeaderRef])
  const columnPx = COLUMN_WIDTH * rootFontPx
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    horizontal: true,
    count,
    enabled,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => columnPx,
    paddingStart: firstWidth,
    overscan: 1,
    useFlushSync: false,
    initialRect: FIRST_RECT,
  })
  const shown = virtualizer.getVirtualItems()
  const first = shown[0]?.index ?? 0
  const last = shown.at(-1)?.index ?? count - 1
  return enabled ? [first, last] : [0, count - 1]
}

/**
 * One flow's row: its name, then the environments in view between two spacer cells that stand
 * for the columns out of view. Memoised: while a filter narrows the list, rows that stay on
 * screen keep their props and are not drawn again.
 */
const FlowRow = memo(function FlowRow({
  index,
  measure,
  org,
  row,
  columns,
  first,
  last,
  height,
  states,
  snappishTime,
  newColumns,
}: {
  index: number
  measure: ((element: HTMLTableRowElement | null) => void) | undefined
  org: string
  row: MatrixRow
  columns: ReadonlyArray<MatrixColumn>
  first: number
  last: number
  /** The least height, for the tallest cell in any column (a row's `height` is its minimum). */
  height: number
  states: Readonly<Record<string, ColumnState>>
  snappishTime: string | null
  /** This row's columns whose contents a refresh changed. */
  newColumns: ReadonlySet<string>
}) {
  const after = columns.length - 1 - last
  return (
    <tr
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
      className="align-top"
      style={{ height }}
    >
      <th
        scope="row"
        className="sticky left-0 z-[5] border-b border-line bg-surface px-3 py-2 font-medium break-all"
      >
        {row.kind === 'flow' ? (
          <a
            href={flowPath(org, row.name)}
            className="text-accent underline-offset-2 hover:underline"
          >
            {row.name}
          </a>
        ) : (
          <span className="font-mono text-xs">{row.name}</span>
        )}
        {row.drifting ? (
          <span className="mt-0.5 block text-xs font-normal text-warn">
            <span className="sr-only">, </span>
            <span aria-hidden="true">≠ </span>versions differ
          </span>
        ) : null}
      </th>
      {first > 0 ? (
        <td colSpan={first} aria-hidden="true" className="border-b border-line" />
      ) : null}
      {columns.slice(first, last + 1).map((column, offset) => (
        <td
          key={column.name}
          aria-colindex={first + offset + 2}
          className={`border-b border-line px-3 py-2 ${newColumns.has(column.name) ? NEW_ROW_CLASS : ''}`}
        >
          <MatrixCell
            org={org}
            row={row}
            column={column.name}
            state={states[column.name]}
            snappishTime={snappishTime}
            isNew={newColumns.has(column.name)}
          />
        </td>
      ))}
      {after > 0 ? (
        <td colSpan={after} aria-hidden="true" className="border-b border-line" />
      ) : null}
    </tr>
  )
})

type RenderItem = (
  item: Item,
  index: number,
  measure: ((element: HTMLTableRowElement | null) => void) | undefined,
) => ReactNode

/**
 * One measuring ref per row key. Rows are keyed by position, so a row element can come to show
 * another flow; a ref of its own per flow makes React hand the element to the virtualizer again
 * then, which measures it as that flow's row.
 */
function useMeasureRefs(virtualizer: Virtualizer<HTMLDivElement, Element>) {
  const refs = useRef(new Map<VirtualItem['key'], (element: HTMLTableRowElement | null) => void>())
  return useCallback(
    (key: VirtualItem['key']) => {
      let ref = refs.current.get(key)
      if (!ref) {
        ref = (element) => virtualizer.measureElement(element)
        refs.current.set(key, ref)
      }
      return ref
    },
    [virtualizer],
  )
}

/** Only the rows near the viewport, each measured, between two spacer rows. */
function VirtualRows({
  items,
  scrollRef,
  span,
  rootFontPx,
  render,
}: {
  items: ReadonlyArray<Item>
  scrollRef: RefObject<HTMLDivElement | null>
  span: number
  rootFontPx: number
  render: RenderItem
}) {
  const estimateSize = useCallback(
    (index: number) => {
      const item = items[index]
      return !item || item.kind === 'group' ? GROUP_ROW_HEIGHT : rowHeight(item.row, rootFontPx)
    },
    [items, rootFontPx],
  )
  const getItemKey = useCallback(
    (index: number) => {
      const item = items[index]
      return item ? (item.kind === 'row' ? item.row.key : `group:${item.label}`) : index
    },
    [items],
  )
  const { virtualizer, virtualItems, before, after } = useTableRows({
    count: items.length,
    scrollRef,
    estimateSize,
    getItemKey,
    overscan: 2,
  })
  const measureFor = useMeasureRefs(virtualizer)
  return (
    <tbody>
      {before > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={span} style={{ height: before, padding: 0 }} />
        </tr>
      ) : null}
      {virtualItems.map((virtualItem) => {
        const item = items[virtualItem.index]
        return item ? render(item, virtualItem.index, measureFor(virtualItem.key)) : null
      })}
      {after > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={span} style={{ height: after, padding: 0 }} />
        </tr>
      ) : null}
    </tbody>
  )
}
