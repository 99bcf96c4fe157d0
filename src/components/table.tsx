import type { CSSProperties, MouseEventHandler, ReactNode, Ref } from 'react'
import { useMediaQuery } from './use-media-query'

/** One column: its name, or the name with a richer heading, a width or a sort state. */
export type TableColumn =
  | string
  | {
      /** The column's name: its heading, and each cell's label when rows are stacked on phones. */
      name: string
      /** A heading richer than the name (a sort button, a value in code font). */
      heading?: ReactNode
      /** Classes of the column's `<col>`, e.g. a fixed width. */
      width?: string
      /** Extra classes of the heading cell, e.g. `text-right`. */
      className?: string
      sort?: 'ascending' | 'descending' | 'none'
    }

/**
 * Below which width the rows stack into cards: phones (`sm`, 40rem) for most tables; `lg`
 * (64rem) for a table whose columns do not fit a tablet's width.
 */
const STACK_BELOW = { sm: '(width < 40rem)', lg: '(width < 64rem)' } as const

/** The deepest column a phone label is kept for; src/index.css has one rule per column. */
export const LABELLED_COLUMNS = 10

/** A column name as a CSS string, for `content:` (names may come from a URL). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`
}

/** `--col-1: "Commit"; …`: the labels a stacked row shows before each cell. */
function columnLabels(columns: ReadonlyArray<TableColumn>): CSSProperties {
  const labels: Record<string, string> = {}
  columns.slice(0, LABELLED_COLUMNS).forEach((column, index) => {
    const name = typeof column === 'string' ? column : column.name
    if (name) labels[`--col-${index + 1}`] = cssString(name)
  })
  return labels
}

/**
 * The app's table: a bordered box with a caption, one heading row and a divider between rows.
 * Below its breakpoint (`stackBelow`) the rows stack into cards, each cell under or beside its
 * column's name (src/index.css), so no table makes a phone scroll sideways; on wider screens a
 * table wider than its box scrolls inside it. Row density follows the header's
 * compact/comfortable switch.
 */
export function Table({
  caption,
  columns,
  footer,
  compact = false,
  showCaption = false,
  labels = 'beside',
  stackBelow = 'sm',
  stickyHead = false,
  bodies = false,
  rowCount,
  boxRef,
  region,
  className,
  tableClassName,
  onClick,
  children,
}: {
  caption: ReactNode
  /** The column headings, in order. */
  columns: ReadonlyArray<TableColumn>
  /** A line under the table, e.g. how many rows it lists. */
  footer?: ReactNode
  /** Small print and muted headings, for the dense lists of an environment or an artifact. */
  compact?: boolean
  /** Show the caption above the table (a printed report) instead of only to screen readers. */
  showCaption?: boolean
  /** Where a stacked row puts each column's name: beside short values, above wide ones. */
  labels?: 'beside' | 'above'
  /** Stack the rows below phone width (`sm`) or below a tablet's (`lg`). */
  stackBelow?: keyof typeof STACK_BELOW
  /** Keep the heading row in view while the box scrolls. */
  stickyHead?: boolean
  /** The children are `<tbody>` elements of their own (a row with its details), not rows. */
  bodies?: boolean
  /** All the rows, when only some are drawn (virtualised): sets `aria-rowcount`. */
  rowCount?: number
  /** The outer box, e.g. a virtualizer's scroll element. */
  boxRef?: Ref<HTMLDivElement>
  /** Make the box a keyboard-scrollable region with this name (a box of limited height). */
  region?: string
  /** Classes for the outer box, e.g. a margin or a maximum height. */
  className?: string
  /** Extra classes for the `<table>`, e.g. `table-fixed` with a minimum width. */
  tableClassName?: string
  /** On the box: a table of plain in-app anchors navigates with `useInAppAnchors`. */
  onClick?: MouseEventHandler<HTMLDivElement>
  /** The rows (or row groups, with `bodies`). */
  children: ReactNode
}) {
  const stacked = useMediaQuery(STACK_BELOW[stackBelow])
  // Relative: text kept for screen readers only (absolutely placed) stays inside the box instead
  // of widening the page when the table scrolls sideways.
  const box = `relative overflow-x-auto rounded border border-line bg-surface ${className ?? ''}`
  const widths = columns.map((column) => (typeof column === 'string' ? undefined : column.width))
  const headCell = `px-3 py-2 ${compact ? 'font-medium' : 'font-semibold'} ${
    stickyHead ? 'sticky top-0 z-10 bg-raised' : ''
  }`
  return (
    <div
      ref={boxRef}
      className={box}
      onClick={onClick}
      {...(region ? { role: 'region', tabIndex: 0, 'aria-label': region } : {})}
    >
      <table
        className={`shiplog-table w-full text-left ${compact ? 'text-sm' : ''} ${tableClassName ?? ''}`}
        data-labels={labels}
        data-stacked={stacked ? '' : undefined}
        style={columnLabels(columns)}
        aria-rowcount={rowCount}
      >
        <caption className={showCaption ? 'px-3 py-1 text-left font-medium' : 'sr-only'}>
          {caption}
        </caption>
        {widths.some(Boolean) ? (
          <colgroup>
            {widths.map((width, index) => (
              <col key={index} className={width} />
            ))}
          </colgroup>
        ) : null}
        <thead
          className={compact ? 'bg-raised text-muted' : 'border-b border-line bg-raised text-sm'}
        >
          <tr aria-rowindex={rowCount === undefined ? undefined : 1}>
            {columns.map((column, index) =>
              typeof column === 'string' ? (
                <th key={index} scope="col" className={headCell}>
                  {column}
                </th>
              ) : (
                <th
                  key={index}
                  scope="col"
                  aria-sort={column.sort}
                  className={`${headCell} ${column.className ?? ''}`}
                >
                  {column.heading ?? column.name}
                </th>
              ),
            )}
          </tr>
        </thead>
        {bodies ? children : <tbody className="divide-y divide-line">{children}</tbody>}
      </table>
      {footer === undefined ? null : (
        <p className="border-t border-line px-3 py-2 text-sm text-muted">{footer}</p>
      )}
    </div>
  )
}
