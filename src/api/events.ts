import { queryOptions } from '@tanstack/react-query'
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
  const { data, headers } = await apiGet(
    apiPath('environments', org, env, 'events'),
    z.array(eventWire),
    {
      query: {
        page: query.page,
        per_page: query.perPage,
        reverse: query.reverse ? 'true' : undefined,
      },
      signal,
    },
  )
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
export async function fetchEnvironmentEventsBetween(
  org: string,
  env: string,
  start: number,
  end: number,
  maxPages = 10,
  signal?: AbortSignal,
): Promise<EventsBetween> {
  const events: EnvironmentEvent[] = []
  // An event that names no snapshot cannot be placed between two.
  const inRange = (event: EnvironmentEvent) =>
    event.snapshotIndex !== null && event.snapshotIndex >= start && event.snapshotIndex <= end
  for (let page = 1; page <= maxPages; page++) {
    const { data, headers } = await apiGet(
      apiPath('environments', org, env, 'events'),
      z.array(eventWire),
      { query: { page, per_page: 100, start, end, reverse: 'true' }, signal },
    )
    for (const wire of data) events.push(toEvent(wire, env))
    const totalPages = headerNumber(headers, 'X-Total-Pages')
    const last = data.length < 100 || (totalPages !== null && page >= totalPages)
    if (last)
      return {
        events: events.filter(inRange),
        truncated: false,
      }
  }
  return {
    events: events.filter(inRange),
    truncated: true,
  }
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
  const { data } = await apiGet(apiPath('environments', org, env, 'events'), z.array(eventWire), {
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

export const eventKeys = {
  all: (org: string, env: string) => ['events', org, env] as const,
  page: (org: string, env: string, query: EventsQuery) =>
    [
      ...eventKeys.all(org, env),
      { page: query.page, perPage: query.perPage, reverse: !!query.reverse },
    ] as const,
  between: (org: string, env: string, start: number, end: number) =>
    [...eventKeys.all(org, env), 'between', { start, end }] as const,
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
  /** Events of a past moment do not change. */
  around: (org: string, env: string, timestamp: number) =>
    queryOptions({
      queryKey: eventKeys.around(org, env, timestamp),
      queryFn: ({ signal }) => fetchEnvironmentEventsAround(org, env, timestamp, signal),
      staleTime: Infinity,
    }),
}
