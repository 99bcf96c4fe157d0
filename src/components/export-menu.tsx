import { toCsv } from '@/lib/csv'
import { downloadText } from '@/lib/download'

export interface ExportColumn<Row> {
  header: string
  value: (row: Row) => string | number | boolean | null | undefined
}

/**
 * CSV and JSON downloads of exactly the rows on screen (after filter and sort).
 * JSON rows use the same columns as the CSV, so both files say the same.
 */
export function ExportMenu<Row>({
  filename,
  rows,
  columns,
  label = 'rows',
}: {
  filename: string
  /** The rows, or how to build them when a download is asked for (a large page's export). */
  rows: ReadonlyArray<Row> | (() => ReadonlyArray<Row>)
  columns: ReadonlyArray<ExportColumn<Row>>
  label?: string
}) {
  const rowsNow = (): ReadonlyArray<Row> => (typeof rows === 'function' ? rows() : rows)
  const exportCsv = () =>
    downloadText(
      `${filename}.csv`,
      'text/csv;charset=utf-8',
      toCsv(
        columns.map((column) => column.header),
        rowsNow().map((row) => columns.map((column) => column.value(row))),
      ),
    )
  const exportJson = () =>
    downloadText(
      `${filename}.json`,
      'application/json',
      JSON.stringify(
        rowsNow().map((row) =>
          Object.fromEntries(columns.map((column) => [column.header, column.value(row) ?? null])),
        ),
        null,
        2,
      ),
    )
  return (
    <div
      className="no-print inline-flex items-center gap-1 text-sm"
      role="group"
      aria-label={`Export ${label}`}
    >
      <button
        type="button"
        className="rounded border border-line px-2 py-1 hover:bg-raised"
        onClick={exportCsv}
      >
        Export CSV
      </button>
      <button
        type="button"
        className="rounded border border-line px-2 py-1 hover:bg-raised"
        onClick={exportJson}
      >
        Export JSON
      </button>
    </div>
  )
}
