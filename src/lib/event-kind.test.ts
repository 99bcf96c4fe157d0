import { describe, expect, it } from 'vitest'
import { eventKind, eventTypeIcon } from './event-kind'

describe('eventKind', () => {
  it('names the kinds of change', () => {
    expect(
      [
        'started-compliant',
        'started-non-compliant',
        'scaled',
        'exited',
        'changed',
        'became-compliant',
        'x',
      ].map(eventKind),
    ).toEqual(['started', 'started', 'scaled', 'stopped', 'changed', 'compliance', 'other'])
  })
})

describe('eventTypeIcon', () => {
  it('marks a start, however compliant, like any other start, and an unknown type plainly', () => {
    expect(
      ['started', 'started-non-compliant', 'became-non-compliant', 'x'].map(eventTypeIcon),
    ).toEqual(['▶', '▶', '✕', '•'])
  })
})
