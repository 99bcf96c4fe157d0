import { describe, expect, it } from 'vitest'
import snapshot from '../../../fixtures/kosli/snapshot_aws-prod_latest.json'
import { appliedPolicyRules, policyTitle } from './applied-policy-text'

describe('appliedPolicyRules', () => {
  it('reads the captured aws-prod policies as sentences', () => {
    const provenance = snapshot.applied_policies.find((policy) => policy.name === 'provenance')
    expect(provenance).toBeDefined()
    expect(appliedPolicyRules({ dump: provenance?.policy_dump })).toEqual([
      'Every artifact must have provenance (be reported by a flow).',
      'Requires a compliant decision attestation when flow.tags.kind == "build" (control SDLC-CTRL-0002).',
    ])
    expect(policyTitle({ name: 'provenance', version: 3 })).toBe('provenance v3')
  })

  it('says so when the dump is missing or empty', () => {
    expect(appliedPolicyRules({ dump: null })).toEqual([
      'The policy text was not included in the snapshot.',
    ])
    expect(appliedPolicyRules({ dump: { artifacts: {} } })).toEqual([
      'This policy requires nothing.',
    ])
  })
})
