// Relative: the server's preload hints (app/route-preload.ts) read the same path and params.
import type { Result } from '../../lib/result'
import { parseSnappish, type Snappish } from '../../lib/snappish'
import {
  parseDateTimeInput,
  parseIsoDateTime as parseIsoTime,
  toSnappishTime,
  type TimeZoneChoice,
} from '../../lib/time'

export type EnvironmentTab = 'snapshots' | 'events'

/**
 * The tab is the segment after the environment (`/:org/environments/:env/events` is the log;
 * `/:org/environments/:env` and `…/snapshots` the list). Encoded segments never contain '/'.
 */
export function tabFromPath(pathname: string): EnvironmentTab {
  return pathname.split('/')[4] === 'events' ? 'events' : 'snapshots'
}

export const SNAPSHOTS_PER_PAGE = 20
export const EVENTS_PER_PAGE = 50

function positiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^[0-9]+$/.test(value)) return fallback
  const number = Number(value)
  return Number.isSafeInteger(number) && number >= 1 ? number : fallback
}

export function parseSnapshotsTabParams(search: URLSearchParams): { page: number } {
  return { page: positiveInt(search.get('page'), 1) }
}

export type EventOrder = 'newest' | 'oldest'

export interface EventsTabParams {
  page: number
  order: EventOrder
  /** An event type, or '' for all. */
  type: string
  /** A flow name, `-` for events without provenance, or '' for all. */
  flow: string
  /** Text an artifact's name contains or its fingerprint starts with, or '' for all. */
  artifact: string
  /** The range's first day (`YYYY-MM-DD`, UTC) or moment (ISO), or '' for open. */
  from: string
  /** The range's last day (`YYYY-MM-DD`, UTC, the whole day) or moment (ISO), or '' for open. */
  to: string
}

export const NO_PROVENANCE = '-'

export function parseEventsTabParams(search: URLSearchParams): EventsTabParams {
  return {
    page: positiveInt(search.get('page'), 1),
    order: search.get('order') === 'oldest' ? 'oldest' : 'newest',
    type: search.get('type') ?? '',
    flow: search.get('flow') ?? '',
    artifact: (search.get('artifact') ?? '').trim(),
    from: rangeSide(search.get('from')),
    to: rangeSide(search.get('to')),
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

// A side that does not parse is dropped, so a bad link shows the whole log rather than nothing.
function rangeSide(value: string | null): string {
  const text = (value ?? '').trim()
  return parseIsoTime(text) === null ? '' : text
}

/**
 * The range in unix seconds, both ends inclusive: a day-only `to` covers that whole day.
 * Days are UTC days, so a link means the same in every time zone.
 */
export function eventsRange(params: Pick<EventsTabParams, 'from' | 'to'>): {
  from: number | null
  to: number | null
} {
  const to = parseIsoTime(params.to)
  return {
    from: parseIsoTime(params.from),
    to: to !== null && DAY.test(params.to) ? to + 86_400 - 1 : to,
  }
}

/** Filters the API cannot apply, so the whole history (or range) must be read to apply them. */
export function needsWholeHistory(params: EventsTabParams): boolean {
  return params.type !== '' || params.flow !== '' || params.artifact !== ''
}

export function eventsTabSearch(params: EventsTabParams): URLSearchParams {
  const search = new URLSearchParams()
  if (params.page !== 1) search.set('page', String(params.page))
  if (params.order !== 'newest') search.set('order', params.order)
  if (params.type) search.set('type', params.type)
  if (params.flow) search.set('flow', params.flow)
  if (params.artifact) search.set('artifact', params.artifact)
  if (params.from) search.set('from', params.from)
  if (params.to) search.set('to', params.to)
  return search
}

/**
 * `?at=` on the environment page: the part of a snapshot expression after the environment name
 * (`@{2022-08-22T09:40:00}`, `~3`, `#65`). Returns the full expression, or an error to show.
 */
export function travelSnappish(env: string, at: string): Result<Snappish> {
  const text = at.trim()
  if (text === '') return { ok: false, error: 'Enter a time or a snapshot expression.' }
  // A bare number means that snapshot, a bare `{...}` a time: be lenient with what people type.
  const suffix = /^[0-9]+$/.test(text) ? `#${text}` : text.startsWith('{') ? `@${text}` : text
  if (!/^[#~@]/.test(suffix)) {
    return { ok: false, error: `Start with @{…}, ~N or #N, e.g. ${env}~1 or ${env}@{2.hours.ago}` }
  }
  return parseSnappish(env + suffix)
}

/** A date and time typed in the user's zone → `@{YYYY-MM-DDTHH:MM:SS}` in UTC, or undefined. */
export function travelFromDateTime(
  value: string,
  timeZone: TimeZoneChoice | string,
): string | undefined {
  const seconds = parseDateTimeInput(value, timeZone)
  if (seconds === undefined) return undefined
  const text = toSnappishTime(seconds)
  return text ? `@{${text}}` : undefined
}
