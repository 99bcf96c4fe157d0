export type SnapshotSort = 'name' | 'flow' | 'compliance' | 'since' | 'replicas'
export type SortDirection = 'asc' | 'desc'
export type ComplianceFilter = '' | 'compliant' | 'non-compliant' | 'unknown'

export interface SnapshotParams {
  /** Substring of the artifact name, or a fingerprint/commit prefix. */
  q: string
  /** A flow name, `-` for artifacts without provenance, or '' for all. */
  flow: string
  compliance: ComplianceFilter
  sort: SnapshotSort
  dir: SortDirection
  /** Also list artifacts that exited in this snapshot. */
  exited: boolean
  /** An artifact to highlight and scroll to (Kosli's `?fingerprint=`), or ''. */
  fingerprint: string
}

export const NO_PROVENANCE_FILTER = '-'

export const DEFAULT_SNAPSHOT_PARAMS: SnapshotParams = {
  q: '',
  flow: '',
  compliance: '',
  sort: 'name',
  dir: 'asc',
  exited: false,
  fingerprint: '',
}

const SORTS: ReadonlyArray<SnapshotSort> = ['name', 'flow', 'compliance', 'since', 'replicas']
const COMPLIANCE: ReadonlyArray<ComplianceFilter> = ['compliant', 'non-compliant', 'unknown']

function oneOf<T extends string>(value: string | null, allowed: ReadonlyArray<T>, fallback: T): T {
  return value !== null && (allowed as ReadonlyArray<string>).includes(value)
    ? (value as T)
    : fallback
}

/** Reads the snapshot page's search params; unknown values fall back to the defaults. */
export function parseSnapshotParams(search: URLSearchParams): SnapshotParams {
  return {
    q: search.get('q') ?? '',
    flow: search.get('flow') ?? '',
    compliance: oneOf(search.get('compliance'), COMPLIANCE, ''),
    sort: oneOf(search.get('sort'), SORTS, 'name'),
    dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
    exited: search.get('exited') === 'show',
    fingerprint: search.get('fingerprint')?.toLowerCase() ?? '',
  }
}

/** Only non-default values go in the URL. */
export function snapshotSearch(params: SnapshotParams): URLSearchParams {
  const search = new URLSearchParams()
  if (params.q) search.set('q', params.q)
  if (params.flow) search.set('flow', params.flow)
  if (params.compliance) search.set('compliance', params.compliance)
  if (params.sort !== 'name') search.set('sort', params.sort)
  if (params.dir !== 'asc') search.set('dir', params.dir)
  if (params.exited) search.set('exited', 'show')
  if (params.fingerprint) search.set('fingerprint', params.fingerprint)
  return search
}
