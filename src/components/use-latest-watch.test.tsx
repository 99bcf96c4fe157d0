import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { server } from '@mocks/node'
import { ApiError } from '@/api/client'
import { snapshotKeys, type Snapshot } from '@/api/snapshots'
import { createLiveStore } from '@/app/live'
import { createQueryClient } from '@/app/query-client'
import { LiveContext, type LiveStore } from './live-context'
import { useLatestWatch } from './use-latest-watch'

const latestKey = snapshotKeys.detail('acme', { kind: 'latest', env: 'prod' })

function snapshot(index: number): Snapshot {
  return {
    environment: 'prod',
    index,
    isLatest: true,
    timestamp: 1_700_000_000,
    nextSnapshotTimestamp: null,
    type: 'K8S',
    compliant: true,
    htmlUrl: null,
    complianceCount: { compliant: 0, nonCompliant: 0, unknown: 0 },
    artifacts: [],
    appliedPolicies: [],
  }
}

/** The environment page's shape: it shows the latest snapshot and watches it. */
function Page({ read }: { read: () => Promise<Snapshot> }) {
  useQuery({ queryKey: latestKey, queryFn: read, retry: false })
  useLatestWatch('acme', ['prod'])
  return null
}

describe('useLatestWatch', () => {
  let probes: number
  let newest: number
  let live: LiveStore
  let client: QueryClient

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    probes = 0
    newest = 7
    live = createLiveStore(15)
    client = createQueryClient(live)
    server.use(
      http.get('/api/v2/snapshots/acme/prod', () => {
        probes += 1
        return HttpResponse.json([{ index: newest, from: 1_700_000_000, to: 0 }])
      }),
    )
  })
  afterEach(() => {
    client.clear()
    vi.useRealTimers()
  })

  function show(read: () => Promise<Snapshot>) {
    return render(
      <QueryClientProvider client={client}>
        <LiveContext.Provider value={live}>
          <Page read={read} />
        </LiveContext.Provider>
      </QueryClientProvider>,
    )
  }

  it('polls nothing while the latest snapshot is read, then first one interval after it', async () => {
    let arrive = (_: Snapshot) => {}
    const reads = vi.fn(() => new Promise<Snapshot>((resolve) => (arrive = resolve)))
    show(reads)
    await act(() => vi.advanceTimersByTimeAsync(20_000))
    expect(probes).toBe(0)
    await act(async () => arrive(snapshot(7)))
    await act(() => vi.advanceTimersByTimeAsync(1_000))
    expect(probes).toBe(0)
    await act(() => vi.advanceTimersByTimeAsync(15_000))
    expect(probes).toBe(1)
    // Still #7: the snapshot is not read again.
    expect(reads).toHaveBeenCalledTimes(1)
    newest = 8
    await act(() => vi.advanceTimersByTimeAsync(15_000))
    expect(probes).toBe(2)
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(2))
  })

  it('reads a failed snapshot again after the next poll, not before', async () => {
    const reads = vi
      .fn<() => Promise<Snapshot>>()
      .mockRejectedValueOnce(
        new ApiError({ message: 'no snapshots', status: 404, kind: 'http', endpoint: 'GET x' }),
      )
      .mockResolvedValue(snapshot(7))
    show(reads)
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect([probes, reads.mock.calls.length]).toEqual([0, 1])
    await act(() => vi.advanceTimersByTimeAsync(6_000))
    expect(probes).toBe(1)
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(2))
    expect(client.getQueryData(latestKey)).toMatchObject({ index: 7 })
  })

  it('keeps a failing read shown between polls rather than asking again and again', async () => {
    const failure = new ApiError({ message: 'down', status: 404, kind: 'http', endpoint: 'GET x' })
    const reads = vi.fn<() => Promise<Snapshot>>().mockRejectedValue(failure)
    show(reads)
    await act(() => vi.advanceTimersByTimeAsync(46_000))
    // One read, then one more after each of the three polls.
    expect([probes, reads.mock.calls.length]).toEqual([3, 4])
  })
})
