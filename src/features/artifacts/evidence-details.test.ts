import { describe, expect, it } from 'vitest'
import { evidenceData } from './evidence-details'

describe('evidenceData', () => {
  it('keeps custom data and drops common, typed and empty fields', () => {
    const data = evidenceData({
      attestation_id: 'x',
      created_at: 1,
      user_data: {},
      attestation_data: { coverage: { lines: 91.5 } },
      annotations: null,
      junit_results: [{ total: 1 }],
      pull_requests: [],
    })
    expect(data).toEqual({ attestation_data: { coverage: { lines: 91.5 } } })
  })
})
