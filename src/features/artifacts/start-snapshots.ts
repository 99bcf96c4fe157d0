import type { Artifact } from '@/api/artifacts'
import type { ComplianceState } from '@/api/domain'
import type { EnvironmentEvent } from '@/api/events'
import { timelineKind } from './timeline'

/** Where an artifact's latest run in one environment started, as the environment's log says. */
export interface StartSnapshot {
  environment: string
  /** null when no start of it was found in the environment's events. */
  index: number | null
  timestamp: number | null
}

/** At most this many of the newest starts are looked up; older ones are left unknown. */
export const MAX_START_LOOKUPS = 6

/** The environments the artifact runs in or exited from, sorted by name. */
export function startEnvironments(artifact: Pick<Artifact, 'running' | 'exited'>): string[] {
  const names = new Set([...artifact.running, ...artifact.exited].map((ref) => ref.environment))
  return [...names].sort((a, b) => a.localeCompare(b))
}

/**
 * When the artifact started running, newest first: the times of its history's start rows. Only
 * the times are used; which environment and snapshot each start was in comes from the
 * environments' events (`startSnapshots`), never from the rows' sentences.
 */
export function startTimes(artifact: Pick<Artifact, 'history'>): number[] {
  const times = artifact.history.flatMap((event) =>
    timelineKind(event) === 'started' && event.timestamp !== null ? [event.timestamp] : [],
  )
  return [...new Set(times)].sort((a, b) => b - a).slice(0, MAX_START_LOOKUPS)
}

const STARTED = /^started(?:-|$)/

/**
 * For each environment the artifact runs in or exited from (`running`, `exited`), the snapshot
 * its latest run there started in: the newest `started-…` event for its fingerprint among
 * `events` (that environment's events around its start times). That snapshot lists the artifact
 * with the compliance it had when it started. Sorted by environment name.
 */
export function startSnapshots(
  artifact: Pick<Artifact, 'fingerprint' | 'running' | 'exited'>,
  events: ReadonlyArray<EnvironmentEvent>,
): StartSnapshot[] {
  return startEnvironments(artifact).map((environment) => {
    let start: StartSnapshot = { environment, index: null, timestamp: null }
    for (const event of events) {
      if (event.environment !== environment || event.fingerprint !== artifact.fingerprint) continue
      if (!STARTED.test(event.type) || event.snapshotIndex === null) continue
      if (start.index !== null && start.index >= event.snapshotIndex) continue
      start = { environment, index: event.snapshotIndex, timestamp: event.reportedAt }
    }
    return start
  })
}

/**
 * Whether an artifact's compliance when it started (a snapshot's verdict) differs from its
 * compliance now. Unknown on either side is never called a difference.
 */
export function complianceChanged(then: boolean | null, now: ComplianceState): boolean {
  if (then === null || now === 'UNKNOWN') return false
  return then !== (now === 'COMPLIANT')
}
