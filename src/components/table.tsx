import type { ReactNode } from 'react'

/**
 * A bordered table that scrolls sideways on narrow screens, with a caption for screen readers,
 * one heading row and a divider between rows.
 */
export function Table({
  caption,
  columns,
  footer,
  children,
}: {
  caption: string
  /** The column headings, in order; each names one column. */
  columns: ReadonlyArray<string>
  /** A line under the table, e.g. how many rows it lists. */
  footer?: ReactNode
  /** The rows. */
  children: ReactNode
}) {
  return (
    <div className="overflow-x-auto rounded border border-line bg-surface">
      <table className="w-full text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-raised text-sm">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-semibold">
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
