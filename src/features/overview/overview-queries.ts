import { queryOptions } from '@tanstack/react-query'
import { eventQueries, fetchEnvironmentEventsBetween } from '@/api/events'
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
    queryFn: ({ signal }) => limit(() => fetchSnapshot(org, snappish, signal)),
  })
}

/** The last ACTIVITY_SNAPSHOTS snapshots' events up to `index`, through the same slots. */
export function overviewEventsQuery(org: string, env: string, index: number) {
  const start = Math.max(1, index - ACTIVITY_SNAPSHOTS + 1)
  return queryOptions({
    ...eventQueries.between(org, env, start, index),
    queryFn: ({ signal }) =>
      limit(() => fetchEnvironmentEventsBetween(org, env, start, index, 10, signal)),
  })
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
