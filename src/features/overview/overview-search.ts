// Relative imports: the server's preload hints (app/route-preload.ts) read the same params.
import { toSnappishTime } from '../../lib/time'

export const ACTIVITY_RANGES = ['24h', '7d', '30d'] as const
export type ActivityRange = (typeof ACTIVITY_RANGES)[number]
export const DEFAULT_RANGE: ActivityRange = '7d'

const RANGE_SECONDS: Record<ActivityRange, number> = {
  '24h': 86_400,
  '7d': 7 * 86_400,
  '30d': 30 * 86_400,
}

export function rangeSeconds(range: ActivityRange): number {
  return RANGE_SECONDS[range]
}

/** "As of" a moment: the time in unix seconds and as `env@{…}` wants it (UTC, no zone). */
export interface AsOf {
  seconds: number
  snappishTime: string
}

export interface OverviewSearch {
  /** Name filter, as typed. */
  q: string
  /** Only rows where the environments run different versions. */
  drift: boolean
  /** Only rows with a non-compliant version somewhere. */
  nonCompliant: boolean
  /** Column choice and order; null means every environment, in the list's order. */
  envs: string[] | null
  at: AsOf | null
  /** `?at=` was given but could not be read; the page says so and shows now. */
  badAt: string | null
  since: ActivityRange
}

// The Kosli environment name pattern.
const ENV_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._~-]*$/
// ISO 8601 date-time; without a zone it is read as UTC, like `env@{…}`.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i

/** `2022-08-22T09:40:00Z`, `…+02:00` or `…` (UTC) → unix seconds; undefined when not a real time. */
export function parseIsoTime(text: string): number | undefined {
  const match = ISO_TIME.exec(text.trim())
  if (!match) return undefined
  const [, y, mo, d, h, mi, s = '00', zone = 'Z'] = match
  const normalisedZone =
    zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${normalisedZone}`)
  if (!Number.isFinite(ms)) return undefined
  // Date.parse rolls 2022-02-30 over to March; reject what does not read back the same.
  const civil = new Date(ms + zoneOffsetMs(normalisedZone))
  if (
    civil.getUTCFullYear() !== Number(y) ||
    civil.getUTCMonth() + 1 !== Number(mo) ||
    civil.getUTCDate() !== Number(d) ||
    civil.getUTCHours() !== Number(h) ||
    civil.getUTCMinutes() !== Number(mi)
  ) {
    return undefined
  }
  return Math.floor(ms / 1000)
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const [hours = 0, minutes = 0] = zone.slice(1).split(':').map(Number)
  return sign * (hours * 60 + minutes) * 60_000
}

function parseEnvs(value: string | null): string[] | null {
  if (value === null) return null
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => ENV_NAME.test(name))
  const unique = [...new Set(names)]
  return unique.length ? unique : null
}

function parseAt(value: string | null): { at: AsOf | null; badAt: string | null } {
  if (value === null || value.trim() === '') return { at: null, badAt: null }
  const seconds = parseIsoTime(value)
  const snappishTime = seconds === undefined ? '' : toSnappishTime(seconds)
  if (seconds === undefined || snappishTime === '') return { at: null, badAt: value }
  return { at: { seconds, snappishTime }, badAt: null }
}

const FLAG = new Set(['1', 'true', 'yes', 'on'])

/** `?q=&drift=1&noncompliant=1&envs=a,b&at=<ISO>&since=7d`; bad values fall back, never throw. */
export function parseOverviewSearch(params: URLSearchParams): OverviewSearch {
  const since = params.get('since')
  return {
    q: params.get('q') ?? '',
    drift: FLAG.has(params.get('drift') ?? ''),
    nonCompliant: FLAG.has(params.get('noncompliant') ?? ''),
    envs: parseEnvs(params.get('envs')),
    ...parseAt(params.get('at')),
    since: ACTIVITY_RANGES.find((range) => range === since) ?? DEFAULT_RANGE,
  }
}

/** The search string for a view; defaults are left out so links stay short. */
export function overviewSearchString(search: Omit<OverviewSearch, 'badAt'>): string {
  const params = new URLSearchParams()
  if (search.q) params.set('q', search.q)
  if (search.drift) params.set('drift', '1')
  if (search.nonCompliant) params.set('noncompliant', '1')
  if (search.envs && search.envs.length) params.set('envs', search.envs.join(','))
  if (search.at) params.set('at', `${search.at.snappishTime}Z`)
  if (search.since !== DEFAULT_RANGE) params.set('since', search.since)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The columns to show: the chosen ones that exist, in the chosen order; else all of them. */
export function chooseColumns(
  available: ReadonlyArray<string>,
  chosen: ReadonlyArray<string> | null,
): string[] {
  if (!chosen) return [...available]
  const known = new Set(available)
  const picked = chosen.filter((name) => known.has(name))
  return picked.length ? picked : [...available]
}
