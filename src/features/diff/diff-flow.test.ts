import { describe, expect, it } from 'vitest'
import type { DiffArtifact, SnapshotDiff } from '@/api/diff'
import { diffForFlow } from './diff-flow'
import { diffPath, diffSearchString } from '@/lib/app-paths'
import { parseDiffSearch } from './diff-search'

function artifact(name: string, flow: string | null): DiffArtifact {
  return {
    fingerprint: name.padEnd(64, '0'),
    name,
    mostRecentStart: null,
    flow,
    commitUrl: null,
    instances: 1,
    fromInstances: null,
    toInstances: null,
    pods: [],
  }
}

const diff: SnapshotDiff = {
  fromSnapshot: 'aws-beta#1',
  toSnapshot: 'aws-prod#2',
  onlyInFrom: [artifact('a', 'runner'), artifact('b', 'saver')],
  onlyInTo: [artifact('c', 'runner'), artifact('d', null)],
  scaled: [artifact('e', 'saver')],
  unchanged: [artifact('f', 'runner')],
}

describe('diff flow filter', () => {
  it('keeps only the flow’s artifacts in every category', () => {
    const only = diffForFlow(diff, 'runner')
    expect(only.onlyInFrom.map((a) => a.name)).toEqual(['a'])
    expect(only.onlyInTo.map((a) => a.name)).toEqual(['c'])
    expect(only.scaled).toEqual([])
    expect(only.unchanged.map((a) => a.name)).toEqual(['f'])
    expect(only.fromSnapshot).toBe('aws-beta#1')
    expect(diffForFlow(diff, '')).toBe(diff)
  })

  it('reads ?flow= and writes it into links', () => {
    expect(parseDiffSearch(new URLSearchParams('from=a&to=b&flow=%20runner%20')).flow).toBe(
      'runner',
    )
    expect(parseDiffSearch(new URLSearchParams('from=a&to=b')).flow).toBe('')
    expect(diffSearchString('aws-beta', 'aws-prod', false, 'runner')).toBe(
      '?from=aws-beta&to=aws-prod&flow=runner',
    )
    expect(diffPath('cyber-dojo', 'aws-beta', 'aws-prod', 'runner-ci')).toBe(
      '/cyber-dojo/diff?from=aws-beta&to=aws-prod&flow=runner-ci',
    )
    expect(diffPath('cyber-dojo', 'aws-beta', 'aws-prod')).toBe(
      '/cyber-dojo/diff?from=aws-beta&to=aws-prod',
    )
  })
})
