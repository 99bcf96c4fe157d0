import { describe, expect, it } from 'vitest'
import type { TrailEvent } from '@/api/trails'
import { producedArtifacts, trailEventCompliance, trailEventSentence } from './trail-event-text'

const event = (over: Partial<TrailEvent>): TrailEvent => ({
  type: 'trail_reported',
  timestamp: 100,
  gitCommit: null,
  attestationType: null,
  attestationId: null,
  compliant: null,
  templateReference: null,
  targetArtifact: null,
  fingerprint: null,
  artifactName: null,
  environment: null,
  snapshotIndex: null,
  approvalNumber: null,
  reviewer: null,
  approvalState: null,
  changes: [],
  ...over,
})

describe('trailEventSentence (the CLI wording)', () => {
  it.each([
    [{ type: 'trail_reported' }, 'trail started'],
    [{ type: 'trail_updated', changes: ['template'] }, 'trail updated'],
    [
      {
        type: 'trail_attestation_reported',
        attestationType: 'pull_request',
        templateReference: 'pull-request',
      },
      "'pull_request' attestation reported for pull-request on the trail",
    ],
    [
      {
        type: 'artifact_creation_reported',
        artifactName: 'cyberdojo/runner:a2ffba5',
        templateReference: 'runner',
      },
      "artifact 'cyberdojo/runner:a2ffba5' created for template name 'runner'",
    ],
    [
      {
        type: 'artifact_attestation_reported',
        attestationType: 'junit',
        targetArtifact: 'runner',
        templateReference: 'unit-test',
      },
      "'junit' attestation reported for runner.unit-test",
    ],
    [
      {
        type: 'trail_attestation_for_artifact_reported',
        attestationType: 'junit',
        targetArtifact: 'runner',
        templateReference: 'rubocop-lint',
      },
      "'junit' attestation reported for runner.rubocop-lint",
    ],
    [
      {
        type: 'artifact_approval_reported',
        approvalNumber: 3,
        reviewer: 'jon',
        approvalState: 'APPROVED',
      },
      "approval #3 created by 'jon'",
    ],
    [
      { type: 'artifact_approval_reported', approvalNumber: 4, approvalState: 'PENDING' },
      'approval #4 requested',
    ],
    [
      { type: 'artifact_started_running', templateReference: 'runner', environment: 'aws-prod' },
      "artifact 'runner' started running in 'aws-prod'",
    ],
    [
      { type: 'artifact_stopped_running', templateReference: 'runner', environment: 'aws-beta' },
      "artifact 'runner' stopped running in 'aws-beta'",
    ],
    [{ type: 'something_new_2027' }, 'something_new_2027'],
  ] as Array<[Partial<TrailEvent>, string]>)('%o → %s', (input, expected) => {
    expect(trailEventSentence(event(input))).toBe(expected)
  })

  it('says unknown for a missing field instead of printing null', () => {
    expect(trailEventSentence(event({ type: 'artifact_attestation_reported' }))).toBe(
      "'unknown' attestation reported for unknown.unknown",
    )
  })

  it('writes the compliance column from is_compliant', () => {
    expect(trailEventCompliance(event({ compliant: true }))).toBe('compliant')
    expect(trailEventCompliance(event({ compliant: false }))).toBe('non-compliant')
    expect(trailEventCompliance(event({}))).toBe('')
  })
})

describe('producedArtifacts', () => {
  it('keeps one row per fingerprint, first report time, plus slots without events', () => {
    const fp = 'b6'.repeat(32)
    const rows = producedArtifacts(
      [
        event({
          type: 'artifact_creation_reported',
          fingerprint: fp,
          artifactName: 'runner:a',
          templateReference: 'runner',
          timestamp: 10,
        }),
        event({
          type: 'artifact_creation_reported',
          fingerprint: fp,
          artifactName: 'runner:a',
          templateReference: 'runner',
          timestamp: 20,
        }),
        event({ type: 'artifact_started_running', fingerprint: fp }),
      ],
      [
        { slot: 'runner', fingerprint: fp },
        { slot: 'docs', fingerprint: 'cc'.repeat(32) },
        { slot: 'missing', fingerprint: null },
      ],
    )
    expect(rows).toEqual([
      { fingerprint: fp, name: 'runner:a', slot: 'runner', reportedAt: 10 },
      { fingerprint: 'cc'.repeat(32), name: null, slot: 'docs', reportedAt: null },
    ])
  })
})
