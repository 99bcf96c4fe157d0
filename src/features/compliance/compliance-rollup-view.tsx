/**
 * ComplianceRollup — one line: "10 of 11 running artifacts compliant; 1 without provenance",
 * with the compliance badge of the whole.
 *
 * Props:
 * - `artifacts: SnapshotArtifact[]` — `snapshot.artifacts` (exited ones are skipped).
 * - `compliant?: boolean | null` — the snapshot's own verdict, shown as a badge when given.
 * Pure counting lives in `compliance-rollup.ts` (`complianceRollup`, `rollupSentence`).
 */
import { useMemo } from 'react'
import type { SnapshotArtifact } from '@/api/snapshots'
import { ComplianceBadge } from '@/components/compliance-badge'
import { complianceRollup, rollupSentence } from './compliance-rollup'

export interface ComplianceRollupProps {
  artifacts: ReadonlyArray<SnapshotArtifact>
  compliant?: boolean | null
}

export function ComplianceRollup({ artifacts, compliant }: ComplianceRollupProps) {
  // Counted once per snapshot: pages around it re-render on every filter keystroke, and a
  // snapshot can hold thousands of artifacts.
  const sentence = useMemo(() => rollupSentence(complianceRollup(artifacts)), [artifacts])
  return (
    <p className="flex flex-wrap items-center gap-2">
      {compliant !== undefined ? <ComplianceBadge value={compliant} /> : null}
      <span>{sentence}</span>
    </p>
  )
}
