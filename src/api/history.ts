import { queryOptions } from '@tanstack/react-query'
import { fetchEnvironmentEvents, type EnvironmentEvent } from './events'
import { fetchSnapshotList, type SnapshotSummary } from './snapshots'

/** The API's largest events page. */
const PAGE = 100
/** Pages of the log read at most (newest first): 30,000 events. */
export const HISTORY_MAX_EVENT_PAGES = 300
/** Requests in flight at once: enough to hide latency, few enough to be a polite client. */
const PARALLEL = 6

export interface EnvironmentHistoryData {
  /** Newest first, as the API lists them. */
  events: EnvironmentEvent[]
  snapshots: SnapshotSummary[]
  /** The log had more events than were read; the oldest ones are missing. */
  truncated: boolean
  totalEvents: number | null
}

/** Runs `tasks` with at most `limit` at a time; results in task order. */
async function pooled<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const at = next++
      const task = tasks[at]
      if (task) results[at] = await task()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

/**
 * An environment's whole change log and snapshot list (not the snapshots' contents): the first
 * page of each says how many there are, the rest are read in parallel.
 */
export async function fetchEnvironmentHistory(
  org: string,
  env: string,
  signal?: AbortSignal,
): Promise<EnvironmentHistoryData> {
  const [firstEvents, firstSnapshots] = await Promise.all([
    fetchEnvironmentEvents(org, env, { page: 1, perPage: PAGE }, signal),
    fetchSnapshotList(org, env, 1, PAGE, signal),
  ])
  const eventPages = Math.min(
    firstEvents.totalPages ??
      (firstEvents.totalCount !== null ? Math.ceil(firstEvents.totalCount / PAGE) : 1),
    HISTORY_MAX_EVENT_PAGES,
  )
  // Snapshots are listed newest first and numbered from 1, so the first one says how many.
  const snapshotCount = firstSnapshots.snapshots[0]?.index ?? 0
  const snapshotPages = firstSnapshots.mayHaveMore ? Math.ceil(snapshotCount / PAGE) : 1
  const eventTasks: Array<() => Promise<EnvironmentEvent[]>> = []
  for (let page = 2; page <= eventPages; page++)
    eventTasks.push(() =>
      fetchEnvironmentEvents(org, env, { page, perPage: PAGE }, signal).then((p) => p.events),
    )
  const snapshotTasks: Array<() => Promise<SnapshotSummary[]>> = []
  for (let page = 2; page <= snapshotPages; page++)
    snapshotTasks.push(() =>
      fetchSnapshotList(org, env, page, PAGE, signal).then((p) => p.snapshots),
    )
  // The log is the longer list: it gets most of the connections.
  const [eventRest, snapshotRest] = await Promise.all([
    pooled(eventTasks, PARALLEL - 2),
    pooled(snapshotTasks, 2),
  ])
  const events = firstEvents.events.concat(...eventRest)
  const snapshots = firstSnapshots.snapshots.concat(...snapshotRest)
  const totalPages = firstEvents.totalPages
  return {
    events,
    snapshots,
    truncated: totalPages !== null && totalPages > eventPages,
    totalEvents: firstEvents.totalCount,
  }
}

export const historyKeys = {
  all: (org: string) => ['history', org] as const,
  environment: (org: string, env: string) => [...historyKeys.all(org), 'environment', env] as const,
}

export const historyQueries = {
  environment: (org: string, env: string) =>
    queryOptions({
      queryKey: historyKeys.environment(org, env),
      queryFn: ({ signal }) => fetchEnvironmentHistory(org, env, signal),
    }),
}
