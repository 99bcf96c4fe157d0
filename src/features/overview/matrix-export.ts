import type { ExportColumn } from '@/components/export-menu'
import { toSnappishTime } from '@/lib/time'
import type { ColumnState, MatrixColumn, MatrixRow } from './build-matrix'

/** One line of the export: a version in a cell, or a cell's state when nothing runs there. */
export interface ExportLine {
  group: 'flow' | 'no provenance'
  name: string
  environment: string
  state: 'running' | 'not running' | 'no snapshot' | 'failed' | 'loading'
  snapshot: string | null
  artifact: string | null
  fingerprint: string | null
  commit: string | null
  replicas: number | null
  compliant: boolean | null
  reasons: string
  runningSince: string | null
  differs: boolean
}

function iso(seconds: number | null): string | null {
  if (seconds === null) return null
  const text = toSnappishTime(seconds)
  return text ? `${text}Z` : null
}

/** The rows on screen, cell by cell in column order, one line per version (newest first). */
export function exportLines(
  rows: ReadonlyArray<MatrixRow>,
  columns: ReadonlyArray<MatrixColumn>,
  states: Readonly<Record<string, ColumnState>>,
): ExportLine[] {
  return rows.flatMap((row) =>
    columns.flatMap((column): ExportLine[] => {
      const base = {
        group: row.kind === 'flow' ? ('flow' as const) : ('no provenance' as const),
        name: row.name,
        environment: column.name,
        differs: column.name in row.drift,
      }
      const empty = {
        snapshot: null,
        artifact: null,
        fingerprint: null,
        commit: null,
        replicas: null,
        compliant: null,
        reasons: '',
        runningSince: null,
      }
      const state = states[column.name]
      if (!state || state.status !== 'ready') {
        const shown =
          state?.status === 'missing'
            ? 'no snapshot'
            : state?.status === 'error'
              ? 'failed'
              : 'loading'
        return [{ ...base, ...empty, state: shown }]
      }
      const cell = row.cells[column.name] ?? []
      if (cell.length === 0) return [{ ...base, ...empty, state: 'not running' }]
      return cell.map((version) => ({
        ...base,
        state: 'running',
        snapshot: `${version.env}#${version.snapshotIndex}`,
        artifact: version.name,
        fingerprint: version.fingerprint,
        commit: version.commit,
        replicas: version.replicas,
        compliant: version.compliant,
        reasons: version.reasons.join('; '),
        runningSince: iso(version.runningSince),
      }))
    }),
  )
}

export const EXPORT_COLUMNS: ReadonlyArray<ExportColumn<ExportLine>> = [
  { header: 'group', value: (line) => line.group },
  { header: 'name', value: (line) => line.name },
  { header: 'environment', value: (line) => line.environment },
  { header: 'state', value: (line) => line.state },
  { header: 'snapshot', value: (line) => line.snapshot },
  { header: 'artifact', value: (line) => line.artifact },
  { header: 'fingerprint', value: (line) => line.fingerprint },
  { header: 'commit', value: (line) => line.commit },
  { header: 'replicas', value: (line) => line.replicas },
  { header: 'compliant', value: (line) => line.compliant },
  { header: 'reasons', value: (line) => line.reasons },
  { header: 'running_since', value: (line) => line.runningSince },
  { header: 'differs', value: (line) => line.differs },
]
