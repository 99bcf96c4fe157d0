import type { ReactNode } from 'react'

/**
 * A bordered table that scrolls sideways on narrow screens, with a caption for screen readers,
 * one heading row and a divider between rows.
 */
export function Table({
  caption,
  columns,
  footer,
  compact = false,
  className,
  children,
}: {
  caption: ReactNode
  /** The column headings, in order; each names one column. */
  columns: ReadonlyArray<string>
  /** A line under the table, e.g. how many rows it lists. */
  footer?: ReactNode
  /** Small print and muted headings, for the dense lists of an environment or an artifact. */
  compact?: boolean
  /** Classes for the outer box, e.g. a margin. */
  className?: string
  /** The rows. */
  children: ReactNode
}) {
  const box = 'overflow-x-auto rounded border border-line bg-surface'
  return (
    <div className={className ? `${className} ${box}` : box}>
      <table className={compact ? 'w-full text-left text-sm' : 'w-full text-left'}>
        <caption className="sr-only">{caption}</caption>
        <thead
          className={compact ? 'bg-raised text-muted' : 'border-b border-line bg-raised text-sm'}
        >
          <tr>
            {columns.map((column) => (
              <th
                key={column}
                scope="col"
                className={compact ? 'px-3 py-2 font-medium' : 'px-3 py-2 font-semibold'}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
      {footer === undefined ? null : (
        <p className="border-t border-line px-3 py-2 text-sm text-muted">{footer}</p>
      )}
    </div>
  )
}
