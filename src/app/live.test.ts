import { QueryObserver, type QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { LIVE_META } from '@/lib/live-policy'
import { createLiveStore } from './live'
import { createQueryClient } from './query-client'

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
}

/** Observes one query the way a mounted component does, counting its fetches. */
function watch(client: QueryClient, key: string, live: boolean, fail?: () => Error | undefined) {
  // As QueryClientProvider does: listen to focus and online changes.
  client.mount()
  const fetches = { count: 0 }
  const observer = new QueryObserver(client, {
    queryKey: [key],
    queryFn: async () => {
      fetches.count++
      const error = fail?.()
      if (error) throw error
      return fetches.count
    },
    retry: false,
    ...(live ? { meta: LIVE_META } : { staleTime: Infinity }),
  })
  const unsubscribe = observer.subscribe(() => undefined)
  return { fetches, unsubscribe }
}

describe('live polling through the query client', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    window.localStorage.clear()
    setVisibility('visible')
  })
  afterEach(() => {
    vi.useRealTimers()
    setVisibility('visible')
  })

  it('refetches live queries every interval and leaves fixed data alone', async () => {
    const client = createQueryClient(createLiveStore(15))
    const latest = watch(client, 'latest', true)
    const numbered = watch(client, 'numbered', false)
    await vi.advanceTimersByTimeAsync(0)
    expect([latest.fetches.count, numbered.fetches.count]).toEqual([1, 1])
    await vi.advanceTimersByTimeAsync(45_000)
    expect([latest.fetches.count, numbered.fetches.count]).toEqual([4, 1])
    latest.unsubscribe()
    numbered.unsubscribe()
  })

  it('asks nothing while the tab is hidden, and refreshes when it is shown again', async () => {
    const client = createQueryClient(createLiveStore(15))
    const latest = watch(client, 'latest', true)
    await vi.advanceTimersByTimeAsync(0)
    setVisibility('hidden')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(latest.fetches.count).toBe(1)
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(latest.fetches.count).toBe(2)
    latest.unsubscribe()
  })

  it('stops when paused, remembers it, and refreshes at once on resume', async () => {
    const live = createLiveStore(15)
    const client = createQueryClient(live)
    const latest = watch(client, 'latest', true)
    await vi.advanceTimersByTimeAsync(0)
    live.setPaused(true)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(latest.fetches.count).toBe(1)
    expect(createLiveStore(15).paused()).toBe(true)
    live.setPaused(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(latest.fetches.count).toBe(2)
    await vi.advanceTimersByTimeAsync(15_000)
    expect(latest.fetches.count).toBe(3)
    latest.unsubscribe()
  })

  it('never polls with SHIPLOG_POLL_SECONDS=0', async () => {
    const client = createQueryClient(createLiveStore(0))
    const latest = watch(client, 'latest', true)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(latest.fetches.count).toBe(1)
    latest.unsubscribe()
  })

  it('backs off after failures and honours a 429 Retry-After', async () => {
    const client = createQueryClient(createLiveStore(15))
    let failing = true
    const latest = watch(client, 'latest', true, () =>
      failing
        ? new ApiError({
            message: 'Too many requests',
            status: 429,
            kind: 'http',
            endpoint: 'GET /x',
            retryAfterMs: 100_000,
          })
        : undefined,
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(latest.fetches.count).toBe(1)
    // Retry-After: 100 s, well past the 15 s interval.
    await vi.advanceTimersByTimeAsync(99_000)
    expect(latest.fetches.count).toBe(1)
    failing = false
    await vi.advanceTimersByTimeAsync(1_500)
    expect(latest.fetches.count).toBe(2)
    // A success brings back the normal interval.
    await vi.advanceTimersByTimeAsync(15_000)
    expect(latest.fetches.count).toBe(3)
    latest.unsubscribe()
  })
})
