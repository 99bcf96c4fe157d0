import { describe, expect, it } from 'vitest'
import { snapshotArtifact } from '@/test/snapshot-artifact'
import {
  DEFAULT_SNAPSHOT_PARAMS,
  parseSnapshotParams,
  snapshotSearch,
  type SnapshotParams,
} from './snapshot-params'
import {
  blueGreenGroups,
  displayItemKeys,
  displayItems,
  matchesFilters,
  nonComplianceReason,
  rowsOf,
  sortRows,
  toSnapshotRows,
  type SnapshotRow,
} from './snapshot-rows'

const ECR = '274425519734.dkr.ecr.eu-central-1.amazonaws.com'

const artifact = snapshotArtifact

// aws-prod#65 as the seed shows it, plus an artifact that exited.
const snapshot65 = [
  artifact({ name: `${ECR}/runner:16d9990`, replicas: 3, runningSince: 1661161157 }),
  artifact({ name: `${ECR}/shas:7c45272` }),
  artifact({ name: `${ECR}/runner:85d83c6`, runningSince: 1660900000 }),
  artifact({
    name: `${ECR}/differ:1a2b170`,
    compliant: false,
    reasonsForIncompliance: ['no junit evidence'],
  }),
  artifact({ name: `${ECR}/saver:aaaaaaa`, exited: true, replicas: 0, annotation: 'exited' }),
]

describe('blueGreenGroups', () => {
  it('groups the two runner versions of aws-prod#65 and nothing else', () => {
    const groups = blueGreenGroups(snapshot65)
    expect(groups).toHaveLength(1)
    expect(groups[0]?.label).toBe('runner')
    expect(groups[0]?.members).toEqual([snapshot65[0]?.fingerprint, snapshot65[2]?.fingerprint])
  })

  it('ignores exited artifacts: a version that stopped is not overlapping', () => {
    const stopped = artifact({ name: `${ECR}/runner:85d83c6`, exited: true, replicas: 0 })
    expect(blueGreenGroups([snapshot65[0] ?? stopped, stopped])).toEqual([])
  })

  it('groups same image names without provenance, and same flows with different images', () => {
    const a = artifact({ name: 'registry:5000/web:1', flow: null })
    const b = artifact({ name: 'registry:5000/web:2', flow: null })
    const c = artifact({ name: 'x/api-a:1', flow: 'api' })
    const d = artifact({ name: 'x/api-b:1', flow: 'api' })
    const groups = blueGreenGroups([a, b, c, d])
    expect(groups.map((group) => group.label)).toEqual(['web', 'api'])
  })
})

describe('nonComplianceReason', () => {
  it('uses the artifact reasons, then flow reasons, then failed policies', () => {
    expect(nonComplianceReason(snapshot65[3] ?? artifact({ name: 'x' }))).toBe('no junit evidence')
    expect(
      nonComplianceReason(
        artifact({
          name: 'x',
          compliant: false,
          policyDecisions: [{ policy: 'prod-policy', version: 2, compliant: false, rules: [] }],
        }),
      ),
    ).toBe('fails policy prod-policy')
    expect(nonComplianceReason(artifact({ name: 'x', compliant: false, flow: null }))).toMatch(
      /no provenance/,
    )
    expect(nonComplianceReason(artifact({ name: 'x' }))).toBeNull()
  })
})

/** What the snapshot page lists: the rows in the chosen order, filtered. */
function visibleRows(rows: ReadonlyArray<SnapshotRow>, params: SnapshotParams): SnapshotRow[] {
  return sortRows(rows, params.sort, params.dir).filter((row) => matchesFilters(row, params))
}

describe('visibleRows and displayItems', () => {
  const rows = toSnapshotRows(snapshot65)

  it('hides exited artifacts unless asked, and groups blue-green rows under one heading', () => {
    const items = displayItems(visibleRows(rows, DEFAULT_SNAPSHOT_PARAMS))
    expect(
      items.map((item) =>
        item.kind === 'group' ? `group:${item.group.label}` : item.row.shortName,
      ),
    ).toEqual([
      'differ:1a2b170',
      'group:runner',
      'runner:16d9990',
      'runner:85d83c6',
      'shas:7c45272',
    ])
    const withExited = rowsOf(
      displayItems(visibleRows(rows, { ...DEFAULT_SNAPSHOT_PARAMS, exited: true })),
    )
    expect(withExited.map((row) => row.shortName)).toContain('saver:aaaaaaa')
  })

  it('filters by name, flow and compliance', () => {
    const names = (params: Partial<typeof DEFAULT_SNAPSHOT_PARAMS>) =>
      visibleRows(rows, { ...DEFAULT_SNAPSHOT_PARAMS, ...params }).map((row) => row.shortName)
    expect(names({ q: 'RUNNER' })).toEqual(['runner:16d9990', 'runner:85d83c6'])
    expect(names({ flow: 'shas' })).toEqual(['shas:7c45272'])
    expect(names({ compliance: 'non-compliant' })).toEqual(['differ:1a2b170'])
    expect(names({ flow: '-' })).toEqual([])
  })

  it('a group with one visible member is a plain row', () => {
    const items = displayItems(visibleRows(rows, { ...DEFAULT_SNAPSHOT_PARAMS, q: '16d9990' }))
    expect(items).toEqual([expect.objectContaining({ kind: 'row', grouped: false })])
  })

  it('sorts by replicas descending and places the group at its first member', () => {
    const sorted = visibleRows(rows, { ...DEFAULT_SNAPSHOT_PARAMS, sort: 'replicas', dir: 'desc' })
    expect(sorted[0]?.shortName).toBe('runner:16d9990')
    const items = displayItems(sorted)
    expect(items[0]?.kind).toBe('group')
    expect(rowsOf(items).map((row) => row.shortName)).toEqual([
      'runner:16d9990',
      'runner:85d83c6',
      'shas:7c45272',
      'differ:1a2b170',
    ])
  })

  it('stays fast for 5,000 rows', () => {
    const many = Array.from({ length: 5000 }, (_, index) =>
      artifact({ name: `reg/svc-${index % 2500}:${index}`, flow: `svc-${index % 2500}` }),
    )
    const started = performance.now()
    const items = displayItems(visibleRows(toSnapshotRows(many), DEFAULT_SNAPSHOT_PARAMS))
    expect(performance.now() - started).toBeLessThan(1000)
    expect(items.filter((item) => item.kind === 'group')).toHaveLength(2500)
  })
})

describe('snapshot search params', () => {
  it('round-trips and falls back to defaults for junk', () => {
    const params = {
      q: 'run',
      flow: 'runner',
      compliance: 'unknown',
      sort: 'since',
      dir: 'desc',
      exited: true,
      fingerprint: 'abcde',
    } as const
    expect(parseSnapshotParams(snapshotSearch(params))).toEqual(params)
    expect(snapshotSearch(DEFAULT_SNAPSHOT_PARAMS).toString()).toBe('')
    expect(
      parseSnapshotParams(new URLSearchParams('sort=evil&dir=up&compliance=maybe&exited=1')),
    ).toEqual(DEFAULT_SNAPSHOT_PARAMS)
  })
})

describe('displayItemKeys', () => {
  const rows = toSnapshotRows([
    artifact({ name: 'acme/api:1' }),
    artifact({ name: 'acme/web:2' }),
    // The same image under a second name.
    artifact({ name: 'acme/db:3', fingerprint: 'acmeapi1'.padEnd(64, '0') }),
  ])
  const fingerprint = (index: number) => rows[index]?.artifact.fingerprint ?? ''

  it('keys a row by its fingerprint, numbering repeats', () => {
    const keys = displayItemKeys(displayItems(rows))
    expect(keys).toEqual([fingerprint(0), fingerprint(1), `${fingerprint(2)}#2`])
  })

  it("keeps a row's key when rows before it are filtered out", () => {
    const all = displayItemKeys(displayItems(rows))
    const filtered = displayItemKeys(displayItems(rows.slice(1, 2)))
    expect(filtered).toEqual([all[1]])
  })
})

describe('sortRows', () => {
  it('orders so that filtering a sorted list equals sorting a filtered one', () => {
    const rows = toSnapshotRows(snapshot65)
    const params = { ...DEFAULT_SNAPSHOT_PARAMS, sort: 'flow' as const, dir: 'desc' as const }
    const sorted = sortRows(rows, params.sort, params.dir)
    expect(sorted).toHaveLength(rows.length)
    expect(sorted).not.toBe(rows)
    const q = { ...params, q: 'runner' }
    const filtered = rows.filter((row) => matchesFilters(row, q))
    expect(sorted.filter((row) => matchesFilters(row, q))).toEqual(
      sortRows(filtered, q.sort, q.dir),
    )
  })
})
