import { describe, expect, it } from 'vitest'
import type { HistoryEvent } from '@/api/artifacts'
import { complianceChanged, startSnapshots } from './start-snapshots'

const row = (event: string, timestamp: number, type: string | null = null): HistoryEvent => ({
  event,
  timestamp,
  type,
})

describe('startSnapshots', () => {
  it('takes the latest start per environment the artifact ran in, from either wording', () => {
    const starts = startSnapshots({
      running: [{ environment: 'aws-prod', index: 5253 }],
      exited: [
        { environment: 'aws-beta', index: 7964 },
        { environment: 'staging', index: 12 },
      ],
      history: [
        row('saver reported', 1, 'artifact_creation_reported'),
        row('Artifact saver started running in aws-beta#7000', 2, 'artifact_started_running'),
        row('Artifact saver exited from aws-beta#7100', 3, 'artifact_stopped_running'),
        row('Artifact saver started running in aws-beta#7939', 4, 'artifact_started_running'),
        row('Started running in aws-prod#5220 environment', 5),
        // Not an environment the artifact runs in or left: ignored.
        row('Artifact saver started running in other-env#3', 6, 'artifact_started_running'),
        // Mentions a snapshot but is not a start.
        row('Scaled down from 3 to 1 in aws-prod#5230 environment', 7),
      ],
    })
    expect(starts).toEqual([
      { environment: 'aws-beta', index: 7939, timestamp: 4 },
      { environment: 'aws-prod', index: 5220, timestamp: 5 },
      { environment: 'staging', index: null, timestamp: null },
    ])
  })

  it('has nothing to say about an artifact that never ran', () => {
    expect(
      startSnapshots({ running: [], exited: [], history: [row('x started running in a#1', 1)] }),
    ).toEqual([])
  })
})

describe('complianceChanged', () => {
  it('compares a snapshot verdict with the state now, leaving unknowns alone', () => {
    expect(complianceChanged(false, 'COMPLIANT')).toBe(true)
    expect(complianceChanged(true, 'NON-COMPLIANT')).toBe(true)
    expect(complianceChanged(true, 'INCOMPLETE')).toBe(true)
    expect(complianceChanged(false, 'NON-COMPLIANT')).toBe(false)
    expect(complianceChanged(true, 'COMPLIANT')).toBe(false)
    expect(complianceChanged(null, 'COMPLIANT')).toBe(false)
    expect(complianceChanged(false, 'UNKNOWN')).toBe(false)
  })
})
