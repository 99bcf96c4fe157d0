import { memo, type ReactNode } from 'react'
import { ExportMenu } from '@/components/export-menu'
import { formatCount } from '@/lib/format'
import { ColumnPicker } from './column-picker'
import { EXPORT_COLUMNS, type ExportLine } from './matrix-export'
import type { OverviewSearch } from './overview-search'

/**
 * The matrix's filter, switches, column choice and export. Memoised, with stable callbacks
 * from the page: when the filter's delayed URL write lands, nothing here changes, so nothing
 * here is drawn again.
 */
export const OverviewControls = memo(function OverviewControls({
  filterText,
  onFilterText,
  drift,
  nonCompliant,
  driftingCount,
  nonCompliantCount,
  onChange,
  available,
  names,
  onColumns,
  filename,
  lines,
}: {
  filterText: string
  onFilterText: (text: string) => void
  drift: boolean
  nonCompliant: boolean
  driftingCount: number
  nonCompliantCount: number
  onChange: (change: Partial<Pick<OverviewSearch, 'drift' | 'nonCompliant'>>) => void
  available: ReadonlyArray<string>
  names: ReadonlyArray<string>
  onColumns: (names: string[] | null) => void
  filename: string
  lines: () => ReadonlyArray<ExportLine>
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex flex-col text-sm">
        <span className="sr-only">Filter by flow, artifact, commit or fingerprint</span>
        <input
          type="search"
          value={filterText}
          onChange={(event) => onFilterText(event.target.value)}
          placeholder="Filter by flow, artifact, commit…"
          aria-label="Filter by flow, artifact, commit or fingerprint"
          className="w-72 max-w-full rounded border border-line bg-canvas px-2 py-1"
        />
      </label>
      <CheckToggle checked={drift} onChange={(value) => onChange({ drift: value })}>
        Only where environments differ ({formatCount(driftingCount)})
      </CheckToggle>
      <CheckToggle checked={nonCompliant} onChange={(value) => onChange({ nonCompliant: value })}>
        Only non-compliant ({formatCount(nonCompliantCount)})
      </CheckToggle>
      <ColumnPicker available={available} shown={names} onChange={onColumns} />
      <div className="ml-auto">
        <ExportMenu filename={filename} rows={lines} columns={EXPORT_COLUMNS} label="matrix" />
      </div>
    </div>
  )
})

/** A filter of the matrix that is on or off, its label beside the box. */
function CheckToggle({
  checked,
  onChange,
  children,
}: {
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
}) {
  return (
    <label className="flex items-center gap-1.5 rounded border border-line bg-surface px-2 py-1 text-sm">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {children}
    </label>
  )
}
