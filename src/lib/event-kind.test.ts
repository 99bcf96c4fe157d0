import { describe, expect, it } from 'vitest'
import { eventKind } from './event-kind'

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
