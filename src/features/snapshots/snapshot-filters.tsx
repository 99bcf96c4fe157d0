import { useState } from 'react'
import { ExportMenu } from '@/components/export-menu'
import { FilterSelect, FilterText, FlowFilterSelect } from '@/components/filter-fields'
import { NO_PROVENANCE_FILTER, parseSnapshotParams, type SnapshotParams } from './snapshot-params'
import { SNAPSHOT_EXPORT_COLUMNS, type SnapshotRow } from './snapshot-rows'

/** The filter bar above a snapshot's artifacts: every choice lives in the search params. */
export function SnapshotFilters({
  params,
  update,
  flows,
  exited,
  exportName,
  shownRows,
}: {
  params: SnapshotParams
  update: (change: Partial<SnapshotParams>, replace?: boolean) => void
  flows: ReadonlyArray<string>
  exited: number
  /** The export's file name, without extension. */
  exportName: string
  shownRows: ReadonlyArray<SnapshotRow>
}) {
  // The name box keeps its own text so typing never waits for the URL to update.
  const [nameText, setNameText] = useState(params.q)
  return (
    <form
      role="search"
      aria-label="Filter artifacts"
      className="flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(event) => event.preventDefault()}
    >
      <FilterText
        label="Name, fingerprint or commit"
        value={nameText}
        onChange={(q) => {
          setNameText(q)
          update({ q }, true)
        }}
        width="w-64"
      />
      <FlowFilterSelect
        value={params.flow}
        flows={flows}
        noProvenance={NO_PROVENANCE_FILTER}
        onChange={(flow) => update({ flow })}
      />
      <FilterSelect
        label="Compliance"
        value={params.compliance}
        options={[
          ['', 'Any'],
          ['compliant', 'Compliant'],
          ['non-compliant', 'Non-compliant'],
          ['unknown', 'Unknown'],
        ]}
        onChange={(compliance) =>
          update({
            compliance: parseSnapshotParams(new URLSearchParams({ compliance })).compliance,
          })
        }
      />
      <FilterSelect
        label="Sort by"
        value={params.sort}
        options={[
          ['name', 'Name'],
          ['flow', 'Flow'],
          ['compliance', 'Compliance'],
          ['since', 'Running since'],
          ['replicas', 'Replicas'],
        ]}
        onChange={(sort) =>
          update({ sort: parseSnapshotParams(new URLSearchParams({ sort })).sort })
        }
      />
      <FilterSelect
        label="Order"
        value={params.dir}
        options={[
          ['asc', 'Ascending'],
          ['desc', 'Descending'],
        ]}
        onChange={(dir) => update({ dir: dir === 'desc' ? 'desc' : 'asc' })}
      />
      <label className="flex items-center gap-2 py-1">
        <input
          type="checkbox"
          checked={params.exited}
          onChange={(event) => update({ exited: event.target.checked })}
        />
        Show exited ({exited})
      </label>
      <div className="ml-auto">
        <ExportMenu
          filename={exportName}
          rows={shownRows}
          columns={SNAPSHOT_EXPORT_COLUMNS}
          label="artifacts"
        />
      </div>
    </form>
  )
}
