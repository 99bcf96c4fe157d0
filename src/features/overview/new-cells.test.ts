import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Snapshot } from '@/api/snapshots'
import { environment } from '@/test/environment'
import { snapshotArtifact } from '@/test/snapshot-artifact'
import { testSnapshot } from '@/test/snapshot'
import { buildMatrix, toColumns, type Matrix, type SourceState } from './build-matrix'
import { useNewCells } from './new-cells'

const environments = [environment('aws-beta'), environment('aws-prod')]
const columns = toColumns(environments, ['aws-beta', 'aws-prod'])

function snapshot(env: string, index: number, fingerprint: string): Snapshot {
  return testSnapshot(env, index, {
    complianceCount: { compliant: 1, nonCompliant: 0, unknown: 0 },
    artifacts: [
      snapshotArtifact({
        name: `runner:${fingerprint.slice(0, 7)}`,
        fingerprint: fingerprint.padEnd(64, '0'),
        flow: 'runner',
        runningSince: 100,
      }),
    ],
  })
}

function matrix(beta: Snapshot, prod: Snapshot | null): Matrix {
  const ready = (s: Snapshot): SourceState => ({ status: 'ready', snapshot: s })
  return buildMatrix(
    columns,
    new Map<string, SourceState>([
      ['aws-beta', ready(beta)],
      ['aws-prod', prod ? ready(prod) : { status: 'loading' }],
    ]),
  )
}

describe('useNewCells', () => {
  it('marks a cell a refresh changed once every column is in, not while columns arrive', () => {
    const { result, rerender } = renderHook(({ m }) => useNewCells(m, 'cyber-dojo', true), {
      initialProps: { m: matrix(snapshot('aws-beta', 1, 'aaaa'), null) },
    })
    // aws-prod still loading: aws-beta's snapshot moving on marks nothing yet.
    act(() => rerender({ m: matrix(snapshot('aws-beta', 2, 'bbbb'), null) }))
    expect(result.current.size).toBe(0)
    // Every column in: the table as it stands is what later refreshes are compared with.
    const prod = snapshot('aws-prod', 7, 'cccc')
    act(() => rerender({ m: matrix(snapshot('aws-beta', 2, 'bbbb'), prod) }))
    expect(result.current.size).toBe(0)
    act(() => rerender({ m: matrix(snapshot('aws-beta', 3, 'dddd'), prod) }))
    expect([...result.current]).toEqual([['flow:runner', new Set(['aws-beta'])]])
  })
})
