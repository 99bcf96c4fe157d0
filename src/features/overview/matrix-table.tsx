import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useMemo, useRef, type ReactNode, type RefObject } from 'react'
import { Link } from 'react-router'
import { flowPath } from '@/lib/app-paths'
import type { ColumnState, MatrixColumn, MatrixRow } from './build-matrix'
import { ColumnHeader } from './column-header'
import { MatrixCell } from './matrix-cell'

type Item = { kind: 'row'; row: MatrixRow } | { kind: 'group'; label: string; count: number }

/** Up to this many rows are drawn plainly; more are virtualised. */
const VIRTUALISE_ABOVE = 40
const FIRST_MIN_WIDTH = 8 // rem
const COLUMN_WIDTH = 13 // rem

/**
 * The matrix: one row per flow, then a group of images without provenance. Rows are virtualised
 * (hundreds of flows × twenty environments would be tens of thousands of cells); heights differ
 * with the versions a row runs, so each drawn row is measured.
 */
// Memoised: typing in the filter redraws the page twice per key, the table only when its rows change.
export const MatrixTable = memo(function MatrixTable({
  org,
  columns,
  states,
  rows,
  snappishTime,
  settled,
}: {
  org: string
  columns: ReadonlyArray<MatrixColumn>
  states: Readonly<Record<string, ColumnState>>
  rows: ReadonlyArray<MatrixRow>
  snappishTime: string | null
  settled: boolean
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
    const { row } = item
    return (
      <tr
        key={row.key}
        data-index={index}
        ref={measure}
        aria-rowindex={index + 2}
        className="align-top"
      >
        <th
          scope="row"
          className="sticky left-0 border-b border-line bg-surface px-3 py-2 font-medium break-all"
        >
          {row.kind === 'flow' ? (
            <Link
              to={flowPath(org, row.name)}
              className="text-accent underline-offset-2 hover:underline"
            >
              {row.name}
            </Link>
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
        {columns.map((column) => (
          <td key={column.name} className="border-b border-line px-3 py-2">
            <MatrixCell
              org={org}
              row={row}
              column={column.name}
              state={states[column.name]}
              snappishTime={snappishTime}
            />
          </td>
        ))}
      </tr>
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
    >
      <table
        className="w-full table-fixed border-separate border-spacing-0 text-left text-sm"
        style={{ minWidth }}
        aria-rowcount={items.length + 1}
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
              scope="col"
              className="sticky left-0 z-10 border-b border-line bg-raised px-3 py-2 font-semibold"
            >
              Flow
            </th>
            {columns.map((column) => (
              <th key={column.name} scope="col" className="border-b border-line px-3 py-2">
                <ColumnHeader org={org} column={column} state={states[column.name]} />
              </th>
            ))}
          </tr>
        </thead>
        {items.length > VIRTUALISE_ABOVE ? (
          <VirtualRows items={items} scrollRef={scrollRef} span={span} render={renderItem} />
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

type RenderItem = (
  item: Item,
  index: number,
  measure: ((element: HTMLTableRowElement | null) => void) | undefined,
) => ReactNode

/** Only the rows near the viewport, each measured, between two spacer rows. */
function VirtualRows({
  items,
  scrollRef,
  span,
  render,
}: {
  items: ReadonlyArray<Item>
  scrollRef: RefObject<HTMLDivElement | null>
  span: number
  render: RenderItem
}) {
  const estimateSize = useCallback(
    (index: number) => (items[index]?.kind === 'group' ? 36 : 92),
    [items],
  )
  const getItemKey = useCallback(
    (index: number) => {
      const item = items[index]
      return item ? (item.kind === 'row' ? item.row.key : `group:${item.label}`) : index
    },
    [items],
  )
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 4,
    useFlushSync: false,
    initialRect: { width: 1200, height: 640 },
  })
  const virtualItems = virtualizer.getVirtualItems()
  const before = virtualItems[0]?.start ?? 0
  const after = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0)
  return (
    <tbody>
      {before > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={span} style={{ height: before, padding: 0 }} />
        </tr>
      ) : null}
      {virtualItems.map((virtualItem) => {
        const item = items[virtualItem.index]
        return item ? render(item, virtualItem.index, virtualizer.measureElement) : null
      })}
      {after > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={span} style={{ height: after, padding: 0 }} />
        </tr>
      ) : null}
    </tbody>
  )
}
