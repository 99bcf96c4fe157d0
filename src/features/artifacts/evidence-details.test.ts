import { describe, expect, it } from 'vitest'
import { evidenceDetails } from './evidence-details'

describe('evidenceDetails', () => {
  it('sums junit suites', () => {
    const details = evidenceDetails({
      attestation_type: 'junit',
      junit_results: [
        { name: 'a', total: 10, failures: 1, errors: 0, skipped: 2 },
        { name: 'b', total: 5, failures: 0, errors: 1, skipped: 0 },
        'junk',
      ],
    })
    expect(details.junit).toEqual({ total: 15, failures: 1, errors: 1, skipped: 2, suites: 2 })
  })

  it('sums snyk counts from the processed results', () => {
    const details = evidenceDetails({
      processed_snyk_results: {
        tool: { name: 'Snyk Container' },
        results: [
          { high_count: 2, medium_count: 1, low_count: 0 },
          { high_count: 0, medium_count: 3, low_count: 4 },
        ],
      },
    })
    expect(details.snyk).toEqual({ high: 2, medium: 4, low: 4, tool: 'Snyk Container' })
  })

  it('lists pull requests with approvers of either shape', () => {
    const details = evidenceDetails({
      pull_requests: [
        {
          url: 'https://github.com/cyber-dojo/runner/pull/1',
          title: 'Fix replicas',
          state: 'MERGED',
          author: 'jon',
          approvers: ['ann', { username: 'bob' }, 42],
        },
      ],
    })
    expect(details.pullRequests).toEqual([
      {
        url: 'https://github.com/cyber-dojo/runner/pull/1',
        title: 'Fix replicas',
        state: 'MERGED',
        author: 'jon',
        approvers: ['ann', 'bob'],
      },
    ])
  })

  it('keeps custom data and drops common and empty fields', () => {
    const details = evidenceDetails({
      attestation_id: 'x',
      created_at: 1,
      user_data: {},
      attestation_data: { coverage: { lines: 91.5 } },
      annotations: null,
    })
    expect(details.data).toEqual({ attestation_data: { coverage: { lines: 91.5 } } })
    expect(details.junit).toBeNull()
    expect(details.snyk).toBeNull()
    expect(details.pullRequests).toEqual([])
  })
})
