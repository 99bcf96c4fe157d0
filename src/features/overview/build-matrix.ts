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
  /**
   * Versions per column name, newest first; absent or empty means not running. Read-only: a
   * physical column's array is its snapshot's, shared by every rebuild of the matrix.
   */
  cells: Record<string, ReadonlyArray<CellVersion>>
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

/** `version` with `more` of the same fingerprint added: replicas summed, the earliest start. */
function combine(
  version: CellVersion,
  more: Pick<CellVersion, 'replicas' | 'runningSince' | 'compliant'>,
): CellVersion {
  const runningSince =
    more.runningSince === null
      ? version.runningSince
      : version.runningSince === null
        ? more.runningSince
        : Math.min(version.runningSince, more.runningSince)
  return {
    ...version,
    replicas: version.replicas + more.replicas,
    runningSince,
    compliant: more.compliant === false ? false : version.compliant,
  }
}

/** A version added to a cell, merged with the one of the same fingerprint if it has one. */
function addVersion(
  cell: CellVersion[],
  fingerprint: string,
  version: () => CellVersion,
  more: Pick<CellVersion, 'replicas' | 'runningSince' | 'compliant'>,
): void {
  const same = cell.findIndex((listed) => listed.fingerprint === fingerprint)
  const listed = cell[same]
  if (listed) cell[same] = combine(listed, more)
  else cell.push(version())
}

/** One row's share of one snapshot: its running versions, newest first. */
interface SnapshotRow {
  key: string
  kind: MatrixRow['kind']
  name: string
  versions: ReadonlyArray<CellVersion>
}

/**
 * Each snapshot's running artifacts by row, worked out once per snapshot: the matrix is rebuilt
 * several times while its columns arrive, and a snapshot that has arrived never changes.
 */
const rowsBySnapshot = new WeakMap<Snapshot, ReadonlyArray<SnapshotRow>>()

/** A snapshot's running artifacts as cells of rows, a fingerprint listed twice merged. */
function snapshotRows(snapshot: Snapshot): ReadonlyArray<SnapshotRow> {
  const known = rowsBySnapshot.get(snapshot)
  if (known) return known
  const rows = new Map<string, SnapshotRow & { versions: CellVersion[] }>()
  for (const artifact of snapshot.artifacts) {
    if (artifact.exited || artifact.replicas <= 0) continue
    const { key, kind, name } = rowKey(artifact)
    let row = rows.get(key)
    if (!row) {
      row = { key, kind, name, versions: [] }
      rows.set(key, row)
    }
    addVersion(
      row.versions,
      artifact.fingerprint,
      () => ({
        fingerprint: artifact.fingerprint,
        name: artifact.name,
        commit: commitOf(artifact),
        replicas: artifact.replicas,
        compliant: artifact.compliant,
        reasons: reasonsOf(artifact),
        runningSince: artifact.runningSince,
        env: snapshot.environment,
        snapshotIndex: snapshot.index,
      }),
      artifact,
    )
  }
  const list = [...rows.values()]
  for (const row of list) row.versions.sort(newestFirst)
  rowsBySnapshot.set(snapshot, list)
  return list
}

function rowFor(rows: Map<string, MatrixRow>, { key, kind, name }: SnapshotRow): MatrixRow {
  let row = rows.get(key)
  if (!row) {
    row = { key, kind, name, cells: {}, drift: {}, drifting: false, nonCompliant: false }
    rows.set(key, row)
  }
  return row
}

/**
 * Adds a column's snapshots to the rows: one snapshot's cells as they are, several (a logical
 * column's members) merged, a fingerprint running in two members counted once.
 */
function addColumn(
  rows: Map<string, MatrixRow>,
  column: string,
  snapshots: ReadonlyArray<Snapshot>,
): void {
  const [only, ...others] = snapshots
  if (only && others.length === 0) {
    for (const part of snapshotRows(only)) rowFor(rows, part).cells[column] = part.versions
    return
  }
  const merged = new Map<MatrixRow, CellVersion[]>()
  for (const snapshot of snapshots) {
    for (const part of snapshotRows(snapshot)) {
      const row = rowFor(rows, part)
      let cell = merged.get(row)
      if (!cell) {
        cell = []
        merged.set(row, cell)
      }
      for (const version of part.versions) {
        addVersion(cell, version.fingerprint, () => version, version)
      }
    }
  }
  for (const [row, cell] of merged) row.cells[column] = cell.sort(newestFirst)
}

/** Each cell's signature, kept for as long as the cell: a snapshot's cells outlive a rebuild. */
const signatures = new WeakMap<ReadonlyArray<CellVersion>, string>()

/** What a cell runs, as one comparable value: its fingerprints, sorted. */
export function cellSignature(cell: ReadonlyArray<CellVersion> | undefined): string {
  if (!cell || cell.length === 0) return ''
  let signature = signatures.get(cell)
  if (signature === undefined) {
    signature = cell
      .map((version) => version.fingerprint)
      .sort()
      .join(' ')
    signatures.set(cell, signature)
  }
  return signature
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
    addColumn(rows, column.name, state.snapshots)
  }
  const list = [...rows.values()]
  for (const row of list) {
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
