import type { Query, QueryClient, QueryObserverOptions } from '@tanstack/react-query'
import { isApiError } from '@/api/client'
import type { LiveStore } from '@/components/live-context'
import { isLiveMeta, nextPollDelay } from '@/lib/live-policy'

/**
 * Live updates: views of latest data refresh themselves every `pollSeconds` while the tab is
 * visible and the browser online, unless the person paused them (remembered). Only queries
 * marked with LIVE_META are polled; numbered snapshots and other fixed data never are.
 */
const PAUSED_KEY = 'shiplog.live'

function readPaused(): boolean {
  try {
    return window.localStorage.getItem(PAUSED_KEY) === 'paused'
  } catch {
    return false
  }
}

function storePaused(paused: boolean) {
  try {
    if (paused) window.localStorage.setItem(PAUSED_KEY, 'paused')
    else window.localStorage.removeItem(PAUSED_KEY)
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}

export function createLiveStore(pollSeconds: number): LiveStore {
  let paused = readPaused()
  const listeners = new Set<() => void>()
  return {
    pollMs: Math.max(0, pollSeconds) * 1000,
    paused: () => paused,
    setPaused(next) {
      if (next === paused) return
      paused = next
      storePaused(next)
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

type AnyQuery = Query<unknown, Error, unknown, readonly unknown[]>

/** Failed polls in a row, counted once per failure (the interval is asked for more often). */
const streaks = new WeakMap<object, { errorAt: number; count: number }>()

function failuresInARow(query: AnyQuery): number {
  const { status, errorUpdatedAt, dataUpdatedAt } = query.state
  if (status !== 'error' || errorUpdatedAt < dataUpdatedAt) {
    streaks.delete(query)
    return 0
  }
  const seen = streaks.get(query)
  if (seen?.errorAt === errorUpdatedAt) return seen.count
  const count = (seen?.count ?? 0) + 1
  streaks.set(query, { errorAt: errorUpdatedAt, count })
  return count
}

/** The poll interval of one query now: false for fixed data, when paused or off. */
export function livePollInterval(live: LiveStore, query: AnyQuery): number | false {
  if (!isLiveMeta(query.meta)) return false
  const error = query.state.error
  return nextPollDelay({
    pollMs: live.pollMs,
    paused: live.paused(),
    failures: failuresInARow(query),
    retryAfterMs: isApiError(error) ? error.retryAfterMs : undefined,
  })
}

/** The query client's defaults that make marked queries poll. */
export function liveQueryDefaults(
  live: LiveStore,
): Pick<
  QueryObserverOptions,
  'refetchInterval' | 'refetchIntervalInBackground' | 'refetchOnWindowFocus'
> {
  return {
    refetchInterval: (query) => livePollInterval(live, query as AnyQuery),
    // A hidden tab asks nothing; offline, queries pause (networkMode 'online') and resume.
    refetchIntervalInBackground: false,
    // Coming back to the tab refreshes what went stale meanwhile, live data only.
    refetchOnWindowFocus: (query) => livePollInterval(live, query as AnyQuery) !== false,
  }
}

/**
 * Applies pause and resume at once: observers re-read their interval, and resuming refreshes
 * the live queries on screen instead of waiting for the next tick.
 */
export function connectLive(queryClient: QueryClient, live: LiveStore): () => void {
  return live.subscribe(() => {
    const queries = queryClient
      .getQueryCache()
      .findAll({ predicate: (query) => isLiveMeta(query.meta) })
    for (const query of queries) {
      for (const observer of query.observers) observer.setOptions(observer.options)
    }
    if (!live.paused()) {
      void queryClient.invalidateQueries({ predicate: (query) => isLiveMeta(query.meta) })
    }
  })
}
