import { describe, expect, it } from 'vitest'
import { ApiError } from './client'
import { OUT_OF_RANGE_MESSAGE, httpError } from '@/test/api-error'

describe('ApiError reason', () => {
  it('reads the snapshot count and the environment from the server message', () => {
    const past = httpError(404, OUT_OF_RANGE_MESSAGE, 'GET /snapshots/cyber-dojo/aws-prod/9999')
    expect(past.reason).toEqual({ kind: 'snapshot-out-of-range', count: 5253 })
    const empty = httpError(
      400,
      "Org: 'cyber-dojo'. Snapshot 'empty-env#-1' resolves to 'empty-env#0'. len(snapshots) == 0",
      'GET /env-diff/cyber-dojo',
    )
    expect(empty.reason).toEqual({ kind: 'no-snapshots', environment: 'empty-env' })
  })

  it('knows an unknown environment by its endpoint or its words, only on a 404', () => {
    expect(httpError(404, 'Not found', 'GET /environments/o/nope').reason.kind).toBe(
      'unknown-environment',
    )
    const words = "Environment named 'nope' does not exist for organization 'o'"
    expect(httpError(404, words, 'GET /snapshots/o/nope/1').reason.kind).toBe('unknown-environment')
    expect(httpError(500, words, 'GET /snapshots/o/nope/1').reason.kind).toBe('other')
    expect(httpError(404, 'Not found', 'GET /snapshots/o/e/7').reason).toEqual({
      kind: 'snapshot-out-of-range',
      count: null,
    })
  })

  it('gives failures without an answer no reason', () => {
    const timeout = new ApiError({
      status: 0,
      message: 'len(snapshots) == 0',
      kind: 'timeout',
      endpoint: 'GET /snapshots/o/e/1',
    })
    expect(timeout.reason.kind).toBe('other')
    expect(httpError(404, 'Not found', 'GET /flows/o/x').reason.kind).toBe('other')
  })
})
