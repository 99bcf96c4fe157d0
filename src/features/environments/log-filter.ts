import type { EnvironmentEvent } from '@/api/events'
import { NO_PROVENANCE, type EventsTabParams } from './environment-params'

/** The event types Kosli's log uses (both eras), offered before any page has shown them. */
export const KNOWN_EVENT_TYPES = [
  'started',
  'started-compliant',
  'started-non-compliant',
  'started-unknown',
  'exited',
  'changed',
  'scaled',
  'updated-provenance',
  'became-compliant',
  'became-non-compliant',
] as const

/** `started` also takes `started-compliant` and the like: "deployed" whatever the verdict. */
function typeMatches(type: string, wanted: string): boolean {
  return type === wanted || type.startsWith(`${wanted}-`)
}

function artifactMatches(event: EnvironmentEvent, wanted: string): boolean {
  const text = wanted.toLowerCase()
  return (
    (event.fingerprint?.toLowerCase().startsWith(text) ?? false) ||
    event.artifactName.toLowerCase().includes(text)
  )
}

export interface LogRange {
  from: number | null
  to: number | null
}

/** Does the event pass every filter of the log? The range is inclusive at both ends. */
export function matchesLogFilter(
  event: EnvironmentEvent,
  params: Pick<EventsTabParams, 'type' | 'flow' | 'artifact'>,
  range: LogRange,
): boolean {
  if (params.type && !typeMatches(event.type, params.type)) return false
  if (params.flow === NO_PROVENANCE) {
    if (event.flow !== null) return false
  } else if (params.flow && event.flow !== params.flow && !event.flows.includes(params.flow)) {
    return false
  }
  if (params.artifact && !artifactMatches(event, params.artifact)) return false
  if (range.from !== null || range.to !== null) {
    const at = event.reportedAt
    if (at === null) return false
    if (range.from !== null && at < range.from) return false
    if (range.to !== null && at > range.to) return false
  }
  return true
}

/** The type filter's choices: the known types, those seen, and the current one. */
export function typeOptions(
  seen: ReadonlyArray<EnvironmentEvent>,
  current: string,
): Array<readonly [string, string]> {
  const types = new Set<string>([...KNOWN_EVENT_TYPES, ...seen.map((event) => event.type)])
  if (current) types.add(current)
  return [...types]
    .sort()
    .map((type) => [type, type === 'started' ? 'started (any verdict)' : type] as const)
}

/** The flow filter's choices: the flows seen and the current one. */
export function flowOptions(seen: ReadonlyArray<EnvironmentEvent>, current: string): string[] {
  const flows = new Set<string>()
  for (const event of seen) {
    if (event.flow) flows.add(event.flow)
    for (const flow of event.flows) flows.add(flow)
  }
  if (current && current !== NO_PROVENANCE) flows.add(current)
  return [...flows].sort()
}

/** A download's name says what it holds: `cyber-dojo-aws-prod-log-started-2026-07-01-2026-09-30`. */
export function logExportName(org: string, env: string, params: EventsTabParams): string {
  const parts = [
    org,
    env,
    'log',
    params.type,
    params.flow === NO_PROVENANCE ? 'no-provenance' : params.flow,
    params.artifact,
    params.from ? `from-${params.from.slice(0, 10)}` : '',
    params.to ? `to-${params.to.slice(0, 10)}` : '',
  ]
  return parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
}
