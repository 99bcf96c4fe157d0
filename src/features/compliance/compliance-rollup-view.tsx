/**
 * ComplianceRollup — one line: "10 of 11 running artifacts compliant; 1 without provenance",
 * with the compliance badge of the whole.
 *
 * Props:
 * - `artifacts: SnapshotArtifact[]` — `snapshot.artifacts` (exited ones are skipped).
 * - `compliant?: boolean | null` — the snapshot's own verdict, shown as a badge when given.
 * Pure counting lives in `compliance-rollup.ts` (`complianceRollup`, `rollupSentence`).
 */
import type { SnapshotArtifact } from '@/api/snapshots'
import { ComplianceBadge } from '@/components/compliance-badge'
import { complianceRollup, rollupSentence } from './compliance-rollup'

export interface ComplianceRollupProps {
  artifacts: ReadonlyArray<SnapshotArtifact>
  compliant?: boolean | null
}

export function ComplianceRollup({ artifacts, compliant }: ComplianceRollupProps) {
  const sentence = rollupSentence(complianceRollup(artifacts))
  return (
    <p className="flex flex-wrap items-center gap-2">
      {compliant !== undefined ? <ComplianceBadge value={compliant} /> : null}
      <span>{sentence}</span>
    </p>
  )
}
