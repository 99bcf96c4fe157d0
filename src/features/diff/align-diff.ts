import type { DiffArtifact, SnapshotDiff } from '@/api/diff'
import { formatCount, imageNameWithoutTag, serviceName } from '@/lib/format'
import { sameRepositoryCompareUrl } from '@/lib/safe-url'

/** The server's category of an artifact; pairing never changes it. */
export type DiffCategory = 'added' | 'removed' | 'scaled' | 'unchanged'

/**
 * One artifact as the server listed it in one category. Real data sometimes lists the same
 * fingerprint twice on one side (one entry per service running it); those entries share one row
 * and each is kept, as listed, in `listings`.
 */
export interface DiffEntry {
  category: DiffCategory
  artifact: DiffArtifact
  occurrences: number
  /** Every entry the server listed for this fingerprint, in its order. */
  listings: DiffArtifact[]
  /** Instances on the from side (`removed`, `scaled`, `unchanged`), else null. */
  fromInstances: number | null
  /** Instances on the to side (`added`, `scaled`, `unchanged`), else null. */
  toInstances: number | null
}

/**
 * A display row. `replaced` is a removed and an added artifact of the same service shown on one
 * line (an upgrade); each keeps its own server category.
 */
export type DiffRowKind = 'replaced' | 'removed' | 'added' | 'scaled' | 'unchanged'

export interface DiffRow {
  key: string
  kind: DiffRowKind
  /** Short service name for the row's label, e.g. 'runner'. */
  service: string
  /** What the row was aligned on: the flow, else the image name without tag. */
  group: string
  from: DiffEntry | null
  to: DiffEntry | null
  /** For `replaced` rows whose commits are on one repository: the forge's compare page. */
  compareUrl: string | null
}

/** Distinct artifacts (fingerprints) per server category. */
export interface DiffSummary {
  added: number
  removed: number
  scaled: number
  unchanged: number
}

export interface AlignedDiff {
  rows: DiffRow[]
  summary: DiffSummary
  /** Nothing added, removed or scaled. */
  identical: boolean
  /** Neither snapshot runs anything. */
  empty: boolean
  /** Entries the server listed more than once on one side. */
  duplicates: number
}

const KIND_ORDER: Record<DiffRowKind, number> = {
  replaced: 0,
  removed: 1,
  added: 2,
  scaled: 3,
  unchanged: 4,
}

function identityKey(artifact: DiffArtifact): string {
  // A missing fingerprint must not merge unrelated artifacts.
  return artifact.fingerprint ?? `name:${artifact.name}`
}

function sumInstances(values: Array<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null)
  return known.length ? known.reduce((total, value) => total + value, 0) : null
}

/** Merges duplicate fingerprints of one category, keeping the server's order of first sight. */
function toEntries(artifacts: DiffArtifact[], category: DiffCategory): DiffEntry[] {
  const groups = new Map<string, DiffArtifact[]>()
  for (const artifact of artifacts) {
    const key = identityKey(artifact)
    const group = groups.get(key)
    if (group) group.push(artifact)
    else groups.set(key, [artifact])
  }
  return [...groups.values()].flatMap((group) => {
    const [first] = group
    if (!first) return []
    // Most fingerprints are listed once: that listing is the artifact, as it came.
    const once = group.length === 1 && new Set(first.pods).size === first.pods.length
    const instances = once ? first.instances : sumInstances(group.map((item) => item.instances))
    const artifact: DiffArtifact = once
      ? first
      : { ...first, instances, pods: [...new Set(group.flatMap((item) => item.pods))] }
    let fromInstances: number | null = null
    let toInstances: number | null = null
    if (category === 'removed') fromInstances = instances
    else if (category === 'added') toInstances = instances
    else if (category === 'unchanged') fromInstances = toInstances = instances
    else {
      fromInstances = sumInstances(group.map((item) => item.fromInstances)) ?? instances
      toInstances = sumInstances(group.map((item) => item.toInstances)) ?? instances
    }
    return [
      {
        category,
        artifact,
        occurrences: group.length,
        listings: group,
        fromInstances,
        toInstances,
      },
    ]
  })
}

/** What rows are aligned on: the flow, else the image name without tag or digest. */
export function serviceKey(artifact: DiffArtifact): string {
  return artifact.flow !== null
    ? `flow:${artifact.flow}`
    : `image:${imageNameWithoutTag(artifact.name)}`
}

function byName(a: DiffEntry, b: DiffEntry): number {
  return (
    compareText(a.artifact.name, b.artifact.name) ||
    compareText(a.artifact.fingerprint ?? '', b.artifact.fingerprint ?? '')
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function groupBy(entries: DiffEntry[]): Map<string, DiffEntry[]> {
  const groups = new Map<string, DiffEntry[]>()
  for (const entry of entries) {
    const key = serviceKey(entry.artifact)
    const group = groups.get(key)
    if (group) group.push(entry)
    else groups.set(key, [entry])
  }
  return groups
}

/**
 * Pairs removed with added entries of one service: same image name first (a flow may build
 * several images), then whatever is left in name order.
 */
function pairWithin(
  removed: DiffEntry[],
  added: DiffEntry[],
): { pairs: Array<[DiffEntry, DiffEntry]>; removed: DiffEntry[]; added: DiffEntry[] } {
  const leftRemoved = [...removed].sort(byName)
  const leftAdded = [...added].sort(byName)
  const pairs: Array<[DiffEntry, DiffEntry]> = []
  for (const entry of [...leftRemoved]) {
    const image = imageNameWithoutTag(entry.artifact.name)
    const match = leftAdded.findIndex((other) => imageNameWithoutTag(other.artifact.name) === image)
    if (match === -1) continue
    const [partner] = leftAdded.splice(match, 1)
    leftRemoved.splice(leftRemoved.indexOf(entry), 1)
    if (partner) pairs.push([entry, partner])
  }
  while (leftRemoved.length && leftAdded.length) {
    const a = leftRemoved.shift()
    const b = leftAdded.shift()
    if (a && b) pairs.push([a, b])
  }
  return { pairs, removed: leftRemoved, added: leftAdded }
}

function row(kind: DiffRowKind, from: DiffEntry | null, to: DiffEntry | null): DiffRow {
  const shown = to ?? from
  const artifact = shown?.artifact
  const compareUrl =
    kind === 'replaced'
      ? (sameRepositoryCompareUrl(from?.artifact.commitUrl, to?.artifact.commitUrl) ?? null)
      : null
  return {
    key: `${kind}:${from ? identityKey(from.artifact) : ''}>${to ? identityKey(to.artifact) : ''}`,
    kind,
    service: artifact ? serviceName(artifact.name) || artifact.name : '',
    group: artifact ? serviceKey(artifact) : '',
    from,
    to,
    compareUrl,
  }
}

/**
 * Lines the server's four categories up side by side: one row per artifact, with a removed and
 * an added artifact of the same service on one row, sorted by service so related artifacts
 * (a blue-green overlap) sit together.
 */
export function alignDiff(diff: SnapshotDiff): AlignedDiff {
  const removed = toEntries(diff.onlyInFrom, 'removed')
  const added = toEntries(diff.onlyInTo, 'added')
  const scaled = toEntries(diff.scaled, 'scaled')
  const unchanged = toEntries(diff.unchanged, 'unchanged')

  const rows: DiffRow[] = []
  const removedByService = groupBy(removed)
  const addedByService = groupBy(added)
  for (const key of new Set([...removedByService.keys(), ...addedByService.keys()])) {
    const result = pairWithin(removedByService.get(key) ?? [], addedByService.get(key) ?? [])
    for (const [from, to] of result.pairs) rows.push(row('replaced', from, to))
    for (const entry of result.removed) rows.push(row('removed', entry, null))
    for (const entry of result.added) rows.push(row('added', null, entry))
  }
  for (const entry of scaled) rows.push(row('scaled', entry, entry))
  for (const entry of unchanged) rows.push(row('unchanged', entry, entry))

  // Each row's lower-case service once, not twice per comparison (5,000 rows: ~120,000 calls).
  const sorted = rows
    .map((entry) => ({ row: entry, service: entry.service.toLowerCase() }))
    .sort(
      (a, b) =>
        compareText(a.service, b.service) ||
        compareText(a.row.group, b.row.group) ||
        KIND_ORDER[a.row.kind] - KIND_ORDER[b.row.kind] ||
        compareText(a.row.key, b.row.key),
    )
    .map(({ row: entry }) => entry)

  const summary: DiffSummary = {
    added: added.length,
    removed: removed.length,
    scaled: scaled.length,
    unchanged: unchanged.length,
  }
  const all = [...removed, ...added, ...scaled, ...unchanged]
  return {
    rows: sorted,
    summary,
    identical: summary.added + summary.removed + summary.scaled === 0,
    empty: all.length === 0,
    duplicates: all.filter((entry) => entry.occurrences > 1).length,
  }
}

/** "1 added, 0 removed, 0 scaled, 5,100 unchanged". */
export function summaryText(summary: DiffSummary): string {
  const { added, removed, scaled, unchanged } = summary
  return `${formatCount(added)} added, ${formatCount(removed)} removed, ${formatCount(scaled)} scaled, ${formatCount(unchanged)} unchanged`
}

/**
 * `rows` with at most `limit` unchanged rows (the first ones, in order); every change stays.
 * Thousands of unchanged rows drawn at once freeze the page for seconds.
 */
export function capUnchanged(rows: ReadonlyArray<DiffRow>, limit: number): DiffRow[] {
  let unchanged = 0
  return rows.filter((row) => row.kind !== 'unchanged' || unchanged++ < limit)
}
