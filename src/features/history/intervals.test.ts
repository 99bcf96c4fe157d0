import { describe, expect, it } from 'vitest'
import type { EnvironmentEvent } from '@/api/events'
import { fetchEnvironmentHistory } from '@/api/history'
import { environmentEvent } from '@/test/environment-event'
import { buildHistory, replicasAfter, segmentAt, snapshotAt, type History } from './intervals'

const SEED = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
const OLD_RUNNER = 'eeb0cfc9ee7f69fbd9531d5b8c1e8d22a8de119e2a422344a714a868e9a8bfec'

function event(overrides: Partial<EnvironmentEvent> & { snapshotIndex: number; type: string }) {
  const name = 'registry.example.com/runner:aaaaaaa@sha256:' + 'a'.repeat(64)
  const at = 1000 + overrides.snapshotIndex * 100
  return environmentEvent('prod', overrides.snapshotIndex, overrides.type, at, name, {
    fingerprint: 'a'.repeat(64),
    description: '',
    ...overrides,
  })
}

function intervalsOf(history: History, fingerprint: string) {
  return history.groups
    .flatMap((group) => group.lanes)
    .flatMap((lane) => lane.intervals)
    .filter((interval) => interval.fingerprint === fingerprint)
}

describe('replicasAfter', () => {
  it('reads the count the server sentence leaves', () => {
    expect(replicasAfter('3 instances started running (from 0 to 3)')).toBe(3)
    expect(replicasAfter('2 instances stopped running (from 3 to 1)')).toBe(1)
    expect(replicasAfter('3 instances changed')).toBe(3)
    expect(replicasAfter('1 instance changed')).toBe(1)
    expect(replicasAfter('Scaled down from 3 to 2')).toBe(2)
    expect(replicasAfter('something else')).toBeNull()
  })
})

describe('buildHistory', () => {
  it('opens, scales, marks and closes a run', () => {
    const history = buildHistory(
      [
        event({
          snapshotIndex: 9,
          type: 'exited',
          description: '1 instance stopped (from 1 to 0)',
        }),
        event({ snapshotIndex: 5, type: 'became-non-compliant', artifactCompliant: false }),
        event({ snapshotIndex: 3, type: 'scaled', description: 'from 2 to 4' }),
        event({
          snapshotIndex: 2,
          type: 'started-compliant',
          description: '2 instances started running (from 0 to 2)',
        }),
      ],
      [],
      5000,
    )
    const [run] = intervalsOf(history, 'a'.repeat(64))
    expect(run).toMatchObject({
      startIndex: 2,
      start: 1200,
      endIndex: 9,
      end: 1900,
      maxReplicas: 4,
      nonCompliant: true,
      startsBeforeLog: false,
      label: 'runner:aaaaaaa',
    })
    expect(run?.segments.map((s) => [s.fromIndex, s.replicas, s.compliant, s.to])).toEqual([
      [2, 2, true, 1300],
      [3, 4, true, 1500],
      [5, 4, false, 1900],
    ])
    expect(run && segmentAt(run, 1400)?.replicas).toBe(4)
    expect(run && segmentAt(run, 1900)).toBeNull()
    expect(history.groups).toHaveLength(1)
    expect(history.groups[0]?.lanes[0]?.name).toBe('runner')
  })

  it('stacks overlapping versions of one image in rows and keeps runs seen mid-way', () => {
    const b = 'b'.repeat(64)
    const history = buildHistory(
      [
        event({ snapshotIndex: 1, type: 'changed', description: '1 instance changed' }),
        event({
          snapshotIndex: 4,
          type: 'started-non-compliant',
          fingerprint: b,
          artifactName: 'registry.example.com/runner:bbbbbbb',
          artifactCompliant: false,
          description: '3 instances started running (from 0 to 3)',
        }),
        event({ snapshotIndex: 6, type: 'exited', description: '1 instance stopped running' }),
      ],
      [{ index: 7, from: 1700, to: null, compliant: true, duration: null }],
      2000,
    )
    const [a] = intervalsOf(history, 'a'.repeat(64))
    const [other] = intervalsOf(history, b)
    expect(a).toMatchObject({ startsBeforeLog: true, row: 0, end: 1600 })
    expect(other).toMatchObject({ row: 1, end: null, maxReplicas: 3, nonCompliant: true })
    expect(history.groups[0]?.lanes[0]?.rows).toBe(2)
    expect(snapshotAt(history.snapshots, 1650)?.index).toBe(6)
    expect(snapshotAt(history.snapshots, 1700)?.index).toBe(7)
    expect(snapshotAt(history.snapshots, 10)).toBeNull()
  })

  it('puts artifacts without provenance last', () => {
    const history = buildHistory(
      [
        event({ snapshotIndex: 1, type: 'started', flow: null, fingerprint: 'c'.repeat(64) }),
        event({ snapshotIndex: 1, type: 'started', flow: 'zeta' }),
      ],
      [],
      2000,
    )
    expect(history.groups.map((group) => group.flow)).toEqual(['zeta', null])
  })
})

describe('the seed in the demo world', () => {
  it('aws-prod: 85d83c6 and 16d9990 overlap at #65, 16d9990 3 → 1 at #94, gone at #96', async () => {
    const data = await fetchEnvironmentHistory('cyber-dojo', 'aws-prod')
    const history = buildHistory(data.events, data.snapshots, 1787150000)
    const [seed] = intervalsOf(history, SEED)
    expect(seed).toMatchObject({ startIndex: 65, endIndex: 96, maxReplicas: 3 })
    expect(seed?.segments.map((s) => [s.fromIndex, s.replicas])).toEqual([
      [65, 3],
      [94, 1],
    ])
    const old = intervalsOf(history, OLD_RUNNER).find((run) => run.endIndex === 66)
    expect(old).toBeDefined()
    expect(old && seed && old.start < seed.start && (old.end ?? 0) > seed.start).toBe(true)
    expect(old?.row).not.toBe(seed?.row)
    const snapshot65 = data.snapshots.find((snapshot) => snapshot.index === 65)
    expect(seed?.start).toBe(snapshot65?.from)
    expect(data.truncated).toBe(false)
  })

  it('aws-beta: 16d9990 starts at #84, 3 → 2 at #117, gone at #119', async () => {
    const data = await fetchEnvironmentHistory('cyber-dojo', 'aws-beta')
    const history = buildHistory(data.events, data.snapshots, 1787150000)
    const [seed] = intervalsOf(history, SEED)
    expect(seed?.segments.map((s) => [s.fromIndex, s.replicas])).toEqual([
      [84, 3],
      [117, 2],
    ])
    expect(seed?.endIndex).toBe(119)
  })
})
