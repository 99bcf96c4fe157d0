import type { EnvironmentEvent } from '@/api/events'
import { eventKind, type EventKind } from '@/lib/event-kind'
import { dayKey, formatDayHeading } from '@/lib/time'

export interface ActivityEntry {
  key: string
  kind: EventKind
  env: string
  snapshotIndex: number
  artifactName: string
  fingerprint: string | null
  flow: string | null
  description: string
  reportedAt: number
  compliant: boolean | null
}

/**
 * Every environment's log merged into one list, newest first, keeping the events reported in
 * `[from, to]`. The same event reached through two columns (a logical environment and its
 * member) is listed once.
 */
export function mergeActivity(
  logs: ReadonlyArray<ReadonlyArray<EnvironmentEvent>>,
  from: number,
  to: number,
): ActivityEntry[] {
  const seen = new Map<string, ActivityEntry>()
  for (const log of logs) {
    for (const event of log) {
      // Without a time or a snapshot an event cannot be placed in the list or linked.
      const { reportedAt, snapshotIndex } = event
      if (reportedAt === null || snapshotIndex === null) continue
      if (reportedAt < from || reportedAt > to) continue
      const key = `${event.environment}#${event.snapshotIndex}:${event.fingerprint ?? event.artifactName}:${event.type}`
      if (seen.has(key)) continue
      seen.set(key, {
        key,
        kind: eventKind(event.type),
        env: event.environment,
        snapshotIndex,
        artifactName: event.artifactName,
        fingerprint: event.fingerprint,
        flow: event.flow,
        description: event.description,
        reportedAt,
        compliant: event.artifactCompliant,
      })
    }
  }
  return [...seen.values()].sort(
    (a, b) =>
      b.reportedAt - a.reportedAt ||
      (a.env < b.env ? -1 : a.env > b.env ? 1 : 0) ||
      b.snapshotIndex - a.snapshotIndex ||
      (a.key < b.key ? -1 : 1),
  )
}

export interface ActivityDay {
  day: string
  heading: string
  entries: ActivityEntry[]
}

/** Consecutive entries of one calendar day (in the chosen zone) under one heading. */
export function groupByDay(
  entries: ReadonlyArray<ActivityEntry>,
  zone: { timeZone: string },
): ActivityDay[] {
  const days: ActivityDay[] = []
  for (const entry of entries) {
    const day = dayKey(entry.reportedAt, zone)
    const last = days.at(-1)
    if (last && last.day === day) last.entries.push(entry)
    else days.push({ day, heading: formatDayHeading(entry.reportedAt, zone), entries: [entry] })
  }
  return days
}
