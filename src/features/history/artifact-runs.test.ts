import { describe, expect, it } from 'vitest'
import type { Artifact } from '@/api/artifacts'
import { runSpans } from './artifact-runs'

type Runs = Pick<Artifact, 'history' | 'running' | 'exited'>

const CREATED = 1_700_000_000
const BETA_START = CREATED + 600
const PROD_START = CREATED + 7200

const seedLike: Runs = {
  history: [
    { event: 'runner reported', type: 'artifact_creation_reported', timestamp: CREATED },
    {
      event: 'Artifact runner started running in aws-beta#84',
      type: 'artifact_started_running',
      timestamp: BETA_START,
    },
    {
      event: 'Artifact runner started running in aws-prod#65',
      type: 'artifact_started_running',
      timestamp: PROD_START,
    },
    {
      event: 'Artifact runner exited from aws-prod#96',
      type: 'artifact_stopped_running',
      timestamp: PROD_START + 9000,
    },
  ],
  running: [{ environment: 'aws-beta', index: 119 }],
  exited: [{ environment: 'aws-prod', index: 96 }],
}

describe('runSpans', () => {
  it('reads each environment from the first start to the last snapshot it was seen in', () => {
    expect(runSpans(seedLike)).toEqual([
      { environment: 'aws-beta', since: BETA_START - 1, end: 119 },
      { environment: 'aws-prod', since: BETA_START - 1, end: 96 },
    ])
  })

  it('does not depend on the wording of the history rows', () => {
    const reworded: Runs = {
      ...seedLike,
      history: seedLike.history.map((row, position) => ({
        ...row,
        // Sentences that name other snapshots, or none at all.
        event: position % 2 ? `Deployed to staging#${position + 1}` : 'something happened',
      })),
    }
    expect(runSpans(reworded)).toEqual(runSpans(seedLike))
  })

  it('names only environments from running and exited, and the newest snapshot of each', () => {
    const spans = runSpans({
      history: [],
      running: [{ environment: 'prod', index: 12 }],
      exited: [
        { environment: 'prod', index: 7 },
        { environment: 'beta', index: 3 },
      ],
    })
    expect(spans).toEqual([
      { environment: 'beta', since: null, end: 3 },
      { environment: 'prod', since: null, end: 12 },
    ])
  })

  it('falls back to the first dated row when no row is a start', () => {
    const spans = runSpans({
      history: [
        { event: 'Artifact created', type: null, timestamp: null },
        { event: 'unit-test evidence received', type: null, timestamp: CREATED + 30 },
        { event: 'later', type: 'artifact_attestation_reported', timestamp: CREATED + 90 },
      ],
      running: [{ environment: 'prod', index: 2 }],
      exited: [],
    })
    expect(spans).toEqual([{ environment: 'prod', since: CREATED + 29, end: 2 }])
  })
})
