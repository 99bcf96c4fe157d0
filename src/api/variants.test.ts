import { serve, snappish } from '@/test/serve-api'
import events from '../../fixtures/kosli/environment-events_aws-prod.json'
import snapshotLatest from '../../fixtures/kosli/snapshot_aws-prod_latest.json'
import snapshots from '../../fixtures/kosli/snapshots_aws-prod.json'
import { fetchArtifact } from './artifacts'
import { isApiError } from './client'
import { fetchSnapshotDiff } from './diff'
import { fetchEnvironmentEvents } from './events'
import { fetchSearch } from './search'
import { fetchSnapshot, fetchSnapshotList } from './snapshots'

/** Field variants the spec or the captures allow: each is read as meant, never as `""`. */

const FP = 'f3cdc22a599ddb789e7791389a5a58b43fd9c30d3af079aec392d5962d181096'

function renamed<T extends object>(value: T, from: string, to: string): Record<string, unknown> {
  const { [from]: moved, ...rest } = value as Record<string, unknown>
  return { ...rest, [to]: moved }
}

const [firstArtifact] = snapshotLatest.artifacts

const artifactBody = {
  id: 'a1',
  fingerprint: FP,
  filename: 'runner:85cac88',
  flow_name: 'runner-ci',
  created_at: '1787107798.49',
  running: [{ environment_name: 'aws-prod', snapshot_index: '5253' }],
  history: [
    { event: 'runner reported', type: 'artifact_creation_reported', timestamp: 1787100000 },
    {
      event: 'runner.snyk attested (snyk)',
      type: 'artifact_attestation_reported',
      timestamp: null,
    },
    { event: 'Artifact runner started running in aws-prod#5253', timestamp: 1787107798 },
  ],
}

describe('sha256 in place of fingerprint', () => {
  it('snapshot artifacts', async () => {
    serve('snapshots/cyber-dojo/aws-prod/*', {
      ...snapshotLatest,
      artifacts: [renamed(firstArtifact ?? {}, 'fingerprint', 'sha256')],
    })
    const snapshot = await fetchSnapshot('cyber-dojo', snappish('aws-prod'))
    expect(snapshot.artifacts[0]?.fingerprint).toBe(firstArtifact?.fingerprint)
  })

  it('an artifact', async () => {
    serve(
      'artifacts/cyber-dojo/runner-ci/fingerprint/*',
      renamed(artifactBody, 'fingerprint', 'sha256'),
    )
    const artifact = await fetchArtifact('cyber-dojo', 'runner-ci', FP)
    expect(artifact.fingerprint).toBe(FP)
  })

  it('search results', async () => {
    serve('search/cyber-dojo/sha/*', {
      resolved_to: { type: 'fingerprint', full_match: FP },
      artifacts: [{ sha256: FP, name: 'runner', flow: 'runner-ci', history: [] }],
    })
    const result = await fetchSearch('cyber-dojo', FP.slice(0, 8))
    expect(result.artifacts[0]?.fingerprint).toBe(FP)
  })

  it('env-diff entries', async () => {
    const entry = { sha256: FP, name: 'runner', most_recent_timestamp: 1, flow: 'runner-ci' }
    serve('env-diff/cyber-dojo', {
      snappish1: { snapshot_id: 'aws-beta#1', artifacts: [entry] },
      snappish2: { snapshot_id: 'aws-prod#1', artifacts: [{ ...entry, sha256: '' }] },
      changed: { artifacts: [] },
      'not-changed': { artifacts: [] },
    })
    const diff = await fetchSnapshotDiff('cyber-dojo', snappish('aws-beta'), snappish('aws-prod'))
    expect(diff.onlyInFrom[0]?.fingerprint).toBe(FP)
    // The spec's `""` means none, not a fingerprint.
    expect(diff.onlyInTo[0]?.fingerprint).toBeNull()
  })

  it('a snapshot artifact with neither is a wrong-shaped response naming the field', async () => {
    const { fingerprint: _dropped, ...nameless } = firstArtifact ?? { fingerprint: '' }
    serve('snapshots/cyber-dojo/aws-prod/*', { ...snapshotLatest, artifacts: [nameless] })
    const error: unknown = await fetchSnapshot('cyber-dojo', snappish('aws-prod')).catch(
      (caught: unknown) => caught,
    )
    expect(isApiError(error) && error.kind).toBe('invalid-response')
    expect(String(error)).toMatch(/artifacts\.0\.fingerprint|artifacts\[0\]\.fingerprint/)
  })
})

describe('nulls the spec allows', () => {
  it('events with snapshot_index or reported_at null are kept, with null', async () => {
    const [first, second, ...rest] = events
    serve('environments/cyber-dojo/aws-prod/events', [
      { ...first, snapshot_index: null },
      { ...second, reported_at: null },
      ...rest,
    ])
    const page = await fetchEnvironmentEvents('cyber-dojo', 'aws-prod', { page: 1, perPage: 15 })
    expect(page.events).toHaveLength(events.length)
    expect(page.events[0]?.snapshotIndex).toBeNull()
    expect(page.events[1]?.reportedAt).toBeNull()
    expect(page.events[1]?.snapshotIndex).toBe(second?.snapshot_index)
  })

  it('snapshot artifacts: null is an empty snapshot', async () => {
    serve('snapshots/cyber-dojo/aws-prod/*', { ...snapshotLatest, artifacts: null })
    const snapshot = await fetchSnapshot('cyber-dojo', snappish('aws-prod'))
    expect(snapshot.artifacts).toEqual([])
    expect(snapshot.index).toBe(snapshotLatest.index)
  })

  it('a history row without a time keeps null and sorts after the timed rows', async () => {
    serve('artifacts/cyber-dojo/runner-ci/fingerprint/*', artifactBody)
    const artifact = await fetchArtifact('cyber-dojo', 'runner-ci', FP)
    expect(artifact.history.map((row) => row.timestamp)).toEqual([1787100000, 1787107798, null])
  })
})

describe('numbers sent as strings', () => {
  it('snapshot list duration and index', async () => {
    serve(
      'snapshots/cyber-dojo/aws-prod',
      snapshots.map((item) => ({
        ...item,
        index: String(item.index),
        duration: String(item.duration),
      })),
    )
    const list = await fetchSnapshotList('cyber-dojo', 'aws-prod', 1, 15)
    expect(list.snapshots[0]?.index).toBe(snapshots[0]?.index)
    expect(list.snapshots[0]?.duration).toBe(snapshots[0]?.duration)
  })

  it('event snapshot_index and artifact running snapshot_index', async () => {
    serve(
      'environments/cyber-dojo/aws-prod/events',
      events.map((item) => ({ ...item, snapshot_index: String(item.snapshot_index) })),
    )
    const page = await fetchEnvironmentEvents('cyber-dojo', 'aws-prod', { page: 1, perPage: 15 })
    expect(page.events[0]?.snapshotIndex).toBe(events[0]?.snapshot_index)

    serve('artifacts/cyber-dojo/runner-ci/fingerprint/*', artifactBody)
    const artifact = await fetchArtifact('cyber-dojo', 'runner-ci', FP)
    expect(artifact.running).toEqual([{ environment: 'aws-prod', index: 5253 }])
  })

  it('a word where a number belongs is still rejected', async () => {
    serve(
      'snapshots/cyber-dojo/aws-prod',
      snapshots.map((item) => ({ ...item, duration: 'about a minute' })),
    )
    await expect(fetchSnapshotList('cyber-dojo', 'aws-prod', 1, 15)).rejects.toThrow(/duration/)
  })
})
