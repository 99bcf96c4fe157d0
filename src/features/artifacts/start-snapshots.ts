import type { Artifact } from '@/api/artifacts'
import type { ComplianceState } from '@/api/domain'
import { splitSnapshotRefs, timelineKind } from './timeline'

/** Where an artifact's latest run in one environment started, as its history tells it. */
export interface StartSnapshot {
  environment: string
  /** null when the history names no start in this environment. */
  index: number | null
  timestamp: number | null
}

/**
 * For each environment the artifact runs in or exited from (`running`, `exited`), the snapshot
 * its latest run there started in: the newest "started running in env#N" row of its history.
 * That snapshot lists the artifact with the compliance it had when it started. Other
 * environments named in the history are not looked at. Sorted by environment name.
 */
export function startSnapshots(
  artifact: Pick<Artifact, 'history' | 'running' | 'exited'>,
): StartSnapshot[] {
  const starts = new Map<string, StartSnapshot>()
  for (const ref of [...artifact.running, ...artifact.exited]) {
    starts.set(ref.environment, { environment: ref.environment, index: null, timestamp: null })
  }
  for (const event of artifact.history) {
    if (timelineKind(event) !== 'started') continue
    for (const segment of splitSnapshotRefs(event.event)) {
      if (segment.kind !== 'snapshot') continue
      const known = starts.get(segment.environment)
      if (!known || (known.index !== null && known.index >= segment.index)) continue
      starts.set(segment.environment, {
        environment: segment.environment,
        index: segment.index,
        timestamp: event.timestamp,
      })
    }
  }
  return [...starts.values()].sort((a, b) => a.environment.localeCompare(b.environment))
}

/**
 * Whether an artifact's compliance when it started (a snapshot's verdict) differs from its
 * compliance now. Unknown on either side is never called a difference.
 */
export function complianceChanged(then: boolean | null, now: ComplianceState): boolean {
  if (then === null || now === 'UNKNOWN') return false
  return then !== (now === 'COMPLIANT')
}
