import { describe, expect, it } from 'vitest'
import { OUT_OF_RANGE_MESSAGE, httpError } from '@/test/api-error'
import { classifySnapshotProblem, parseSnapshotIndex, SnapshotIndexError } from './snapshot-problem'

describe('parseSnapshotIndex', () => {
  it('accepts whole numbers from 1 only', () => {
    expect(parseSnapshotIndex('65')).toBe(65)
    for (const raw of ['0', '-1', '6.5', 'abc', '', '1e3', '99999999999999999999']) {
      expect(parseSnapshotIndex(raw)).toBeUndefined()
    }
  })
})

describe('classifySnapshotProblem', () => {
  it('reads the snapshot count from the out-of-range message', () => {
    const error = httpError(404, OUT_OF_RANGE_MESSAGE, 'GET /snapshots/cyber-dojo/aws-prod/9999')
    expect(classifySnapshotProblem(error)).toMatchObject({ kind: 'out-of-range', count: 5253 })
  })

  it('tells an environment with no snapshots from an unknown one', () => {
    const empty = httpError(
      400,
      "Org: 'cyber-dojo'. Snapshot 'empty-env#1' resolves to 'empty-env#1'. len(snapshots) == 0. Indexes are 1-based",
      'GET /snapshots/cyber-dojo/empty-env/1',
    )
    expect(classifySnapshotProblem(empty).kind).toBe('no-snapshots')
    const unknown = httpError(
      404,
      "Environment named 'nope' does not exist for organization 'cyber-dojo'",
      'GET /environments/cyber-dojo/nope',
    )
    expect(classifySnapshotProblem(unknown).kind).toBe('unknown-environment')
  })

  it('leaves server failures and bad addresses to their own messages', () => {
    expect(classifySnapshotProblem(httpError(500, 'boom', 'GET /snapshots/o/e/1')).kind).toBe(
      'other',
    )
    expect(classifySnapshotProblem(new SnapshotIndexError('abc'))).toEqual({
      kind: 'bad-index',
      raw: 'abc',
    })
  })
})
