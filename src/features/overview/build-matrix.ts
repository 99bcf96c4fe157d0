import type { Environment } from '@/api/environments'
import type { Snapshot, SnapshotArtifact } from '@/api/snapshots'
import { imageNameWithoutTag } from '@/lib/format'

/** What one environment's snapshot request came to. */
export type SourceState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  /** The environment has no snapshot (at all, or at the moment asked for). */
  | { status: 'missing'; message: string }
  | { status: 'ready'; snapshot: Snapshot }

/** A column: a physical environment, or a logical one made of its members' snapshots. */
export interface MatrixColumn {
  name: string
  type: string
  logical: boolean
  /** For a logical environment, the environments it includes; else just itself. */
  sources: string[]
}

export type ColumnState =
  | { status: 'loading' }
  | { status: 'error'; failures: Array<{ env: string; error: unknown; retry: () => void }> }
  | { status: 'missing'; message: string }
  | { status: 'ready'; snapshots: Snapshot[] }

/** One version of a flow running in one environment. */
export interface CellVersion {
  fingerprint: string
  name: string
  commit: string | null
  replicas: number
  compliant: boolean | null
  /** Why it is not compliant, in the server's words. */
  reasons: string[]
  runningSince: number | null
  /** Which environment's snapshot lists it (the member, for a logical column). */
  env: string
  snapshotIndex: number
}

export interface DriftMark {
  /** The other environment whose versions differ, for the diff link. */
  other: string
  /** Diff sides in column order. */
  from: string
  to: string
}

export interface MatrixRow {
  /** `flow:<name>` or `image:<name without tag>`. */
  key: string
  kind: 'flow' | 'unflowed'
  /** The flow, or the image name without tag for artifacts without provenance. */
  name: string
  /** Versions per column name, newest first; absent or empty means not running. */
  cells: Record<string, CellVersion[]>
  /** Columns whose versions differ from another column's. */
  drift: Record<string, DriftMark>
  drifting: boolean
  nonCompliant: boolean
}

export interface Matrix {
  columns: MatrixColumn[]
  states: Record<string, ColumnState>
  rows: MatrixRow[]
  /** Every column is ready, missing or failed: nothing is still loading. */
  settled: boolean
}

export function toColumns(
  environments: ReadonlyArray<Environment>,
  names: ReadonlyArray<string>,
): MatrixColumn[] {
  const byName = new Map(environments.map((env) => [env.name, env]))
  return names.flatMap((name) => {
    const env = byName.get(name)
    if (!env) return []
    const logical = env.type === 'logical'
    return [
      {
        name,
        type: env.type,
        logical,
        sources: logical ? [...new Set(env.includedEnvironments)] : [name],
      },
    ]
  })
}

/** The environments whose snapshots the columns need, each once. */
export function sourcesOf(columns: ReadonlyArray<MatrixColumn>): string[] {
  return [...new Set(columns.flatMap((column) => column.sources))]
}

function columnState(column: MatrixColumn, sources: ReadonlyMap<string, SourceState>): ColumnState {
  if (column.sources.length === 0) {
    return { status: 'missing', message: `${column.name} includes no environments.` }
  }
  const states = column.sources.map((env) => ({ env, state: sources.get(env) }))
  const failures = states.flatMap(({ env, state }) =>
    state?.status === 'error' ? [{ env, error: state.error, retry: state.retry }] : [],
  )
  if (failures.length) return { status: 'error', failures }
  if (states.some(({ state }) => !state || state.status === 'loading')) return { status: 'loading' }
  const snapshots = states.flatMap(({ state }) =>
    state?.status === 'ready' ? [state.snapshot] : [],
  )
  if (snapshots.length === 0) {
    const first = states[0]?.state
    return {
      status: 'missing',
      message: first?.status === 'missing' ? first.message : `${column.name} has no snapshot.`,
    }
  }
  return { status: 'ready', snapshots }
}

/** The row an artifact belongs to: its flow, else its image name without tag. */
export function rowKey(artifact: Pick<SnapshotArtifact, 'flow' | 'name'>): {
  key: string
  kind: MatrixRow['kind']
  name: string
} {
  if (artifact.flow) return { key: `flow:${artifact.flow}`, kind: 'flow', name: artifact.flow }
  const image = imageNameWithoutTag(artifact.name) || artifact.name
  return { key: `image:${image}`, kind: 'unflowed', name: image }
}

function commitOf(artifact: SnapshotArtifact): string | null {
  return artifact.gitCommit ?? artifact.flows.find((flow) => flow.gitCommit)?.gitCommit ?? null
}

function reasonsOf(artifact: SnapshotArtifact): string[] {
  const reasons = [
    ...artifact.reasonsForIncompliance,
    ...artifact.flows.flatMap((flow) => flow.reasonsForNonCompliance),
  ]
  return [...new Set(reasons.filter((reason) => reason.trim() !== ''))]
}

function newestFirst(a: CellVersion, b: CellVersion): number {
  const since = (b.runningSince ?? -Infinity) - (a.runningSince ?? -Infinity)
  if (since !== 0 && Number.isFinite(since)) return since
  if (a.runningSince === null && b.runningSince !== null) return 1
  if (b.runningSince === null && a.runningSince !== null) return -1
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0
}

/** Adds a snapshot's running artifacts to the rows, merging a fingerprint listed twice. */
function addSnapshot(rows: Map<string, MatrixRow>, column: string, snapshot: Snapshot): void {
  for (const artifact of snapshot.artifacts) {
    if (artifact.exited || artifact.replicas <= 0) continue
    const { key, kind, name } = rowKey(artifact)
    let row = rows.get(key)
    if (!row) {
      row = { key, kind, name, cells: {}, drift: {}, drifting: false, nonCompliant: false }
      rows.set(key, row)
    }
    const cell = (row.cells[column] ??= [])
    const same = cell.find((version) => version.fingerprint === artifact.fingerprint)
    if (same) {
      same.replicas += artifact.replicas
      if (artifact.runningSince !== null) {
        same.runningSince =
          same.runningSince === null
            ? artifact.runningSince
            : Math.min(same.runningSince, artifact.runningSince)
      }
      if (artifact.compliant === false) same.compliant = false
      continue
    }
    cell.push({
      fingerprint: artifact.fingerprint,
      name: artifact.name,
      commit: commitOf(artifact),
      replicas: artifact.replicas,
      compliant: artifact.compliant,
      reasons: reasonsOf(artifact),
      runningSince: artifact.runningSince,
      env: snapshot.environment,
      snapshotIndex: snapshot.index,
    })
  }
}

/** What a cell runs, as one comparable value: its fingerprints, sorted. */
export function cellSignature(cell: ReadonlyArray<CellVersion> | undefined): string {
  if (!cell || cell.length === 0) return ''
  return cell
    .map((version) => version.fingerprint)
    .sort()
    .join(' ')
}

/**
 * Marks the cells of a row whose versions differ from another environment's. Only physical
 * columns where the flow runs are compared (a logical column repeats its members; "not running"
 * is shown as such, not as drift). Each marked cell links to the nearest differing column,
 * looking left first, with the diff's sides in column order.
 */
export function markDrift(row: MatrixRow, columns: ReadonlyArray<MatrixColumn>): void {
  const compared = columns.filter(
    (column) => !column.logical && cellSignature(row.cells[column.name]) !== '',
  )
  const signatures = compared.map((column) => cellSignature(row.cells[column.name]))
  row.drift = {}
  row.drifting = new Set(signatures).size > 1
  if (!row.drifting) return
  compared.forEach((column, position) => {
    const signature = signatures[position]
    let other: number | undefined
    for (let offset = 1; offset < compared.length && other === undefined; offset++) {
      for (const candidate of [position - offset, position + offset]) {
        if (candidate < 0 || candidate >= compared.length) continue
        if (signatures[candidate] !== signature) {
          other = candidate
          break
        }
      }
    }
    const otherColumn = other === undefined ? undefined : compared[other]
    if (other === undefined || !otherColumn) return
    const [from, to] = other < position ? [otherColumn, column] : [column, otherColumn]
    row.drift[column.name] = { other: otherColumn.name, from: from.name, to: to.name }
  })
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0
}

/**
 * The flow × environment matrix from each environment's snapshot: one row per flow (sorted by
 * name), then one per image without provenance, each cell newest version first.
 */
export function buildMatrix(
  columns: ReadonlyArray<MatrixColumn>,
  sources: ReadonlyMap<string, SourceState>,
): Matrix {
  const states: Record<string, ColumnState> = {}
  const rows = new Map<string, MatrixRow>()
  for (const column of columns) {
    const state = columnState(column, sources)
    states[column.name] = state
    if (state.status !== 'ready') continue
    for (const snapshot of state.snapshots) addSnapshot(rows, column.name, snapshot)
  }
  const list = [...rows.values()]
  for (const row of list) {
    for (const cell of Object.values(row.cells)) cell.sort(newestFirst)
    markDrift(row, columns)
    row.nonCompliant = Object.values(row.cells).some((cell) =>
      cell.some((version) => version.compliant === false),
    )
  }
  list.sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'flow' ? -1 : 1) || compareNames(a.name, b.name),
  )
  const settled = Object.values(states).every((state) => state.status !== 'loading')
  return { columns: [...columns], states, rows: list, settled }
}
