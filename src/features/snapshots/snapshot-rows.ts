import type { SnapshotArtifact } from '@/api/snapshots'
import type { ExportColumn } from '@/components/export-menu'
import { complianceText, imageNameWithoutTag, serviceName, shortArtifactName } from '@/lib/format'
import { isoTime } from '@/lib/time'
import { NO_PROVENANCE_FILTER, type SnapshotParams } from './snapshot-params'

export type RowCompliance = ReturnType<typeof complianceText>

/** Two or more artifacts of one service running at once. */
export interface BlueGreenGroup {
  /** Flow name, else the image name: what the versions have in common. */
  label: string
  /** Fingerprints of the running members, in snapshot order. */
  members: string[]
}

export interface SnapshotRow {
  artifact: SnapshotArtifact
  /** The last path segment of the name, tag kept: `runner:16d9990`. */
  shortName: string
  compliance: RowCompliance
  /** Why it is not compliant, in words; null when compliant or unknown. */
  reason: string | null
  group: BlueGreenGroup | null
  /** Lower-cased text the name filter searches. */
  haystack: string
}

export type DisplayItem =
  | { kind: 'group'; group: BlueGreenGroup; rows: SnapshotRow[] }
  | { kind: 'row'; row: SnapshotRow; grouped: boolean }

/** The artifact's own reasons, else its flows', else the policies that failed it. */
export function nonComplianceReason(artifact: SnapshotArtifact): string | null {
  if (artifact.compliant !== false) return null
  const reasons = [
    ...artifact.reasonsForIncompliance,
    ...artifact.flows.flatMap((flow) => flow.reasonsForNonCompliance),
  ].filter((reason) => reason.trim() !== '')
  if (reasons.length) return [...new Set(reasons)].join('; ')
  const failed = artifact.policyDecisions.filter((decision) => !decision.compliant)
  if (failed.length) {
    return failed.map((decision) => `fails policy ${decision.policy}`).join('; ')
  }
  if (artifact.flow === null) return 'no provenance: no flow reported this artifact'
  return 'reason not reported'
}

class UnionFind {
  private readonly parent: number[]
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index)
  }
  find(index: number): number {
    let root = index
    while (this.parent[root] !== root) root = this.parent[root] ?? root
    // Path compression keeps thousands of rows linear.
    let node = index
    while (node !== root) {
      const next = this.parent[node] ?? root
      this.parent[node] = root
      node = next
    }
    return root
  }
  union(a: number, b: number) {
    const rootA = this.find(a)
    const rootB = this.find(b)
    if (rootA !== rootB) this.parent[rootB] = rootA
  }
}

/**
 * Running artifacts that share a flow or an image name (without tag) are versions of one
 * service; two or more at once is a blue-green (or stuck) deployment worth calling out.
 */
export function blueGreenGroups(artifacts: ReadonlyArray<SnapshotArtifact>): BlueGreenGroup[] {
  const running = artifacts.filter((artifact) => !artifact.exited)
  const sets = new UnionFind(running.length)
  const firstByKey = new Map<string, number>()
  running.forEach((artifact, index) => {
    const keys = [`image:${imageNameWithoutTag(artifact.name)}`]
    if (artifact.flow !== null) keys.push(`flow:${artifact.flow}`)
    for (const key of keys) {
      const first = firstByKey.get(key)
      if (first === undefined) firstByKey.set(key, index)
      else sets.union(first, index)
    }
  })
  const byRoot = new Map<number, SnapshotArtifact[]>()
  running.forEach((artifact, index) => {
    const root = sets.find(index)
    const list = byRoot.get(root) ?? []
    list.push(artifact)
    byRoot.set(root, list)
  })
  const groups: BlueGreenGroup[] = []
  for (const members of byRoot.values()) {
    if (members.length < 2) continue
    const flows = new Set(members.map((member) => member.flow))
    const [onlyFlow] = flows
    const image = serviceName(members[0]?.name ?? '')
    groups.push({
      label: flows.size === 1 && onlyFlow ? onlyFlow : image,
      members: members.map((member) => member.fingerprint),
    })
  }
  return groups
}

export function toSnapshotRows(artifacts: ReadonlyArray<SnapshotArtifact>): SnapshotRow[] {
  const groupOf = new Map<string, BlueGreenGroup>()
  for (const group of blueGreenGroups(artifacts)) {
    for (const fingerprint of group.members) groupOf.set(fingerprint, group)
  }
  return artifacts.map((artifact) => {
    const shortName = shortArtifactName(artifact.name)
    return {
      artifact,
      shortName,
      compliance: complianceText(artifact.compliant),
      reason: nonComplianceReason(artifact),
      group: artifact.exited ? null : (groupOf.get(artifact.fingerprint) ?? null),
      haystack:
        `${artifact.name}\n${artifact.fingerprint}\n${artifact.gitCommit ?? ''}`.toLowerCase(),
    }
  })
}

export function matchesFilters(row: SnapshotRow, params: SnapshotParams): boolean {
  if (!params.exited && row.artifact.exited) return false
  if (params.compliance && row.compliance !== params.compliance) return false
  if (params.flow) {
    if (
      params.flow === NO_PROVENANCE_FILTER
        ? row.artifact.flow !== null
        : row.artifact.flow !== params.flow
    ) {
      return false
    }
  }
  const needle = params.q.trim().toLowerCase()
  return needle === '' || row.haystack.includes(needle)
}

const COMPLIANCE_ORDER: Record<RowCompliance, number> = {
  'non-compliant': 0,
  unknown: 1,
  compliant: 2,
}

// Made on first sort, not when the module loads (see formatCount in src/lib/format.ts).
let nameCollator: Intl.Collator | undefined

function compareBy(sort: SnapshotParams['sort']): (a: SnapshotRow, b: SnapshotRow) => number {
  nameCollator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
  const collator = nameCollator
  const byName = (a: SnapshotRow, b: SnapshotRow) =>
    collator.compare(a.shortName, b.shortName) || collator.compare(a.artifact.name, b.artifact.name)
  switch (sort) {
    case 'name':
      return byName
    case 'flow':
      // Artifacts without provenance sort after every flow.
      return (a, b) =>
        (a.artifact.flow === null ? 1 : 0) - (b.artifact.flow === null ? 1 : 0) ||
        collator.compare(a.artifact.flow ?? '', b.artifact.flow ?? '') ||
        byName(a, b)
    case 'compliance':
      return (a, b) =>
        COMPLIANCE_ORDER[a.compliance] - COMPLIANCE_ORDER[b.compliance] || byName(a, b)
    case 'since':
      return (a, b) =>
        (a.artifact.runningSince ?? Infinity) - (b.artifact.runningSince ?? Infinity) ||
        byName(a, b)
    case 'replicas':
      return (a, b) => a.artifact.replicas - b.artifact.replicas || byName(a, b)
  }
}

/** Filtered and sorted rows, flat: exactly what the table shows and what an export contains. */
/** The rows in the chosen order. Sorting once and filtering the sorted list gives the same order. */
export function sortRows(
  rows: ReadonlyArray<SnapshotRow>,
  sort: SnapshotParams['sort'],
  dir: SnapshotParams['dir'],
): SnapshotRow[] {
  const compare = compareBy(sort)
  const sign = dir === 'desc' ? -1 : 1
  return [...rows].sort((a, b) => sign * compare(a, b))
}

/**
 * Table items: a blue-green group's visible members are pulled together under one heading,
 * placed where its first member sorts; a group with one visible member stays a plain row.
 */
export function displayItems(sorted: ReadonlyArray<SnapshotRow>): DisplayItem[] {
  const visibleByGroup = new Map<BlueGreenGroup, SnapshotRow[]>()
  for (const row of sorted) {
    if (!row.group) continue
    const list = visibleByGroup.get(row.group) ?? []
    list.push(row)
    visibleByGroup.set(row.group, list)
  }
  const items: DisplayItem[] = []
  const emitted = new Set<BlueGreenGroup>()
  for (const row of sorted) {
    const members = row.group ? visibleByGroup.get(row.group) : undefined
    if (!row.group || !members || members.length < 2) {
      items.push({ kind: 'row', row, grouped: false })
      continue
    }
    if (emitted.has(row.group)) continue
    emitted.add(row.group)
    items.push({ kind: 'group', group: row.group, rows: members })
    for (const member of members) items.push({ kind: 'row', row: member, grouped: true })
  }
  return items
}

/** The rows of `items` in display order (group headings dropped). */
export function rowsOf(items: ReadonlyArray<DisplayItem>): SnapshotRow[] {
  return items.flatMap((item) => (item.kind === 'row' ? [item.row] : []))
}

/**
 * React keys that survive filtering: a row keeps its key when rows before it come or go, so rows
 * that stay on screen keep their DOM. A fingerprint listed twice gets `#2`, `#3`…
 */
export function displayItemKeys(items: ReadonlyArray<DisplayItem>): string[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    if (item.kind === 'group') return `group:${item.group.members.join(',')}`
    const fingerprint = item.row.artifact.fingerprint
    const count = (seen.get(fingerprint) ?? 0) + 1
    seen.set(fingerprint, count)
    return count === 1 ? fingerprint : `${fingerprint}#${count}`
  })
}

/** The CSV/JSON export of a snapshot's rows. */
export const SNAPSHOT_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<SnapshotRow>> = [
  { header: 'commit', value: (row) => row.artifact.gitCommit ?? '' },
  { header: 'name', value: (row) => row.artifact.name },
  { header: 'fingerprint', value: (row) => row.artifact.fingerprint },
  { header: 'flow', value: (row) => row.artifact.flow ?? '' },
  { header: 'compliance', value: (row) => row.compliance },
  { header: 'reason', value: (row) => row.reason ?? '' },
  { header: 'running_since', value: (row) => isoTime(row.artifact.runningSince) },
  { header: 'replicas', value: (row) => row.artifact.replicas },
  { header: 'annotation', value: (row) => row.artifact.annotation ?? '' },
  { header: 'exited', value: (row) => row.artifact.exited },
  { header: 'blue_green_group', value: (row) => row.group?.label ?? '' },
]
