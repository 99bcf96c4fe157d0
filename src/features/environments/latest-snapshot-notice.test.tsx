import { describe, expect, it } from 'vitest'
import { takenAgo } from './latest-snapshot-notice'

describe('takenAgo', () => {
  const now = Date.UTC(2026, 11, 3, 15, 0, 0)
  it('says how long ago in seconds and minutes for the last hour', () => {
    expect(takenAgo(now / 1000, now)).toBe('just now')
    expect(takenAgo(now / 1000 - 10, now)).toBe('10s ago')
    expect(takenAgo(now / 1000 - 125, now)).toBe('2m 5s ago')
  })
  it('falls back to the relative wording for older snapshots', () => {
    expect(takenAgo(now / 1000 - 3 * 3600, now)).toBe('3 hours ago')
  })
})
