import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { eventKeys } from '@/api/events'
import { environmentEvent } from '@/test/environment-event'
import { earlierWindow } from './overview-queries'

function event(snapshotIndex: number) {
  return environmentEvent(
    'aws-prod',
    snapshotIndex,
    'started-compliant',
    1_700_000_000 + snapshotIndex,
  )
}

function cache(windows: Array<[number, number]>): QueryClient {
  const client = new QueryClient()
  for (const [start, end] of windows) {
    client.setQueryData(eventKeys.between('cyber-dojo', 'aws-prod', start, end), {
      events: [start, end].map(event),
      truncated: false,
    })
  }
  return client
}

describe('the activity window read before', () => {
  it('is the newest one that ends before the new window, cut to its start', () => {
    const client = cache([
      [1, 98],
      [2, 99],
      [5, 104],
    ])
    const before = earlierWindow(client, 'cyber-dojo', 'aws-prod', { start: 3, end: 102 })
    expect(before?.end).toBe(99)
    // #2 is older than the new window: left out.
    expect(before?.events.map((e) => e.snapshotIndex)).toEqual([99])
  })

  it('is none when nothing overlaps, the environment differs, or only the same window is read', () => {
    const client = cache([[1, 100]])
    expect(
      earlierWindow(client, 'cyber-dojo', 'aws-prod', { start: 102, end: 201 }),
    ).toBeUndefined()
    expect(earlierWindow(client, 'cyber-dojo', 'aws-beta', { start: 2, end: 101 })).toBeUndefined()
    expect(earlierWindow(client, 'cyber-dojo', 'aws-prod', { start: 1, end: 100 })).toBeUndefined()
    expect(
      earlierWindow(client, 'cyber-dojo', 'aws-prod', { start: 101, end: 200 })?.events,
    ).toEqual([])
  })
})
