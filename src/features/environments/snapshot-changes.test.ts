import { describe, expect, it } from 'vitest'
import type { EnvironmentEvent } from '@/api/events'
import { environmentEvent } from '@/test/environment-event'
import { changesBySnapshot, describeChanges } from './snapshot-changes'

function event(snapshotIndex: number, type: string, name: string): EnvironmentEvent {
  const image = `274425519734.dkr.ecr.eu-central-1.amazonaws.com/${name}`
  return environmentEvent('aws-prod', snapshotIndex, type, 0, image, {
    fingerprint: null,
    description: '',
    flow: null,
    flows: [],
    artifactCompliant: null,
    snapshotCompliant: null,
  })
}

describe('changesBySnapshot', () => {
  it('groups the log by snapshot and kind of change, with short names', () => {
    const changes = changesBySnapshot([
      event(65, 'started', 'runner:16d9990'),
      event(94, 'changed', 'runner:16d9990'),
      event(96, 'exited', 'runner:16d9990'),
      event(96, 'started-compliant', 'runner:85cac88'),
      event(96, 'updated-provenance', 'web:5e4b987'),
    ])
    expect([...changes.keys()]).toEqual([65, 94, 96])
    expect(changes.get(96)).toEqual({
      started: ['runner:85cac88'],
      stopped: ['runner:16d9990'],
      scaled: [],
      other: ['web:5e4b987'],
    })
    expect(changes.get(94)?.scaled).toEqual(['runner:16d9990'])
  })
})

describe('describeChanges', () => {
  it('writes marks for the table and a sentence with the names', () => {
    const changes = changesBySnapshot([
      event(96, 'exited', 'runner:16d9990'),
      event(96, 'started', 'runner:85cac88'),
      event(96, 'started', 'web:5e4b987'),
    ])
    const summary = changes.get(96)
    expect(summary && describeChanges(summary)).toEqual({
      marks: '+2 started · −1 stopped',
      sentence: '2 started: runner:85cac88, web:5e4b987; 1 stopped: runner:16d9990',
    })
  })
})
