import { describe, expect, it } from 'vitest'
import { arrivedKeys, isLiveMeta, LIVE_META, MAX_POLL_MS, nextPollDelay } from './live-policy'

describe('nextPollDelay', () => {
  it('polls at the configured interval while all is well', () => {
    expect(nextPollDelay({ pollMs: 15_000, paused: false, failures: 0 })).toBe(15_000)
  })

  it('never polls when paused or turned off', () => {
    expect(nextPollDelay({ pollMs: 15_000, paused: true, failures: 0 })).toBe(false)
    expect(nextPollDelay({ pollMs: 0, paused: false, failures: 0 })).toBe(false)
  })

  it('doubles the wait for each failure in a row, up to five minutes', () => {
    const delays = [0, 1, 2, 3, 10].map((failures) =>
      nextPollDelay({ pollMs: 15_000, paused: false, failures }),
    )
    expect(delays).toEqual([15_000, 30_000, 60_000, 120_000, MAX_POLL_MS])
  })

  it('waits at least as long as Retry-After asks', () => {
    expect(
      nextPollDelay({ pollMs: 15_000, paused: false, failures: 1, retryAfterMs: 90_000 }),
    ).toBe(90_000)
    expect(nextPollDelay({ pollMs: 15_000, paused: false, failures: 1, retryAfterMs: 1_000 })).toBe(
      30_000,
    )
  })
})

describe('isLiveMeta', () => {
  it('is true only for queries marked live', () => {
    expect(isLiveMeta(LIVE_META)).toBe(true)
    expect(isLiveMeta(undefined)).toBe(false)
    expect(isLiveMeta({ live: 'yes' })).toBe(false)
  })
})

describe('arrivedKeys', () => {
  it('lists the keys that were not there before, none on the first look', () => {
    expect(arrivedKeys(null, ['a', 'b'])).toEqual([])
    expect(arrivedKeys(new Set(['a', 'b']), ['c', 'a', 'b', 'd'])).toEqual(['c', 'd'])
    expect(arrivedKeys(new Set(['a', 'b']), ['b'])).toEqual([])
  })
})
