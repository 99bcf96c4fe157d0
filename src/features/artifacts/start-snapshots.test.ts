import { describe, expect, it } from 'vitest'
import type { HistoryEvent } from '@/api/artifacts'
import type { EnvironmentEvent } from '@/api/events'
import { environmentEvent } from '@/test/environment-event'
import { MAX_START_LOOKUPS, complianceChanged, startSnapshots, startTimes } from './start-snapshots'

const FP = 'a'.repeat(64)

const row = (event: string, timestamp: number, type: string | null = null): HistoryEvent => ({
  event,
  timestamp,
  type,
})

const event = (
  environment: string,
  snapshotIndex: number | null,
  type: string,
  reportedAt: number,
  fingerprint: string | null = FP,
): EnvironmentEvent =>
  environmentEvent(environment, snapshotIndex, type, reportedAt, 'saver', {
    fingerprint,
    description: 'whatever the server says',
    flow: 'saver-ci',
    flows: ['saver-ci'],
  })

describe('startTimes', () => {
  it('takes the times of the start rows, newest first, by type or (legacy) kind', () => {
    const times = startTimes({
      history: [
        row('saver reported', 1, 'artifact_creation_reported'),
        // A sentence that names no snapshot at all: only its type and time count.
        row('Mise en service', 2, 'artifact_started_running'),
        row('Artifact saver exited from aws-beta#7100', 3, 'artifact_stopped_running'),
        row('Started running in aws-prod#5220 environment', 5),
        row('Mise en service', 4, 'artifact_started_running'),
      ],
    })
    expect(times).toEqual([5, 4, 2])
  })

  it('looks up only the newest starts', () => {
    const history = Array.from({ length: 20 }, (_, i) =>
      row('started', i + 1, 'artifact_started_running'),
    )
    expect(startTimes({ history })).toHaveLength(MAX_START_LOOKUPS)
    expect(startTimes({ history })[0]).toBe(20)
  })
})

describe('startSnapshots', () => {
  it('takes the latest start per environment from the events, whatever the history says', () => {
    const starts = startSnapshots(
      {
        fingerprint: FP,
        running: [{ environment: 'aws-prod', index: 5253 }],
        exited: [
          { environment: 'aws-beta', index: 7964 },
          { environment: 'staging', index: 12 },
        ],
      },
      [
        event('aws-beta', 7000, 'started-compliant', 2),
        event('aws-beta', 7100, 'exited', 3),
        event('aws-beta', 7939, 'started-non-compliant', 4),
        event('aws-beta', 7939, 'changed', 4, 'b'.repeat(64)),
        event('aws-prod', 5219, 'changed', 5),
        event('aws-prod', 5220, 'started-compliant', 5),
        // Not an environment the artifact runs in or left: ignored.
        event('other-env', 3, 'started-compliant', 6),
        // Another artifact's start in the same snapshot.
        event('aws-prod', 5221, 'started-compliant', 7, 'c'.repeat(64)),
        // A start that names no snapshot cannot be linked.
        event('aws-prod', null, 'started-compliant', 8),
      ],
    )
    expect(starts).toEqual([
      { environment: 'aws-beta', index: 7939, timestamp: 4 },
      { environment: 'aws-prod', index: 5220, timestamp: 5 },
      { environment: 'staging', index: null, timestamp: null },
    ])
  })

  it('has nothing to say about an artifact that never ran', () => {
    expect(
      startSnapshots({ fingerprint: FP, running: [], exited: [] }, [
        event('a', 1, 'started-compliant', 1),
      ]),
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
