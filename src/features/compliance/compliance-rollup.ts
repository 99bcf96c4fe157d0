import type { SnapshotArtifact } from '@/api/snapshots'
import { pluralise } from '@/lib/format'

/** Counts of a snapshot's running artifacts by compliance and provenance. */
export interface Rollup {
  running: number
  compliant: number
  nonCompliant: number
  unknown: number
  withoutProvenance: number
  /** Non-compliant artifacts that do have provenance (so the reason is elsewhere). */
  nonCompliantWithProvenance: number
}

type RollupInput = Pick<SnapshotArtifact, 'exited' | 'compliant' | 'flow' | 'flows'>

/** Exited artifacts (still listed in the snapshot they left) are not counted, as the API does. */
export function complianceRollup(artifacts: ReadonlyArray<RollupInput>): Rollup {
  const rollup: Rollup = {
    running: 0,
    compliant: 0,
    nonCompliant: 0,
    unknown: 0,
    withoutProvenance: 0,
    nonCompliantWithProvenance: 0,
  }
  for (const artifact of artifacts) {
    if (artifact.exited) continue
    rollup.running++
    const provenance = artifact.flow !== null || artifact.flows.length > 0
    if (!provenance) rollup.withoutProvenance++
    if (artifact.compliant === true) rollup.compliant++
    else if (artifact.compliant === false) {
      rollup.nonCompliant++
      if (provenance) rollup.nonCompliantWithProvenance++
    } else rollup.unknown++
  }
  return rollup
}

/** '10 of 11 running artifacts compliant; 1 without provenance'. */
export function rollupSentence(rollup: Rollup): string {
  if (rollup.running === 0) return 'No running artifacts.'
  const head = `${rollup.compliant} of ${pluralise(rollup.running, 'running artifact')} compliant`
  const parts = [head]
  if (rollup.withoutProvenance > 0) parts.push(`${rollup.withoutProvenance} without provenance`)
  if (rollup.nonCompliantWithProvenance > 0) {
    parts.push(`${rollup.nonCompliantWithProvenance} non-compliant`)
  }
  if (rollup.unknown > 0) parts.push(`${rollup.unknown} of unknown compliance`)
  return parts.join('; ')
}
