import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  type Query,
} from '@tanstack/react-query'
import { LIVE_META } from '@/lib/live-policy'
import { z } from 'zod/mini'
import { apiGet, apiPath } from './client'
import { textOrNull, toSeconds } from './domain'
import {
  fingerprintAliases,
  fingerprintOf,
  integer,
  optionalBoolean,
  optionalString,
  timestamp,
} from './wire'

const eventWire = z.looseObject({
  environment_name: optionalString,
  // The spec allows null for both; such an event is kept and shown without them.
  snapshot_index: z.optional(z.nullable(integer)),
  artifact_name: optionalString,
  ...fingerprintAliases,
  description: optionalString,
  reported_at: z.optional(z.nullable(timestamp)),
  pipeline: optionalString,
  flows: z.optional(z.nullable(z.array(z.looseObject({ flow_name: optionalString })))),
  artifact_compliance: optionalBoolean,
  snapshot_compliance: optionalBoolean,
  type: z.string(),
  code_diff: optionalString,
})

export interface EnvironmentEvent {
  environment: string
  /** `null` when the server does not say which snapshot. */
  snapshotIndex: number | null
  artifactName: string
  fingerprint: string | null
  /** The server's sentence, shown as is. */
  description: string
  /** `null` when the server does not say when. */
  reportedAt: number | null
  /** Primary flow; `null` when the artifact has no provenance. */
  flow: string | null
  flows: string[]
  artifactCompliant: boolean | null
  snapshotCompliant: boolean | null
  type: string
  codeDiffUrl: string | null
}

export interface EventsPage {
  events: EnvironmentEvent[]
  page: number
  perPage: number
  totalCount: number | null
  totalPages: number | null
}

export interface EventsQuery {
  page: number
  perPage: number
  /** `true` lists oldest first. */
  reverse?: boolean
  /** The first snapshot index to list (the API's `start`); omitted means the first. */
  start?: number | null
  /** The last moment to list, in unix seconds (the API's `end`); omitted means now. */
  end?: number | null
}

/**
 * Where a log narrowed to a time range begins and ends, as the API's `start` (a snapshot index)
 * and `end` (a unix timestamp) take them. `null` sides are open.
 */
export interface EventBounds {
  start: number | null
  end: number | null
}

/** One event as pages use it; `env` names the environment when the wire leaves it out. */
function toEvent(wire: z.infer<typeof eventWire>, env: string): EnvironmentEvent {
  const flows = (wire.flows ?? [])
    .map((item) => item.flow_name)
    .filter((name): name is string => !!name)
  return {
    environment: textOrNull(wire.environment_name) ?? env,
    snapshotIndex: wire.snapshot_index ?? null,
    artifactName: wire.artifact_name ?? '',
    fingerprint: fingerprintOf(wire),
    description: wire.description ?? '',
    reportedAt: toSeconds(wire.reported_at),
    flow: textOrNull(wire.pipeline) ?? flows[0] ?? null,
    flows,
    artifactCompliant: wire.artifact_compliance ?? null,
    snapshotCompliant: wire.snapshot_compliance ?? null,
    type: wire.type,
    codeDiffUrl: textOrNull(wire.code_diff),
  }
}

/** The change log's path: the fetchers' and every report that names it. */
export const eventEndpoints = {
  list: (org: string, env: string) => apiPath('environments', org, env, 'events'),
}

function headerNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name)
  if (value === null) return null
  const parsed = Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

export async function fetchEnvironmentEvents(
  org: string,
  env: string,
  query: EventsQuery,
  signal?: AbortSignal,
): Promise<EventsPage> {
  const { data, headers } = await apiGet(eventEndpoints.list(org, env), z.array(eventWire), {
    query: {
      page: query.page,
      per_page: query.perPage,
      reverse: query.reverse ? 'true' : undefined,
      start: query.start ?? undefined,
      end: query.end ?? undefined,
    },
    signal,
  })
  return {
    events: data.map((wire) => toEvent(wire, env)),
    page: headerNumber(headers, 'X-Current-Page') ?? query.page,
    perPage: headerNumber(headers, 'X-Per-Page') ?? query.perPage,
    totalCount: headerNumber(headers, 'X-Total-Count'),
    totalPages: headerNumber(headers, 'X-Total-Pages'),
  }
}

export interface EventsBetween {
  events: EnvironmentEvent[]
  /** More events exist in the range than were fetched (the page cap was reached). */
  truncated: boolean
}

/**
 * Every event between two snapshot indexes (inclusive), oldest first, following pages up to
 * `maxPages` of 100. Uses the API's `start`/`end` snapshot-index bounds.
 */
export function fetchEnvironmentEventsBetween(
  org: string,
  env: string,
  start: number,
  end: number,
  maxPages = 10,
  signal?: AbortSignal,
): Promise<EventsBetween> {
  // An event that names no snapshot cannot be placed between two.
  return readPages(
    org,
    env,
    start,
    end,
    maxPages,
    signal,
    (index) => index >= start && index <= end,
  )
}

/**
 * Every event from the snapshot current at `since` (unix seconds; the API resolves a timestamp
 * `start` to that snapshot) up to snapshot `end` (inclusive), like `fetchEnvironmentEventsBetween`.
 */
export function fetchEnvironmentEventsSince(
  org: string,
  env: string,
  since: number,
  end: number,
  maxPages = 10,
  signal?: AbortSignal,
): Promise<EventsBetween> {
  return readPages(org, env, Math.floor(since), end, maxPages, signal, (index) => index <= end)
}

async function readPages(
  org: string,
  env: string,
  start: number,
  end: number,
  maxPages: number,
  signal: AbortSignal | undefined,
  inRange: (snapshotIndex: number) => boolean,
): Promise<EventsBetween> {
  const events: EnvironmentEvent[] = []
  const kept = () =>
    events.filter((event) => event.snapshotIndex !== null && inRange(event.snapshotIndex))
  for (let page = 1; page <= maxPages; page++) {
    const { data, headers } = await apiGet(eventEndpoints.list(org, env), z.array(eventWire), {
      query: { page, per_page: 100, start, end, reverse: 'true' },
      signal,
    })
    for (const wire of data) events.push(toEvent(wire, env))
    const totalPages = headerNumber(headers, 'X-Total-Pages')
    if (data.length < 100 || (totalPages !== null && page >= totalPages))
      return { events: kept(), truncated: false }
  }
  return { events: kept(), truncated: true }
}

/**
 * The events of the snapshots taken around one moment (within a second either side), e.g. the
 * time an artifact's history says it started running. Uses the API's unix-timestamp bounds.
 */
export async function fetchEnvironmentEventsAround(
  org: string,
  env: string,
  timestamp: number,
  signal?: AbortSignal,
): Promise<EnvironmentEvent[]> {
  const { data } = await apiGet(eventEndpoints.list(org, env), z.array(eventWire), {
    query: {
      page: 1,
      per_page: 100,
      start: Math.floor(timestamp) - 1,
      end: Math.ceil(timestamp) + 1,
    },
    signal,
  })
  return data.map((wire) => toEvent(wire, env))
}

/**
 * The first snapshot index of the log after `from` (unix seconds): one past the snapshot of the
 * newest event reported before it, so the API's `start` can bound a time range exactly (a time
 * given as `start` would name the snapshot current at that moment, which began before it).
 * `null` when nothing was reported before `from`.
 */
export async function fetchStartAfter(
  org: string,
  env: string,
  from: number,
  signal?: AbortSignal,
): Promise<number | null> {
  const before = Math.floor(from) - 1
  if (before <= 0) return null
  const { events } = await fetchEnvironmentEvents(
    org,
    env,
    { page: 1, perPage: 1, end: before },
    signal,
  )
  const index = events[0]?.snapshotIndex ?? null
  return index === null ? null : index + 1
}

/** The whole log (or one range of it), read a page at a time, newest first. */
export interface EventHistory {
  events: EnvironmentEvent[]
  pagesRead: number
  totalPages: number | null
  totalCount: number | null
  /**
   * The newest snapshot index of the first page: later pages ask for nothing newer, so events
   * recorded while the history is read do not shift the pages.
   */
  pinnedEnd: number | null
  done: boolean
}

export const HISTORY_PAGE_SIZE = 100
/** Pages requested at once while reading the whole log. */
const READ_AHEAD = 4

const EMPTY_HISTORY: EventHistory = {
  events: [],
  pagesRead: 0,
  totalPages: null,
  totalCount: null,
  pinnedEnd: null,
  done: false,
}

type HistoryChunk =
  { kind: 'restart' } | { kind: 'page'; page: EventsPage; pinnedEnd: number | null }

function addChunk(history: EventHistory, chunk: HistoryChunk): EventHistory {
  if (chunk.kind === 'restart') return EMPTY_HISTORY
  const { page } = chunk
  const pagesRead = history.pagesRead + 1
  return {
    events: history.events.concat(page.events),
    pagesRead,
    totalPages: page.totalPages ?? history.totalPages,
    totalCount: page.totalCount ?? history.totalCount,
    pinnedEnd: chunk.pinnedEnd,
    done:
      page.totalPages !== null ? pagesRead >= page.totalPages : page.events.length < page.perPage,
  }
}

/**
 * Pages of the log from where `resume` stopped (a cancelled or failed read continues; a
 * finished one starts again from the newest).
 */
async function* historyChunks(
  org: string,
  env: string,
  bounds: EventBounds,
  resume: EventHistory | undefined,
  signal: AbortSignal,
): AsyncGenerator<HistoryChunk> {
  let state = resume && !resume.done ? resume : EMPTY_HISTORY
  if (resume?.done) yield { kind: 'restart' }
  let pinnedEnd = state.pinnedEnd
  const request = (page: number) =>
    fetchEnvironmentEvents(
      org,
      env,
      // A snapshot index pins the end; a time from the range is already fixed.
      { page, perPage: HISTORY_PAGE_SIZE, start: bounds.start, end: bounds.end ?? pinnedEnd },
      signal,
    )
  let next = state.pagesRead + 1
  if (next === 1) {
    const first = await request(1)
    if (bounds.end === null) pinnedEnd = first.events[0]?.snapshotIndex ?? null
    const chunk: HistoryChunk = { kind: 'page', page: first, pinnedEnd }
    yield chunk
    state = addChunk(state, chunk)
    if (state.done || first.events.length === 0) return
    next = 2
  }
  // With the end pinned the pages hold still, so a few can be on their way at once; they are
  // still added in order.
  const last = state.totalPages
  const ahead: Array<Promise<EventsPage>> = []
  const fill = () => {
    while (ahead.length < (last === null ? 1 : READ_AHEAD) && (last === null || next <= last)) {
      const pending = request(next++)
      // Awaited in turn below; a failure after the first one that fails is not news.
      pending.catch(() => undefined)
      ahead.push(pending)
    }
  }
  fill()
  for (let pending = ahead.shift(); pending; pending = ahead.shift()) {
    const page = await pending
    const chunk: HistoryChunk = { kind: 'page', page, pinnedEnd }
    yield chunk
    state = addChunk(state, chunk)
    if (state.done || page.events.length === 0) return
    fill()
  }
}

export const eventKeys = {
  all: (org: string, env: string) => ['events', org, env] as const,
  page: (org: string, env: string, query: EventsQuery) =>
    [
      ...eventKeys.all(org, env),
      {
        page: query.page,
        perPage: query.perPage,
        reverse: !!query.reverse,
        start: query.start ?? null,
        end: query.end ?? null,
      },
    ] as const,
  startAfter: (org: string, env: string, from: number) =>
    [...eventKeys.all(org, env), 'start-after', from] as const,
  history: (org: string, env: string, bounds: EventBounds) =>
    [...eventKeys.all(org, env), 'history', { start: bounds.start, end: bounds.end }] as const,
  between: (org: string, env: string, start: number, end: number) =>
    [...eventKeys.all(org, env), 'between', { start, end }] as const,
  since: (org: string, env: string, since: number, end: number) =>
    [...eventKeys.all(org, env), 'since', { since, end }] as const,
  around: (org: string, env: string, timestamp: number) =>
    [...eventKeys.all(org, env), 'around', { timestamp }] as const,
}

export const eventQueries = {
  page: (org: string, env: string, query: EventsQuery) =>
    queryOptions({
      queryKey: eventKeys.page(org, env, query),
      queryFn: ({ signal }) => fetchEnvironmentEvents(org, env, query, signal),
      meta: LIVE_META,
    }),
  between: (org: string, env: string, start: number, end: number) =>
    queryOptions({
      queryKey: eventKeys.between(org, env, start, end),
      queryFn: ({ signal }) => fetchEnvironmentEventsBetween(org, env, start, end, 10, signal),
    }),
  since: (org: string, env: string, since: number, end: number) =>
    queryOptions({
      queryKey: eventKeys.since(org, env, since, end),
      queryFn: ({ signal }) => fetchEnvironmentEventsSince(org, env, since, end, 10, signal),
    }),
  /** Events of a past moment do not change. */
  around: (org: string, env: string, timestamp: number) =>
    queryOptions({
      queryKey: eventKeys.around(org, env, timestamp),
      queryFn: ({ signal }) => fetchEnvironmentEventsAround(org, env, timestamp, signal),
      staleTime: Infinity,
    }),
  startAfter: (org: string, env: string, from: number) =>
    queryOptions({
      queryKey: eventKeys.startAfter(org, env, from),
      queryFn: ({ signal }) => fetchStartAfter(org, env, from, signal),
      // What came before a moment in the past does not change.
      staleTime: Infinity,
    }),
  /**
   * The log read to its end, page by page: the data grows as pages arrive. Cancelling keeps
   * what was read; fetching again continues from there. A partial read is stale, so a page
   * that shows it again picks it up.
   */
  history: (org: string, env: string, bounds: EventBounds) => {
    const queryKey = eventKeys.history(org, env, bounds)
    return queryOptions({
      queryKey,
      queryFn: streamedQuery({
        streamFn: ({ client, signal }) =>
          historyChunks(org, env, bounds, client.getQueryData<EventHistory>(queryKey), signal),
        refetchMode: 'append',
        reducer: addChunk,
        initialValue: EMPTY_HISTORY,
      }),
      staleTime: (query: Query<EventHistory>) => (query.state.data?.done ? Infinity : 0),
    })
  },
}
