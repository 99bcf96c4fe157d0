import { afterEach, describe, expect, it } from 'vitest'
import { getJson } from '../test/api'
import type { Artifact, EnvEvent, Snapshot, SnapshotListItem } from '../test/api'
import { advanceWorld, resetWorld, startReplay } from './advance'

const SEED_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const NOW = 1_800_000_000

afterEach(() => resetWorld())

describe('advanceWorld', () => {
  it('appends a snapshot that every endpoint agrees on', async () => {
    const before = await getJson<Snapshot>('snapshots/cyber-dojo/aws-prod/-1')
    const result = advanceWorld('cyber-dojo', 'aws-prod', NOW)
    expect(result.index).toBe(before.index + 1)

    const latest = await getJson<Snapshot>('snapshots/cyber-dojo/aws-prod/-1')
    expect(latest.index).toBe(result.index)
    expect(latest.timestamp).toBe(NOW)
    expect(latest.is_latest).toBe(true)
    const previous = await getJson<Snapshot>(`snapshots/cyber-dojo/aws-prod/${before.index}`)
    expect(previous.is_latest).toBe(false)
    expect(previous.next_snapshot_timestamp).toBe(NOW)

    const list = await getJson<SnapshotListItem[]>(
      'snapshots/cyber-dojo/aws-prod?page=1&per_page=2',
    )
    expect(list.map((item) => item.index)).toEqual([result.index, before.index])
    expect(list[0]?.duration).toBeGreaterThanOrEqual(0)

    // The first change deploys a new version beside the old one: the log starts with it.
    const events = await getJson<EnvEvent[]>('environments/cyber-dojo/aws-prod/events?per_page=5')
    const started = latest.artifacts.filter((a) => a.annotation.type.startsWith('started'))
    expect(started).toHaveLength(1)
    expect(events[0]).toMatchObject({ snapshot_index: result.index })
    expect(events[0]?.type).toMatch(/^started/)
    const fingerprint = started[0]?.fingerprint ?? ''
    const flow = started[0]?.flow_name ?? ''
    const artifact = await getJson<Artifact>(
      `artifacts/cyber-dojo/${flow}/fingerprint/${fingerprint}`,
    )
    expect(artifact.running).toContainEqual({
      environment_name: 'aws-prod',
      snapshot_index: result.index,
    })
  })

  it('finishes a blue-green deploy in the next snapshot and scales in the ones after', async () => {
    const first = advanceWorld('cyber-dojo', 'aws-prod', NOW)
    const second = advanceWorld('cyber-dojo', 'aws-prod', NOW + 60)
    expect(second.index).toBe(first.index + 1)
    expect(second.changes.some((change) => change.startsWith('exited'))).toBe(true)
    const snapshot = await getJson<Snapshot>(`snapshots/cyber-dojo/aws-prod/${second.index}`)
    const types = snapshot.artifacts.map((a) => a.annotation.type).filter((t) => t !== 'unchanged')
    expect(types).toContain('exited')
    expect(types).toContain('changed')
  })

  it('is undone by resetWorld', async () => {
    const before = await getJson<Snapshot>('snapshots/cyber-dojo/aws-prod/-1')
    advanceWorld('cyber-dojo', 'aws-prod', NOW)
    resetWorld()
    const after = await getJson<Snapshot>('snapshots/cyber-dojo/aws-prod/-1')
    expect(after.index).toBe(before.index)
  })
})

describe('startReplay', () => {
  it('winds aws-prod back to #64 and reveals the seed rollout one snapshot at a time', async () => {
    startReplay('cyber-dojo', 'aws-prod', 64)
    const at64 = await getJson<Snapshot>('snapshots/cyber-dojo/aws-prod/-1')
    expect(at64.index).toBe(64)
    expect(at64.artifacts.map((a) => a.fingerprint)).not.toContain(SEED_FP)
    const runner = await getJson<Artifact>(`artifacts/cyber-dojo/runner/fingerprint/${SEED_FP}`)
    expect(runner.running.map((place) => place.environment_name)).not.toContain('aws-prod')

    expect(advanceWorld('cyber-dojo', 'aws-prod').index).toBe(65)
    const at65 = await getJson<Snapshot>('snapshots/cyber-dojo/aws-prod/-1')
    const seed = at65.artifacts.find((a) => a.fingerprint === SEED_FP)
    expect(seed?.annotation).toEqual({ type: 'started-compliant', was: 0, now: 3 })
    const events = await getJson<EnvEvent[]>('environments/cyber-dojo/aws-prod/events?per_page=5')
    expect(events[0]?.snapshot_index).toBe(65)
  })
})
