import { describe, expect, it } from 'vitest'
import type { SnapshotArtifact } from '@/api/snapshots'
import { snapshotArtifact } from '@/test/snapshot-artifact'
import { runningFirst } from './running-now'

function artifact(name: string, compliant: boolean | null, exited = false): SnapshotArtifact {
  return snapshotArtifact({
    name: `registry.example/${name}`,
    fingerprint: name,
    compliant,
    exited,
  })
}

describe('runningFirst', () => {
  it('drops exited artifacts and puts non-compliant, then unknown, first, each by name', () => {
    const order = runningFirst([
      artifact('web:1', true),
      artifact('saver:2', false),
      artifact('busybox:1', null),
      artifact('differ:3', true),
      artifact('gone:4', false, true),
      artifact('auth:5', false),
    ]).map((item) => item.fingerprint)
    expect(order).toEqual(['auth:5', 'saver:2', 'busybox:1', 'differ:3', 'web:1'])
  })
})
