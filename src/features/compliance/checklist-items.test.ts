import { describe, expect, it } from 'vitest'
import type { AttestationStatus, ComplianceChecklist } from '@/api/trails'
import {
  checklistDetail,
  checklistItems,
  checklistProblems,
  checklistReads,
  checklistSummary,
  failingChecklistAttestations,
} from './checklist-items'

const status = (over: Partial<AttestationStatus>): AttestationStatus => ({
  name: 'a',
  type: 'junit',
  attestationId: null,
  overriddenAttestationId: null,
  status: 'COMPLETE',
  compliant: true,
  unexpected: false,
  ...over,
})

const checklist: ComplianceChecklist = {
  state: 'NON-COMPLIANT',
  compliant: false,
  evaluatedAt: 1,
  attestations: [
    status({ name: 'pull-request', type: 'pull_request', status: 'MISSING', compliant: null }),
    status({ name: 'lint', attestationId: 'id-lint', unexpected: true }),
    status({ name: 'approval', overriddenAttestationId: 'old-id', attestationId: 'new-id' }),
  ],
  artifacts: [
    {
      slot: 'saver',
      fingerprint: 'ab'.repeat(32),
      state: 'NON-COMPLIANT',
      compliant: false,
      unexpected: false,
      attestations: [
        status({ name: 'unit-test', compliant: false, attestationId: 'id-ut' }),
        status({ name: 'snyk', type: 'snyk' }),
      ],
    },
    {
      slot: 'docs',
      fingerprint: null,
      state: 'MISSING',
      compliant: null,
      unexpected: false,
      attestations: [],
    },
  ],
}

describe('checklistItems', () => {
  it('gives each attestation and slot its status, in template order', () => {
    const items = checklistItems(checklist)
    expect(items.map((item) => [item.label, item.status, item.depth])).toEqual([
      ['pull-request', 'missing', 0],
      ['lint', 'unexpected', 0],
      ['approval', 'overridden', 0],
      ['saver', 'non-compliant', 0],
      ['saver.unit-test', 'non-compliant', 1],
      ['saver.snyk', 'complete', 1],
      ['docs', 'missing', 0],
    ])
    expect(items[4]?.attestationId).toBe('id-ut')
    expect(items[2]?.detail).toContain('old-id')
  })

  it('summarises and explains problems', () => {
    const items = checklistItems(checklist)
    expect(checklistSummary(items)).toBe(
      '2 non-compliant, 2 missing, 1 overridden, 1 unexpected, 1 complete',
    )
    expect(checklistProblems(items)).toEqual([
      'pull-request (pull_request): Required by the template but not reported.',
      'saver: Reported, but not compliant.',
      'saver.unit-test (junit): Reported, but not compliant.',
      'docs: Required by the template but no artifact was reported.',
    ])
    expect(checklistSummary([])).toMatch(/requires nothing/)
  })
})

describe('checklist failures, named', () => {
  const junit = {
    id: 'id-ut',
    type: 'junit',
    compliant: false,
    createdAt: 1,
    raw: { junit_results: [{ name: 'unit', tests: 412, failures: 3, errors: 0, skipped: 2 }] },
  }

  it('asks for the reported, non-compliant attestations only', () => {
    expect(failingChecklistAttestations('saver-ci', 'e1f0c3a', checklistItems(checklist))).toEqual([
      { flow: 'saver-ci', trail: 'e1f0c3a', name: 'unit-test' },
    ])
  })

  it('names the failed tests and the missing attestation', () => {
    const items = checklistItems(checklist)
    const reads = checklistReads('saver-ci', 'e1f0c3a', (ref) =>
      ref.name === 'unit-test' ? { ok: true, attestations: [junit] } : undefined,
    )
    expect(checklistProblems(items, reads)).toEqual([
      'pull-request (pull_request): Required by the template but not reported.',
      'saver: Reported, but not compliant.',
      'saver.unit-test (junit): Reported, but not compliant: 3 of 412 tests failed.',
      'docs: Required by the template but no artifact was reported.',
    ])
  })

  it('says so when the attestation could not be read', () => {
    const item = checklistItems(checklist).find((entry) => entry.label === 'saver.unit-test')
    expect(item && checklistDetail(item, { ok: false, error: 'Not found' })).toBe(
      'Reported, but not compliant: its details could not be read (Not found).',
    )
    expect(item && checklistDetail(item)).toBe('Reported, but not compliant.')
  })
})
