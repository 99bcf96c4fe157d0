import type { HistoryEvent } from '@/api/artifacts'
import { dayKey, type TimeZoneChoice } from '@/lib/time'

import { TIMELINE_KINDS, timelineKind, type TimelineKind } from '@/lib/history-kind'

export {
  KIND_LABELS,
  TIMELINE_KINDS,
  kindFromWording,
  timelineKind,
  type TimelineKind,
} from '@/lib/history-kind'

export type EventSegment =
  | { kind: 'text'; text: string }
  | { kind: 'snapshot'; text: string; environment: string; index: number }

// `aws-prod#65`: an environment name (Kosli's name pattern) then a 1-based snapshot number.
const SNAPSHOT_REF = /(?<![A-Za-z0-9._~-])([A-Za-z0-9][A-Za-z0-9._~-]*)#(\d+)(?!\d)/g

/** The event's sentence split so that every `env#N` can become a link to that snapshot. */
export function splitSnapshotRefs(text: string): EventSegment[] {
  const segments: EventSegment[] = []
  let last = 0
  for (const match of text.matchAll(SNAPSHOT_REF)) {
    const [whole, environment, index] = match
    const start = match.index
    if (environment === undefined || index === undefined) continue
    const number = Number(index)
    if (!Number.isSafeInteger(number) || number < 1) continue
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) })
    segments.push({ kind: 'snapshot', text: whole, environment, index: number })
    last = start + whole.length
  }
  if (last < text.length || segments.length === 0) {
    segments.push({ kind: 'text', text: text.slice(last) })
  }
  return segments
}

// Legacy deployment rows name the environment without a snapshot: "Deployment #18 to aws-beta environment".
const DEPLOYMENT_ENV = /^deployment #\d+ to (\S+) environment\b/i
const APPROVAL_ENV = /^approval #\d+ to (\S+) environment\b/i

/** Environments an event is about, for the environment filter. */
export function eventEnvironments(text: string): string[] {
  const names = new Set<string>()
  for (const segment of splitSnapshotRefs(text)) {
    if (segment.kind === 'snapshot') names.add(segment.environment)
  }
  const named = DEPLOYMENT_ENV.exec(text.trim()) ?? APPROVAL_ENV.exec(text.trim())
  if (named?.[1]) names.add(named[1])
  return [...names]
}

export interface TimelineEntry {
  event: HistoryEvent
  kind: TimelineKind
  environments: string[]
  /** Seconds since the previous entry shown; null for the first. */
  gap: number | null
  /** Position in the full history, for stable keys. */
  position: number
}

export interface TimelineDay {
  /** 'YYYY-MM-DD' in the chosen zone; 'undated' for events the server gave no time. */
  key: string
  /** A timestamp on that day, for the heading; null for the undated group. */
  timestamp: number | null
  entries: TimelineEntry[]
}

export interface TimelineFilter {
  kinds: ReadonlyArray<TimelineKind>
  environments: ReadonlyArray<string>
}

/** The history in time order, filtered, with gaps between what is shown, grouped by day. */
export function buildTimeline(
  history: ReadonlyArray<HistoryEvent>,
  filter: TimelineFilter,
  timeZone: TimeZoneChoice | string,
): TimelineDay[] {
  const ordered = history
    .map((event, position) => ({
      event,
      position,
      kind: timelineKind(event),
      environments: eventEnvironments(event.event),
    }))
    .sort(
      (a, b) =>
        (a.event.timestamp ?? Infinity) - (b.event.timestamp ?? Infinity) ||
        a.position - b.position,
    )
  const shown = ordered.filter(
    (entry) =>
      (filter.kinds.length === 0 || filter.kinds.includes(entry.kind)) &&
      (filter.environments.length === 0 ||
        entry.environments.some((name) => filter.environments.includes(name))),
  )
  const days: TimelineDay[] = []
  let previous: number | null = null
  for (const entry of shown) {
    const at = entry.event.timestamp
    const key = at === null ? 'undated' : dayKey(at, { timeZone })
    const gap: number | null = previous === null || at === null ? null : at - previous
    if (at !== null) previous = at
    const last = days.at(-1)
    const day = last && last.key === key ? last : { key, timestamp: at, entries: [] }
    if (day !== last) days.push(day)
    day.entries.push({ ...entry, gap })
  }
  return days
}

/** Every kind and environment present in the history, for the filter controls. */
export function timelineFacets(history: ReadonlyArray<HistoryEvent>): {
  kinds: TimelineKind[]
  environments: string[]
} {
  const kinds = new Set<TimelineKind>()
  const environments = new Set<string>()
  for (const event of history) {
    kinds.add(timelineKind(event))
    for (const name of eventEnvironments(event.event)) environments.add(name)
  }
  return {
    kinds: TIMELINE_KINDS.filter((kind) => kinds.has(kind)),
    environments: [...environments].sort(),
  }
}

function listParam(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean)
}

/** `?kind=started,stopped&env=aws-prod`; unknown kinds are dropped, never an error. */
export function parseTimelineFilter(params: URLSearchParams): TimelineFilter {
  const kinds = listParam(params, 'kind').filter((value): value is TimelineKind =>
    (TIMELINE_KINDS as ReadonlyArray<string>).includes(value),
  )
  return {
    kinds: [...new Set(kinds)],
    environments: [...new Set(listParam(params, 'env'))],
  }
}

/** Writes the filter into `params` (keeping other params), omitting empty parts. */
export function writeTimelineFilter(
  params: URLSearchParams,
  filter: TimelineFilter,
): URLSearchParams {
  const next = new URLSearchParams(params)
  next.delete('kind')
  next.delete('env')
  if (filter.kinds.length) next.set('kind', filter.kinds.join(','))
  if (filter.environments.length) next.set('env', filter.environments.join(','))
  return next
}

/**
 * The first `limit` entries of a timeline, days cut where the limit falls: what the page draws
 * first, so a long history shows its start at once and the rest one render later.
 */
export function firstEntries(days: ReadonlyArray<TimelineDay>, limit: number): TimelineDay[] {
  const head: TimelineDay[] = []
  let left = limit
  for (const day of days) {
    if (left <= 0) break
    head.push(day.entries.length <= left ? day : { ...day, entries: day.entries.slice(0, left) })
    left -= day.entries.length
  }
  return head
}
