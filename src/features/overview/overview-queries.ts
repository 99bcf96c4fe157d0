import { queryOptions, type QueryClient } from '@tanstack/react-query'
import {
  eventKeys,
  eventQueries,
  fetchEnvironmentEventsBetween,
  type EventsBetween,
} from '@/api/events'
import { fetchSnapshot, snapshotQueries } from '@/api/snapshots'
import { isApiError } from '@/api/client'
import type { Snappish } from '@/lib/snappish'
import { createLimiter } from './limit'
import type { AsOf } from './overview-search'

/**
 * At most this many overview requests at a time: the browser keeps a few connections for the
 * rest of the page, and one slow environment does not hold up the others for long.
 */
export const OVERVIEW_CONCURRENCY = 4
const limit = createLimiter(OVERVIEW_CONCURRENCY)

/** How many snapshots back the activity list reads from each environment's log. */
export const ACTIVITY_SNAPSHOTS = 100

export function columnSnappish(env: string, at: AsOf | null): Snappish {
  return at ? { kind: 'time', env, at: at.snappishTime } : { kind: 'latest', env }
}

/**
 * The snapshot factory's query, with its request waiting for a free slot. Same key, so the
 * environment and snapshot pages find it in the cache.
 */
export function overviewSnapshotQuery(org: string, env: string, at: AsOf | null) {
  const snappish = columnSnappish(env, at)
  return queryOptions({
    ...snapshotQueries.detail(org, snappish),
    queryFn: ({ signal }) =>
      limit((onBodyRead) => fetchSnapshot(org, snappish, { signal, onBodyRead })),
  })
}

/** The window of snapshots the activity reads for an environment whose latest is `index`. */
function activityWindow(index: number): { start: number; end: number } {
  return { start: Math.max(1, index - ACTIVITY_SNAPSHOTS + 1), end: index }
}

/**
 * The newest window already read for `env` that ends before `end` and still overlaps the window
 * `[start, end]`, cut to it: what the activity showed before the environment's latest snapshot
 * moved on.
 */
export function earlierWindow(
  client: QueryClient,
  org: string,
  env: string,
  { start, end }: { start: number; end: number },
): (EventsBetween & { end: number }) | undefined {
  let best: (EventsBetween & { end: number }) | undefined
  const cached = client.getQueriesData<EventsBetween>({ queryKey: eventKeys.all(org, env) })
  for (const [key, data] of cached) {
    const bounds = key[key.length - 1]
    if (!data || key[key.length - 2] !== 'between' || !isWindow(bounds)) continue
    if (bounds.end >= end || bounds.end < start - 1 || bounds.start > start) continue
    if (best && best.end >= bounds.end) continue
    best = {
      events: data.events.filter((event) => (event.snapshotIndex ?? 0) >= start),
      truncated: data.truncated,
      end: bounds.end,
    }
  }
  return best
}

function isWindow(value: unknown): value is { start: number; end: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { start?: unknown }).start === 'number' &&
    typeof (value as { end?: unknown }).end === 'number'
  )
}

/**
 * The last ACTIVITY_SNAPSHOTS snapshots' events up to `index`, through the same slots. When the
 * latest snapshot moves on, only the snapshots after the window read before are asked for: a
 * snapshot's events never change.
 */
export function overviewEventsQuery(org: string, env: string, index: number) {
  const { start, end } = activityWindow(index)
  return queryOptions({
    ...eventQueries.between(org, env, start, end),
    queryFn: async ({ signal, client }) => {
      const before = earlierWindow(client, org, env, { start, end })
      if (before) {
        const after = await limit(() =>
          fetchEnvironmentEventsBetween(org, env, before.end + 1, end, 10, signal),
        )
        if (!after.truncated) {
          return { events: [...before.events, ...after.events], truncated: before.truncated }
        }
      }
      return limit(() => fetchEnvironmentEventsBetween(org, env, start, end, 10, signal))
    },
    staleTime: Infinity,
  })
}

/** While the window after a new snapshot is read, the activity keeps showing the one before. */
export function overviewEventsPlaceholder(
  client: QueryClient,
  org: string,
  env: string,
  index: number,
): EventsBetween | undefined {
  const before = earlierWindow(client, org, env, activityWindow(index))
  return before && { events: before.events, truncated: before.truncated }
}

/**
 * A snapshot request that failed because there is no snapshot to show, in words for the column;
 * null for real failures. Kosli says so only in the message: `… resolves to 'env#0'.
 * len(snapshots) == 0. …` for an empty environment, or a time that resolves to `#0` (before the
 * first snapshot).
 */
export function missingSnapshotMessage(
  error: unknown,
  env: string,
  at: AsOf | null,
): string | null {
  if (!isApiError(error) || error.kind !== 'http') return null
  if (/len\(snapshots\)\s*==\s*0\b/.test(error.message)) {
    return `${env} has no snapshots yet.`
  }
  if (at && /resolves to '[^']*#0'/.test(error.message)) {
    return `${env} has no snapshot at this time: its first one is later.`
  }
  return null
}
