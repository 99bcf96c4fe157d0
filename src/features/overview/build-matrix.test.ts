import { describe, expect, it } from 'vitest'
import type { Environment } from '@/api/environments'
import type { Snapshot, SnapshotArtifact } from '@/api/snapshots'
import { buildMatrix, cellSignature, sourcesOf, toColumns, type SourceState } from './build-matrix'
import { filterRows, prepareFilterTextWhenIdle } from './filter-matrix'
import { EXPORT_COLUMNS, exportLines } from './matrix-export'
import { toCsv } from '@/lib/csv'
import { environment } from '@/test/environment'
import { snapshotArtifact } from '@/test/snapshot-artifact'
import { testSnapshot } from '@/test/snapshot'

function env(name: string, type = 'ECS', included: string[] = []): Environment {
  return environment(name, { type, includedEnvironments: included })
}

function artifact(
  name: string,
  fingerprint: string,
  flow: string | null,
  extra: Partial<SnapshotArtifact> = {},
): SnapshotArtifact {
  return snapshotArtifact({
    name,
    fingerprint: fingerprint.padEnd(64, '0'),
    instanceStarts: [100],
    runningSince: 100,
    flow,
    gitCommit: flow ? `${fingerprint}c0ffee`.padEnd(40, '1') : null,
    ...extra,
  })
}

function snapshot(environment: string, index: number, artifacts: SnapshotArtifact[]): Snapshot {
  return testSnapshot(environment, index, { artifacts })
}

const ready = (s: Snapshot): SourceState => ({ status: 'ready', snapshot: s })
const environments = [
  env('aws-beta'),
  env('aws-prod'),
  env('production', 'logical', ['aws-prod']),
  env('empty-env', 'server'),
]

// The seed's aws-prod#65: runner:16d9990 (3 replicas, newest) beside runner:85d83c6.
const prod = snapshot('aws-prod', 65, [
  artifact('runner:16d9990', '9af401c4', 'runner', { replicas: 3, runningSince: 1661161149 }),
  artifact('runner:85d83c6', 'eeb0cfc9', 'runner', { runningSince: 1661004314 }),
  artifact('saver:5911f9c', '7b925152', 'saver'),
  artifact('busybox:1.36', 'bb000000', null, {
    compliant: false,
    reasonsForIncompliance: ['Artifact has no provenance'],
  }),
  artifact('shas:71f8f55', 'e1e1e1e1', 'shas', { exited: true, replicas: 0 }),
])
const beta = snapshot('aws-beta', 117, [
  artifact('runner:16d9990', '9af401c4', 'runner', { replicas: 2 }),
  artifact('saver:5911f9c', '7b925152', 'saver'),
  artifact('web:38edd81', 'de752baf', 'web', { compliant: false }),
])

function sources(entries: Array<[string, SourceState]>) {
  return new Map<string, SourceState>(entries)
}

describe('buildMatrix', () => {
  const columns = toColumns(environments, ['aws-beta', 'aws-prod', 'production', 'empty-env'])

  it('reads each environment once: a logical column uses its members’ snapshots', () => {
    expect(columns.map((c) => [c.name, c.logical, c.sources])).toEqual([
      ['aws-beta', false, ['aws-beta']],
      ['aws-prod', false, ['aws-prod']],
      ['production', true, ['aws-prod']],
      ['empty-env', false, ['empty-env']],
    ])
    expect(sourcesOf(columns)).toEqual(['aws-beta', 'aws-prod', 'empty-env'])
    expect(toColumns(environments, ['nope', 'aws-prod']).map((c) => c.name)).toEqual(['aws-prod'])
  })

  const matrix = buildMatrix(
    columns,
    sources([
      ['aws-beta', ready(beta)],
      ['aws-prod', ready(prod)],
      ['empty-env', { status: 'missing', message: 'empty-env has no snapshots yet.' }],
    ]),
  )

  it('has one row per flow by name, then artifacts without provenance by image name', () => {
    expect(matrix.rows.map((row) => [row.kind, row.name])).toEqual([
      ['flow', 'runner'],
      ['flow', 'saver'],
      ['flow', 'web'],
      ['unflowed', 'busybox'],
    ])
    expect(matrix.settled).toBe(true)
    expect(matrix.states['empty-env']).toEqual({
      status: 'missing',
      message: 'empty-env has no snapshots yet.',
    })
  })

  it('shows a blue-green pair newest first, with replicas; exited artifacts are not running', () => {
    const runner = matrix.rows[0]
    const cell = runner?.cells['aws-prod'] ?? []
    expect(cell.map((v) => [v.name, v.replicas, v.snapshotIndex])).toEqual([
      ['runner:16d9990', 3, 65],
      ['runner:85d83c6', 1, 65],
    ])
    expect(runner?.cells['production']?.map((v) => v.name)).toEqual([
      'runner:16d9990',
      'runner:85d83c6',
    ])
    expect(matrix.rows.some((row) => row.name === 'shas')).toBe(false)
  })

  it('marks drift where physical environments run different fingerprints, with the diff sides', () => {
    const runner = matrix.rows.find((row) => row.name === 'runner')
    expect(runner?.drifting).toBe(true)
    expect(runner?.drift).toEqual({
      'aws-beta': { other: 'aws-prod', from: 'aws-beta', to: 'aws-prod' },
      'aws-prod': { other: 'aws-beta', from: 'aws-beta', to: 'aws-prod' },
    })
    const saver = matrix.rows.find((row) => row.name === 'saver')
    expect(saver?.drifting).toBe(false)
    expect(saver?.drift).toEqual({})
    // web runs only in aws-beta: not running elsewhere is not drift.
    expect(matrix.rows.find((row) => row.name === 'web')?.drifting).toBe(false)
  })

  it('flags rows with a non-compliant version and keeps the reason', () => {
    const busybox = matrix.rows.find((row) => row.kind === 'unflowed')
    expect(busybox?.nonCompliant).toBe(true)
    expect(busybox?.cells['aws-prod']?.[0]?.reasons).toEqual(['Artifact has no provenance'])
    expect(matrix.rows.find((row) => row.name === 'web')?.nonCompliant).toBe(true)
    expect(matrix.rows.find((row) => row.name === 'saver')?.nonCompliant).toBe(false)
  })

  it('keeps a failed column’s error and a loading column unsettled, the rest built', () => {
    const retry = () => {}
    const partial = buildMatrix(
      columns,
      sources([
        ['aws-beta', { status: 'error', error: new Error('500'), retry }],
        ['aws-prod', ready(prod)],
        ['empty-env', { status: 'loading' }],
      ]),
    )
    expect(partial.states['aws-beta']).toMatchObject({
      status: 'error',
      failures: [{ env: 'aws-beta', retry }],
    })
    expect(partial.states['empty-env']).toEqual({ status: 'loading' })
    expect(partial.settled).toBe(false)
    expect(partial.rows.find((row) => row.name === 'runner')?.cells['aws-prod']).toHaveLength(2)
    // With one side unknown there is nothing to compare.
    expect(partial.rows.find((row) => row.name === 'runner')?.drifting).toBe(false)
  })

  it('merges a fingerprint listed twice in one snapshot', () => {
    const twice = snapshot('aws-beta', 1, [
      artifact('runner:1', 'aaaa', 'runner', { replicas: 2, runningSince: 50 }),
      artifact('runner:1', 'aaaa', 'runner', { replicas: 1, runningSince: 40 }),
    ])
    const built = buildMatrix(
      toColumns(environments, ['aws-beta']),
      sources([['aws-beta', ready(twice)]]),
    )
    expect(built.rows[0]?.cells['aws-beta']?.map((v) => [v.replicas, v.runningSince])).toEqual([
      [3, 40],
    ])
  })

  it('merges a logical column’s members without changing the members’ own cells', () => {
    const both = [...environments, env('everywhere', 'logical', ['aws-beta', 'aws-prod'])]
    const built = () =>
      buildMatrix(
        toColumns(both, ['aws-beta', 'aws-prod', 'everywhere']),
        sources([
          ['aws-beta', ready(beta)],
          ['aws-prod', ready(prod)],
        ]),
      )
    const first = built()
    const runner = first.rows.find((row) => row.name === 'runner')
    // runner:16d9990 runs 2 in aws-beta and 3 in aws-prod: 5 in the logical column, running
    // since aws-beta's earlier start, so it now sorts after runner:85d83c6.
    expect(
      runner?.cells['everywhere']?.map((v) => [v.name, v.replicas, v.env, v.runningSince]),
    ).toEqual([
      ['runner:85d83c6', 1, 'aws-prod', 1661004314],
      ['runner:16d9990', 5, 'aws-beta', 100],
    ])
    expect(runner?.cells['aws-beta']?.map((v) => v.replicas)).toEqual([2])
    expect(runner?.cells['aws-prod']?.map((v) => v.replicas)).toEqual([3, 1])
    // A rebuild while columns arrive reads each snapshot's cells once, and comes out the same.
    const again = built()
    expect(again).toEqual(first)
    expect(again.rows.find((row) => row.name === 'runner')?.cells['aws-prod']).toBe(
      runner?.cells['aws-prod'],
    )
  })

  it('signatures ignore order', () => {
    const a = matrix.rows[0]?.cells['aws-prod'] ?? []
    expect(cellSignature([...a].reverse())).toBe(cellSignature(a))
    expect(cellSignature(undefined)).toBe('')
  })
})

describe('filterRows', () => {
  const matrix = buildMatrix(
    toColumns(environments, ['aws-beta', 'aws-prod']),
    sources([
      ['aws-beta', ready(beta)],
      ['aws-prod', ready(prod)],
    ]),
  )
  const names = (q: string, drift = false, nonCompliant = false) =>
    filterRows(matrix.rows, { q, drift, nonCompliant }).map((row) => row.name)

  it('matches the row name, an artifact name, or a commit or fingerprint prefix', () => {
    expect(names('')).toEqual(['runner', 'saver', 'web', 'busybox'])
    expect(names('SAV')).toEqual(['saver'])
    expect(names('85d83c6')).toEqual(['runner'])
    expect(names('de752b')).toEqual(['web'])
    expect(names('  busy ')).toEqual(['busybox'])
    expect(names('nothing-like-this')).toEqual([])
  })

  it('gives back the list itself when it leaves no row out, and a new one when it does', () => {
    const all = { q: '', drift: false, nonCompliant: false }
    expect(filterRows(matrix.rows, all)).toBe(matrix.rows)
    expect(filterRows(matrix.rows, { ...all, q: 'SAV' })).not.toBe(matrix.rows)
  })

  it('builds the filter text of every row while idle, a few at a time, until stopped', () => {
    const callbacks: IdleRequestCallback[] = []
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) =>
      callbacks.push(callback),
    )
    vi.stubGlobal('cancelIdleCallback', (id: number) => callbacks.splice(id - 1, 1, () => {}))
    try {
      prepareFilterTextWhenIdle(matrix.rows)
      // Room for two rows a turn: four rows take two turns, then nothing more is asked for.
      let budget = 0
      const deadline = { didTimeout: false, timeRemaining: () => (budget-- > 0 ? 5 : 0) }
      for (const turn of [0, 1]) {
        budget = 2
        callbacks[turn]?.(deadline)
      }
      expect(callbacks).toHaveLength(2)
      expect(names('SAV')).toEqual(['saver'])

      const stop = prepareFilterTextWhenIdle(matrix.rows)
      expect(callbacks).toHaveLength(3)
      stop()
      budget = 10
      callbacks[2]?.(deadline)
      expect(callbacks).toHaveLength(3)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('keeps only drifting or only non-compliant rows', () => {
    expect(names('', true)).toEqual(['runner'])
    expect(names('', false, true)).toEqual(['web', 'busybox'])
    expect(names('', true, true)).toEqual([])
  })
})

describe('exportLines', () => {
  it('has a line per version and per empty cell, for the rows and columns shown', () => {
    const columns = toColumns(environments, ['aws-prod', 'aws-beta'])
    const matrix = buildMatrix(
      columns,
      sources([
        ['aws-beta', ready(beta)],
        ['aws-prod', ready(prod)],
      ]),
    )
    const runner = matrix.rows.filter((row) => row.name === 'runner' || row.name === 'web')
    const lines = exportLines(runner, matrix.columns, matrix.states)
    expect(lines.map((l) => [l.name, l.environment, l.state, l.artifact, l.replicas])).toEqual([
      ['runner', 'aws-prod', 'running', 'runner:16d9990', 3],
      ['runner', 'aws-prod', 'running', 'runner:85d83c6', 1],
      ['runner', 'aws-beta', 'running', 'runner:16d9990', 2],
      ['web', 'aws-prod', 'not running', null, null],
      ['web', 'aws-beta', 'running', 'web:38edd81', 1],
    ])
    expect(lines[0]?.differs).toBe(true)
    expect(lines[0]?.snapshot).toBe('aws-prod#65')
    expect(lines[0]?.runningSince).toBe('2022-08-22T09:39:09Z')
  })

  it('goes through the formula-safe CSV helper', () => {
    const hostile = snapshot('aws-beta', 2, [artifact('=HYPERLINK("x")', 'ffff', '+evil')])
    const matrix = buildMatrix(
      toColumns(environments, ['aws-beta']),
      sources([['aws-beta', ready(hostile)]]),
    )
    const lines = exportLines(matrix.rows, matrix.columns, matrix.states)
    const csv = toCsv(
      EXPORT_COLUMNS.map((c) => c.header),
      lines.map((line) => EXPORT_COLUMNS.map((c) => c.value(line))),
    )
    expect(csv).toContain(`'+evil`)
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
  })
})
